/**
 * The SQL of the demo data. Every statement adds only what is missing (INSERT OR IGNORE, a NOT EXISTS guard, an
 * UPDATE of settings still unset), so seeding again — `npm run dev` does it on each start — keeps what users did and
 * changes nothing, and a database seeded by an older version of the demo gets what it lacks.
 */
import { MISSIONS_LOCALES } from "../../db/demo/missions-locales";
import type { ReferentielDemo } from "../../db/demo/referentiel";
import { insertOrganismesOrIgnore, insertRows, sqlValue } from "../../db/referentiel/sql";
import type { CleDemo } from "./cles";
import { DEMO_RESEAU, DEMO_RESEAU_RESPONSABLE, demoOrganisations, demoUsers, type DemoSelection } from "./comptes";
import type { EffectifsDemo, TransmissionsDemo } from "./effectifs";
import { suivisDemoSql } from "./suivis";
import { calendrierOf, type TransmetteurDemo } from "./transmetteurs";

export interface SeedInput {
  referentiel: ReferentielDemo;
  selection: DemoSelection;
  effectifs: EffectifsDemo;
  cles: ReadonlyMap<string, CleDemo>;
  passwordHash: string;
  now: Date;
}

export function buildSeedSql({ referentiel, selection, effectifs, cles, passwordHash, now }: SeedInput): string[] {
  const at = now.toISOString();
  return [
    ...insertOrganismesOrIgnore(referentiel.organismes, at),
    ...insertRows(
      "organisme_relations",
      ["responsable_id", "formateur_id"],
      referentiel.relations.map((r) => [r.responsableId, r.formateurId]),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "missions_locales",
      ["id", "nom", "commune", "code_postal", "code_departement", "code_region", "telephone", "email"],
      MISSIONS_LOCALES.map((ml) => [
        ml.id,
        ml.nom,
        ml.commune,
        ml.codePostal,
        ml.codeDepartement,
        ml.codeRegion,
        ml.telephone,
        ml.email,
      ]),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "mission_locale_communes",
      ["mission_locale_id", "code_insee", "code_postal", "nom"],
      MISSIONS_LOCALES.flatMap((ml) => ml.communes.map((c) => [ml.id, c.codeInsee, c.codePostal, c.nom])),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "organisations",
      [
        "id",
        "type",
        "label",
        "organisme_id",
        "reseau",
        "code_region",
        "code_departement",
        "code_academie",
        "mission_locale_id",
        "created_at",
      ],
      demoOrganisations(selection).map((o) => [
        o.id,
        o.type,
        o.label,
        o.organismeId,
        o.reseau,
        o.codeRegion,
        o.codeDepartement,
        o.codeAcademie,
        o.missionLocaleId,
        at,
      ]),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "reseau_membres",
      ["reseau", "organisme_id"],
      [
        ...selection.reseauMembres.map((o) => [DEMO_RESEAU, o.id]),
        ...selection.reseauResponsableMembres.map((o) => [DEMO_RESEAU_RESPONSABLE, o.id]),
      ],
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows("reseaux_responsables", ["reseau"], [[DEMO_RESEAU_RESPONSABLE]], "", "INSERT OR IGNORE"),
    ...insertRows(
      "users",
      [
        "id",
        "email",
        "password_hash",
        "civilite",
        "prenom",
        "nom",
        "fonction",
        "organisation_id",
        "status",
        "is_admin",
        "role",
        "validated_at",
        "created_at",
      ],
      demoUsers(selection).map((u) => [
        u.id,
        u.email,
        passwordHash,
        u.civilite,
        u.prenom,
        u.nom,
        u.fonction,
        u.organisationId,
        "active",
        u.isAdmin,
        // each demo account is the first (and only) validated user of its organisation: its administrateur
        "administrateur",
        at,
        at,
      ]),
      "",
      "INSERT OR IGNORE",
    ),
    ...effectifs.transmissions.flatMap((t) => transmissionSettings(t, now)),
    ...insertRows(
      "api_keys",
      ["id", "organisme_id", "key_hash", "prefix", "created_at", "created_by", "last_used_at"],
      effectifs.transmissions.flatMap(({ transmetteur: t }) => {
        const cle = cles.get(t.organisme.id);
        const { keyCreatedAt, lastAt } = calendrierOf(t, now);
        return cle ? [[cle.id, t.organisme.id, cle.hash, cle.prefix, keyCreatedAt, t.configuredBy.userId, lastAt]] : [];
      }),
      "",
      "INSERT OR IGNORE",
    ),
    ...effectifs.statements,
    ...suivisDemoSql(selection, effectifs.rupturants, now),
    ...effectifs.transmissions.flatMap(({ transmetteur }) =>
      auditOnce(transmetteur, cles.get(transmetteur.organisme.id), now),
    ),
  ];
}

/**
 * The organisme's transmission settings and the last transmission of its sites, as the connection procedure and
 * the pipeline leave them; only where nothing is set yet, so that a configuration changed since stays.
 */
function transmissionSettings({ transmetteur: t, organismesTouches }: TransmissionsDemo, now: Date): string[] {
  const { configuredAt, lastAt } = calendrierOf(t, now);
  const sites = organismesTouches.filter((id) => id !== t.organisme.id);
  return [
    `UPDATE organismes SET erp = ${sqlValue(t.erp)}, mode_transmission = ${sqlValue(t.mode)}, configured_at = ${sqlValue(configuredAt)}, configured_by = ${sqlValue(t.configuredBy.name)}, last_transmission_at = ${sqlValue(lastAt)}` +
      ` WHERE id = ${sqlValue(t.organisme.id)} AND erp IS NULL AND erp_autre IS NULL AND mode_transmission IS NULL AND configured_at IS NULL AND last_transmission_at IS NULL;`,
    ...(sites.length
      ? [
          `UPDATE organismes SET last_transmission_at = ${sqlValue(lastAt)} WHERE id IN (${sites.map(sqlValue).join(", ")}) AND last_transmission_at IS NULL;`,
        ]
      : []),
  ];
}

/**
 * The audit trail of the organisme's connection (the key flow, or the choice of a file), written only if the
 * organisme has none of these entries yet. Details are SQL expressions: an ERP's label is read from the catalogue.
 */
function auditOnce(t: TransmetteurDemo, cle: CleDemo | undefined, now: Date): string[] {
  const { keyCreatedAt, firstUseAt, configuredAt } = calendrierOf(t, now);
  const { userId, name } = t.configuredBy;
  const { uai, siret } = t.organisme;
  const entries: [string | null, string, string, string, string][] = cle
    ? [
        [userId, name, "key_generated", sqlValue(`Clé ${cle.prefix}… générée.`), keyCreatedAt],
        [
          null,
          `ERP ${t.erp}`,
          "first_use",
          sqlValue(`Première utilisation de la clé ${cle.prefix}… — UAI déclaré : ${uai}, SIRET déclaré : ${siret}.`),
          firstUseAt,
        ],
        [
          userId,
          name,
          "confirmed",
          sqlValue("UAI et SIRET confirmés : le moyen de transmission est paramétré."),
          configuredAt,
        ],
      ]
    : [
        [
          userId,
          name,
          "erp_chosen",
          t.erp
            ? `'ERP choisi : ' || (SELECT label FROM erps WHERE id = ${sqlValue(t.erp)}) || ' (non interfacé) — transmission par fichier Excel.'`
            : sqlValue("Transmission par fichier Excel (sans ERP)."),
          configuredAt,
        ],
      ];
  const organismeId = sqlValue(t.organisme.id);
  return entries.map(
    ([user, actor, action, detail, when]) =>
      `INSERT INTO audit_log (organisme_id, user_id, actor, action, detail, at) SELECT ${organismeId}, ${sqlValue(user)}, ${sqlValue(actor)}, ${sqlValue(action)}, ${detail}, ${sqlValue(when)}` +
      ` WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE organisme_id = ${organismeId} AND action = ${sqlValue(action)});`,
  );
}
