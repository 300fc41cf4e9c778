import { createSignal, For, Show } from "solid-js";
import {
  ETAT_SUIVI_LABELS,
  ETATS_SUIVI,
  NOTE_MAX,
  type EtatSuivi,
  type JeuneEnRupture,
} from "../../../../worker/domain/missions-locales";
import { FormError } from "../comptes/Field";
import { useForm } from "../../forms";
import { changerSuivi } from "../../queries-mission-locale";

const CHAMPS = ["etat", "recontacterLe", "note"];

/**
 * The Mission Locale changes a learner's follow-up state: the state, the date to call back (required for
 * "À recontacter"), a short note. The server's French errors go under the field they name, or above the button.
 */
export function FormulaireSuivi(props: { jeune: JeuneEnRupture; aujourdhui: string }) {
  const id = () => props.jeune.effectifId;
  const form = useForm(changerSuivi, ([effectifId]) => effectifId === id());
  const [etat, setEtat] = createSignal<EtatSuivi>(props.jeune.etat);
  const [date, setDate] = createSignal(props.jeune.recontacterLe ?? "");
  const [note, setNote] = createSignal("");
  const [dateManquante, setDateManquante] = createSignal(false);
  const [enregistre, setEnregistre] = createSignal(false);
  const errors = (): Record<string, string | undefined> => {
    const e = form.error();
    return {
      ...(dateManquante() ? { recontacterLe: "Indiquez la date à laquelle recontacter le jeune." } : {}),
      ...(e?.field && CHAMPS.includes(e.field) ? { [e.field]: e.message } : {}),
    };
  };
  const formError = () => {
    const e = form.error();
    return e && !(e.field && CHAMPS.includes(e.field)) ? e.message : null;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    form.clear();
    setEnregistre(false);
    const recontacter = etat() === "a_recontacter";
    setDateManquante(recontacter && !date());
    if (dateManquante()) {
      document.getElementById("suivi-date")?.focus();
      return;
    }
    const result = await form.submit(id(), {
      etat: etat(),
      recontacterLe: recontacter ? date() : undefined,
      note: note().trim() || undefined,
    });
    if (result) {
      setNote("");
      setEnregistre(true);
    }
  };

  return (
    <form onSubmit={submit} novalidate id="formulaire-suivi" aria-labelledby="formulaire-suivi-titre">
      <h3 class="fr-h6" id="formulaire-suivi-titre">
        Changer l'état du suivi
      </h3>
      <div class="fr-select-group" classList={{ "fr-select-group--error": Boolean(errors().etat) }}>
        <label class="fr-label" for="suivi-etat">
          État du suivi
        </label>
        <select
          class="fr-select"
          classList={{ "fr-select--error": Boolean(errors().etat) }}
          id="suivi-etat"
          aria-describedby={errors().etat ? "suivi-etat-error" : undefined}
          value={etat()}
          onChange={(e) => {
            setEtat(e.currentTarget.value as EtatSuivi);
            setDateManquante(false);
            setEnregistre(false);
          }}
        >
          <For each={ETATS_SUIVI}>{(e) => <option value={e}>{ETAT_SUIVI_LABELS[e]}</option>}</For>
        </select>
        <Show when={errors().etat}>
          <p class="fr-error-text" id="suivi-etat-error">
            {errors().etat}
          </p>
        </Show>
      </div>
      <Show when={etat() === "a_recontacter"}>
        <div class="fr-input-group" classList={{ "fr-input-group--error": Boolean(errors().recontacterLe) }}>
          <label class="fr-label" for="suivi-date">
            À recontacter le
            <span class="fr-hint-text">Obligatoire pour l'état « À recontacter »</span>
          </label>
          <input
            class="fr-input"
            classList={{ "fr-input--error": Boolean(errors().recontacterLe) }}
            type="date"
            id="suivi-date"
            min={props.aujourdhui}
            aria-invalid={errors().recontacterLe ? "true" : undefined}
            aria-describedby={errors().recontacterLe ? "suivi-date-error" : undefined}
            value={date()}
            onInput={(e) => {
              setDate(e.currentTarget.value);
              setDateManquante(false);
            }}
          />
          <Show when={errors().recontacterLe}>
            <p class="fr-error-text" id="suivi-date-error">
              {errors().recontacterLe}
            </p>
          </Show>
        </div>
      </Show>
      <div class="fr-input-group" classList={{ "fr-input-group--error": Boolean(errors().note) }}>
        <label class="fr-label" for="suivi-note">
          Note (facultatif)
          <span class="fr-hint-text" id="suivi-note-hint">
            Quelques mots sur l'échange, {NOTE_MAX} caractères au plus. Les notes sont effacées 12 mois après la
            dernière activité du suivi.
          </span>
        </label>
        <textarea
          class="fr-input"
          classList={{ "fr-input--error": Boolean(errors().note) }}
          id="suivi-note"
          rows={3}
          maxLength={NOTE_MAX}
          aria-describedby={errors().note ? "suivi-note-hint suivi-note-error" : "suivi-note-hint"}
          value={note()}
          onInput={(e) => setNote(e.currentTarget.value)}
        />
        <Show when={errors().note}>
          <p class="fr-error-text" id="suivi-note-error">
            {errors().note}
          </p>
        </Show>
      </div>
      <FormError message={formError()} />
      <div aria-live="polite">
        <Show when={enregistre()}>
          <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" id="suivi-enregistre">
            <p>État du suivi enregistré.</p>
          </div>
        </Show>
      </div>
      <button class="fr-btn" type="submit" disabled={form.pending()}>
        {form.pending() ? "Enregistrement…" : "Enregistrer"}
      </button>
    </form>
  );
}
