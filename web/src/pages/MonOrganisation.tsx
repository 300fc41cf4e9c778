import { createAsync } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import {
  INVITATION_JOURS,
  ROLE_LIBELLES,
  ROLES,
  type InvitationEnAttente,
  type MembreOrganisation,
  type RoleOrganisation,
} from "../../../worker/domain/membres";
import { Field, FormError } from "../components/comptes/Field";
import { BoutonAvecConfirmation } from "../components/ConfirmationModale";
import { QueryBoundary } from "../components/Errors";
import { ACCUEIL, FilAriane } from "../components/FilAriane";
import { useForm } from "../forms";
import { formatDate, nomComplet } from "../format";
import { annulerInvitation, changerRole, getMonOrganisation, inviterMembre, retirerMembre } from "../queries-membres";
import { DsfrTable } from "../components/DsfrTable";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The button that gives a member the other role. */
const libelleRole = (role: RoleOrganisation) => (role === "administrateur" ? "Nommer administrateur" : "Passer membre");

/**
 * "Mon organisation": its members and pending invitations; an administrateur of the organisation invites by e-mail,
 * changes roles and removes members, a membre reads.
 */
export default function MonOrganisation() {
  const data = createAsync(() => getMonOrganisation());
  const role = useForm(changerRole);
  const retrait = useForm(retirerMembre);
  const annulation = useForm(annulerInvitation);
  const [message, setMessage] = createSignal<string | null>(null);
  const pending = () => role.pending() || retrait.pending() || annulation.pending();
  const erreur = () => role.error()?.message ?? retrait.error()?.message ?? annulation.error()?.message ?? null;
  const clear = () => {
    role.clear();
    retrait.clear();
    annulation.clear();
    setMessage(null);
  };

  const changer = async (m: MembreOrganisation, nouveau: RoleOrganisation) => {
    clear();
    if (await role.submit(m.id, nouveau))
      setMessage(`${m.prenom} ${m.nom} est maintenant ${ROLE_LIBELLES[nouveau].toLowerCase()}.`);
  };
  const retirer = async (m: MembreOrganisation) => {
    clear();
    if (await retrait.submit(m.id))
      setMessage(`${m.prenom} ${m.nom} ne fait plus partie de l'organisation : ses sessions sont fermées.`);
  };
  const annuler = async (i: InvitationEnAttente) => {
    clear();
    if (await annulation.submit(i.id)) setMessage(`L'invitation de ${i.email} est annulée.`);
  };

  return (
    <div class="fr-container fr-my-6w">
      <FilAriane parents={[ACCUEIL]} page="Mon organisation" />
      <h1>Mon organisation</h1>
      <QueryBoundary queries={[data]}>
        <Show when={data.latest} fallback={<p>Chargement…</p>}>
          {(vue) => (
            <>
              <p class="fr-text--lead" id="nom-organisation">
                {vue().organisation.label}
              </p>
              <Show
                when={vue().peutGerer}
                fallback={
                  <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" id="lecture-seule">
                    <p>
                      Vous êtes membre de cette organisation : seuls ses administrateurs invitent des collègues,
                      changent les rôles et retirent des membres.
                    </p>
                  </div>
                }
              >
                <Invitation onInvite={(m) => setMessage(m)} onStart={clear} />
              </Show>
              <div aria-live="polite">
                <Show when={message()}>
                  <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" id="message-organisation">
                    <p>{message()}</p>
                  </div>
                </Show>
              </div>
              <FormError message={erreur()} />

              <h2 class="fr-h4 fr-mt-4w">Membres</h2>
              <DsfrTable
                caption="Membres de l'organisation"
                class="fr-table--no-caption table-scroll"
                tableId="table-membres"
              >
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">E-mail</th>
                    <th scope="col">Rôle</th>
                    <th scope="col">Statut</th>
                    <Show when={vue().peutGerer}>
                      <th scope="col">Actions</th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={vue().membres}>
                    {(m) => {
                      const nom = nomComplet(m);
                      const autre: RoleOrganisation = m.role === "administrateur" ? "membre" : "administrateur";
                      return (
                        <tr data-membre={m.email}>
                          <td>
                            {nom}
                            <Show when={m.moi}>
                              <span class="fr-text--xs"> (vous)</span>
                            </Show>
                          </td>
                          <td>{m.email}</td>
                          <td>
                            <p
                              class="fr-badge fr-badge--sm"
                              classList={{ "fr-badge--blue-ecume": m.role === "administrateur" }}
                            >
                              {ROLE_LIBELLES[m.role]}
                            </p>
                          </td>
                          <td>
                            <p
                              class="fr-badge fr-badge--sm"
                              classList={{
                                "fr-badge--success": m.status === "active",
                                "fr-badge--new": m.status === "pending",
                              }}
                            >
                              {m.status === "active" ? "Actif" : "En attente de validation"}
                            </p>
                          </td>
                          <Show when={vue().peutGerer}>
                            <td>
                              <ul class="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                                <li>
                                  <button
                                    type="button"
                                    class="fr-btn fr-btn--sm fr-btn--secondary"
                                    disabled={pending()}
                                    aria-label={`${libelleRole(autre)} : ${nom}`}
                                    onClick={() => void changer(m, autre)}
                                  >
                                    {libelleRole(autre)}
                                  </button>
                                </li>
                                <li>
                                  <BoutonAvecConfirmation
                                    class="fr-btn fr-btn--sm fr-btn--tertiary"
                                    label="Retirer"
                                    ariaLabel={`Retirer ${nom} de l'organisation`}
                                    disabled={pending()}
                                    titre={`Retirer ${nom} de l'organisation ?`}
                                    confirmer="Retirer de l'organisation"
                                    onConfirm={() => void retirer(m)}
                                  >
                                    <p>
                                      {nom} ({m.email}) ne pourra plus se connecter ; ses sessions ouvertes et ses
                                      tableaux de bord en direct sont fermés immédiatement.
                                    </p>
                                  </BoutonAvecConfirmation>
                                </li>
                              </ul>
                            </td>
                          </Show>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </DsfrTable>

              <Show when={vue().peutGerer}>
                <h2 class="fr-h4 fr-mt-4w">Invitations en attente</h2>
                <Show
                  when={vue().invitations.length}
                  fallback={<p id="aucune-invitation">Aucune invitation en attente.</p>}
                >
                  <DsfrTable
                    caption="Invitations en attente"
                    class="fr-table--no-caption table-scroll"
                    tableId="table-invitations"
                  >
                    <thead>
                      <tr>
                        <th scope="col">E-mail</th>
                        <th scope="col">Rôle</th>
                        <th scope="col">Invité par</th>
                        <th scope="col">Valable jusqu'au</th>
                        <th scope="col">Action</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={vue().invitations}>
                        {(i) => (
                          <tr data-invitation={i.email}>
                            <td>{i.email}</td>
                            <td>{ROLE_LIBELLES[i.role]}</td>
                            <td>{i.invitePar}</td>
                            <td>{formatDate(i.expiresAt)}</td>
                            <td>
                              <BoutonAvecConfirmation
                                class="fr-btn fr-btn--sm fr-btn--tertiary"
                                label="Annuler"
                                ariaLabel={`Annuler l'invitation de ${i.email}`}
                                disabled={pending()}
                                titre={`Annuler l'invitation de ${i.email} ?`}
                                confirmer="Annuler l'invitation"
                                onConfirm={() => void annuler(i)}
                              >
                                <p>Le lien envoyé à {i.email} ne fonctionnera plus.</p>
                              </BoutonAvecConfirmation>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </DsfrTable>
                </Show>
              </Show>
            </>
          )}
        </Show>
      </QueryBoundary>
    </div>
  );
}

/** Invite a colleague by e-mail, with a role. */
function Invitation(props: { onInvite: (message: string) => void; onStart: () => void }) {
  const [email, setEmail] = createSignal("");
  const [role, setRole] = createSignal<RoleOrganisation>("membre");
  const [invalide, setInvalide] = createSignal<string | null>(null);
  const form = useForm(inviterMembre);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    props.onStart();
    form.clear();
    setInvalide(EMAIL_PATTERN.test(email().trim()) ? null : "L'adresse e-mail n'est pas valide (ex. nom@domaine.fr).");
    if (invalide()) {
      document.getElementById("invitation-email")?.focus();
      return;
    }
    const result = await form.submit(email().trim(), role());
    if (result) {
      props.onInvite(result.message);
      setEmail("");
    }
  };
  const fieldError = () => invalide() ?? (form.error()?.field === "email" ? form.error()!.message : null);
  return (
    <form id="form-invitation" novalidate onSubmit={(e) => void submit(e)} class="fr-mb-3w">
      <h2 class="fr-h4">Inviter un collègue</h2>
      <p class="fr-text--sm">
        Votre collègue reçoit un lien par e-mail, valable {INVITATION_JOURS} jours et utilisable une seule fois, pour
        créer son compte dans l'organisation.
      </p>
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div class="fr-col-12 fr-col-md-6">
          <Field
            id="invitation-email"
            label="Adresse e-mail"
            type="email"
            autocomplete="off"
            value={email()}
            onInput={setEmail}
            error={fieldError()}
          />
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <div class="fr-select-group">
            <label class="fr-label" for="invitation-role">
              Rôle
            </label>
            <select
              class="fr-select"
              id="invitation-role"
              onChange={(e) => setRole(e.currentTarget.value as RoleOrganisation)}
            >
              <For each={ROLES}>
                {(r) => (
                  <option value={r} selected={role() === r}>
                    {ROLE_LIBELLES[r]}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <div class="fr-input-group">
            <button type="submit" class="fr-btn" disabled={form.pending()}>
              {form.pending() ? "Envoi…" : "Inviter"}
            </button>
          </div>
        </div>
      </div>
      <FormError message={form.error() && form.error()?.field !== "email" ? form.error()!.message : null} />
      <p class="fr-text--xs fr-mt-1w">
        Un administrateur invite, change les rôles, retire des membres et paramètre la transmission ; un membre consulte
        et transmet les effectifs.
      </p>
    </form>
  );
}
