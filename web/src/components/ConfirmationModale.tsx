import { createSignal, createUniqueId, type JSX } from "solid-js";

/**
 * A button whose action asks first, in a DSFR modal (a native <dialog>: focus kept inside, Escape closes, focus
 * back on the button), instead of the browser's `window.confirm`.
 */
export function BoutonAvecConfirmation(props: {
  id?: string;
  class: string;
  label: string;
  ariaLabel?: string;
  disabled?: boolean;
  titre: string;
  children: JSX.Element;
  /** the modal's confirming button */
  confirmer: string;
  onConfirm: () => void;
}) {
  const [ouverte, setOuverte] = createSignal(false);
  const modaleId = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  const ouvrir = () => {
    dialog?.showModal();
    setOuverte(true);
  };
  const fermer = () => dialog?.close();
  return (
    <>
      <button
        id={props.id}
        type="button"
        class={props.class}
        disabled={props.disabled}
        aria-label={props.ariaLabel}
        aria-controls={`modale-${modaleId}`}
        onClick={ouvrir}
      >
        {props.label}
      </button>
      <dialog
        ref={dialog}
        id={`modale-${modaleId}`}
        class={`fr-modal${ouverte() ? " fr-modal--opened" : ""}`}
        aria-labelledby={`modale-${modaleId}-titre`}
        onClose={() => setOuverte(false)}
      >
        <div class="fr-container fr-container--fluid fr-container-md">
          <div class="fr-grid-row fr-grid-row--center">
            <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
              <div class="fr-modal__body">
                <div class="fr-modal__header">
                  <button type="button" class="fr-btn--close fr-btn" title="Fermer la fenêtre" onClick={fermer}>
                    Fermer
                  </button>
                </div>
                <div class="fr-modal__content">
                  <h2 id={`modale-${modaleId}-titre`} class="fr-modal__title">
                    {props.titre}
                  </h2>
                  {props.children}
                </div>
                <div class="fr-modal__footer">
                  <ul class="fr-btns-group fr-btns-group--right fr-btns-group--inline-reverse fr-btns-group--inline-lg">
                    <li>
                      <button
                        type="button"
                        class="fr-btn"
                        onClick={() => {
                          fermer();
                          props.onConfirm();
                        }}
                      >
                        {props.confirmer}
                      </button>
                    </li>
                    <li>
                      <button type="button" class="fr-btn fr-btn--secondary" onClick={fermer}>
                        Annuler
                      </button>
                    </li>
                  </ul>
                </div>
              </div>
            </div>
          </div>
        </div>
      </dialog>
    </>
  );
}
