import { createAsync, useNavigate } from "@solidjs/router";
import { createEffect, createSignal, For, on, Show } from "solid-js";
import { FormError, Field } from "../components/comptes/Field";
import { createIdentite, focusFirstError, identiteErrors, IdentiteFields } from "../components/comptes/IdentiteFields";
import { BoutonAvecConfirmation } from "../components/ConfirmationModale";
import { QueryBoundary } from "../components/Errors";
import { ACCUEIL, FilAriane } from "../components/FilAriane";
import { useForm } from "../forms";
import { formatDateTime } from "../format";
import { deconnexionPartout, getMonCompte, modifierIdentite, modifierMotDePasse } from "../queries-administration";
import { DsfrTable } from "../components/DsfrTable";

/** As the server's rules say (worker/accounts/identite.ts, worker/accounts/password.ts). */
const PASSWORD_MIN_LENGTH = 12;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Mon compte": identity, password, open sessions. */
export default function MonCompte() {
  const compte = createAsync(() => getMonCompte());
  return (
    <div class="fr-container fr-my-6w">
      <FilAriane parents={[ACCUEIL]} page="Mon compte" />
      <h1>Mon compte</h1>
      <QueryBoundary queries={[compte]}>
        <Show when={compte.latest} fallback={<p>Chargement…</p>}>
          {(data) => (
            <div class="fr-grid-row fr-grid-row--gutters">
              <div class="fr-col-12 fr-col-md-6">
                <Identite compte={data().compte} />
              </div>
              <div class="fr-col-12 fr-col-md-6">
                <MotDePasse />
              </div>
              <div class="fr-col-12">
                <Sessions sessions={data().sessions} />
              </div>
            </div>
          )}
        </Show>
      </QueryBoundary>
    </div>
  );
}

function Identite(props: {
  compte: { civilite: string | null; prenom: string; nom: string; email: string; organisationLabel: string };
}) {
  const identite = createIdentite({
    civilite: props.compte.civilite ?? "",
    prenom: props.compte.prenom,
    nom: props.compte.nom,
  });
  const [email, setEmail] = createSignal(props.compte.email);
  const [invalides, setInvalides] = createSignal<Record<string, string>>({});
  const form = useForm(modifierIdentite);
  const CHAMPS = ["civilite", "prenom", "nom", "email"];
  const errors = () => {
    const e = form.error();
    return { ...invalides(), ...(e?.field && CHAMPS.includes(e.field) ? { [e.field]: e.message } : {}) } as Record<
      string,
      string | undefined
    >;
  };
  const formError = () => {
    const e = form.error();
    return e && !(e.field && CHAMPS.includes(e.field)) ? e.message : null;
  };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const found = identiteErrors(identite.values());
    if (!EMAIL_PATTERN.test(email().trim())) found.email = "L'adresse e-mail n'est pas valide (ex. nom@domaine.fr).";
    setInvalides(found);
    form.clear();
    if (focusFirstError(found)) return;
    void form.submit({ ...identite.values(), email: email() });
  };
  return (
    <form id="form-identite" novalidate onSubmit={submit}>
      <h2 class="fr-h4">Mon identité</h2>
      <p class="fr-text--sm">Organisation : {props.compte.organisationLabel}</p>
      <Show when={form.submission.result}>
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>Vos informations sont enregistrées.</p>
        </div>
      </Show>
      <IdentiteFields identite={identite} errors={errors()} />
      <Field
        id="email"
        label="Adresse e-mail"
        hint="Votre identifiant de connexion"
        type="email"
        autocomplete="email"
        value={email()}
        onInput={setEmail}
        error={errors().email}
      />
      <FormError message={formError()} />
      <button type="submit" class="fr-btn" disabled={form.pending()}>
        {form.pending() ? "Enregistrement…" : "Enregistrer"}
      </button>
    </form>
  );
}

function MotDePasse() {
  const [actuel, setActuel] = createSignal("");
  const [nouveau, setNouveau] = createSignal("");
  const [confirmation, setConfirmation] = createSignal("");
  const [invalides, setInvalides] = createSignal<Record<string, string>>({});
  const form = useForm(modifierMotDePasse);
  const CHAMPS = ["motDePasseActuel", "nouveauMotDePasse"];
  const errors = () => {
    const e = form.error();
    return { ...invalides(), ...(e?.field && CHAMPS.includes(e.field) ? { [e.field]: e.message } : {}) } as Record<
      string,
      string | undefined
    >;
  };
  const formError = () => {
    const e = form.error();
    return e && !(e.field && CHAMPS.includes(e.field)) ? e.message : null;
  };
  // A changed password empties the form.
  createEffect(
    on(
      () => form.submission.result,
      (result) => {
        if (!result) return;
        setActuel("");
        setNouveau("");
        setConfirmation("");
      },
      { defer: true },
    ),
  );
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!actuel()) found.motDePasseActuel = "Indiquez votre mot de passe actuel.";
    if (nouveau().length < PASSWORD_MIN_LENGTH)
      found.nouveauMotDePasse = `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
    else if (confirmation() !== nouveau()) found.confirmation = "Les deux mots de passe ne sont pas identiques.";
    setInvalides(found);
    form.clear();
    if (Object.keys(found).length) {
      document.getElementById(Object.keys(found)[0])?.focus();
      return;
    }
    void form.submit(actuel(), nouveau());
  };
  return (
    <form id="form-mot-de-passe" novalidate onSubmit={submit}>
      <h2 class="fr-h4">Mon mot de passe</h2>
      <p class="fr-text--sm">Le changer ferme vos autres sessions ; celle-ci reste ouverte.</p>
      <div aria-live="polite">
        <Show when={form.submission.result}>
          {(result) => (
            <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" id="mot-de-passe-modifie">
              <p>{result().message}</p>
            </div>
          )}
        </Show>
      </div>
      <Field
        id="motDePasseActuel"
        label="Mot de passe actuel"
        type="password"
        autocomplete="current-password"
        value={actuel()}
        onInput={setActuel}
        error={errors().motDePasseActuel}
      />
      <Field
        id="nouveauMotDePasse"
        label="Nouveau mot de passe"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
        type="password"
        autocomplete="new-password"
        value={nouveau()}
        onInput={setNouveau}
        error={errors().nouveauMotDePasse}
      />
      <Field
        id="confirmation"
        label="Confirmer le nouveau mot de passe"
        type="password"
        autocomplete="new-password"
        value={confirmation()}
        onInput={setConfirmation}
        error={errors().confirmation}
      />
      <FormError message={formError()} />
      <button type="submit" class="fr-btn" disabled={form.pending()}>
        {form.pending() ? "Modification…" : "Modifier mon mot de passe"}
      </button>
    </form>
  );
}

function Sessions(props: {
  sessions: { id: string; createdAt: string; lastSeenAt: string; expiresAt: string; courante: boolean }[];
}) {
  const navigate = useNavigate();
  const partout = useForm(deconnexionPartout);
  const toutFermer = async () => {
    if (await partout.submit()) navigate("/connexion", { replace: true });
  };
  return (
    <section class="fr-mt-4w" aria-labelledby="titre-sessions">
      <h2 class="fr-h4" id="titre-sessions">
        Mes sessions ouvertes
      </h2>
      <DsfrTable
        caption="Les appareils et navigateurs connectés à votre compte"
        class="table-scroll"
        tableId="table-sessions"
      >
        <thead>
          <tr>
            <th scope="col">Session</th>
            <th scope="col">Ouverte le</th>
            <th scope="col">Dernière activité</th>
            <th scope="col">Expire le</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.sessions}>
            {(session) => (
              <tr data-courante={session.courante ? "1" : undefined}>
                <td>
                  <Show when={session.courante} fallback={<>Autre session</>}>
                    <p class="fr-badge fr-badge--info fr-badge--sm">Cette session</p>
                  </Show>
                </td>
                <td>{formatDateTime(session.createdAt)}</td>
                <td>{formatDateTime(session.lastSeenAt)}</td>
                <td>{formatDateTime(session.expiresAt)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </DsfrTable>
      <FormError message={partout.error()?.message ?? null} />
      <BoutonAvecConfirmation
        id="deconnexion-partout"
        class="fr-btn fr-btn--secondary fr-icon-logout-box-r-line fr-btn--icon-left"
        label="Se déconnecter partout"
        disabled={partout.pending()}
        titre="Se déconnecter partout ?"
        confirmer="Se déconnecter partout"
        onConfirm={() => void toutFermer()}
      >
        <p>
          Toutes vos sessions seront fermées, celle-ci comprise, ainsi que les tableaux de bord ouverts sur vos autres
          appareils. Vous devrez vous reconnecter.
        </p>
      </BoutonAvecConfirmation>
    </section>
  );
}
