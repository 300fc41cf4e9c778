import { isAdministrator } from "../../../worker/domain/administrateur";

/** The organisme whose transmission is set up: the user's own, or for an administrator the one `?organisme=` names. */
export const organismeDesParametres = (
  user: { isAdmin: boolean; organisationType: string; organismeId: string | null },
  demande: string | undefined,
) => (isAdministrator(user) && demande) || user.organismeId;
