/**
 * A counter that moves when the organisme's data changes (a push, held records applied or discarded, a
 * reconnection): resources keyed on it refetch. Bursts of pushes are coalesced into one refetch.
 */
import { createSignal, onCleanup, type Accessor } from "solid-js";
import { onLiveMessage, useLive, type LiveStatus } from "../../live";

const COALESCE_MS = 300;

export function useLiveRefresh(organismeId: string): { refresh: Accessor<number>; status: Accessor<LiveStatus> } {
  const [refresh, setRefresh] = createSignal(0);
  const live = useLive(organismeId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onLiveMessage(live, (message) => {
    if (message.type === "connection" || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      setRefresh((n) => n + 1);
    }, COALESCE_MS);
  });
  onCleanup(() => clearTimeout(timer));
  return { refresh, status: live.status };
}

export const todayParis = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
