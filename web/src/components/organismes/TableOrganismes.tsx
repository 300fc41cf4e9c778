import { A, useNavigate } from "@solidjs/router";
import { For, Match, Switch } from "solid-js";
import type { OrganismePerimetre, TriOrganismes } from "../../../../worker/domain/perimetre-organismes";
import { COLONNES, nomOrganisme, type Colonne } from "./colonnes";
import { EtatTransmission } from "./EtatTransmission";
import { DsfrTable } from "../DsfrTable";

export type Sens = "asc" | "desc";

/**
 * The organismes of one page: every column sorts (a DSFR sort button in its header, `aria-sort` on the sorted one),
 * and each row opens the organisme's page (its name is the link, for the keyboard; the whole row for the mouse).
 */
export function TableOrganismes(props: {
  rows: OrganismePerimetre[] | undefined;
  tri: TriOrganismes;
  sens: Sens;
  onTri: (tri: TriOrganismes, sens: Sens) => void;
}) {
  const navigate = useNavigate();
  const sensDe = (colonne: Colonne) => (props.tri === colonne.tri ? props.sens : null);
  const trier = (colonne: Colonne) =>
    props.onTri(
      colonne.tri,
      sensDe(colonne) === "asc" ? "desc" : sensDe(colonne) === "desc" ? "asc" : colonne.nombre ? "desc" : "asc",
    );
  return (
    <DsfrTable
      caption="Organismes du périmètre : cliquez sur un organisme pour ouvrir sa page"
      class="table-scroll organismes-table"
      tableId="table-organismes"
      busy={props.rows === undefined}
      focusable
      srOnlyCaption
    >
      <thead>
        <tr>
          <For each={COLONNES}>
            {(colonne) => (
              <th
                scope="col"
                aria-sort={
                  sensDe(colonne) === "asc" ? "ascending" : sensDe(colonne) === "desc" ? "descending" : undefined
                }
                classList={{ "cell-number": colonne.nombre }}
              >
                <div class="fr-cell--sort">
                  <span class="fr-cell__title">{colonne.label}</span>
                  <button
                    type="button"
                    class="fr-btn fr-btn--sm"
                    classList={{
                      "fr-btn--sort": !sensDe(colonne),
                      "fr-btn--sort-asc": sensDe(colonne) === "asc",
                      "fr-btn--sort-desc": sensDe(colonne) === "desc",
                    }}
                    title={`Trier par ${colonne.label.toLowerCase()}`}
                    data-tri={colonne.tri}
                    onClick={() => trier(colonne)}
                  >
                    Trier par {colonne.label.toLowerCase()}
                  </button>
                </div>
              </th>
            )}
          </For>
        </tr>
      </thead>
      <tbody>
        <For
          each={props.rows ?? []}
          fallback={
            <tr>
              <td colSpan={COLONNES.length}>{props.rows === undefined ? "Chargement…" : "Aucun organisme."}</td>
            </tr>
          }
        >
          {(o) => (
            <tr
              data-organisme={o.id}
              onClick={(e) => !(e.target as Element).closest("a") && navigate(`/organismes/${o.id}`)}
            >
              <For each={COLONNES}>
                {(colonne) => (
                  <td classList={{ "cell-number": colonne.nombre }}>
                    <Switch fallback={colonne.valeur(o)}>
                      <Match when={colonne.tri === "nom"}>
                        <A href={`/organismes/${o.id}`}>{nomOrganisme(o)}</A>
                        {o.enseigne && o.enseigne !== o.raisonSociale ? (
                          <p class="fr-text--xs fr-mb-0">{o.raisonSociale}</p>
                        ) : null}
                      </Match>
                      <Match when={colonne.tri === "fiable"}>
                        <p
                          class={`fr-badge fr-badge--sm ${o.fiabilite.fiable ? "fr-badge--info" : "fr-badge--error"}`}
                          title={o.fiabilite.raison}
                        >
                          {colonne.valeur(o)}
                        </p>
                        <span class="fr-sr-only"> : {o.fiabilite.raison}</span>
                      </Match>
                      <Match when={colonne.tri === "etat"}>
                        <EtatTransmission etat={o.etatTransmission} small />
                      </Match>
                    </Switch>
                  </td>
                )}
              </For>
            </tr>
          )}
        </For>
      </tbody>
    </DsfrTable>
  );
}
