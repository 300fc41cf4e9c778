/** The learners' records as the database holds them at the end, read back with `wrangler d1 execute`. */
import { storedValue } from "./erp";

type QueryLocal = <T>(sql: string) => T[];

/** learner (`organismeId|id_erp_apprenant`) → the two fields the pushes change. */
export function readStoredRecords(queryLocal: QueryLocal, organismeIds: string[], anneeScolaire: string) {
  const rows = queryLocal<{ organisme_id: string; id_erp_apprenant: string; adresse: string; email: string }>(
    `SELECT organisme_id, id_erp_apprenant, data ->> '$.adresse_apprenant' AS adresse, data ->> '$.email_contact' AS email
       FROM effectifs WHERE annee_scolaire = '${anneeScolaire}' AND organisme_id IN (${organismeIds.map((id) => `'${id}'`).join(", ")})`,
  );
  return new Map(rows.map((r) => [`${r.organisme_id}|${r.id_erp_apprenant}`, storedValue(r.adresse, r.email)]));
}
