/**
 * The organismes the load suite pushes to, each with its organisation, its user and a confirmed clé d'échange —
 * what the demo seed gives the Gesti OFA — so that their pushes are applied, not held. They come from the demo
 * référentiel, loaded whole so that the pipeline finds its couples (UAI, SIRET).
 */
import { generateReferentiel, type OrganismeDemo } from "../../db/demo/referentiel";
import { luhnValid } from "../../db/demo/identifiants";
import { insertOrganismesOrIgnore, insertRows } from "../../db/referentiel/sql";
import { hashPassword, sha256Hex } from "../../worker/lib/crypto";
import { DEMO_PASSWORD } from "../demo/comptes";

export interface OrganismeCharge {
  organisme: OrganismeDemo;
  /** the clé d'échange in clear, as the ERP sends it */
  cle: string;
}

const CONFIGURED_BY = "Suite de charge";

/** Fiable responsables-formateurs: an ERP sends their dossiers with the organisme as formateur and responsable. */
export function chooseOrganismes(count: number): OrganismeDemo[] {
  const chosen = generateReferentiel()
    .organismes.filter((o) => o.nature === "responsable_formateur" && o.referentiel && !o.ferme && luhnValid(o.siret))
    .slice(0, count);
  if (chosen.length < count) throw new Error(`le référentiel de démonstration n'a pas ${count} OFA fiables`);
  return chosen;
}

export async function seedStatements(
  count: number,
  now: Date,
): Promise<{ statements: string[]; organismes: OrganismeCharge[] }> {
  const at = now.toISOString();
  const referentiel = generateReferentiel();
  const organismes = chooseOrganismes(count).map((organisme) => ({ organisme, cle: crypto.randomUUID() }));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const keyHashes = await Promise.all(organismes.map((o) => sha256Hex(o.cle)));
  const ids = organismes.map((_, i) => ({
    organisation: crypto.randomUUID(),
    user: crypto.randomUUID(),
    key: crypto.randomUUID(),
    n: i + 1,
  }));
  const statements = [
    // The configured organismes go first with their transmission settings; the bulk insert then leaves them alone.
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
        "created_at",
        "updated_at",
      ],
      organismes.map(({ organisme: o }) => [
        o.id,
        o.uai,
        o.siret,
        o.raisonSociale,
        o.enseigne,
        o.nature,
        o.adresse,
        o.codePostal,
        o.commune,
        o.departement,
        o.region,
        o.academie,
        o.ferme,
        o.referentiel,
        "gesti",
        "api",
        at,
        CONFIGURED_BY,
        at,
        at,
      ]),
    ),
    ...insertOrganismesOrIgnore(referentiel.organismes, at),
    ...insertRows(
      "organisme_relations",
      ["responsable_id", "formateur_id"],
      referentiel.relations.map((r) => [r.responsableId, r.formateurId]),
    ),
    ...insertRows(
      "organisations",
      ["id", "type", "label", "organisme_id", "created_at"],
      organismes.map(({ organisme: o }, i) => [
        ids[i].organisation,
        "ORGANISME_FORMATION",
        o.enseigne || o.raisonSociale,
        o.id,
        at,
      ]),
    ),
    ...insertRows(
      "users",
      ["id", "email", "password_hash", "prenom", "nom", "organisation_id", "status", "validated_at", "created_at"],
      ids.map((id) => [
        id.user,
        `charge-${id.n}@example.fr`,
        passwordHash,
        "Ofa",
        `Charge ${id.n}`,
        id.organisation,
        "active",
        at,
        at,
      ]),
    ),
    ...insertRows(
      "api_keys",
      ["id", "organisme_id", "key_hash", "prefix", "created_at", "created_by"],
      organismes.map(({ organisme, cle }, i) => [
        ids[i].key,
        organisme.id,
        keyHashes[i],
        cle.slice(0, 8),
        at,
        ids[i].user,
      ]),
    ),
  ];
  return { statements, organismes };
}
