import { A, createAsync, useSearchParams } from "@solidjs/router";
import { For, Show } from "solid-js";
import { ETATS_PROCEDURE, type ModeVue, type OrganismeVueTransmission } from "../../../../worker/domain/administration";
import { toCsv } from "../../../../worker/domain/rapport-transmission";
import { REGIONS } from "../../../../worker/domain/territoires";
import { pourcentage } from "../../components/administration/organisation";
import { DownloadButtons } from "../../components/DownloadButtons";
import { QueryBoundary } from "../../components/Errors";
import { Pagination } from "../../components/Pagination";
import type { DownloadFile, DownloadFormat } from "../../download";
import { formatDateTime } from "../../format";
import { getVueTransmissions, vueTransmissionsExport, type FiltresVue } from "../../queries-administration";
import { DsfrTable } from "../../components/DsfrTable";

const MODES: Record<ModeVue, string> = { api: "ERP (clé)", manuel: "Fichier", none: "Aucun" };

const COLONNES: { label: string; valeur: (o: OrganismeVueTransmission) => string | number }[] = [
  { label: "Raison sociale", valeur: (o) => o.raisonSociale },
  { label: "UAI", valeur: (o) => o.uai ?? "" },
  { label: "SIRET", valeur: (o) => o.siret },
  { label: "Région", valeur: (o) => (o.region ? (REGIONS[o.region] ?? o.region) : "") },
  { label: "Mode", valeur: (o) => MODES[o.mode] },
  { label: "ERP", valeur: (o) => o.erpLabel ?? "" },
  { label: "Procédure", valeur: (o) => ETATS_PROCEDURE[o.etat] },
  { label: "Clé", valeur: (o) => (o.clePresente ? "Oui" : "Non") },
  { label: "Dernière transmission", valeur: (o) => formatDateTime(o.lastTransmissionAt) },
  { label: "Invalides (dernier envoi)", valeur: (o) => pourcentage(o.partInvalides) },
];

function fichier(rows: OrganismeVueTransmission[], format: DownloadFormat): DownloadFile {
  const filename = `transmissions-${new Date().toISOString().slice(0, 10)}.${format}`;
  const header = COLONNES.map((c) => c.label);
  if (format === "csv")
    return {
      filename,
      csv: toCsv(
        header,
        rows.map((o) => COLONNES.map((c) => String(c.valeur(o)))),
      ),
    };
  return {
    filename,
    sheets: [
      {
        name: "Transmissions",
        header,
        rows: rows.map((o) => COLONNES.map((c) => c.valeur(o))),
        widths: COLONNES.map(() => 22),
        textColumns: [1, 2],
        freezeHeader: true,
      },
    ],
  };
}

/** Every organisme and how it transmits: mode, ERP, procedure, key, last push and its invalid share. */
export default function VueTransmissions() {
  const [params, setParams] = useSearchParams<FiltresVue & { page?: string }>();
  const filtres = (): FiltresVue => ({
    erp: params.erp,
    etat: params.etat,
    mode: params.mode,
    region: params.region,
    inactif: params.inactif,
  });
  const page = () => Math.max(1, Number(params.page) || 1);
  const vue = createAsync(() => getVueTransmissions(filtres(), page()));
  const filtrer = (name: keyof FiltresVue, value: string) => setParams({ [name]: value || undefined, page: undefined });
  const select = (id: string, label: string, name: keyof FiltresVue, options: [string, string][]) => (
    <div class="fr-col-12 fr-col-md-3">
      <div class="fr-select-group">
        <label class="fr-label" for={id}>
          {label}
        </label>
        <select class="fr-select" id={id} onChange={(e) => filtrer(name, e.currentTarget.value)}>
          <option value="" selected={!params[name]}>
            Tous
          </option>
          <For each={options}>
            {([value, text]) => (
              <option value={value} selected={params[name] === value}>
                {text}
              </option>
            )}
          </For>
        </select>
      </div>
    </div>
  );
  return (
    <div>
      <h1>Vue des transmissions</h1>
      <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom" id="filtres-transmissions">
        {select(
          "filtre-erp",
          "ERP",
          "erp",
          (vue.latest?.erps ?? []).map((e) => [e.id, e.label]),
        )}
        {select("filtre-etat", "Procédure", "etat", Object.entries(ETATS_PROCEDURE))}
        {select("filtre-mode", "Mode", "mode", Object.entries(MODES))}
        {select(
          "filtre-region",
          "Région",
          "region",
          Object.entries(REGIONS).sort(([, a], [, b]) => a.localeCompare(b, "fr")),
        )}
        <div class="fr-col-12">
          <div class="fr-checkbox-group">
            <input
              type="checkbox"
              id="filtre-inactif"
              checked={params.inactif === "1"}
              onChange={(e) => filtrer("inactif", e.currentTarget.checked ? "1" : "")}
            />
            <label class="fr-label" for="filtre-inactif">
              N'a rien transmis depuis 30 jours
              <span class="fr-hint-text">
                Organismes qui ont déjà transmis ou choisi un mode de transmission, sans rien envoyer depuis 30 jours
              </span>
            </label>
          </div>
        </div>
      </div>
      <QueryBoundary queries={[vue]}>
        <Show when={vue.latest} fallback={<p>Chargement…</p>}>
          {(data) => (
            <>
              <div class="fr-grid-row fr-grid-row--middle fr-my-2w">
                <p class="fr-col fr-mb-0" id="nombre-organismes-vue">
                  {data().total.toLocaleString("fr-FR")} organisme{data().total > 1 ? "s" : ""}
                </p>
                <DownloadButtons
                  label="Télécharger"
                  small
                  file={async (format) => fichier((await vueTransmissionsExport(filtres())).organismes, format)}
                />
              </div>
              <DsfrTable
                caption="Transmissions des organismes"
                class="fr-table--no-caption table-scroll"
                tableId="table-vue-transmissions"
              >
                <thead>
                  <tr>
                    <For each={COLONNES.filter((c) => c.label !== "SIRET")}>
                      {(c) => <th scope="col">{c.label}</th>}
                    </For>
                  </tr>
                </thead>
                <tbody>
                  <For each={data().organismes}>
                    {(o) => (
                      <tr data-organisme={o.id}>
                        <td>
                          <A href={`/administration/organismes/${o.id}`}>{o.raisonSociale}</A>
                        </td>
                        <td>{o.uai ?? "—"}</td>
                        <td>{o.region ? (REGIONS[o.region] ?? o.region) : ""}</td>
                        <td>{MODES[o.mode]}</td>
                        <td>{o.erpLabel ?? ""}</td>
                        <td>{ETATS_PROCEDURE[o.etat]}</td>
                        <td>{o.clePresente ? "Oui" : "Non"}</td>
                        <td>{o.lastTransmissionAt ? formatDateTime(o.lastTransmissionAt) : "Jamais"}</td>
                        <td>{pourcentage(o.partInvalides)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </DsfrTable>
              <Pagination
                page={data().page}
                pages={Math.ceil(data().total / data().taille)}
                label="Pages des organismes"
                onPage={(p) => setParams({ page: p > 1 ? String(p) : undefined })}
              />
            </>
          )}
        </Show>
      </QueryBoundary>
    </div>
  );
}
