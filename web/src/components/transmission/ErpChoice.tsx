import { createSignal, For, Show } from "solid-js";
import {
  ERP_AUCUN,
  ERP_AUTRE,
  type ErpChoice as Choice,
  type ErpOption,
} from "../../../../worker/domain/transmission-view";

/** Step 1: "Sélectionnez votre ERP ou outil de gestion utilisé", or "J'utilise un autre ERP", or no ERP (Excel). */
export function ErpChoice(props: { erps: ErpOption[]; busy: boolean; onChoose: (choice: Choice) => void }) {
  const [selected, setSelected] = createSignal<string>("");
  const [autre, setAutre] = createSignal("");
  const [missing, setMissing] = createSignal<string | null>(null);

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!selected()) return setMissing("Sélectionnez votre ERP ou outil de gestion utilisé.");
    if (selected() === ERP_AUTRE && !autre().trim()) return setMissing("Indiquez le nom de votre ERP.");
    setMissing(null);
    props.onChoose(selected() === ERP_AUTRE ? { erp: ERP_AUTRE, erpAutre: autre().trim() } : { erp: selected() });
  };

  return (
    <form id="choix-erp" onSubmit={submit} novalidate>
      <fieldset
        class={`fr-fieldset${missing() ? " fr-fieldset--error" : ""}`}
        aria-labelledby="choix-erp-legende choix-erp-erreur"
      >
        <legend class="fr-fieldset__legend" id="choix-erp-legende">
          Sélectionnez votre ERP ou outil de gestion utilisé <span aria-hidden="true">*</span>
        </legend>
        <For each={props.erps}>
          {(erp) => (
            <div class="fr-fieldset__element">
              <div class="fr-radio-group">
                <input
                  type="radio"
                  id={`erp-${erp.id}`}
                  name="erp"
                  value={erp.id}
                  required
                  checked={selected() === erp.id}
                  onChange={() => setSelected(erp.id)}
                />
                <label class="fr-label" for={`erp-${erp.id}`}>
                  {erp.label}
                </label>
              </div>
            </div>
          )}
        </For>
        <div class="fr-fieldset__element">
          <div class="fr-radio-group">
            <input
              type="radio"
              id="erp-autre"
              name="erp"
              value={ERP_AUTRE}
              checked={selected() === ERP_AUTRE}
              onChange={() => setSelected(ERP_AUTRE)}
            />
            <label class="fr-label" for="erp-autre">
              J'utilise un autre ERP
            </label>
          </div>
        </div>
        <Show when={selected() === ERP_AUTRE}>
          <div class="fr-fieldset__element">
            <div class="fr-input-group">
              <label class="fr-label" for="erp-autre-nom">
                Nom de votre ERP <span aria-hidden="true">*</span>
              </label>
              <input
                class="fr-input"
                id="erp-autre-nom"
                type="text"
                maxLength={100}
                required
                value={autre()}
                onInput={(e) => setAutre(e.currentTarget.value)}
              />
            </div>
          </div>
        </Show>
        <div class="fr-messages-group" id="choix-erp-erreur" aria-live="assertive">
          <Show when={missing()}>
            <p class="fr-message fr-message--error">{missing()}</p>
          </Show>
        </div>
      </fieldset>
      <ul class="fr-btns-group fr-btns-group--inline-md">
        <li>
          <button id="bouton-confirmer-erp" type="submit" class="fr-btn" disabled={props.busy}>
            Confirmer
          </button>
        </li>
        <li>
          <button
            id="bouton-sans-erp"
            type="button"
            class="fr-btn fr-btn--tertiary"
            disabled={props.busy}
            onClick={() => props.onChoose({ erp: ERP_AUCUN })}
          >
            Je n'ai pas d'ERP : je transmets mes effectifs par fichier Excel
          </button>
        </li>
      </ul>
    </form>
  );
}
