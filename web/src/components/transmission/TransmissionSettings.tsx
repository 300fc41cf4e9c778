import { createResource, createSignal, Match, Show, Switch } from "solid-js";
import { api, errorMessage } from "../../api";
import { onLiveMessage, useLive } from "../../live";
import type { ConnectionState } from "../../../../worker/domain/connection-state";
import type { ErpChoice as Choice, TransmissionView } from "../../../../worker/domain/transmission-view";
import { AuditLog } from "./AuditLog";
import { ConfiguredState } from "./ConfiguredState";
import { ConfirmationStep } from "./ConfirmationStep";
import { ErpChoice } from "./ErpChoice";
import { StartInterfacing } from "./StartInterfacing";
import { RefusalNotice } from "./SupportNotice";

/**
 * "Paramétrage de votre moyen de transmission": shows the step matching the organisme's connection state, and
 * follows it live — when the ERP uses the key, the hub pushes the new state and the page turns by itself.
 */
export function TransmissionSettings(props: { organismeId: string; initialError: string | null }) {
  const base = `/api/organismes/${props.organismeId}/transmission`;
  const [view, { refetch, mutate }] = createResource(() => api<TransmissionView>(base));
  const [generated, setGenerated] = createSignal<{ key: string; keyId: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(props.initialError);
  const [auditVersion, setAuditVersion] = createSignal(0);

  const showConnection = (connection: ConnectionState) => {
    const current = view.latest;
    if (current) mutate({ ...current, connection });
  };

  const live = useLive(props.organismeId);
  onLiveMessage(live, (message) => {
    if (message.type !== "snapshot" && message.type !== "connection") return;
    // The state is shown at once; the rest of the view (ERP choice, configured by) follows from the server.
    showConnection(message.connection);
    refetch();
    setAuditVersion((v) => v + 1);
  });

  async function act<T>(run: () => Promise<T>, after?: (result: T) => void) {
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      after?.(result);
      await refetch();
      setAuditVersion((v) => v + 1);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const chooseErp = (choice: Choice) =>
    act(
      () => api<TransmissionView>(`${base}/erp`, { body: choice }),
      (v) => mutate(v),
    );
  const generateKey = () =>
    act(
      () => api<{ key: string; connection: ConnectionState }>(`${base}/cle`, { body: {} }),
      (r) => {
        if (r.connection.key) setGenerated({ key: r.key, keyId: r.connection.key.id });
        showConnection(r.connection);
      },
    );
  const post = (action: "confirmer" | "refuser" | "reinitialiser") => () =>
    act(
      () => api<{ connection: ConnectionState }>(`${base}/${action}`, { body: {} }),
      (r) => {
        setGenerated(null);
        showConnection(r.connection);
      },
    );

  /** The clear key, only while it is still the organisme's current key. */
  const clearKey = () => {
    const g = generated();
    return g && view.latest?.connection.key?.id === g.keyId ? g.key : null;
  };

  return (
    <>
      <div aria-live="assertive">
        <Show when={error()}>
          <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w">
            <p>{error()}</p>
          </div>
        </Show>
      </div>
      <Show when={view.error && !view.latest}>
        <div class="fr-alert fr-alert--error fr-alert--sm">
          <p>{errorMessage(view.error)}</p>
        </div>
      </Show>
      <Show
        when={view.latest}
        fallback={
          <Show when={!view.error}>
            <p>Chargement…</p>
          </Show>
        }
      >
        {(v) => (
          <Show
            when={v().canConfigure}
            fallback={
              <div class="fr-alert fr-alert--info">
                <p>Seuls les utilisateurs de l'organisme peuvent paramétrer sa transmission.</p>
              </div>
            }
          >
            <Switch>
              <Match when={v().connection.status === "confirmed"}>
                <ConfiguredState
                  settings={v().settings}
                  configuredAt={v().settings.configuredAt ?? v().connection.confirmation?.at ?? null}
                  configuredBy={v().settings.configuredBy ?? v().connection.confirmation?.by ?? null}
                  manual={false}
                  busy={busy()}
                  onReset={post("reinitialiser")}
                />
              </Match>
              <Match when={v().connection.status === "installed" && v().connection.installation}>
                {(installation) => (
                  <ConfirmationStep
                    organisme={v().organisme}
                    installation={installation()}
                    busy={busy()}
                    onConfirm={post("confirmer")}
                    onRefuse={post("refuser")}
                  />
                )}
              </Match>
              <Match when={v().settings.modeTransmission === "manuel"}>
                <ConfiguredState
                  settings={v().settings}
                  configuredAt={v().settings.configuredAt}
                  configuredBy={v().settings.configuredBy}
                  manual
                  busy={busy()}
                  onReset={post("reinitialiser")}
                />
              </Match>
              <Match when={v().settings.modeTransmission === "api"}>
                <Show when={v().connection.status === "refused"}>
                  <RefusalNotice />
                </Show>
                <StartInterfacing
                  erpLabel={v().settings.erpLabel ?? ""}
                  key={clearKey()}
                  pendingPrefix={
                    v().connection.status === "key_generated" ? (v().connection.key?.prefix ?? null) : null
                  }
                  busy={busy()}
                  onGenerate={generateKey}
                  onBack={post("reinitialiser")}
                />
              </Match>
              <Match when={true}>
                <Show when={v().connection.status === "refused"}>
                  <RefusalNotice />
                </Show>
                <ErpChoice erps={v().erps} busy={busy()} onChoose={chooseErp} />
              </Match>
            </Switch>
          </Show>
        )}
      </Show>
      <AuditLog organismeId={props.organismeId} version={auditVersion()} />
    </>
  );
}
