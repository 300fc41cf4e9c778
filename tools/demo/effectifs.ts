/**
 * The learners of the demo organismes that transmit, stored exactly as the ERP API (or the file import) stores
 * them: the generated dossiers go through `validateDossier` and `toEffectifRecord`; the invalid ones appear in the
 * transmission report (dossiers_recus). Each organisme's history is two transmissions of its whole file: the first
 * created the effectifs, the latest changed nothing.
 */
import { coupleKey } from "../../db/referentiel/organisme";
import { insertRows, sqlValue } from "../../db/referentiel/sql";
import { anneeScolaireOf } from "../../worker/domain/annee-scolaire";
import { validateDossier, type DossierNormalise } from "../../worker/domain/dossier";
import { EFFECTIF_COLUMNS, toEffectifRecord, type EffectifStatutRow } from "../../worker/ingestion/effectif-record";
import type { CleDemo } from "./cles";
import { generateDossiers } from "./dossiers";
import { effectifId, uuidOf } from "./ids";
import { dossiersRupture } from "./rupturants";
import { calendrierOf, type TransmetteurDemo } from "./transmetteurs";

/** What one transmetteur's transmissions wrote. */
export interface TransmissionsDemo {
  transmetteur: TransmetteurDemo;
  valid: number;
  invalid: number;
  /** the organismes whose effectifs were written (the pipeline sets their last_transmission_at) */
  organismesTouches: string[];
}

export interface EffectifsDemo {
  statements: string[];
  transmissions: TransmissionsDemo[];
  anneeScolaire: string;
  /** the effectif ids of the learners written for the Missions Locales (tools/demo/rupturants.ts), by ERP id */
  rupturants: Map<string, string>;
}

type Effectif = ReturnType<typeof toEffectifRecord>;

export async function buildEffectifsDemo(
  transmetteurs: readonly TransmetteurDemo[],
  cles: ReadonlyMap<string, CleDemo>,
  now: Date,
): Promise<EffectifsDemo> {
  const today = now.toISOString().slice(0, 10);
  const anneeScolaire = anneeScolaireOf(today);
  const effectifs: Effectif[] = [];
  const recus: (string | null)[][] = [];
  const transmissionRows: (string | number | null)[][] = [];
  const transmissions: TransmissionsDemo[] = [];
  const rupturants = new Map<string, string>();

  for (const t of transmetteurs) {
    const { firstAt, lastAt } = calendrierOf(t, now);
    const [firstId, lastId] = t.gesti?.transmissionIds ?? [
      await uuidOf(`transmissions|${t.organisme.id}|1`),
      await uuidOf(`transmissions|${t.organisme.id}|2`),
    ];
    const source = t.mode === "api" ? "erp" : "fichier";
    const scope = new Map(t.sites.map(({ formateur }) => [coupleKey(formateur), formateur.id]));
    const dossiers = t.sites.flatMap(({ formateur, count }, i) =>
      generateDossiers({
        count,
        seed: t.seed + i,
        anneeScolaire,
        formateur,
        responsable: t.organisme,
        invalidRatio: t.invalidRatio,
        asOf: today,
      }),
    );
    // The learners written for the Missions Locales' worklist (tools/demo/rupturants.ts), at the end of the file.
    const casRupture = new Set(dossiersRupture(t, anneeScolaire, today));
    dossiers.push(...casRupture);
    const touches = new Set<string>();
    let valid = 0;
    for (const input of dossiers) {
      const validation = validateDossier(input);
      const fields: Partial<DossierNormalise> = validation.ok ? validation.value : validation.partial;
      const formateurId =
        (fields.etablissement_formateur_uai && fields.etablissement_formateur_siret
          ? scope.get(
              coupleKey({ uai: fields.etablissement_formateur_uai, siret: fields.etablissement_formateur_siret }),
            )
          : undefined) ?? t.organisme.id;
      const annee = fields.annee_scolaire ?? String(input.annee_scolaire).trim();
      const idErp = fields.id_erp_apprenant ?? String(input.id_erp_apprenant).trim();
      let id: string | null = null;
      if (validation.ok) {
        id = await effectifId(formateurId, annee, idErp);
        effectifs.push(
          toEffectifRecord(
            validation.value,
            { id, organismeId: formateurId, organismeResponsableId: t.organisme.id },
            firstAt,
            source,
          ),
        );
        touches.add(formateurId);
        valid++;
        if (casRupture.has(input)) rupturants.set(idErp, id);
      }
      recus.push([
        formateurId,
        `${annee}|${idErp}`,
        lastId,
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
    const invalid = dossiers.length - valid;
    const keyId = cles.get(t.organisme.id)?.id ?? null;
    transmissionRows.push(
      [firstId, t.organisme.id, keyId, source, firstAt, dossiers.length, valid, 0, 0, 0, invalid, 840],
      [lastId, t.organisme.id, keyId, source, lastAt, dossiers.length, 0, 0, valid, 0, invalid, 310],
    );
    transmissions.push({ transmetteur: t, valid, invalid, organismesTouches: [...touches] });
  }

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
      transmissionRows,
      "",
      "INSERT OR IGNORE",
    ),
  ];
  return { statements, transmissions, anneeScolaire, rupturants };
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
