import { A, createAsync, useParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { ETATS_PROCEDURE, STATUTS_COMPTE } from "../../../../worker/domain/administration";
import { pourcentage } from "../../components/administration/organisation";
import { FormError } from "../../components/comptes/Field";
import { BoutonAvecConfirmation } from "../../components/ConfirmationModale";
import { QueryBoundary } from "../../components/Errors";
import { useForm } from "../../forms";
import { formatDateTime, NATURE_LABELS } from "../../format";
import { actionSupport, getOrganismeSupport } from "../../queries-administration";
import { DsfrTable } from "../../components/DsfrTable";

const MODES: Record<string, string> = { api: "ERP (clé d'échange)", manuel: "Fichier Excel" };
const REVOCATIONS: Record<string, string> = {
  replaced: "remplacée",
  refused: "UAI/SIRET non confirmés",
  reset: "configuration réinitialisée",
  inactive: "inutilisée depuis 12 mois",
  admin: "révoquée par l'administration",
};

/** The support view of one organisme: what a support agent needs to see, and the two actions that unblock it. */
export default function OrganismeSupport() {
  const params = useParams<{ id: string }>();
  const vue = createAsync(() => getOrganismeSupport(params.id));
  const action = useForm(actionSupport);
  return (
    <div>
      <p class="fr-mb-2w">
        <A class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/administration/organismes">
          Recherche d'organismes
        </A>
      </p>
      <QueryBoundary queries={[vue]}>
        <Show when={vue.latest} fallback={<p>Chargement…</p>}>
          {(data) => {
            const o = () => data().organisme;
            const cleActive = () => data().cles.find((k) => !k.revokedAt);
            return (
              <>
                <h1 id="titre-organisme">{o().enseigne ?? o().raisonSociale}</h1>
                <div aria-live="polite">
                  <Show when={action.submission.result}>
                    {(result) => (
                      <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" id="resultat-action">
                        <p>{result().message}</p>
                      </div>
                    )}
                  </Show>
                </div>
                <FormError message={action.error()?.message ?? null} />

                <section class="fr-card fr-card--no-arrow fr-mb-3w" id="fiche-organisme">
                  <div class="fr-card__body">
                    <div class="fr-card__content">
                      <p class="fr-card__title">{o().raisonSociale}</p>
                      <div class="fr-card__desc">
                        <ul class="fr-badges-group fr-mb-1w">
                          <li>
                            <p
                              class="fr-badge fr-badge--sm"
                              classList={{
                                "fr-badge--success": data().fiabilite.fiable,
                                "fr-badge--warning": !data().fiabilite.fiable,
                              }}
                              title={data().fiabilite.raison}
                            >
                              {data().fiabilite.fiable ? "Fiable" : "Non fiable"}
                            </p>
                          </li>
                          <Show when={o().ferme}>
                            <li>
                              <p class="fr-badge fr-badge--sm fr-badge--error">Fermé</p>
                            </li>
                          </Show>
                        </ul>
                        <p class="fr-text--sm fr-mb-1w">{data().fiabilite.raison}</p>
                        <p class="fr-mb-1w">
                          UAI : <strong id="uai-organisme">{o().uai ?? "inconnu"}</strong> · SIRET :{" "}
                          <strong>{o().siret}</strong> · {NATURE_LABELS[o().nature] ?? o().nature}
                        </p>
                        <p class="fr-mb-1w">
                          {[o().adresse, o().codePostal, o().commune].filter(Boolean).join(" ")}
                          {o().region ? ` — région ${o().region}` : ""}
                        </p>
                        <p class="fr-mb-0">
                          Transmission : {o().modeTransmission ? MODES[o().modeTransmission!] : "non paramétrée"}
                          {o().erpLabel ? ` — ${o().erpLabel}` : ""}
                          {o().configuredAt
                            ? ` (paramétrée le ${formatDateTime(o().configuredAt)}${o().configuredBy ? ` par ${o().configuredBy}` : ""})`
                            : ""}
                          <br />
                          Dernière transmission :{" "}
                          <span id="derniere-transmission">
                            {o().lastTransmissionAt ? formatDateTime(o().lastTransmissionAt) : "jamais"}
                          </span>
                        </p>
                      </div>
                    </div>
                  </div>
                </section>

                <section class="fr-mb-4w" aria-labelledby="titre-procedure">
                  <h2 class="fr-h4" id="titre-procedure">
                    Procédure de connexion
                  </h2>
                  <p>
                    État : <strong id="etat-procedure">{ETATS_PROCEDURE[data().connection.status]}</strong>
                    <Show when={data().connection.key}>
                      {(key) => (
                        <>
                          {" "}
                          — clé {key().prefix}… générée le {formatDateTime(key().generatedAt)}
                        </>
                      )}
                    </Show>
                    <Show when={data().connection.installation}>
                      {(i) => (
                        <>
                          <br />
                          Déclaré par l'ERP{i().erp ? ` ${i().erp}` : ""} : UAI {i().uai ?? "aucun"}, SIRET{" "}
                          {i().siret ?? "aucun"} ({formatDateTime(i().at)})
                        </>
                      )}
                    </Show>
                  </p>
                  <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
                    <li>
                      <BoutonAvecConfirmation
                        id="bouton-reinitialiser"
                        class="fr-btn fr-btn--sm fr-btn--secondary"
                        label="Réinitialiser la configuration"
                        disabled={action.pending()}
                        titre="Réinitialiser la configuration de l'organisme ?"
                        confirmer="Réinitialiser"
                        onConfirm={() => void action.submit(o().id, "reinitialiser")}
                      >
                        <p>
                          Toutes les clés d'échange de {o().raisonSociale} sont révoquées et son choix d'ERP est effacé
                          : l'organisme devra refaire son paramétrage. Les dossiers en attente de confirmation sont
                          écartés.
                        </p>
                      </BoutonAvecConfirmation>
                    </li>
                    <Show when={cleActive()}>
                      {(cle) => (
                        <li>
                          <BoutonAvecConfirmation
                            id="bouton-revoquer"
                            class="fr-btn fr-btn--sm fr-btn--tertiary"
                            label="Révoquer la clé"
                            disabled={action.pending()}
                            titre={`Révoquer la clé ${cle().prefix}… ?`}
                            confirmer="Révoquer la clé"
                            onConfirm={() => void action.submit(o().id, "revoquer-cle")}
                          >
                            <p>
                              L'ERP de {o().raisonSociale} ne pourra plus transmettre avec cette clé ; l'organisme devra
                              en générer une nouvelle depuis ses Paramètres.
                            </p>
                          </BoutonAvecConfirmation>
                        </li>
                      )}
                    </Show>
                  </ul>
                </section>

                <section class="fr-mb-4w" aria-labelledby="titre-cles">
                  <h2 class="fr-h4" id="titre-cles">
                    Clés d'échange
                  </h2>
                  <Show when={data().cles.length > 0} fallback={<p>Aucune clé d'échange.</p>}>
                    <DsfrTable caption="Clés d'échange" class="fr-table--no-caption table-scroll" tableId="table-cles">
                      <thead>
                        <tr>
                          <th scope="col">Préfixe</th>
                          <th scope="col">Créée le</th>
                          <th scope="col">Dernière utilisation</th>
                          <th scope="col">Révoquée</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={data().cles}>
                          {(k) => (
                            <tr>
                              <td>
                                <code>{k.prefix}…</code>
                              </td>
                              <td>{formatDateTime(k.createdAt)}</td>
                              <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Jamais"}</td>
                              <td>
                                {k.revokedAt
                                  ? `${formatDateTime(k.revokedAt)} (${REVOCATIONS[k.revokedReason ?? ""] ?? k.revokedReason ?? ""})`
                                  : "Active"}
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </DsfrTable>
                  </Show>
                </section>

                <section class="fr-mb-4w" aria-labelledby="titre-transmissions">
                  <h2 class="fr-h4" id="titre-transmissions">
                    Dernières transmissions
                  </h2>
                  <Show when={data().transmissions.length > 0} fallback={<p>Aucune transmission.</p>}>
                    <p>
                      Taux d'erreur sur ces transmissions :{" "}
                      <strong id="taux-erreur">{pourcentage(data().tauxErreur)}</strong>
                    </p>
                    <DsfrTable
                      caption="Dernières transmissions"
                      class="fr-table--no-caption table-scroll"
                      tableId="table-transmissions-support"
                    >
                      <thead>
                        <tr>
                          <th scope="col">Reçue le</th>
                          <th scope="col">Source</th>
                          <th scope="col">Dossiers</th>
                          <th scope="col">Valides</th>
                          <th scope="col">En attente</th>
                          <th scope="col">Invalides</th>
                          <th scope="col">Taux d'erreur</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={data().transmissions}>
                          {(t) => (
                            <tr>
                              <td>{formatDateTime(t.receivedAt)}</td>
                              <td>{t.source === "erp" ? "ERP" : "Fichier"}</td>
                              <td>{t.total}</td>
                              <td>{t.valides}</td>
                              <td>{t.held}</td>
                              <td>{t.invalid}</td>
                              <td>{pourcentage(t.tauxErreur)}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </DsfrTable>
                  </Show>
                </section>

                <section class="fr-mb-4w" aria-labelledby="titre-utilisateurs">
                  <h2 class="fr-h4" id="titre-utilisateurs">
                    Utilisateurs
                  </h2>
                  <Show when={data().utilisateurs.length > 0} fallback={<p>Aucun utilisateur.</p>}>
                    <ul id="utilisateurs-organisme">
                      <For each={data().utilisateurs}>
                        {(u) => (
                          <li>
                            {u.prenom} {u.nom} — {u.email} ({STATUTS_COMPTE[u.status]})
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <A href={`/administration/utilisateurs?q=${encodeURIComponent(o().siret)}`}>Gérer ces comptes</A>
                </section>

                <section aria-labelledby="titre-journal">
                  <h2 class="fr-h4" id="titre-journal">
                    Journal de la procédure
                  </h2>
                  <Show when={data().audit.length > 0} fallback={<p>Aucun événement.</p>}>
                    <DsfrTable caption="Journal" class="fr-table--no-caption table-scroll" tableId="table-journal">
                      <thead>
                        <tr>
                          <th scope="col">Date</th>
                          <th scope="col">Qui</th>
                          <th scope="col">Quoi</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={data().audit}>
                          {(entry) => (
                            <tr>
                              <td>{formatDateTime(entry.at)}</td>
                              <td>{entry.actor}</td>
                              <td>{entry.detail ?? entry.action}</td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </DsfrTable>
                  </Show>
                </section>
              </>
            );
          }}
        </Show>
      </QueryBoundary>
    </div>
  );
}
