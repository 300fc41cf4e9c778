import { For } from "solid-js";
import { SUPPORT_EMAIL } from "../components/Footer";

const FAQ = [
  {
    question: "Comment transmettre mes effectifs ?",
    reponse:
      "Une fois votre espace créé, cliquez sur Paramètres, choisissez votre ERP, générez la clé d'échange, collez-la dans votre ERP, puis confirmez l'UAI et le SIRET de votre établissement.",
  },
  {
    question: "Mon ERP n'est pas dans la liste, que faire ?",
    reponse:
      "Choisissez « J'utilise un autre ERP » : vous pourrez transmettre vos effectifs via un fichier Excel en attendant l'interfaçage.",
  },
  {
    question: "Quand mes données apparaissent-elles ?",
    reponse: "Dès que votre ERP les envoie : le tableau de bord se met à jour en direct, sans recharger la page.",
  },
  {
    question: "Ma clé d'échange a été perdue ou divulguée.",
    reponse: "Générez-en une nouvelle depuis Paramètres : l'ancienne est révoquée immédiatement.",
  },
];

export function Question() {
  return (
    <div class="fr-container fr-my-6w">
      <h1>Question ?</h1>
      <div class="fr-accordions-group">
        <For each={FAQ}>
          {(item) => (
            <details class="fr-mb-2w">
              <summary class="fr-text--bold">{item.question}</summary>
              <p class="fr-mt-1w">{item.reponse}</p>
            </details>
          )}
        </For>
      </div>
      <h2 class="fr-mt-4w">Travaillons ensemble</h2>
      <p>Nous construisons le produit pour vous et avec vous : vos retours nous font progresser.</p>
      <ul>
        <li>
          <strong>Contactez-nous si vous constatez des erreurs</strong> sur les données affichées
        </li>
        <li>
          <strong>Faites-nous remonter vos besoins</strong> et remarques
        </li>
      </ul>
      <p>
        Une seule adresse : <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>
      </p>
    </div>
  );
}
