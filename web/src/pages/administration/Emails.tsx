import { createAsync, useAction, useSearchParams, useSubmission } from "@solidjs/router";
import { For, Show } from "solid-js";
import { STATUT_EMAIL_LABELS, STATUTS_EMAIL, type StatutEmail } from "../../../../worker/domain/emails";
import { ErrorAlert, QueryBoundary } from "../../components/Errors";
import { formatDateTime } from "../../format";
import { getEmails, renvoyerEmail } from "../../queries-emails";
import { DsfrTable } from "../../components/DsfrTable";

const BADGE: Record<StatutEmail, string> = {
  pending: "fr-badge--info",
  sent: "fr-badge--success",
  failed: "fr-badge--error",
};

/** The outbox: each message's state, attempts, next attempt or reason of failure; a failed one can be sent again. */
export default function AdminEmails() {
  const [params, setParams] = useSearchParams<{ statut?: StatutEmail }>();
  const emails = createAsync(() => getEmails(params.statut));
  const renvoyer = useAction(renvoyerEmail);
  const envoi = useSubmission(renvoyerEmail);
  return (
    <>
      <h1>E-mails envoyés</h1>
      <QueryBoundary queries={[emails]}>
        <Show when={emails()}>
          {(vue) => (
            <>
              <Show when={!vue().fournisseurConfigure}>
                <div class="fr-alert fr-alert--warning fr-mb-3w">
                  <p>
                    Aucun fournisseur d'e-mail n'est configuré (secret BREVO_API_KEY) : les messages restent en attente
                    d'envoi.
                  </p>
                </div>
              </Show>
              <ul class="fr-tags-group fr-mb-2w" aria-label="Filtrer par état">
                <li>
                  <button class="fr-tag" aria-pressed={!params.statut} onClick={() => setParams({ statut: undefined })}>
                    Tous
                  </button>
                </li>
                <For each={STATUTS_EMAIL}>
                  {(statut) => (
                    <li>
                      <button
                        class="fr-tag"
                        aria-pressed={params.statut === statut}
                        onClick={() => setParams({ statut })}
                      >
                        {STATUT_EMAIL_LABELS[statut]} ({vue().compteurs[statut]})
                      </button>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={envoi.error}>{(error) => <ErrorAlert error={error()} />}</Show>
              <DsfrTable
                caption="E-mails de la file d'envoi, les plus récents d'abord"
                class="fr-table--no-caption"
                dsfrMarkup
              >
                <thead>
                  <tr>
                    <th scope="col">Créé le</th>
                    <th scope="col">Destinataire</th>
                    <th scope="col">Objet</th>
                    <th scope="col">État</th>
                    <th scope="col">Essais</th>
                    <th scope="col">Envoyé le / prochain essai / raison</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  <For
                    each={vue().emails}
                    fallback={
                      <tr>
                        <td colSpan={7}>Aucun e-mail.</td>
                      </tr>
                    }
                  >
                    {(email) => (
                      <tr>
                        <td>{formatDateTime(email.createdAt)}</td>
                        <td>{email.to}</td>
                        <td>{email.subject}</td>
                        <td>
                          <p class={`fr-badge fr-badge--sm ${BADGE[email.status]}`}>
                            {STATUT_EMAIL_LABELS[email.status]}
                          </p>
                        </td>
                        <td>{email.attempts}</td>
                        <td>
                          {email.status === "sent"
                            ? formatDateTime(email.sentAt)
                            : email.status === "pending"
                              ? email.nextAttemptAt
                                ? `Prochain essai : ${formatDateTime(email.nextAttemptAt)}`
                                : "Au prochain envoi"
                              : email.lastError}
                          <Show when={email.status === "pending" && email.lastError}>
                            <br />
                            <span class="fr-text--xs">Dernière erreur : {email.lastError}</span>
                          </Show>
                        </td>
                        <td>
                          <Show when={email.status === "failed"}>
                            <button
                              class="fr-btn fr-btn--sm fr-btn--secondary"
                              disabled={envoi.pending}
                              onClick={() => void renvoyer(email.id)}
                            >
                              Renvoyer
                            </button>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </DsfrTable>
            </>
          )}
        </Show>
      </QueryBoundary>
    </>
  );
}
