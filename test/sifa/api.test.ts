import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { apiFetch, createOrganisme, createUser, loginAs, type OrganismeFixture } from "../helpers/accounts";
import { dossier, organismeAvecCle, push } from "../ingestion/helpers";
import { COLONNES_SIFA, type EnqueteSifa, type FichierSifa } from "../../worker/domain/sifa-fichier";

let responsable: OrganismeFixture;
let formateur: OrganismeFixture;
let cookie: string;
let userId: string;

const col = (name: (typeof COLONNES_SIFA)[number]) => COLONNES_SIFA.indexOf(name);

/** Fields that make a line complete; the learners meant to be incomplete leave some out. */
const complet = {
  ine_apprenant: "1234567890A",
  adresse_apprenant: "3 rue des Lilas",
  code_postal_apprenant: "63000",
  code_commune_insee_apprenant: "63113",
  sexe_apprenant: "F",
  rqth_apprenant: false,
  derniere_situation: 1003,
  dernier_organisme_uai: "63",
  type_cfa: "01",
  formation_cfd: "50022137",
  annee_formation: 1,
  duree_theorique_formation: 2,
};

/** The helper's dossier has a 2025 contract end: every case sets its own contract. */
const annee = {
  annee_scolaire: "2026-2027",
  date_inscription_formation: "2026-09-01",
  date_entree_formation: "2026-09-01",
  date_fin_formation: "2028-06-30",
  contrat_date_fin: undefined,
};

/** id → expected in the survey of 2026-2027 (statut on 2026-12-31). */
const CAS: { id: string; inclus: boolean; chez?: "formateur"; fields: Record<string, unknown> }[] = [
  {
    id: "apprenti",
    inclus: true,
    fields: {
      ...complet,
      ...annee,
      nom_apprenant: "ARNAUD",
      contrat_date_debut: "2026-09-15",
      contrat_date_fin: "2028-06-30",
    },
  },
  {
    id: "apprenti-au-31",
    inclus: true,
    fields: { ...annee, nom_apprenant: "BERNARD", contrat_date_debut: "2026-12-31" },
  },
  {
    id: "rupturant",
    inclus: true,
    fields: {
      ...complet,
      ...annee,
      nom_apprenant: "CARON",
      contrat_date_debut: "2026-09-01",
      contrat_date_rupture: "2026-11-15",
    },
  },
  {
    id: "rupture-au-31",
    inclus: true,
    fields: {
      ...complet,
      ...annee,
      nom_apprenant: "DUBOIS",
      contrat_date_debut: "2026-09-01",
      contrat_date_rupture: "2026-12-31",
    },
  },
  {
    id: "formateur",
    inclus: true,
    chez: "formateur",
    fields: { ...complet, ...annee, nom_apprenant: "ETIENNE", contrat_date_debut: "2026-10-01" },
  },
  {
    id: "annee-civile",
    inclus: true,
    fields: {
      ...complet,
      annee_scolaire: "2026-2026",
      date_inscription_formation: "2026-01-05",
      date_entree_formation: "2026-01-05",
      date_fin_formation: "2027-06-30",
      contrat_date_fin: undefined,
      nom_apprenant: "FAURE",
      contrat_date_debut: "2026-01-05",
    },
  },
  {
    id: "inscrit",
    inclus: false,
    fields: {
      ...complet,
      ...annee,
      date_entree_formation: "2026-11-02",
      nom_apprenant: "GARNIER",
      contrat_date_debut: undefined,
      contrat_date_fin: undefined,
      siret_employeur: undefined,
    },
  },
  {
    id: "contrat-au-1er-janvier",
    inclus: false,
    fields: {
      ...complet,
      ...annee,
      date_entree_formation: "2026-12-01",
      nom_apprenant: "HENRY",
      contrat_date_debut: "2027-01-01",
      contrat_date_fin: undefined,
    },
  },
  {
    id: "abandon",
    inclus: false,
    fields: {
      ...complet,
      ...annee,
      nom_apprenant: "ISAAC",
      contrat_date_debut: "2026-09-01",
      contrat_date_fin: undefined,
      date_exclusion_formation: "2026-12-31",
    },
  },
  {
    id: "fin-de-formation",
    inclus: false,
    fields: {
      ...complet,
      ...annee,
      date_fin_formation: "2026-12-31",
      nom_apprenant: "JOLY",
      contrat_date_debut: "2026-09-01",
      contrat_date_fin: "2026-12-31",
    },
  },
  {
    id: "autre-annee",
    inclus: false,
    fields: {
      ...complet,
      annee_scolaire: "2025-2026",
      date_inscription_formation: "2025-09-01",
      date_entree_formation: "2025-09-01",
      nom_apprenant: "KLEIN",
      contrat_date_debut: "2025-09-15",
      date_fin_formation: "2027-06-30",
      contrat_date_fin: undefined,
    },
  },
];

const INCLUS = CAS.filter((c) => c.inclus);

beforeAll(async () => {
  responsable = await createOrganisme({ nature: "responsable", raisonSociale: "CFA RESPONSABLE SIFA" });
  formateur = await createOrganisme({ nature: "formateur", raisonSociale: "CFA FORMATEUR SIFA" });
  await env.DB.prepare("INSERT INTO organisme_relations (responsable_id, formateur_id) VALUES (?, ?)")
    .bind(responsable.id, formateur.id)
    .run();
  const { key } = await organismeAvecCle({ organisme: responsable });
  const user = await createUser({ organismeId: responsable.id });
  userId = user.id;
  cookie = await loginAs(user.email);

  const dossiers = CAS.map((c) => {
    const base = dossier(responsable, { id_erp_apprenant: c.id, prenom_apprenant: c.id, ...c.fields });
    if (c.chez === "formateur")
      Object.assign(base, {
        etablissement_formateur_uai: formateur.uai,
        etablissement_formateur_siret: formateur.siret,
      });
    return base;
  });
  const response = await push(key, dossiers);
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    data: { id_erp_apprenant: string; outcome: string; validation_errors: unknown[] }[];
  };
  for (const item of body.data) expect(item.validation_errors, item.id_erp_apprenant).toEqual([]);

  // Another organisme's apprentice is never part of ours.
  const autre = await createOrganisme();
  const cleAutre = await organismeAvecCle({ organisme: autre });
  expect(
    (await push(cleAutre.key, [dossier(autre, { ...complet, ...annee, id_erp_apprenant: "ailleurs" })])).status,
  ).toBe(200);
});

const sifa = (query: string, asCookie = cookie) =>
  apiFetch(`/api/organismes/${responsable.id}/sifa${query}`, { cookie: asCookie });

async function json<T>(response: Response): Promise<T> {
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe("GET /api/organismes/:id/sifa", () => {
  it("counts the learners APPRENTI or RUPTURANT on 31 December of the rentrée year, formateurs included", async () => {
    const enquete = await json<EnqueteSifa>(await sifa("?annee=2026-2027"));
    expect(enquete).toMatchObject({
      anneeScolaire: "2026-2027",
      dateEnquete: "2026-12-31",
      uai: responsable.uai,
      total: INCLUS.length,
    });
  });

  it("lists the incomplete learners with their missing columns, and only them", async () => {
    const enquete = await json<EnqueteSifa>(await sifa("?annee=2026-2027"));
    expect(enquete.incomplets).toEqual([
      {
        effectifId: expect.any(String),
        nom: "BERNARD",
        prenom: "apprenti-au-31",
        formation: "CAP PATISSIER",
        manquants: [
          "INE",
          "TYPE_CFA",
          "DIPLOME",
          "DUR_FORM_THEO",
          "AN_FORM",
          "ADRESSE",
          "COD_POST",
          "COM_RESID",
          "SEXE",
          "HANDI",
          "SIT_N_1",
          "ETAB_N_1",
        ],
      },
    ]);
  });

  it("another school year has another survey date and population", async () => {
    const enquete = await json<EnqueteSifa>(await sifa("?annee=2025-2026"));
    expect(enquete).toMatchObject({ anneeScolaire: "2025-2026", dateEnquete: "2025-12-31", total: 1, incomplets: [] });
  });

  it("defaults to the current school year", async () => {
    const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    const rentree = Number(today.slice(5, 7)) >= 8 ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
    const enquete = await json<EnqueteSifa>(await sifa(""));
    expect(enquete.anneeScolaire).toBe(`${rentree}-${rentree + 1}`);
    expect(enquete.dateEnquete).toBe(`${rentree}-12-31`);
  });

  it("refuses a malformed année scolaire in French", async () => {
    for (const bad of ["2026", "2026-2028", "abc", "2026-2026"]) {
      const response = await sifa(`?annee=${bad}`);
      expect(response.status, bad).toBe(400);
      expect(await response.json()).toEqual({
        error: "Bad Request",
        message: "Année scolaire invalide (format attendu : 2026-2027).",
        field: "annee",
      });
    }
  });
});

describe("GET /api/organismes/:id/sifa/fichier", () => {
  it("gives the header and one line per learner of the population, in column order", async () => {
    const fichier = await json<FichierSifa>(await sifa("/fichier?annee=2026-2027&format=csv"));
    expect(fichier.colonnes).toEqual([...COLONNES_SIFA]);
    expect(fichier.uai).toBe(responsable.uai);
    expect(fichier.lignes).toHaveLength(INCLUS.length);
    for (const l of fichier.lignes) expect(l).toHaveLength(COLONNES_SIFA.length);
    expect(fichier.lignes.map((l) => l[col("PRENOM1")]).sort()).toEqual(INCLUS.map((c) => c.id).sort());

    const byId = new Map(fichier.lignes.map((l) => [l[col("PRENOM1")], l]));
    const chezFormateur = byId.get("formateur")!;
    expect([chezFormateur[col("NUMERO_UAI")], chezFormateur[col("SIT_FORM")]]).toEqual([
      responsable.uai,
      formateur.uai,
    ]);
    const rupturant = byId.get("rupturant")!;
    expect([rupturant[col("STATUT")], rupturant[col("UAI_EPLE")], rupturant[col("NAT_STR_JUR")]]).toEqual([
      "APP",
      "NC",
      "NC",
    ]);
    expect([rupturant[col("DATE_DEB_CONT")], rupturant[col("DATE_RUPT_CONT")], rupturant[col("SIRET_EMP")]]).toEqual([
      "01092026",
      "15112026",
      "98765432100017",
    ]);
    expect([rupturant[col("DATE_NAIS")], rupturant[col("SEXE")], rupturant[col("DIPLOME")]]).toEqual([
      "14032005",
      "2",
      "50022137",
    ]);
  });

  it("logs each download with its format", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM downloads_log WHERE organisme_id = ?")
      .bind(responsable.id)
      .first<{ n: number }>();
    await json(await sifa("/fichier?annee=2026-2027&format=csv"));
    await json(await sifa("/fichier?annee=2026-2027&format=xlsx"));
    const { results } = await env.DB.prepare(
      "SELECT kind, user_id AS userId FROM downloads_log WHERE organisme_id = ? ORDER BY id DESC LIMIT 2",
    )
      .bind(responsable.id)
      .all<{ kind: string; userId: string }>();
    expect(results).toEqual([
      { kind: "sifa-xlsx", userId },
      { kind: "sifa-csv", userId },
    ]);
    const after = await env.DB.prepare("SELECT count(*) AS n FROM downloads_log WHERE organisme_id = ?")
      .bind(responsable.id)
      .first<{ n: number }>();
    expect(after!.n - before!.n).toBe(2);
  });

  it("the summary names learners: it is logged as a read, not as a download", async () => {
    const kinds = () =>
      env.DB.prepare("SELECT kind FROM downloads_log WHERE organisme_id = ? ORDER BY id")
        .bind(responsable.id)
        .all<{ kind: string }>()
        .then((r) => r.results.map((row) => row.kind));
    const before = await kinds();
    await json(await sifa("?annee=2026-2027"));
    expect(await kinds()).toEqual([...before, "sifa-incomplets"]);
  });

  it("refuses an unknown format", async () => {
    const response = await sifa("/fichier?annee=2026-2027&format=pdf");
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toBe(
      "Format de fichier inconnu (attendu : csv ou xlsx).",
    );
  });
});

describe("permissions", () => {
  it("another OFA gets a 403 on the survey and on the file, and nothing is logged", async () => {
    const autre = await loginAs((await createUser({ organismeId: (await createOrganisme()).id })).email);
    for (const query of ["?annee=2026-2027", "/fichier?annee=2026-2027&format=csv"]) {
      const response = await sifa(query, autre);
      expect(response.status, query).toBe(403);
      expect(((await response.json()) as { message: string }).message).toBe("Vous n'avez pas accès à cet organisme.");
    }
    const log = await env.DB.prepare("SELECT count(*) AS n FROM downloads_log WHERE user_id != ? AND organisme_id = ?")
      .bind(userId, responsable.id)
      .first<{ n: number }>();
    expect(log!.n).toBe(0);
  });

  it("the formateur's own users see only the formateur's learners", async () => {
    const chezFormateur = await loginAs((await createUser({ organismeId: formateur.id })).email);
    const response = await apiFetch(`/api/organismes/${formateur.id}/sifa?annee=2026-2027`, { cookie: chezFormateur });
    expect(await json<EnqueteSifa>(response)).toMatchObject({ total: 1, uai: formateur.uai });
    expect(
      (await apiFetch(`/api/organismes/${responsable.id}/sifa?annee=2026-2027`, { cookie: chezFormateur })).status,
    ).toBe(403);
  });

  it("without a session: 401", async () => {
    expect((await apiFetch(`/api/organismes/${responsable.id}/sifa?annee=2026-2027`)).status).toBe(401);
  });
});
