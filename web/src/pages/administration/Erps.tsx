import { createAsync, useAction, useSubmission } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import type { ErpCatalogue } from "../../../../worker/domain/erps-catalogue";
import { ErrorAlert, QueryBoundary } from "../../components/Errors";
import { ajouterErp, getErpsCatalogue, modifierErp } from "../../queries-erps";
import { DsfrTable } from "../../components/DsfrTable";

/** One ERP of the table: its label edited in place, its flow and its activity switched. */
function LigneErp(props: { erp: ErpCatalogue; busy: boolean }) {
  const modifier = useAction(modifierErp);
  const [label, setLabel] = createSignal(props.erp.label);
  const id = () => `erp-${props.erp.id}`;
  return (
    <tr>
      <td>
        <form
          class="fr-input-wrap"
          onSubmit={(e) => {
            e.preventDefault();
            if (label().trim() && label() !== props.erp.label) void modifier(props.erp.id, { label: label() });
          }}
        >
          <label class="fr-sr-only" for={`${id()}-label`}>
            Nom de l'ERP {props.erp.label}
          </label>
          <input
            class="fr-input"
            id={`${id()}-label`}
            value={props.erp.label}
            onInput={(e) => setLabel(e.currentTarget.value)}
          />
          <button class="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w" type="submit" disabled={props.busy}>
            Renommer
          </button>
        </form>
      </td>
      <td>
        <div class="fr-toggle">
          <input
            type="checkbox"
            class="fr-toggle__input"
            id={`${id()}-cle`}
            checked={props.erp.apiKeySupport}
            disabled={props.busy}
            onChange={(e) => void modifier(props.erp.id, { apiKeySupport: e.currentTarget.checked })}
          />
          <label class="fr-toggle__label" for={`${id()}-cle`}>
            {props.erp.apiKeySupport ? "Clé d'échange" : "Fichier (non interfacé)"}
          </label>
        </div>
      </td>
      <td>{props.erp.organismes}</td>
      <td>
        <p class={`fr-badge fr-badge--sm ${props.erp.actif ? "fr-badge--success" : "fr-badge--warning"}`}>
          {props.erp.actif ? "Proposé" : "Désactivé"}
        </p>
      </td>
      <td>
        <button
          class="fr-btn fr-btn--sm fr-btn--secondary"
          disabled={props.busy}
          onClick={() => void modifier(props.erp.id, { actif: !props.erp.actif })}
        >
          {props.erp.actif ? "Désactiver" : "Réactiver"}
        </button>
      </td>
    </tr>
  );
}

/** The ERP catalogue that Paramètres offers: add, rename, key flow or manual, deactivate. */
export default function AdminErps() {
  const erps = createAsync(() => getErpsCatalogue());
  const ajout = useSubmission(ajouterErp);
  const changement = useSubmission(modifierErp);
  const ajouter = useAction(ajouterErp);
  const [label, setLabel] = createSignal("");
  const [cle, setCle] = createSignal(true);
  const busy = () => !!(ajout.pending || changement.pending);
  return (
    <>
      <h1>Catalogue des ERP</h1>
      <p>
        Les ERP proposés aux organismes dans Paramètres. Un ERP désactivé n'est plus proposé ; les organismes qui
        l'utilisent continuent de transmettre et en sont avertis.
      </p>
      <form
        class="fr-mb-4w"
        onSubmit={async (e) => {
          e.preventDefault();
          await ajouter(label(), cle());
          if (!ajout.error) setLabel("");
        }}
      >
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">Ajouter un ERP</legend>
          <div class="fr-fieldset__element">
            <div class="fr-input-group">
              <label class="fr-label" for="erp-nouveau">
                Nom de l'ERP
              </label>
              <input
                class="fr-input"
                id="erp-nouveau"
                value={label()}
                onInput={(e) => setLabel(e.currentTarget.value)}
              />
            </div>
          </div>
          <div class="fr-fieldset__element">
            <div class="fr-checkbox-group">
              <input
                type="checkbox"
                id="erp-nouveau-cle"
                checked={cle()}
                onChange={(e) => setCle(e.currentTarget.checked)}
              />
              <label class="fr-label" for="erp-nouveau-cle">
                Transmet avec la clé d'échange (sinon : fichier Excel)
              </label>
            </div>
          </div>
          <div class="fr-fieldset__element">
            <button class="fr-btn" type="submit" disabled={busy()}>
              Ajouter
            </button>
          </div>
        </fieldset>
      </form>
      <Show when={ajout.error ?? changement.error}>{(error) => <ErrorAlert error={error()} />}</Show>
      <QueryBoundary queries={[erps]}>
        <DsfrTable caption="ERP du catalogue" dsfrMarkup>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Mode</th>
              <th scope="col">Organismes</th>
              <th scope="col">État</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            <For each={erps()?.erps}>{(erp) => <LigneErp erp={erp} busy={busy()} />}</For>
          </tbody>
        </DsfrTable>
      </QueryBoundary>
    </>
  );
}
