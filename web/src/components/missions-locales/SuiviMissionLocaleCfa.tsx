import { createAsync, revalidate } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { EffectifDetail } from "../../../../worker/domain/effectifs-liste";
import {
  MOTIF_SIGNALEMENT_LABELS,
  MOTIFS_SIGNALEMENT,
  NOTE_MAX,
  ONGLET_LABELS,
  type MotifSignalement,
  type SuiviCoteCfa,
} from "../../../../worker/domain/missions-locales";
import { FormError } from "../comptes/Field";
import { QueryBoundary } from "../Errors";
import { formatDate } from "../../format";
import { useForm } from "../../forms";
import { getSuiviCoteCfa, signalerMissionLocale } from "../../queries-mission-locale";
import { BadgeEtat } from "./etats";
import { HistoriqueSuivi } from "./HistoriqueSuivi";
import "./missions-locales.css";

/**
 * The CFA's side of a learner's follow-up, in Mes effectifs' dossier detail, for a learner ever in rupture: the
 * Mission Locale covering the learner's commune, where the follow-up stands, the exchanges, and "Signaler à la
 * Mission Locale" (accompagnement conjoint). Live: the organisme's socket revalidates the dossier (a push, a
 * change of state by the Mission Locale), which reads the follow-up again.
 */
export function SuiviMissionLocaleCfa(props: { organismeId: string; effectif: EffectifDetail }) {
  const enRupture = () => props.effectif.parcours.some((p) => p.statut === "RUPTURANT");
  return (
    <Show when={enRupture()}>
      <SuiviCfa organismeId={props.organismeId} effectif={props.effectif} />
    </Show>
  );
}

function SuiviCfa(props: { organismeId: string; effectif: EffectifDetail }) {
  const suivi = createAsync(() => getSuiviCoteCfa(props.organismeId, props.effectif.id));
  createEffect(
    on(
      () => props.effectif,
      () => void revalidate(getSuiviCoteCfa.keyFor(props.organismeId, props.effectif.id)),
      { defer: true },
    ),
  );
  return (
    <section aria-labelledby="suivi-ml-titre" id="suivi-mission-locale" class="fr-mt-3w">
      <h3 class="fr-h6" id="suivi-ml-titre">
        Mission Locale
      </h3>
      <QueryBoundary queries={[suivi]}>
        <Show when={suivi.latest} fallback={<p>Chargement…</p>}>
          {(s) => (
            <Show
              when={s().missionLocale}
              fallback={
                <p class="fr-text--sm">
                  Aucune Mission Locale connue ne couvre la commune de résidence de ce jeune (code commune ou code
                  postal absent ou hors des zones connues).
                </p>
              }
            >
              {(ml) => (
                <>
                  <p class="fr-mb-1w">
                    <strong id="suivi-ml-nom">{ml().nom}</strong>
                    <Show when={ml().commune}>{(c) => <> ({c()})</>}</Show>
                    <Show when={ml().telephone || ml().email}>
                      <span class="fr-hint-text">{[ml().telephone, ml().email].filter(Boolean).join(" — ")}</span>
                    </Show>
                  </p>
                  <Show
                    when={s().situation}
                    fallback={<p class="fr-text--sm">Ce jeune n'est plus suivi par la Mission Locale.</p>}
                  >
                    {(situation) => (
                      <p class="fr-text--sm fr-mb-1w" id="suivi-ml-etat">
                        {ONGLET_LABELS[situation().onglet]} — rupture le {formatDate(situation().dateRupture)} (
                        {situation().joursDepuisRupture} jour{situation().joursDepuisRupture > 1 ? "s" : ""}).{" "}
                        <Show when={situation().onglet !== "nouveau_contrat"}>
                          Suivi : <BadgeEtat etat={s().etat ?? "a_traiter"} recontacterLe={s().recontacterLe} />
                        </Show>
                        <Show when={s().signaleAt}>
                          {(at) => (
                            <>
                              {" "}
                              <span class="fr-badge fr-badge--sm fr-badge--warning">Signalé le {formatDate(at())}</span>
                            </>
                          )}
                        </Show>
                      </p>
                    )}
                  </Show>
                  <h4 class="fr-text--md fr-text--bold fr-mb-1w">Échanges avec la Mission Locale</h4>
                  <HistoriqueSuivi historique={s().historique} id="historique-suivi-cfa" />
                  <Show when={s().situation && s().situation!.onglet !== "nouveau_contrat"}>
                    <Signaler organismeId={props.organismeId} effectifId={props.effectif.id} suivi={s()} />
                  </Show>
                </>
              )}
            </Show>
          )}
        </Show>
      </QueryBoundary>
    </section>
  );
}

const CHAMPS = ["motif", "note", "contactNom", "contactTelephone"];
const TELEPHONE = /^\+?[0-9 .()-]{6,}$/;

/** "Signaler à la Mission Locale": motif, message, the CFA's contact person and phone (all but the message required). */
function Signaler(props: { organismeId: string; effectifId: string; suivi: SuiviCoteCfa }) {
  const form = useForm(signalerMissionLocale, ([, effectifId]) => effectifId === props.effectifId);
  const [ouvert, setOuvert] = createSignal(false);
  const [motif, setMotif] = createSignal<MotifSignalement | "">("");
  const [note, setNote] = createSignal("");
  const [contactNom, setContactNom] = createSignal("");
  const [contactTelephone, setContactTelephone] = createSignal("");
  const [invalides, setInvalides] = createSignal<Record<string, string>>({});
  const [envoye, setEnvoye] = createSignal(false);
  const errors = (): Record<string, string | undefined> => {
    const e = form.error();
    return { ...invalides(), ...(e?.field && CHAMPS.includes(e.field) ? { [e.field]: e.message } : {}) };
  };
  const formError = () => {
    const e = form.error();
    return e && !(e.field && CHAMPS.includes(e.field)) ? e.message : null;
  };
  const valide = (champ: string) =>
    setInvalides((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== champ)));

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    form.clear();
    setEnvoye(false);
    const e: Record<string, string> = {};
    if (!motif()) e.motif = "Choisissez le motif du signalement.";
    if (!contactNom().trim()) e.contactNom = "Indiquez le nom de la personne à contacter au CFA.";
    if (!contactTelephone().trim()) e.contactTelephone = "Indiquez le téléphone de la personne à contacter.";
    else if (!TELEPHONE.test(contactTelephone().trim())) e.contactTelephone = "Numéro de téléphone invalide.";
    setInvalides(e);
    const premier = CHAMPS.find((c) => e[c]);
    if (premier) {
      document.getElementById(`signalement-${premier}`)?.focus();
      return;
    }
    const result = await form.submit(props.organismeId, props.effectifId, {
      motif: motif() as MotifSignalement,
      note: note().trim() || undefined,
      contactNom: contactNom().trim(),
      contactTelephone: contactTelephone().trim(),
    });
    if (result) {
      setEnvoye(true);
      setOuvert(false);
      setMotif("");
      setNote("");
    }
  };

  const erreur = (champ: string) => (
    <Show when={errors()[champ]}>
      <p class="fr-error-text" id={`signalement-${champ}-error`}>
        {errors()[champ]}
      </p>
    </Show>
  );
  const champ = (id: string, label: string, value: () => string, set: (v: string) => void, autre?: object) => (
    <div class="fr-input-group" classList={{ "fr-input-group--error": Boolean(errors()[id]) }}>
      <label class="fr-label" for={`signalement-${id}`}>
        {label}
      </label>
      <input
        class="fr-input"
        classList={{ "fr-input--error": Boolean(errors()[id]) }}
        id={`signalement-${id}`}
        aria-invalid={errors()[id] ? "true" : undefined}
        aria-describedby={errors()[id] ? `signalement-${id}-error` : undefined}
        value={value()}
        onInput={(e) => {
          set(e.currentTarget.value);
          valide(id);
        }}
        {...autre}
      />
      {erreur(id)}
    </div>
  );

  return (
    <div class="fr-mt-2w">
      <div aria-live="polite">
        <Show when={envoye()}>
          <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" id="signalement-envoye">
            <p>Le jeune a été signalé à la Mission Locale : il apparaît en tête de sa liste.</p>
          </div>
        </Show>
      </div>
      <Show
        when={ouvert()}
        fallback={
          <button
            type="button"
            class="fr-btn fr-btn--secondary fr-btn--sm"
            aria-expanded="false"
            aria-controls="formulaire-signalement"
            onClick={() => {
              setOuvert(true);
              setEnvoye(false);
              queueMicrotask(() => document.getElementById("signalement-motif")?.focus());
            }}
          >
            {props.suivi.signaleAt ? "Signaler à nouveau à la Mission Locale" : "Signaler à la Mission Locale"}
          </button>
        }
      >
        <form
          id="formulaire-signalement"
          novalidate
          onSubmit={submit}
          aria-labelledby="signalement-titre"
          class="fr-p-2w signalement-form"
        >
          <h4 id="signalement-titre" class="fr-text--md fr-text--bold fr-mb-1w">
            Signaler à la Mission Locale
          </h4>
          <p class="fr-text--sm">
            Accompagnement conjoint : la Mission Locale voit ce jeune en tête de sa liste, avec votre message et la
            personne à contacter au CFA.
          </p>
          <div class="fr-select-group" classList={{ "fr-select-group--error": Boolean(errors().motif) }}>
            <label class="fr-label" for="signalement-motif">
              Motif
            </label>
            <select
              class="fr-select"
              classList={{ "fr-select--error": Boolean(errors().motif) }}
              id="signalement-motif"
              aria-describedby={errors().motif ? "signalement-motif-error" : undefined}
              value={motif()}
              onChange={(e) => {
                setMotif(e.currentTarget.value as MotifSignalement);
                valide("motif");
              }}
            >
              <option value="" disabled>
                Sélectionnez un motif
              </option>
              <For each={MOTIFS_SIGNALEMENT}>{(m) => <option value={m}>{MOTIF_SIGNALEMENT_LABELS[m]}</option>}</For>
            </select>
            {erreur("motif")}
          </div>
          <div class="fr-input-group" classList={{ "fr-input-group--error": Boolean(errors().note) }}>
            <label class="fr-label" for="signalement-note">
              Message (facultatif)
              <span class="fr-hint-text">{NOTE_MAX} caractères au plus</span>
            </label>
            <textarea
              class="fr-input"
              id="signalement-note"
              rows={3}
              maxLength={NOTE_MAX}
              aria-describedby={errors().note ? "signalement-note-error" : undefined}
              value={note()}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
            {erreur("note")}
          </div>
          {champ("contactNom", "Personne à contacter au CFA", contactNom, setContactNom, {
            autocomplete: "name",
            maxLength: 100,
          })}
          {champ("contactTelephone", "Son téléphone", contactTelephone, setContactTelephone, {
            type: "tel",
            autocomplete: "tel",
            maxLength: 30,
          })}
          <FormError message={formError()} />
          <ul class="fr-btns-group fr-btns-group--inline-sm">
            <li>
              <button class="fr-btn fr-btn--sm" type="submit" disabled={form.pending()}>
                {form.pending() ? "Envoi…" : "Signaler"}
              </button>
            </li>
            <li>
              <button
                class="fr-btn fr-btn--sm fr-btn--tertiary"
                type="button"
                onClick={() => {
                  form.clear();
                  setInvalides({});
                  setOuvert(false);
                }}
              >
                Annuler
              </button>
            </li>
          </ul>
        </form>
      </Show>
    </div>
  );
}
