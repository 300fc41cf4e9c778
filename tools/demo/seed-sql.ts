/**
 * The SQL of the demo data. Every statement inserts only what is missing (INSERT OR IGNORE, or a NOT EXISTS
 * guard), so seeding again — `npm run dev` does it on each start — keeps what users did and changes nothing.
 */
import type { ReferentielDemo } from "../../db/demo/referentiel";
import { insertOrganismesOrIgnore, insertRows, sqlValue } from "../../db/referentiel/sql";
import { DEMO_RESEAU, demoOrganisations, demoUsers, GESTI_KEY_ID, GESTI_USER_ID, type DemoSelection } from "./comptes";
import type { EffectifsDemo } from "./effectifs";

export interface SeedInput {
  referentiel: ReferentielDemo;
  selection: DemoSelection;
  effectifs: EffectifsDemo;
  passwordHash: string;
  apiKey: { hash: string; prefix: string };
  now: Date;
}

const ago = (now: Date, days: number, hours = 0) =>
  new Date(now.getTime() - (days * 24 + hours) * 3600_000).toISOString();

export function buildSeedSql({ referentiel, selection, effectifs, passwordHash, apiKey, now }: SeedInput): string[] {
  const at = now.toISOString();
  const gesti = selection.gesti;
  const keyCreatedAt = ago(now, 21, 2);
  const firstUseAt = ago(now, 21, 1);
  const configuredAt = ago(now, 21);
  const gestiUser = demoUsers(selection).find((u) => u.id === GESTI_USER_ID)!;
  const configuredBy = `${gestiUser.prenom} ${gestiUser.nom}`;
  const last = effectifs.transmissions.at(-1);

  return [
    // The Gesti OFA goes first with its transmission settings; the bulk insert below then leaves it alone.
    ...insertRows(
      "organismes",
      [
        "id",
        "uai",
        "siret",
        "raison_sociale",
        "enseigne",
        "nature",
        "adresse",
        "code_postal",
        "commune",
        "departement",
        "region",
        "academie",
        "ferme",
        "referentiel",
        "erp",
        "mode_transmission",
        "configured_at",
        "configured_by",
        "last_transmission_at",
        "created_at",
        "updated_at",
      ],
      [
        [
          gesti.id,
          gesti.uai,
          gesti.siret,
          gesti.raisonSociale,
          gesti.enseigne,
          gesti.nature,
          gesti.adresse,
          gesti.codePostal,
          gesti.commune,
          gesti.departement,
          gesti.region,
          gesti.academie,
          gesti.ferme,
          gesti.referentiel,
          "gesti",
          "api",
          configuredAt,
          configuredBy,
          last?.receivedAt ?? null,
          at,
          at,
        ],
      ],
      "",
      "INSERT OR IGNORE",
    ),
    ...insertOrganismesOrIgnore(referentiel.organismes, at),
    ...insertRows(
      "organisme_relations",
      ["responsable_id", "formateur_id"],
      referentiel.relations.map((r) => [r.responsableId, r.formateurId]),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "organisations",
      ["id", "type", "label", "organisme_id", "reseau", "code_region", "created_at"],
      demoOrganisations(selection).map((o) => [o.id, o.type, o.label, o.organismeId, o.reseau, o.codeRegion, at]),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "reseau_membres",
      ["reseau", "organisme_id"],
      selection.reseauMembres.map((o) => [DEMO_RESEAU, o.id]),
      "",
      "INSERT OR IGNORE",
    ),
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
        at,
        at,
      ]),
      "",
      "INSERT OR IGNORE",
    ),
    ...insertRows(
      "api_keys",
      ["id", "organisme_id", "key_hash", "prefix", "created_at", "created_by", "last_used_at"],
      [[GESTI_KEY_ID, gesti.id, apiKey.hash, apiKey.prefix, keyCreatedAt, GESTI_USER_ID, last?.receivedAt ?? null]],
      "",
      "INSERT OR IGNORE",
    ),
    ...effectifs.statements,
    ...auditOnce(gesti.id, [
      [GESTI_USER_ID, configuredBy, "key_generated", `Clé ${apiKey.prefix}… générée.`, keyCreatedAt],
      [
        null,
        "ERP gesti",
        "first_use",
        `Première utilisation de la clé ${apiKey.prefix}… — UAI déclaré : ${gesti.uai}, SIRET déclaré : ${gesti.siret}.`,
        firstUseAt,
      ],
      [
        GESTI_USER_ID,
        configuredBy,
        "confirmed",
        "UAI et SIRET confirmés : le moyen de transmission est paramétré.",
        configuredAt,
      ],
    ]),
  ];
}

/** The audit trail of the Gesti connection, written only if the organisme has none yet. */
function auditOnce(organismeId: string, entries: [string | null, string, string, string, string][]): string[] {
  return entries.map(
    ([userId, actor, action, detail, at]) =>
      `INSERT INTO audit_log (organisme_id, user_id, actor, action, detail, at) SELECT ${[organismeId, userId, actor, action, detail, at].map(sqlValue).join(", ")}` +
      ` WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE organisme_id = ${sqlValue(organismeId)} AND action = ${sqlValue(action)});`,
  );
}
