import { SUPPORT_EMAIL } from "../../components/Footer";
import { PageLegale } from "./PageLegale";

export default function DonneesPersonnelles() {
  return (
    <PageLegale titre="Données personnelles">
      <h2>Quelles données ?</h2>
      <ul>
        <li>
          Les comptes des utilisateurs : civilité, nom, prénom, adresse e-mail, fonction et organisation ; les dates de
          connexion.
        </li>
        <li>
          Les dossiers des apprenants transmis par les organismes de formation (par leur ERP ou par fichier) : identité,
          date de naissance, formation, contrat et employeur, statut dans le parcours.
        </li>
        <li>Chaque consultation ou téléchargement d'une liste nominative : qui, quand et combien de lignes.</li>
      </ul>
      <h2>Pourquoi ?</h2>
      <p>
        Pour accompagner les jeunes vers l'emploi et piloter l'apprentissage dans les territoires : suivre les effectifs
        des organismes, repérer les apprentis en rupture de contrat et les jeunes sans contrat, produire l'enquête SIFA.
        Ce traitement relève d'une mission d'intérêt public.
      </p>
      <h2>Qui y a accès ?</h2>
      <p>
        Les utilisateurs de l'organisme de formation voient ses apprenants ; les réseaux et les opérateurs publics
        voient les indicateurs de leur territoire et, selon leur rôle, certaines listes nominatives. Chaque accès
        nominatif est journalisé.
      </p>
      <h2>Combien de temps ?</h2>
      <p>
        Une clé d'échange inutilisée pendant 12 mois est révoquée. Une session de connexion expire après deux heures
        d'inactivité, et au plus tard après 24 heures.
      </p>
      <h2>Vos droits</h2>
      <p>
        Vous pouvez accéder à vos données, les faire rectifier ou vous opposer à leur traitement en écrivant à{" "}
        <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>. Si vous estimez que vos droits ne sont pas respectés,
        vous pouvez adresser une réclamation à la{" "}
        <a href="https://www.cnil.fr/fr/plaintes" target="_blank" rel="noopener" title="CNIL - nouvelle fenêtre">
          CNIL
        </a>
        .
      </p>
    </PageLegale>
  );
}
