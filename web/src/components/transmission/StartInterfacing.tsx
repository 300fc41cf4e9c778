import { createSignal, For, Show } from "solid-js";
import { BoutonAvecConfirmation } from "../ConfirmationModale";

const STEPS = [
  "1. Générer la clé en cliquant sur le bouton ci-dessous",
  "2. Copier la clé",
  "3. Retourner dans votre compte ERP pour la coller",
  "4. Finaliser en confirmant l'UAI et SIRET de votre établissement",
];

/**
 * Step 2 and 3 of the seed: "Démarrer l'interfaçage avec Gesti." with the four steps, then the generated key.
 * `key` is the clear key (only right after generating it); `pendingPrefix` a key generated earlier, no longer shown.
 */
export function StartInterfacing(props: {
  erpLabel: string;
  key: string | null;
  pendingPrefix: string | null;
  busy: boolean;
  onGenerate: () => void;
  onBack: () => void;
}) {
  const [copied, setCopied] = createSignal<"ok" | "failed" | null>(null);
  const currentStep = () => (props.key ? 1 : props.pendingPrefix ? 2 : 0);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.key ?? "");
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <section aria-labelledby="interfacage-titre">
      <p class="fr-text--lead fr-mb-2w">
        <strong>Votre établissement utilise {props.erpLabel}.</strong>
      </p>
      <h2 id="interfacage-titre" class="fr-h4">
        Démarrer l'interfaçage avec {props.erpLabel}.
      </h2>
      <div class="fr-callout fr-mb-3w">
        <h3 class="fr-callout__title fr-h6">Comment générer votre clé d'échange</h3>
        <ol class="fr-raw-list">
          <For each={STEPS}>
            {(step, i) => (
              <li aria-current={i() === currentStep() ? "step" : undefined}>
                {i() === currentStep() ? <strong>{step}</strong> : step}
              </li>
            )}
          </For>
        </ol>
      </div>

      <Show when={props.key}>
        {(key) => (
          <div class="fr-mb-3w">
            <p class="fr-mb-1w">
              <code id="cle-echange" style={{ "font-size": "1.25rem", "word-break": "break-all" }}>
                {key()}
              </code>
            </p>
            <p class="fr-text--sm fr-mb-2w">La clé d'API générée est à copier puis à coller dans votre ERP</p>
            <p class="fr-text--sm" aria-live="polite">
              <Show when={copied() === "ok"}>La clé est copiée : collez-la dans votre ERP.</Show>
              <Show when={copied() === "failed"}>
                La copie automatique a échoué : sélectionnez la clé ci-dessus et copiez-la.
              </Show>
            </p>
          </div>
        )}
      </Show>
      <Show when={!props.key && props.pendingPrefix}>
        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w">
          <p>
            Une clé d'échange commençant par <code>{props.pendingPrefix}</code> a été générée et attend d'être utilisée
            par votre ERP. Elle n'est affichée qu'une fois : si vous ne l'avez plus, générez-en une nouvelle (l'ancienne
            sera révoquée).
          </p>
        </div>
      </Show>
      <Show when={props.key || props.pendingPrefix}>
        <p class="fr-text--sm" role="status">
          <span class="fr-icon-refresh-line fr-icon--sm" aria-hidden="true" /> Cette page se mettra à jour d'elle-même
          dès que votre ERP utilisera la clé.
        </p>
      </Show>

      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Show
            when={props.key || props.pendingPrefix}
            fallback={
              <button
                id="bouton-revenir"
                type="button"
                class="fr-btn fr-btn--secondary"
                disabled={props.busy}
                onClick={() => props.onBack()}
              >
                Revenir en arrière
              </button>
            }
          >
            <BoutonAvecConfirmation
              id="bouton-revenir"
              class="fr-btn fr-btn--secondary"
              label="Revenir en arrière"
              disabled={props.busy}
              titre="Revenir au choix de l'ERP ?"
              confirmer="Révoquer la clé et revenir en arrière"
              onConfirm={props.onBack}
            >
              <p>
                La clé d'échange générée sera révoquée aussitôt : si vous l'avez déjà collée dans votre ERP, il ne
                pourra plus transmettre vos effectifs.
              </p>
            </BoutonAvecConfirmation>
          </Show>
        </li>
        <li>
          <Show
            when={props.key}
            fallback={
              <button
                id="bouton-generer-cle"
                type="button"
                class="fr-btn"
                disabled={props.busy}
                onClick={() => props.onGenerate()}
              >
                {props.pendingPrefix ? "Générer une nouvelle clé d'échange" : "Générer la clé d'échange"}
              </button>
            }
          >
            <button id="bouton-copier-cle" type="button" class="fr-btn" onClick={copy}>
              Copier la clé
            </button>
          </Show>
        </li>
      </ul>
    </section>
  );
}
