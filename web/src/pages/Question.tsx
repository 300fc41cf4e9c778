import { createSignal, For } from "solid-js";
import { ACCUEIL, FilAriane } from "../components/FilAriane";
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

/** DSFR accordion: its button says whether it is open, its panel folds (DSFR's collapse, without its script). */
function Accordeon(props: { id: string; titre: string; texte: string }) {
  const [ouvert, setOuvert] = createSignal(false);
  return (
    <section class="fr-accordion">
      <h2 class="fr-accordion__title">
        <button
          type="button"
          class="fr-accordion__btn"
          aria-expanded={ouvert()}
          aria-controls={props.id}
          onClick={() => setOuvert(!ouvert())}
        >
          {props.titre}
        </button>
      </h2>
      <div class={`fr-collapse${ouvert() ? " fr-collapse--expanded" : ""}`} id={props.id}>
        <p>{props.texte}</p>
      </div>
    </section>
  );
}

export function Question() {
  return (
    <div class="fr-container fr-my-4w">
      <FilAriane parents={[ACCUEIL]} page="Question ?" />
      <h1>Question ?</h1>
      <div class="fr-accordions-group">
        <For each={FAQ}>{(item, i) => <Accordeon id={`faq-${i()}`} titre={item.question} texte={item.reponse} />}</For>
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
