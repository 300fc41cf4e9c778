import { A } from "@solidjs/router";

/** DSFR's "page not found" page. */
export default function PageIntrouvable() {
  return (
    <div class="fr-container fr-my-6w">
      <h1>Page non trouvée</h1>
      <p class="fr-text--sm fr-mb-3w">Erreur 404</p>
      <p class="fr-text--lead fr-mb-3w">
        La page que vous cherchez est introuvable. Excusez-nous pour la gêne occasionnée.
      </p>
      <p class="fr-text--sm fr-mb-5w">
        Si vous avez tapé l'adresse web dans le navigateur, vérifiez qu'elle est correcte. La page n'est peut-être plus
        disponible. Dans ce cas, pour continuer votre visite, vous pouvez consulter notre page d'accueil.
      </p>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <A class="fr-btn" href="/">
            Page d'accueil
          </A>
        </li>
      </ul>
    </div>
  );
}
