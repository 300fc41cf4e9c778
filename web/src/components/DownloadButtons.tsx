import { createUniqueId, Show } from "solid-js";
import { telecharger } from "../actions";
import type { DownloadFile, DownloadFormat } from "../download";
import { useForm } from "../forms";
import { ErrorAlert } from "./Errors";

/**
 * "<label> (CSV)" / "<label> (XLSX)": `file(format)` builds the file (asking the API if needed), the download helper
 * hands it over; one download at a time, "Préparation…" while it runs, and its error in French under the buttons.
 */
export function DownloadButtons(props: {
  label: string;
  file: (format: DownloadFormat) => Promise<DownloadFile>;
  primaryCsv?: boolean;
  small?: boolean;
}) {
  const id = createUniqueId();
  const download = useForm(telecharger, ([of]) => of === id);
  const downloading = () => (download.pending() ? download.submission.input?.[1] : null);
  const button = (format: DownloadFormat) => (
    <li>
      <button
        type="button"
        class="fr-btn fr-icon-download-line"
        classList={{ "fr-btn--secondary": !(props.primaryCsv && format === "csv"), "fr-btn--sm": props.small }}
        disabled={download.pending()}
        onClick={() => download.submit(id, format, props.file)}
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
      <Show when={download.submission.error}>{(error) => <ErrorAlert error={error()} />}</Show>
    </div>
  );
}
