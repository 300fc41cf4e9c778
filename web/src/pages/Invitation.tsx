import { A, createAsync, useNavigate, useSearchParams } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { ROLE_LIBELLES, type InvitationOuverte } from "../../../worker/domain/membres";
import { Field, FormError } from "../components/comptes/Field";
import { createIdentite, focusFirstError, identiteErrors, IdentiteFields } from "../components/comptes/IdentiteFields";
import { QueryBoundary } from "../components/Errors";
import { useForm } from "../forms";
import { formatDate } from "../format";
import { accepterInvitation, creerCompteInvite, getInvitation } from "../queries-membres";
import { useSession } from "../session";

/** As the server's rule says (worker/accounts/password.ts). */
const PASSWORD_MIN_LENGTH = 12;

/**
 * The invitation's link (`/invitation?jeton=…`): the invited person creates their account, active in the
 * organisation at once; with an account already, they log in and accept.
 */
export default function Invitation() {
  const [params] = useSearchParams();
  const jeton = () => {
    const value = params.jeton;
    return (Array.isArray(value) ? value[0] : value) ?? "";
  };
  const invitation = createAsync(() => (jeton() ? getInvitation(jeton()) : Promise.resolve(null)));
  return (
    <div class="fr-container fr-my-6w">
      <div class="fr-grid-row fr-grid-row--center">
        <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Rejoindre une organisation</h1>
          <Show
            when={jeton()}
            fallback={
              <div class="fr-alert fr-alert--error">
                <p>Ce lien est incomplet. Ouvrez le lien reçu par e-mail.</p>
              </div>
            }
          >
            <QueryBoundary queries={[invitation]}>
              <Show when={invitation.latest} fallback={<p>Chargement…</p>}>
                {(i) => (
                  <>
                    <p id="invitation-resume">
                      Vous êtes invité à rejoindre <strong>{i().organisationLabel}</strong> sur le Tableau de bord de
                      l'apprentissage, avec le rôle {ROLE_LIBELLES[i().role].toLowerCase()}. Ce lien est valable
                      jusqu'au {formatDate(i().expiresAt)}.
                    </p>
                    <Show when={i().compteExistant} fallback={<CreerCompte jeton={jeton()} invitation={i()} />}>
                      <Accepter jeton={jeton()} invitation={i()} />
                    </Show>
                  </>
                )}
              </Show>
            </QueryBoundary>
          </Show>
        </div>
      </div>
    </div>
  );
}

function CreerCompte(props: { jeton: string; invitation: InvitationOuverte }) {
  const navigate = useNavigate();
  const identite = createIdentite();
  const [password, setPassword] = createSignal("");
  const [confirmation, setConfirmation] = createSignal("");
  const [invalides, setInvalides] = createSignal<Record<string, string>>({});
  const form = useForm(creerCompteInvite);
  const CHAMPS = ["civilite", "prenom", "nom", "password"];
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
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const found = identiteErrors(identite.values());
    if (password().length < PASSWORD_MIN_LENGTH)
      found.password = `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
    else if (password() !== confirmation()) found.confirmation = "Les deux mots de passe ne sont pas identiques.";
    setInvalides(found);
    form.clear();
    if (focusFirstError(found)) return;
    const result = await form.submit({
      jeton: props.jeton,
      ...identite.values(),
      password: password(),
    });
    if (result) navigate("/");
  };
  return (
    <form id="form-invitation-compte" novalidate onSubmit={(e) => void submit(e)}>
      <h2 class="fr-h4">Créer votre compte</h2>
      <p class="fr-text--sm">
        Adresse e-mail : <strong id="invitation-email">{props.invitation.email}</strong> (votre identifiant de
        connexion)
      </p>
      <IdentiteFields identite={identite} errors={errors()} />
      <Field
        id="password"
        label="Mot de passe"
        hint={`${PASSWORD_MIN_LENGTH} caractères au minimum`}
        type="password"
        autocomplete="new-password"
        value={password()}
        onInput={setPassword}
        error={errors().password}
      />
      <Field
        id="confirmation"
        label="Confirmez le mot de passe"
        type="password"
        autocomplete="new-password"
        value={confirmation()}
        onInput={setConfirmation}
        error={errors().confirmation}
      />
      <FormError message={formError()} />
      <button type="submit" class="fr-btn" disabled={form.pending()}>
        {form.pending() ? "Création…" : "Créer mon compte et rejoindre l'organisation"}
      </button>
    </form>
  );
}

function Accepter(props: { jeton: string; invitation: InvitationOuverte }) {
  const navigate = useNavigate();
  const session = useSession();
  const form = useForm(accepterInvitation);
  const retour = () => `/connexion?redirect=${encodeURIComponent(`/invitation?jeton=${props.jeton}`)}`;
  const accepter = async () => {
    form.clear();
    if (await form.submit(props.jeton)) navigate("/mon-organisation");
  };
  return (
    <>
      <div class="fr-alert fr-alert--info fr-mb-3w">
        <p>
          Un compte existe déjà pour {props.invitation.email} : connectez-vous avec ce compte, puis acceptez
          l'invitation.
        </p>
      </div>
      <FormError message={form.error()?.message ?? null} />
      <Show
        when={session()}
        fallback={
          <A class="fr-btn" href={retour()}>
            Se connecter
          </A>
        }
      >
        {(user) => (
          <>
            <p>Vous êtes connecté en tant que {user().email}.</p>
            <button type="button" class="fr-btn" disabled={form.pending()} onClick={() => void accepter()}>
              Accepter l'invitation
            </button>
          </>
        )}
      </Show>
    </>
  );
}
