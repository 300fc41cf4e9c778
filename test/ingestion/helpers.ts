import { env, SELF } from "cloudflare:test";
import { createOrganisme, type OrganismeFixture } from "../helpers/accounts";
import { discardUnreadBody } from "../connection/helpers";

export const API = "http://localhost:8787/api/v3/dossiers-apprenants";

const hub = (organismeId: string) => env.ORGANISME_HUB.get(env.ORGANISME_HUB.idFromName(organismeId));
const actor = { userId: null, name: "Camille Test" };

/** An organisme with a fresh exchange key; confirmed (the ERP used it and the OFA confirmed) unless asked. */
export async function organismeAvecCle(options: { confirmed?: boolean; organisme?: OrganismeFixture } = {}) {
  const organisme = options.organisme ?? (await createOrganisme());
  const generated = await hub(organisme.id).generateKey({ organismeId: organisme.id, actor });
  if (!generated.ok) throw new Error(generated.message);
  const key = generated.key;
  if (options.confirmed ?? true) {
    const test = await SELF.fetch(`${API}/test`, { method: "POST", headers: { Authorization: `Bearer ${key}` } });
    if (test.status !== 200) throw new Error(`test: ${test.status} ${await test.text()}`);
    await test.body?.cancel();
    const confirmed = await hub(organisme.id).confirm({ organismeId: organisme.id, actor });
    if (!confirmed.ok) throw new Error(confirmed.message);
  }
  return { organisme, key };
}

export const confirmConnection = (organismeId: string) => hub(organismeId).confirm({ organismeId, actor });
export const refuseConnection = (organismeId: string) => hub(organismeId).refuse({ organismeId, actor });

export function dossier(organisme: { uai: string | null; siret: string }, overrides: Record<string, unknown> = {}) {
  return {
    nom_apprenant: "Martin",
    prenom_apprenant: "Léa",
    date_de_naissance_apprenant: "2005-03-14",
    annee_scolaire: "2023-2024",
    id_erp_apprenant: "A1",
    date_inscription_formation: "2023-09-01",
    date_entree_formation: "2023-09-01",
    date_fin_formation: "2025-06-30",
    libelle_court_formation: "CAP PATISSIER",
    etablissement_responsable_uai: organisme.uai,
    etablissement_responsable_siret: organisme.siret,
    etablissement_formateur_uai: organisme.uai,
    etablissement_formateur_siret: organisme.siret,
    contrat_date_debut: "2023-09-15",
    contrat_date_fin: "2025-06-30",
    siret_employeur: "98765432100017",
    ...overrides,
  };
}

export async function push(key: string | null, body: unknown, headers: Record<string, string> = {}) {
  const response = await SELF.fetch(API, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(key ? { Authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return discardUnreadBody(response);
}

export async function countEffectifs(organismeId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM effectifs WHERE organisme_id = ?")
    .bind(organismeId)
    .first<{ n: number }>();
  return row!.n;
}
