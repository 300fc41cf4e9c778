import { createSignal, Show } from "solid-js";
import { errorMessage } from "../api";

export type DownloadFormat = "csv" | "xlsx";

/**
 * "<label> (CSV)" / "<label> (XLSX)": one download at a time, "Préparation…" while it runs, and its error in French
 * under the buttons.
 */
export function DownloadButtons(props: {
  label: string;
  onDownload: (format: DownloadFormat) => Promise<void>;
  primaryCsv?: boolean;
  small?: boolean;
}) {
  const [downloading, setDownloading] = createSignal<DownloadFormat | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const download = async (format: DownloadFormat) => {
    setDownloading(format);
    setError(null);
    try {
      await props.onDownload(format);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setDownloading(null);
    }
  };
  const button = (format: DownloadFormat) => (
    <li>
      <button
        type="button"
        class="fr-btn fr-icon-download-line"
        classList={{ "fr-btn--secondary": !(props.primaryCsv && format === "csv"), "fr-btn--sm": props.small }}
        disabled={downloading() !== null}
        onClick={() => download(format)}
      >
        {downloading() === format ? "Préparation…" : `${props.label} (${format.toUpperCase()})`}
      </button>
    </li>
  );
  return (
    <div>
      <ul class={`fr-btns-group fr-btns-group--inline-${props.small ? "sm" : "md"} fr-btns-group--icon-left`}>
        {button("csv")}
        {button("xlsx")}
      </ul>
      <Show when={error()}>
        {(message) => (
          <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w">
            <p>{message()}</p>
          </div>
        )}
      </Show>
    </div>
  );
}
