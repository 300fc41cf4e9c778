import { createMemo, createSignal, For, Show } from "solid-js";
import { formatDate } from "../../format";
import { INDICATEUR_LABELS, INDICATEURS } from "./types";
import { EntetesIndicateurs } from "./TableIndicateurs";
import type { Evolution } from "../../../../worker/domain/indicateurs-organisme";
import type { Indicateur } from "../../../../worker/domain/indicators";
import { axeY } from "./axe-y";
import { DsfrTable } from "../DsfrTable";

const MOIS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const isMonthEnd = (date: string) =>
  new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7), 0)).toISOString().slice(0, 10) === date;
const moisLabel = (mois: string) => `${MOIS[Number(mois.slice(5, 7)) - 1]} ${mois.slice(2, 4)}`;

/** Colour and dash per series: told apart without colour too. */
const SERIES: Record<Indicateur, { color: string; dash: string }> = {
  apprenants: { color: "var(--blue-france-sun-113-625)", dash: "" },
  apprentis: { color: "var(--green-emeraude-main-632)", dash: "8 4" },
  rupturants: { color: "var(--orange-terre-battue-main-645)", dash: "2 4" },
  inscrits: { color: "var(--purple-glycine-main-494)", dash: "12 4 2 4" },
  abandons: { color: "var(--red-marianne-main-472)", dash: "4 4" },
};

const W = 640;
const H = 280;
const M = { left: 48, right: 32, top: 16, bottom: 32 };

/** The month by month evolution as a hand-written SVG line chart, with its data as a table for those who prefer it. */
export function EvolutionChart(props: { data: Evolution }) {
  const [showTable, setShowTable] = createSignal(false);
  const points = () => props.data.points;
  const axe = createMemo(() =>
    axeY(Math.max(0, ...points().flatMap((p) => (p.indicateurs ? INDICATEURS.map((k) => p.indicateurs![k]) : [])))),
  );
  const max = () => axe().max;
  const x = (i: number) => M.left + ((W - M.left - M.right) * i) / 11;
  const y = (v: number) => H - M.bottom - ((H - M.top - M.bottom) * v) / max();
  const ticks = () => axe().ticks;
  const path = (key: Indicateur) =>
    points()
      .map((p, i) => (p.indicateurs ? `${x(i)},${y(p.indicateurs[key])}` : null))
      .filter(Boolean)
      .join(" ");
  const dernier = createMemo(() => [...points()].reverse().find((p) => p.indicateurs));
  const resume = () => {
    const d = dernier();
    if (!d?.indicateurs) return "Aucune donnée pour cette année scolaire.";
    return `Au ${formatDate(d.date)} : ${INDICATEURS.map((k) => `${d.indicateurs![k]} ${INDICATEUR_LABELS[k]}`).join(", ")}. Les valeurs de chaque mois sont dans le tableau de données.`;
  };

  return (
    <figure class="fr-m-0" id="evolution">
      <svg
        class="evolution-chart"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-labelledby="evolution-titre evolution-desc"
      >
        <title id="evolution-titre">
          Évolution mensuelle de vos effectifs, année scolaire {props.data.anneeScolaire}
        </title>
        <desc id="evolution-desc">{resume()}</desc>
        <For each={ticks()}>
          {(t) => (
            <>
              <line class="axis" x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} stroke-width="1" />
              <text x={M.left - 6} y={y(t) + 4} text-anchor="end">
                {t}
              </text>
            </>
          )}
        </For>
        <For each={points()}>
          {(p, i) => (
            <text x={x(i())} y={H - 10} text-anchor="middle">
              {moisLabel(p.mois)}
            </text>
          )}
        </For>
        <For each={INDICATEURS}>
          {(key) => (
            <g data-serie={key}>
              <polyline
                points={path(key)}
                fill="none"
                stroke={SERIES[key].color}
                stroke-width="2.5"
                stroke-dasharray={SERIES[key].dash}
              />
              <For each={points()}>
                {(p, i) => (
                  <Show when={p.indicateurs}>
                    {(v) => (
                      <circle cx={x(i())} cy={y(v()[key])} r="3.5" fill={SERIES[key].color}>
                        <title>{`${moisLabel(p.mois)} : ${v()[key]} ${INDICATEUR_LABELS[key]}`}</title>
                      </circle>
                    )}
                  </Show>
                )}
              </For>
            </g>
          )}
        </For>
      </svg>
      <ul class="evolution-legend" aria-hidden="true">
        <For each={INDICATEURS}>
          {(key) => (
            <li>
              <svg width="32" height="10">
                <line
                  x1="0"
                  x2="32"
                  y1="5"
                  y2="5"
                  stroke={SERIES[key].color}
                  stroke-width="2.5"
                  stroke-dasharray={SERIES[key].dash}
                />
              </svg>
              {INDICATEUR_LABELS[key]}
            </li>
          )}
        </For>
      </ul>
      <figcaption class="fr-mt-1w">
        <button
          type="button"
          class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
          aria-expanded={showTable()}
          aria-controls="evolution-donnees"
          onClick={() => setShowTable(!showTable())}
        >
          {showTable() ? "Masquer les données du graphique" : "Afficher les données du graphique"}
        </button>
      </figcaption>
      <DsfrTable
        caption={<>Effectifs en fin de mois, année scolaire {props.data.anneeScolaire}</>}
        class="table-scroll"
        id="evolution-donnees"
        hidden={!showTable()}
        focusable
      >
        <thead>
          <tr>
            <th scope="col">Mois</th>
            <EntetesIndicateurs />
          </tr>
        </thead>
        <tbody>
          <For each={points()}>
            {(p) => (
              <tr>
                <th scope="row">
                  {moisLabel(p.mois)}
                  {p.date && !isMonthEnd(p.date) ? ` (au ${formatDate(p.date)})` : ""}
                </th>
                <For each={INDICATEURS}>
                  {(key) => <td class="cell-number">{p.indicateurs ? p.indicateurs[key] : "—"}</td>}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </DsfrTable>
    </figure>
  );
}
