import { createResource } from "solid-js";
import { api } from "./api";

/** What GET /api/auth/me answers for the logged-in user. */
export interface Me {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  status: "pending" | "active" | "disabled";
  isAdmin: boolean;
  organisationType: string;
  organisationLabel: string;
  organismeId: string | null;
}

async function fetchMe(): Promise<Me | null> {
  return (await api<{ user: Me | null }>("/api/auth/session")).user;
}

const [me, { refetch, mutate }] = createResource(fetchMe);

/** The current user (undefined while loading, null when logged out). */
export const currentUser = me;
export const reloadCurrentUser = refetch;
export const setCurrentUser = mutate;
