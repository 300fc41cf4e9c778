import { For, Show } from "solid-js";
import type { JeuneEnRupture, OngletRupture } from "../../../../worker/domain/missions-locales";
import { ONGLET_LABELS } from "../../../../worker/domain/missions-locales";
import { formatDate } from "../../format";
import { BadgeEtat } from "./etats";
import { DsfrTable } from "../DsfrTable";

const ENTETES = [
  "Nom",
  "Prénom",
  "Âge",
  "Téléphone",
  "E-mail",
  "Commune",
  "Formation",
  "CFA",
  "SIRET employeur",
  "Date de rupture",
  "Jours depuis la rupture",
  "Situation",
  "État du suivi",
];

/**
 * The worklist's table: one row per learner with every field SPEC §10 allows; the learner's name opens its
 * follow-up (contact details, history, change of state).
 */
export function TableJeunes(props: {
  jeunes: JeuneEnRupture[] | undefined;
  onglet: OngletRupture;
  onOuvrir: (jeune: JeuneEnRupture) => void;
}) {
  return (
    <DsfrTable
      caption={
        <>
          {ONGLET_LABELS[props.onglet]} : les jeunes signalés par leur CFA d'abord, puis les ruptures les plus récentes.
          Le nom d'un jeune ouvre son suivi.
        </>
      }
      class="table-scroll jeunes-table"
      tableId="table-jeunes"
      busy={props.jeunes === undefined}
      focusable
      srOnlyCaption
    >
      <thead>
        <tr>
          <For each={ENTETES}>
            {(label) => (
              <th scope="col" classList={{ "cell-number": label === "Âge" || label.startsWith("Jours") }}>
                {label}
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For
          each={props.jeunes ?? []}
          fallback={
            <tr>
              <td colSpan={ENTETES.length}>
                {props.jeunes === undefined ? "Chargement…" : "Aucun jeune ne correspond à ces critères."}
              </td>
            </tr>
          }
        >
          {(j) => (
            <tr data-jeune={j.effectifId} classList={{ "jeune-signale": Boolean(j.signaleAt) }}>
              <td>
                <button
                  type="button"
                  class="fr-link bouton-jeune"
                  aria-haspopup="dialog"
                  title={`Ouvrir le suivi de ${j.prenom} ${j.nom}`}
                  onClick={() => props.onOuvrir(j)}
                >
                  {j.nom}
                </button>
              </td>
              <td>{j.prenom}</td>
              <td class="cell-number">{j.age}</td>
              <td>
                <Show when={j.telephone} fallback="—">
                  {(tel) => <a href={`tel:${tel().replace(/\s/g, "")}`}>{tel()}</a>}
                </Show>
              </td>
              <td>
                <Show when={j.email} fallback="—">
                  {(email) => <a href={`mailto:${email()}`}>{email()}</a>}
                </Show>
              </td>
              <td>{j.commune.nom ?? j.commune.code ?? "—"}</td>
              <td class="cell-wrap">{j.formation ?? "—"}</td>
              <td class="cell-wrap">
                {j.cfa.nom}
                <Show when={j.cfa.commune}>{(commune) => <span class="fr-hint-text">{commune()}</span>}</Show>
                <Show when={j.cfa.contact}>{(contact) => <span class="fr-hint-text">Contact : {contact()}</span>}</Show>
              </td>
              <td>{j.siretEmployeur ?? "—"}</td>
              <td>{formatDate(j.dateRupture)}</td>
              <td class="cell-number">{j.joursDepuisRupture}</td>
              <td>
                <ul class="fr-badges-group">
                  <Show when={j.signaleAt}>
                    {(at) => (
                      <li>
                        <span class="fr-badge fr-badge--sm fr-badge--warning" title={`Signalé le ${formatDate(at())}`}>
                          Signalé par le CFA
                        </span>
                      </li>
                    )}
                  </Show>
                  <Show when={j.mineur}>
                    <li>
                      <span class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--purple-glycine">Mineur</span>
                    </li>
                  </Show>
                  <Show when={j.rqth}>
                    <li>
                      <span class="fr-badge fr-badge--sm fr-badge--no-icon fr-badge--blue-cumulus">RQTH</span>
                    </li>
                  </Show>
                </ul>
              </td>
              <td>
                <BadgeEtat etat={j.etat} recontacterLe={j.recontacterLe} />
              </td>
            </tr>
          )}
        </For>
      </tbody>
    </DsfrTable>
  );
}
