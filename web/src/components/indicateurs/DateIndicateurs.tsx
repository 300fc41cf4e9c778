import { isIsoDate } from "../../../../worker/domain/dates";

/** Mes indicateurs' "Date" field: the date the counters are computed at; only a full date is taken. */
export function DateIndicateurs(props: { value: string; onChange: (date: string) => void; class?: string }) {
  return (
    <div class={`fr-input-group fr-col-12 fr-col-md-4${props.class ? ` ${props.class}` : ""}`}>
      <label class="fr-label" for="date-indicateurs">
        Date
        <span class="fr-hint-text">Les indicateurs sont calculés à cette date, sur son année scolaire.</span>
      </label>
      <input
        class="fr-input"
        type="date"
        id="date-indicateurs"
        value={props.value}
        onChange={(e) => isIsoDate(e.currentTarget.value) && props.onChange(e.currentTarget.value)}
      />
    </div>
  );
}
