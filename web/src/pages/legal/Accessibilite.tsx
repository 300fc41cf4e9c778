import { SUPPORT_EMAIL } from "../../components/Footer";
import { PageLegale } from "./PageLegale";

/** The accessibility declaration (RGAA 4.1): no full audit yet, so "non conforme", as the footer says. */
export default function Accessibilite() {
  return (
    <PageLegale titre="Déclaration d'accessibilité">
      <p>
        La Mission interministérielle pour l'apprentissage s'engage à rendre ses services numériques accessibles,
        conformément à l'article 47 de la loi n° 2005-102 du 11 février 2005. Cette déclaration d'accessibilité
        s'applique au Tableau de bord de l'apprentissage.
      </p>
      <h2>État de conformité</h2>
      <p>
        Le Tableau de bord de l'apprentissage est <strong>non conforme</strong> avec le référentiel général
        d'amélioration de l'accessibilité (RGAA), version 4.1 : il n'a pas encore fait l'objet d'un audit complet.
      </p>
      <h2>Résultats des tests</h2>
      <p>
        En attendant l'audit, chaque page principale est contrôlée automatiquement (axe-core) sur ordinateur et sur
        téléphone, sans aucune violation sérieuse ou critique.
      </p>
      <h2>Contenus non accessibles</h2>
      <ul>
        <li>Le graphique d'évolution mois par mois de Mes indicateurs n'a pas d'équivalent en tableau.</li>
        <li>Les fichiers téléchargés (CSV, XLSX) n'ont pas été vérifiés avec les lecteurs d'écran.</li>
      </ul>
      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie en 2026. Technologies utilisées : HTML, CSS, JavaScript.</p>
      <h2>Retour d'information et contact</h2>
      <p>
        Si vous n'arrivez pas à accéder à un contenu ou à un service, écrivez-nous à{" "}
        <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a> : nous vous orienterons vers une alternative accessible
        ou vous transmettrons le contenu sous une autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous nous avez signalé un défaut d'accessibilité qui vous empêche d'accéder à un contenu ou à un service et
        que vous n'avez pas obtenu de réponse satisfaisante, vous pouvez :
      </p>
      <ul>
        <li>
          écrire un message au{" "}
          <a
            href="https://formulaire.defenseurdesdroits.fr/"
            target="_blank"
            rel="noopener"
            title="Défenseur des droits - nouvelle fenêtre"
          >
            Défenseur des droits
          </a>
          ;
        </li>
        <li>
          contacter{" "}
          <a
            href="https://www.defenseurdesdroits.fr/saisir/delegues"
            target="_blank"
            rel="noopener"
            title="délégué du Défenseur des droits - nouvelle fenêtre"
          >
            le délégué du Défenseur des droits dans votre région
          </a>
          ;
        </li>
        <li>
          envoyer un courrier par la poste (gratuit, ne pas mettre de timbre) : Défenseur des droits, Libre réponse
          71120, 75342 Paris CEDEX 07.
        </li>
      </ul>
    </PageLegale>
  );
}
