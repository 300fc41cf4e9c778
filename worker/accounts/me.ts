/** The user as GET /api/auth/me describes it (web/src/session.ts `Me`). */
export interface Me {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  status: string;
  isAdmin: boolean;
  organisationType: string;
  organisationLabel: string;
  organismeId: string | null;
}

export async function loadMe(db: D1Database, userId: string): Promise<Me | null> {
  const row = await db
    .prepare(
      `SELECT u.id, u.email, u.civilite, u.prenom, u.nom, u.status, u.is_admin AS isAdmin,
              o.type AS organisationType, o.label AS organisationLabel, o.organisme_id AS organismeId
         FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = ?`,
    )
    .bind(userId)
    .first<Omit<Me, "isAdmin"> & { isAdmin: number }>();
  return row ? { ...row, isAdmin: Boolean(row.isAdmin) } : null;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export { isAdministrator } from "../domain/administrateur";
