import type { JSX } from "solid-js";
import { Field } from "./Field";

/**
 * A search inside the sign-up form: its field and its "Rechercher" button; Enter in the field runs the search
 * instead of submitting the form, unless one is already under way.
 */
export function ChampRecherche(props: {
  id: string;
  label: string;
  hint: string;
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>["inputmode"];
  value: string;
  onInput: (value: string) => void;
  error: string | null | undefined;
  pending: boolean;
  onSearch: () => void;
}) {
  return (
    <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
      <div class="fr-col-12 fr-col-sm-8">
        <Field
          id={props.id}
          label={props.label}
          hint={props.hint}
          inputmode={props.inputmode}
          value={props.value}
          onInput={props.onInput}
          onEnter={() => !props.pending && props.onSearch()}
          error={props.error}
          required={false}
        />
      </div>
      <div class="fr-col-12 fr-col-sm-4">
        <button
          type="button"
          class="fr-btn fr-btn--secondary fr-icon-search-line fr-btn--icon-left fr-mb-3w"
          onClick={() => props.onSearch()}
          disabled={props.pending}
        >
          Rechercher
        </button>
      </div>
    </div>
  );
}
