import { Show, type JSX } from "solid-js";

/** A DSFR text input with its label, optional hint and error wired through aria-describedby. */
export function Field(props: {
  id: string;
  label: string;
  hint?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: JSX.HTMLAttributes<HTMLInputElement>["inputmode"];
  value: string;
  onInput: (value: string) => void;
  error?: string | null;
  required?: boolean;
  list?: string;
  /** Enter in the field runs this instead of submitting the form (a search inside a larger form) */
  onEnter?: () => void;
}) {
  const describedBy = () =>
    [props.hint && `${props.id}-hint`, props.error && `${props.id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div class="fr-input-group" classList={{ "fr-input-group--error": Boolean(props.error) }}>
      <label class="fr-label" for={props.id}>
        {props.label}
        <Show when={props.hint}>
          <span class="fr-hint-text" id={`${props.id}-hint`}>
            {props.hint}
          </span>
        </Show>
      </label>
      <input
        class="fr-input"
        classList={{ "fr-input--error": Boolean(props.error) }}
        id={props.id}
        name={props.id}
        type={props.type ?? "text"}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        list={props.list}
        required={props.required ?? true}
        aria-invalid={props.error ? "true" : undefined}
        aria-describedby={describedBy()}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== "Enter" || !props.onEnter) return;
          e.preventDefault();
          props.onEnter();
        }}
      />
      <Show when={props.error}>
        <p class="fr-error-text" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}

/** The form-level error, announced to screen readers. */
export function FormError(props: { message: string | null }) {
  return (
    <Show when={props.message}>
      <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
        <p>{props.message}</p>
      </div>
    </Show>
  );
}
