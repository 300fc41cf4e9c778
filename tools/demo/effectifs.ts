/**
 * The learners of the Gesti demo OFA, stored exactly as the ERP API stores them: the generated dossiers go through
 * `validateDossier` and `toEffectifRecord`; the invalid ones appear in the transmission report (dossiers_recus).
 * The history is two pushes of the whole file: the first created the effectifs, the latest changed nothing.
 */
import type { OrganismeDemo } from "../../db/demo/referentiel";
import { coupleKey } from "../../db/referentiel/organisme";
import { insertRows, sqlValue } from "../../db/referentiel/sql";
import { anneeScolaireOf } from "../../worker/domain/annee-scolaire";
import { validateDossier, type DossierNormalise } from "../../worker/domain/dossier";
import { EFFECTIF_COLUMNS, toEffectifRecord, type EffectifStatutRow } from "../../worker/ingestion/effectif-record";
import { sha256Hex } from "../../worker/lib/crypto";
import { GESTI_KEY_ID, type DemoSelection } from "./comptes";
import { generateDossiers, type DossierErp } from "./dossiers";

export interface EffectifsDemo {
  statements: string[];
  transmissions: { id: string; receivedAt: string }[];
  valid: number;
  invalid: number;
  anneeScolaire: string;
}

const TRANSMISSION_IDS = ["3d9b7c15-6e2a-4f80-b4d1-8a0c5e7f9b02", "3d9b7c15-6e2a-4f80-b4d1-8a0c5e7f9b03"];

/** Same id as the ERP API gives (derived from the identity), so that a later push finds and updates these rows. */
async function effectifId(organismeId: string, anneeScolaire: string, idErp: string): Promise<string> {
  const h = await sha256Hex(`effectif|${organismeId}|${anneeScolaire}|${idErp}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export async function buildEffectifsDemo(selection: DemoSelection, now: Date): Promise<EffectifsDemo> {
  const today = now.toISOString().slice(0, 10);
  const anneeScolaire = anneeScolaireOf(today);
  const { gesti } = selection;
  const sites: [OrganismeDemo, number][] = [
    [gesti, 220],
    ...selection.gestiFormateurs
      .filter((f) => f.nature === "formateur")
      .slice(0, 2)
      .map((f, i): [OrganismeDemo, number] => [f, 60 - 15 * i]),
  ];
  const scope = new Map(sites.map(([o]) => [coupleKey(o), o.id]));
  const dossiers: DossierErp[] = sites.flatMap(([formateur, count], i) =>
    generateDossiers({
      count,
      seed: 7100 + i,
      anneeScolaire,
      formateur,
      responsable: gesti,
      invalidRatio: 0.04,
      asOf: today,
    }),
  );

  const firstAt = new Date(now.getTime() - 21 * 24 * 3600_000 + 10 * 60_000).toISOString();
  const lastAt = new Date(now.getTime() - 3 * 3600_000).toISOString();
  const effectifs: ReturnType<typeof toEffectifRecord>[] = [];
  const recus: (string | null)[][] = [];
  for (const input of dossiers) {
    const validation = validateDossier(input);
    const fields: Partial<DossierNormalise> = validation.ok ? validation.value : validation.partial;
    const formateurId =
      (fields.etablissement_formateur_uai && fields.etablissement_formateur_siret
        ? scope.get(coupleKey({ uai: fields.etablissement_formateur_uai, siret: fields.etablissement_formateur_siret }))
        : undefined) ?? gesti.id;
    const annee = fields.annee_scolaire ?? String(input.annee_scolaire).trim();
    const idErp = fields.id_erp_apprenant ?? String(input.id_erp_apprenant).trim();
    let id: string | null = null;
    if (validation.ok) {
      id = await effectifId(formateurId, annee, idErp);
      effectifs.push(
        toEffectifRecord(validation.value, { id, organismeId: formateurId, organismeResponsableId: gesti.id }, firstAt),
      );
    }
    recus.push([
      formateurId,
      `${annee}|${idErp}`,
      TRANSMISSION_IDS[1],
      validation.ok ? "unchanged" : "invalid",
      JSON.stringify(validation.ok ? [] : validation.errors),
      fields.nom_apprenant ?? null,
      fields.prenom_apprenant ?? null,
      fields.libelle_court_formation ?? null,
      annee,
      idErp,
      id,
      lastAt,
    ]);
  }
  const valid = effectifs.length;
  const invalid = dossiers.length - valid;

  const statements = [
    ...insertRows(
      "effectifs",
      EFFECTIF_COLUMNS,
      effectifs.map(({ effectif }) => EFFECTIF_COLUMNS.map((c) => effectif[c])),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertStatutsOfUnchanged(effectifs),
    ...insertRows(
      "dossiers_recus",
      [
        "organisme_id",
        "identity",
        "transmission_id",
        "outcome",
        "errors",
        "nom",
        "prenom",
        "libelle_formation",
        "annee_scolaire",
        "id_erp_apprenant",
        "effectif_id",
        "received_at",
      ],
      recus,
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "transmissions",
      [
        "id",
        "organisme_id",
        "api_key_id",
        "source",
        "received_at",
        "total",
        "created",
        "updated",
        "unchanged",
        "held",
        "invalid",
        "duration_ms",
      ],
      [
        [TRANSMISSION_IDS[0], gesti.id, GESTI_KEY_ID, "erp", firstAt, dossiers.length, valid, 0, 0, 0, invalid, 840],
        [TRANSMISSION_IDS[1], gesti.id, GESTI_KEY_ID, "erp", lastAt, dossiers.length, 0, 0, valid, 0, invalid, 310],
      ],
      "",
      "INSERT OR IGNORE",
    ),
  ];
  return {
    statements,
    transmissions: [
      { id: TRANSMISSION_IDS[0], receivedAt: firstAt },
      { id: TRANSMISSION_IDS[1], receivedAt: lastAt },
    ],
    valid,
    invalid,
    anneeScolaire,
  };
}

/**
 * The parcours intervals, only for effectifs still holding the seeded data: one an ERP has updated since has its
 * own intervals, which seeded ones must not join.
 */
function insertStatutsOfUnchanged(
  effectifs: { effectif: { data_hash: string }; statuts: EffectifStatutRow[] }[],
): string[] {
  const rows = effectifs.flatMap(({ effectif, statuts }) =>
    statuts.map(
      (s) =>
        `(${[s.effectif_id, s.organisme_id, s.annee_scolaire, s.du, s.au, s.statut, effectif.data_hash].map(sqlValue).join(", ")})`,
    ),
  );
  const statements: string[] = [];
  for (let i = 0; i < rows.length; i += 100) {
    statements.push(
      "INSERT OR IGNORE INTO effectif_statuts (effectif_id, organisme_id, annee_scolaire, du, au, statut)\n" +
        "SELECT v.column1, v.column2, v.column3, v.column4, v.column5, v.column6 FROM (VALUES\n" +
        rows.slice(i, i + 100).join(",\n") +
        ") AS v JOIN effectifs e ON e.id = v.column1 AND e.data_hash = v.column7;",
    );
  }
  return statements;
}
