import { createAsync } from "@solidjs/router";
import { Match, Show, Switch } from "solid-js";
import { parametrer } from "../../actions";
import { useForm } from "../../forms";
import { useOrganismeLive } from "../../live";
import { getTransmissionView } from "../../queries";
import { QueryBoundary } from "../Errors";
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
  const view = createAsync(() => getTransmissionView(props.organismeId));
  useOrganismeLive(props.organismeId);
  /** every step goes through one action: one at a time, its error above the steps */
  const step = useForm(parametrer);
  /** a membre sees the steps with their buttons disabled: only the organisation's administrateurs act */
  const busy = () => step.pending() || view.latest?.canConfigure === false;
  const error = () => (step.submission.input === undefined ? props.initialError : (step.error()?.message ?? null));

  const post = (etape: "confirmer" | "refuser" | "reinitialiser") => () => step.submit(props.organismeId, { etape });

  /** The clear key: only right after generating it, and while it is still the organisme's current key. */
  const clearKey = () => {
    const last = step.submission;
    if (last.input?.[1].etape !== "cle" || !last.result || !("key" in last.result)) return null;
    const { key, connection } = last.result;
    return connection.key && view.latest?.connection.key?.id === connection.key.id ? (key ?? null) : null;
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
      <QueryBoundary queries={[view]}>
        <Show when={view.latest} fallback={<p>Chargement…</p>}>
          {(v) => (
            <Show
              when={v().canConfigure || v().membre}
              fallback={
                <div class="fr-alert fr-alert--info">
                  <p>Seuls les utilisateurs de l'organisme peuvent paramétrer sa transmission.</p>
                </div>
              }
            >
              <Show when={v().membre}>
                <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" id="parametrage-reserve">
                  <p>
                    Seuls les administrateurs de votre organisation peuvent paramétrer sa transmission : demandez-le à
                    l'un d'eux (voir Mon organisation).
                  </p>
                </div>
              </Show>
              <Show when={v().settings.erpDesactive}>
                <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w">
                  <p>
                    {v().settings.erpLabel} n'est plus proposé dans la liste des ERP du tableau de bord. Vos
                    transmissions continuent ; pour changer d'ERP, réinitialisez votre configuration.
                  </p>
                </div>
              </Show>
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
                      organismeDeclare={v().organismeDeclare}
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
                    onGenerate={() => step.submit(props.organismeId, { etape: "cle" })}
                    onBack={post("reinitialiser")}
                  />
                </Match>
                <Match when={true}>
                  <Show when={v().connection.status === "refused"}>
                    <RefusalNotice />
                  </Show>
                  <ErpChoice
                    erps={v().erps}
                    busy={busy()}
                    onChoose={(choix) => step.submit(props.organismeId, { etape: "erp", choix })}
                  />
                </Match>
              </Switch>
            </Show>
          )}
        </Show>
      </QueryBoundary>
      <AuditLog organismeId={props.organismeId} />
    </>
  );
}
