import { A } from "@solidjs/router";
import { SUPPORT_EMAIL } from "../../components/Footer";
import { PageLegale } from "./PageLegale";

export default function MentionsLegales() {
  return (
    <PageLegale titre="Mentions légales">
      <h2>Éditeur</h2>
      <p>
        Le Tableau de bord de l'apprentissage est édité par la Mission interministérielle pour l'apprentissage. Contact
        : <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>.
      </p>
      <h2>Hébergement</h2>
      <p>
        Le service est hébergé par Cloudflare, Inc., 101 Townsend Street, San Francisco, CA 94107, États-Unis (Workers,
        D1 et Durable Objects).
      </p>
      <h2>Accessibilité</h2>
      <p>
        L'état de conformité du service au RGAA est décrit dans la{" "}
        <A href="/accessibilite">déclaration d'accessibilité</A>.
      </p>
      <h2>Données personnelles et cookies</h2>
      <p>
        Voir <A href="/donnees-personnelles">Données personnelles</A> et{" "}
        <A href="/gestion-des-cookies">Gestion des cookies</A>.
      </p>
      <h2>Réutilisation des contenus</h2>
      <p>
        Sauf mention contraire, les contenus de ce site sont proposés sous licence etalab-2.0. Les données des
        apprenants ne sont pas réutilisables : elles ne sont visibles que des personnes habilitées.
      </p>
    </PageLegale>
  );
}
