import { PageLegale } from "./PageLegale";

export default function GestionCookies() {
  return (
    <PageLegale titre="Gestion des cookies">
      <p>
        Le Tableau de bord de l'apprentissage ne dépose qu'un seul cookie, <code>tba_session</code>, qui garde votre
        connexion ouverte. Il est strictement nécessaire au service : il n'exige donc pas votre consentement et ne peut
        pas être refusé sans vous déconnecter.
      </p>
      <p>
        Aucun cookie de mesure d'audience, de publicité ou de réseau social n'est déposé, et aucune donnée n'est
        transmise à des tiers à des fins de suivi.
      </p>
    </PageLegale>
  );
}
