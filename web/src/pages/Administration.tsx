import { createResource, createSignal, For, Show } from "solid-js";
import { isAdministrator } from "../../../worker/domain/administrateur";
import { api } from "../api";
import { FormError } from "../components/comptes/Field";
import { fieldError } from "../components/comptes/form-errors";
import { RequireUser } from "../components/RequireUser";
import { formatDate } from "../format";

interface CompteEnAttente {
  id: string;
  email: string;
  civilite: string | null;
  prenom: string;
  nom: string;
  fonction: string | null;
  createdAt: string;
  organisationLabel: string;
}

/** Validation of the accounts waiting for it: colleagues see their organisation's, administrators every one. */
export default function Administration() {
  return <RequireUser>{(user) => <ComptesEnAttente isAdmin={isAdministrator(user)} />}</RequireUser>;
}

function ComptesEnAttente(props: { isAdmin: boolean }) {
  const [comptes, { refetch }] = createResource(() =>
    api<{ comptes: CompteEnAttente[] }>("/api/comptes").then((r) => r.comptes),
  );
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);

  const decide = async (compte: CompteEnAttente, action: "valider" | "refuser") => {
    if (action === "refuser" && !window.confirm(`Refuser la demande de ${compte.prenom} ${compte.nom} ?`)) return;
    setMessage(null);
    setError(null);
    setBusy(compte.id);
    try {
      await api(`/api/comptes/${encodeURIComponent(compte.id)}/${action}`, { method: "POST" });
      setMessage(
        action === "valider"
          ? `Le compte de ${compte.prenom} ${compte.nom} est validé. Un e-mail l'en informe.`
          : `La demande de ${compte.prenom} ${compte.nom} est refusée. Un e-mail l'en informe.`,
      );
      await refetch();
    } catch (e) {
      setError(fieldError(e).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div class="fr-container fr-my-6w">
      <h1>Comptes en attente de validation</h1>
      <p>
        {props.isAdmin
          ? "En tant qu'administrateur, vous validez les demandes de toutes les organisations."
          : "Ces personnes demandent à rejoindre votre organisation. Validez uniquement celles que vous connaissez."}
      </p>
      <div aria-live="polite">
        <Show when={message()}>
          <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w">
            <p>{message()}</p>
          </div>
        </Show>
      </div>
      <FormError message={error()} />
      <Show when={!comptes.error} fallback={<FormError message={fieldError(comptes.error).message} />}>
        <Show when={comptes()} fallback={<p>Chargement…</p>}>
          {(list) => (
            <Show when={list().length > 0} fallback={<p id="aucun-compte">Aucun compte en attente de validation.</p>}>
              <div class="fr-table fr-table--no-caption table-scroll">
                <table>
                  <caption>Comptes en attente de validation</caption>
                  <thead>
                    <tr>
                      <th scope="col">Personne</th>
                      <th scope="col">E-mail</th>
                      <th scope="col">Organisation</th>
                      <th scope="col">Demande du</th>
                      <th scope="col">Décision</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={list()}>
                      {(compte) => (
                        <tr>
                          <td>
                            {[compte.civilite, compte.prenom, compte.nom].filter(Boolean).join(" ")}
                            <Show when={compte.fonction}>
                              <br />
                              <span class="fr-text--xs">{compte.fonction}</span>
                            </Show>
                          </td>
                          <td>{compte.email}</td>
                          <td>{compte.organisationLabel}</td>
                          <td>{formatDate(compte.createdAt)}</td>
                          <td>
                            <ul class="fr-btns-group fr-btns-group--sm fr-btns-group--inline">
                              <li>
                                <button
                                  type="button"
                                  class="fr-btn fr-btn--sm"
                                  disabled={busy() === compte.id}
                                  onClick={() => decide(compte, "valider")}
                                  aria-label={`Valider le compte de ${compte.prenom} ${compte.nom}`}
                                >
                                  Valider
                                </button>
                              </li>
                              <li>
                                <button
                                  type="button"
                                  class="fr-btn fr-btn--sm fr-btn--tertiary"
                                  disabled={busy() === compte.id}
                                  onClick={() => decide(compte, "refuser")}
                                  aria-label={`Refuser la demande de ${compte.prenom} ${compte.nom}`}
                                >
                                  Refuser
                                </button>
                              </li>
                            </ul>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          )}
        </Show>
      </Show>
    </div>
  );
}
