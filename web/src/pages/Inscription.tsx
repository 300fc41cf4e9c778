import { A, createAsync, useNavigate } from "@solidjs/router";
import { createSignal, For, Match, Show, Switch } from "solid-js";
import { inscription } from "../actions";
import { ChoixTerritoire, type TypeOperateur } from "../components/comptes/ChoixTerritoire";
import { Field, FormError } from "../components/comptes/Field";
import type { OrganismeReferentiel } from "../../../worker/domain/referentiel";
import type { MissionLocaleResume } from "../../../worker/domain/missions-locales";
import { RechercheMissionLocale } from "../components/comptes/RechercheMissionLocale";
import { RechercheOrganisme } from "../components/comptes/RechercheOrganisme";
import { useForm } from "../forms";
import { getReseaux } from "../queries";

/** The fields that show their own error; the server's other errors go above the button. */
const CHAMPS = ["civilite", "prenom", "nom", "fonction", "email", "password"];

type Categorie = "ORGANISME_FORMATION" | "RESEAU" | "OPERATEUR_PUBLIC" | "MISSION_LOCALE" | "ARML";

/** As the server's rules say (worker/api/auth.ts, worker/accounts/password.ts). */
const PASSWORD_MIN_LENGTH = 12;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const CATEGORIES: { value: Categorie; label: string; hint: string }[] = [
  {
    value: "ORGANISME_FORMATION",
    label: "ORGANISME DE FORMATION (OFA)",
    hint: "Un CFA, un organisme responsable, formateur ou lieu de formation",
  },
  { value: "RESEAU", label: "RÉSEAU D'OFA", hint: "La tête d'un réseau d'organismes de formation" },
  { value: "OPERATEUR_PUBLIC", label: "OPÉRATEURS PUBLICS", hint: "DREETS, DDETS ou Académie" },
  {
    value: "MISSION_LOCALE",
    label: "MISSION LOCALE",
    hint: "Le suivi des apprentis en rupture de contrat domiciliés dans votre zone",
  },
  {
    value: "ARML",
    label: "ARML",
    hint: "L'association régionale des Missions Locales : l'activité des Missions Locales de votre région",
  },
];

const OPERATEURS: { value: TypeOperateur; label: string }[] = [
  { value: "DREETS", label: "DREETS (région)" },
  { value: "DDETS", label: "DDETS (département)" },
  { value: "ACADEMIE", label: "Académie" },
];

function RadioGroup<T extends string>(props: {
  name: string;
  legend: string;
  options: { value: T; label: string; hint?: string }[];
  value: T | null;
  onChange: (v: T) => void;
  error?: string;
}) {
  return (
    <fieldset
      class="fr-fieldset"
      classList={{ "fr-fieldset--error": Boolean(props.error) }}
      id={props.name}
      aria-labelledby={`${props.name}-legend ${props.name}-messages`}
    >
      <legend class="fr-fieldset__legend" id={`${props.name}-legend`}>
        {props.legend}
      </legend>
      <For each={props.options}>
        {(option) => (
          <div class="fr-fieldset__element">
            <div class="fr-radio-group">
              <input
                type="radio"
                id={`${props.name}-${option.value}`}
                name={props.name}
                checked={props.value === option.value}
                onChange={() => props.onChange(option.value)}
              />
              <label class="fr-label" for={`${props.name}-${option.value}`}>
                {option.label}
                <Show when={option.hint}>
                  <span class="fr-hint-text">{option.hint}</span>
                </Show>
              </label>
            </div>
          </div>
        )}
      </For>
      <div class="fr-messages-group" id={`${props.name}-messages`} aria-live="assertive">
        <Show when={props.error}>
          <p class="fr-message fr-message--error">{props.error}</p>
        </Show>
      </div>
    </fieldset>
  );
}

export default function Inscription() {
  const navigate = useNavigate();
  const [categorie, setCategorie] = createSignal<Categorie | null>(null);
  const [organisme, setOrganisme] = createSignal<OrganismeReferentiel | null>(null);
  const [missionLocale, setMissionLocale] = createSignal<MissionLocaleResume | null>(null);
  const [reseau, setReseau] = createSignal("");
  const [operateur, setOperateur] = createSignal<TypeOperateur | null>(null);
  const [territoire, setTerritoire] = createSignal("");
  const [civilite, setCivilite] = createSignal<"Madame" | "Monsieur" | null>(null);
  const [prenom, setPrenom] = createSignal("");
  const [nom, setNom] = createSignal("");
  const [fonction, setFonction] = createSignal("");
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  /** what the browser's validation bubbles said, as DSFR errors under the fields (the form is novalidate) */
  const [invalides, setInvalides] = createSignal<Record<string, string>>({});
  const valide = (champ: string) =>
    setInvalides((e) => (champ in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== champ)) : e));
  const form = useForm(inscription);
  // Only suggestions: without them (the list failed to load), the name is typed in full.
  const reseaux = createAsync(async () => (categorie() === "RESEAU" ? getReseaux().catch(() => undefined) : undefined));
  /** The server's error goes under the field it names, or above the button. */
  const errors = (): Record<string, string | undefined> => {
    const e = form.error();
    return {
      ...invalides(),
      ...(e?.field && CHAMPS.includes(e.field) ? { [e.field]: e.message } : {}),
    };
  };
  const formError = () => {
    const e = form.error();
    return e && !(e.field && CHAMPS.includes(e.field)) ? e.message : null;
  };

  const entiteChoisie = () =>
    (categorie() === "ORGANISME_FORMATION" && organisme() !== null) ||
    (categorie() === "RESEAU" && reseau().trim() !== "") ||
    (categorie() === "OPERATEUR_PUBLIC" && operateur() !== null && territoire() !== "") ||
    (categorie() === "MISSION_LOCALE" && missionLocale() !== null) ||
    (categorie() === "ARML" && territoire() !== "");

  /** The checks the browser would have made, each under its field; the first invalid field gets the focus. */
  const verifier = (): boolean => {
    const e: Record<string, string> = {};
    if (!civilite()) e.civilite = "Choisissez votre civilité.";
    if (!prenom().trim()) e.prenom = "Indiquez votre prénom.";
    if (!nom().trim()) e.nom = "Indiquez votre nom.";
    if (!email().trim()) e.email = "Indiquez votre adresse e-mail.";
    else if (!EMAIL_PATTERN.test(email().trim())) e.email = "L'adresse e-mail n'est pas valide (ex. nom@domaine.fr).";
    if (password().length < PASSWORD_MIN_LENGTH)
      e.password = `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
    setInvalides(e);
    const premier = CHAMPS.find((champ) => e[champ]);
    if (premier)
      document.getElementById(premier === "civilite" ? "civilite-Madame" : premier)?.focus({ preventScroll: false });
    return !premier;
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    form.clear();
    if (!verifier()) return;
    const created = await form.submit({
      categorie: categorie() === "OPERATEUR_PUBLIC" ? operateur() : categorie(),
      organismeId: organisme()?.id,
      missionLocaleId: missionLocale()?.id,
      reseau: reseau(),
      codeTerritoire: territoire(),
      civilite: civilite(),
      prenom: prenom(),
      nom: nom(),
      fonction: fonction(),
      email: email(),
      password: password(),
    });
    if (created) navigate("/en-attente", { replace: true });
  };

  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>Inscription</h1>
          <p>
            Créez votre compte sur le Tableau de bord de l'apprentissage. Il sera validé par un membre de votre
            organisation déjà inscrit ou par un administrateur. Vous avez déjà un compte ?{" "}
            <A href="/connexion">Connectez-vous</A>.
          </p>
          <form onSubmit={submit} novalidate>
            <RadioGroup
              name="categorie"
              legend="Vous êtes :"
              options={CATEGORIES}
              value={categorie()}
              onChange={(value) => {
                setCategorie(value);
                setTerritoire("");
                form.clear();
              }}
            />

            <Switch>
              <Match when={categorie() === "ORGANISME_FORMATION"}>
                <h2 class="fr-h4">Votre organisme</h2>
                <RechercheOrganisme selectedId={organisme()?.id ?? null} onSelect={setOrganisme} />
              </Match>
              <Match when={categorie() === "RESEAU"}>
                <h2 class="fr-h4">Votre réseau</h2>
                <Field
                  id="reseau"
                  label="Nom de votre réseau"
                  hint="Choisissez dans la liste ou saisissez son nom"
                  list="reseaux-connus"
                  value={reseau()}
                  onInput={setReseau}
                />
                <datalist id="reseaux-connus">
                  <For each={reseaux()?.reseaux ?? []}>{(nomReseau) => <option value={nomReseau} />}</For>
                </datalist>
              </Match>
              <Match when={categorie() === "MISSION_LOCALE"}>
                <h2 class="fr-h4">Votre Mission Locale</h2>
                <RechercheMissionLocale selectedId={missionLocale()?.id ?? null} onSelect={setMissionLocale} />
              </Match>
              <Match when={categorie() === "ARML"}>
                <h2 class="fr-h4">Votre région</h2>
                <ChoixTerritoire type="DREETS" value={territoire()} onChange={setTerritoire} />
              </Match>
              <Match when={categorie() === "OPERATEUR_PUBLIC"}>
                <h2 class="fr-h4">Votre territoire</h2>
                <RadioGroup
                  name="operateur"
                  legend="Votre administration :"
                  options={OPERATEURS}
                  value={operateur()}
                  onChange={(value) => {
                    setOperateur(value);
                    setTerritoire("");
                  }}
                />
                <Show when={operateur()}>
                  {(type) => <ChoixTerritoire type={type()} value={territoire()} onChange={setTerritoire} />}
                </Show>
              </Match>
            </Switch>

            <Show when={entiteChoisie()}>
              <h2 class="fr-h4 fr-mt-4w">Vos informations</h2>
              <RadioGroup
                name="civilite"
                legend="Civilité"
                options={[
                  { value: "Madame" as const, label: "Madame" },
                  { value: "Monsieur" as const, label: "Monsieur" },
                ]}
                value={civilite()}
                onChange={(value) => {
                  setCivilite(value);
                  valide("civilite");
                }}
                error={errors().civilite}
              />
              <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-sm-6">
                  <Field
                    id="prenom"
                    label="Prénom"
                    autocomplete="given-name"
                    value={prenom()}
                    onInput={(v) => {
                      setPrenom(v);
                      valide("prenom");
                    }}
                    error={errors().prenom}
                  />
                </div>
                <div class="fr-col-12 fr-col-sm-6">
                  <Field
                    id="nom"
                    label="Nom"
                    autocomplete="family-name"
                    value={nom()}
                    onInput={(v) => {
                      setNom(v);
                      valide("nom");
                    }}
                    error={errors().nom}
                  />
                </div>
              </div>
              <Field
                id="fonction"
                label="Fonction (facultatif)"
                autocomplete="organization-title"
                value={fonction()}
                onInput={setFonction}
                error={errors().fonction}
                required={false}
              />
              <Field
                id="email"
                label="Adresse e-mail professionnelle"
                hint="Format attendu : nom@domaine.fr"
                type="email"
                autocomplete="email"
                value={email()}
                onInput={(v) => {
                  setEmail(v);
                  valide("email");
                }}
                error={errors().email}
              />
              <Field
                id="password"
                label="Mot de passe"
                hint="12 caractères au minimum"
                type="password"
                autocomplete="new-password"
                value={password()}
                onInput={(v) => {
                  setPassword(v);
                  valide("password");
                }}
                error={errors().password}
              />
              <FormError message={formError()} />
              <button class="fr-btn" type="submit" disabled={form.pending()}>
                Créer mon compte
              </button>
            </Show>
            <Show when={!entiteChoisie()}>
              <FormError message={formError()} />
            </Show>
          </form>
        </div>
      </div>
    </div>
  );
}
