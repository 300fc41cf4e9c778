/**
 * The Mission Locale of Clermont-Ferrand's follow-ups of some demo learners in rupture (tools/demo/rupturants.ts),
 * so that its dashboard counters and a learner's history have content: a learner contacted after a first call
 * unanswered, one whose accompaniment started, one to call back on the seed's day, one signalled by the Gesti CFA.
 * A follow-up is written only if its learner has none (INSERT OR IGNORE, and its history only if it has no event):
 * what the Mission Locale did since the first seed stays.
 */
import { MISSIONS_LOCALES, ML_CLERMONT_ID } from "../../db/demo/missions-locales";
import { sqlValue } from "../../db/referentiel/sql";
import { demoUsers, GESTI_USER_ID, MISSION_LOCALE_USER_ID, type DemoSelection } from "./comptes";

interface Evenement {
  joursAvant: number;
  cote: "mission_locale" | "cfa";
  etat?: string;
  recontacterLe?: string;
  motif?: string;
  contactNom?: string;
  contactTelephone?: string;
  note?: string;
}

interface SuiviDemo {
  idErp: string;
  etat: string;
  recontacterLe?: string;
  evenements: Evenement[];
}

const day = (now: Date, joursAvant: number) =>
  new Date(now.getTime() - joursAvant * 86_400_000 - 3 * 3600_000).toISOString();

export function suivisDemoSql(selection: DemoSelection, rupturants: ReadonlyMap<string, string>, now: Date): string[] {
  const today = now.toISOString().slice(0, 10);
  const users = demoUsers(selection);
  const conseillere = users.find((u) => u.id === MISSION_LOCALE_USER_ID)!;
  const gesti = users.find((u) => u.id === GESTI_USER_ID)!;
  const ml = MISSIONS_LOCALES.find((m) => m.id === ML_CLERMONT_ID)!;
  const cfa = selection.gesti.enseigne || selection.gesti.raisonSociale;
  const suivis: SuiviDemo[] = [
    {
      idErp: "ML-0006",
      etat: "contacte",
      evenements: [
        {
          joursAvant: 24,
          cote: "mission_locale",
          etat: "a_recontacter",
          recontacterLe: day(now, 21).slice(0, 10),
          note: "Messagerie : message laissé, rappeler en fin de semaine.",
        },
        {
          joursAvant: 21,
          cote: "mission_locale",
          etat: "contacte",
          note: "Jointe par téléphone : cherche un nouvel employeur autour de Riom, rendez-vous proposé.",
        },
      ],
    },
    {
      idErp: "ML-0004",
      etat: "accompagnement_demarre",
      evenements: [
        {
          joursAvant: 40,
          cote: "mission_locale",
          etat: "contacte",
          note: "Premier entretien fixé à l'antenne d'Issoire.",
        },
        {
          joursAvant: 33,
          cote: "mission_locale",
          etat: "accompagnement_demarre",
          note: "Entrée en Contrat d'engagement jeune ; ateliers de recherche d'entreprise.",
        },
      ],
    },
    {
      idErp: "ML-0003",
      etat: "a_recontacter",
      recontacterLe: today,
      evenements: [
        {
          joursAvant: 6,
          cote: "mission_locale",
          etat: "a_recontacter",
          recontacterLe: today,
          note: "Mineur : joindre aussi son représentant légal.",
        },
      ],
    },
    {
      idErp: "ML-0002",
      etat: "a_traiter",
      evenements: [
        {
          joursAvant: 2,
          cote: "cfa",
          motif: "recherche_employeur",
          contactNom: `${gesti.prenom} ${gesti.nom}`,
          contactTelephone: "04 73 28 46 10",
          note: "Très motivée, veut finir son BP ; nous cherchons aussi de notre côté.",
        },
      ],
    },
  ];

  const mlId = sqlValue(ml.id);
  return suivis.flatMap((s) => {
    const effectifId = rupturants.get(s.idErp);
    if (!effectifId) throw new Error(`Pas d'effectif de démonstration ${s.idErp}.`);
    const id = sqlValue(effectifId);
    const last = s.evenements.at(-1)!;
    const signalement = s.evenements.find((e) => e.motif);
    const suivi =
      `INSERT OR IGNORE INTO suivis_mission_locale (effectif_id, mission_locale_id, etat, recontacter_le, signale_at, signale_par_organisme_id, derniere_activite_at) ` +
      `VALUES (${id}, ${mlId}, ${sqlValue(s.etat)}, ${sqlValue(s.recontacterLe)}, ${sqlValue(signalement && day(now, signalement.joursAvant))}, ` +
      `${sqlValue(signalement && selection.gesti.id)}, ${sqlValue(day(now, last.joursAvant))});`;
    const rows = s.evenements.map((e) => {
      const [userId, auteur] =
        e.cote === "cfa"
          ? [gesti.id, `${gesti.prenom} ${gesti.nom} (${cfa})`]
          : [conseillere.id, `${conseillere.prenom} ${conseillere.nom} (${ml.nom})`];
      return `(${[day(now, e.joursAvant), userId, auteur, e.cote, e.etat, e.recontacterLe, e.motif, e.contactNom, e.contactTelephone, e.note].map(sqlValue).join(", ")})`;
    });
    const evenements =
      `INSERT INTO suivi_evenements (effectif_id, mission_locale_id, at, user_id, auteur, cote, etat, recontacter_le, motif, contact_nom, contact_telephone, note) ` +
      `SELECT ${id}, ${mlId}, v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7, v.column8, v.column9, v.column10 ` +
      `FROM (VALUES ${rows.join(", ")}) AS v ` +
      `WHERE NOT EXISTS (SELECT 1 FROM suivi_evenements x WHERE x.effectif_id = ${id} AND x.mission_locale_id = ${mlId});`;
    return [suivi, evenements];
  });
}
