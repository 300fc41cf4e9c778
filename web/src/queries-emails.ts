/** The outbox as administrators follow it (`/api/administration/emails`), and "Renvoyer" for a failed message. */
import { action, query } from "@solidjs/router";
import { api } from "./api";
import { done } from "./actions";
import type { EmailsAdministration, StatutEmail } from "../../worker/domain/emails";

export const getEmails = query(
  (statut: StatutEmail | undefined) =>
    api<EmailsAdministration>(`/api/administration/emails${statut ? `?statut=${statut}` : ""}`),
  "administration.emails",
);

export const renvoyerEmail = action(async (id: number) =>
  done(await api<{ ok: true }>(`/api/administration/emails/${id}/renvoyer`, { body: {} }), [getEmails.key]),
);
