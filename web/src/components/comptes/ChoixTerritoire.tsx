import { createAsync } from "@solidjs/router";
import { For, Show } from "solid-js";
import { getTerritoires } from "../../queries";
import type { TerritoireNomme, TerritoiresResponse } from "../../../../worker/domain/referentiel";

export type TypeOperateur = "DREETS" | "DDETS" | "ACADEMIE";

const LABELS: Record<
  TypeOperateur,
  { label: string; key: keyof TerritoiresResponse; display: (t: TerritoireNomme) => string }
> = {
  DREETS: { label: "Votre région", key: "regions", display: (t) => t.nom },
  DDETS: { label: "Votre département", key: "departements", display: (t) => `${t.nom} (${t.code})` },
  ACADEMIE: { label: "Votre académie", key: "academies", display: (t) => t.nom },
};

/** The territory of an opérateur public, among the territories that have organismes. */
export function ChoixTerritoire(props: {
  type: TypeOperateur;
  value: string;
  onChange: (code: string) => void;
  error?: string | null;
}) {
  const territoires = createAsync(() => getTerritoires());
  const config = () => LABELS[props.type];
  return (
    <div class="fr-select-group" classList={{ "fr-select-group--error": Boolean(props.error) }}>
      <label class="fr-label" for="territoire">
        {config().label}
      </label>
      <select
        class="fr-select"
        classList={{ "fr-select--error": Boolean(props.error) }}
        id="territoire"
        name="territoire"
        required
        aria-describedby={props.error ? "territoire-error" : undefined}
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
      >
        <option value="" disabled selected={!props.value}>
          Sélectionnez une option
        </option>
        <For each={territoires()?.[config().key] ?? []}>
          {(t) => <option value={t.code}>{config().display(t)}</option>}
        </For>
      </select>
      <Show when={props.error}>
        <p class="fr-error-text" id="territoire-error">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
