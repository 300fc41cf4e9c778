import { A } from "@solidjs/router";
import { For, Show } from "solid-js";
import { useSession } from "../session";

const ACTEURS = [
  {
    titre: "ORGANISME DE FORMATION (OFA)",
    accroche: "Simplifiez vos démarches",
    points: ["Gagnez du temps pour vos démarches administratives", "Transmettez vos effectifs de manière sécurisée"],
  },
  {
    titre: "RÉSEAU D'OFA",
    accroche: "Facilitez votre animation",
    points: [
      "Suivez l'activité de votre réseau en temps réel",
      "Centralisez les informations utiles à l'animation de celui-ci",
    ],
  },
  {
    titre: "OPÉRATEURS PUBLICS",
    accroche: "Pilotez efficacement",
    points: [
      "Visualisez des données ciblées sur votre territoire",
      "Mobilisez rapidement le SRIE en cas de difficultés des apprentis",
    ],
  },
];

export function Accueil() {
  const currentUser = useSession();
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-notice fr-notice--info fr-mb-4w">
        <div class="fr-container">
          <div class="fr-notice__body">
            <p class="fr-notice__title">
              Taux de fiabilisation des données exposées sur le tableau de bord : + 90%. Si vous constatez des erreurs
              résiduelles, merci de nous le signaler.
            </p>
          </div>
        </div>
      </div>
      <h1>Tableau de bord de l'apprentissage</h1>
      <p class="fr-text--lead">
        Pour un accompagnement des jeunes vers l'emploi, et pour un pilotage, en temps réel, de l'apprentissage dans les
        territoires.
      </p>
      <Show
        when={currentUser()}
        fallback={
          <ul class="fr-btns-group fr-btns-group--inline-md">
            <li>
              <A class="fr-btn" href="/inscription">
                Je m'inscris
              </A>
            </li>
            <li>
              <A class="fr-btn fr-btn--secondary" href="/connexion">
                J'ai déjà un compte
              </A>
            </li>
          </ul>
        }
      >
        <A class="fr-btn" href="/tableau-de-bord">
          Accéder à mon tableau de bord
        </A>
      </Show>
      <h2 class="fr-mt-6w">Vous êtes un acteur de l'apprentissage ?</h2>
      <div class="fr-grid-row fr-grid-row--gutters">
        <For each={ACTEURS}>
          {(acteur) => (
            <div class="fr-col-12 fr-col-md-4">
              <div class="fr-card">
                <div class="fr-card__body">
                  <div class="fr-card__content">
                    <p class="fr-card__detail">{acteur.titre}</p>
                    <h3 class="fr-card__title">{acteur.accroche}</h3>
                    <ul class="fr-card__desc">
                      <For each={acteur.points}>{(point) => <li>{point}</li>}</For>
                    </ul>
                  </div>
                </div>
              </div>
            </div>
          )}
        </For>
      </div>
    </div>
  );
}
