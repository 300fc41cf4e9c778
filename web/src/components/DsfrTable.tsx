import { splitProps, type JSX } from "solid-js";

type DsfrTableProps = Omit<JSX.HTMLAttributes<HTMLDivElement>, "class" | "children"> & {
  caption: JSX.Element;
  /** The caption is for screen readers only (a heading or the context already shows it). */
  srOnlyCaption?: boolean;
  /** Classes added to `fr-table` (`table-scroll`, `fr-table--no-caption`, the page's own…). */
  class?: string;
  tableId?: string;
  /** `aria-busy` of the table while its rows load. */
  busy?: boolean;
  /** The table scrolls by keyboard: tabindex on the scrolling element (the table, or the DSFR container). */
  focusable?: boolean;
  /** The DSFR 1.12 markup (wrapper, container, content), as some tables have it; the others keep the plain block. */
  dsfrMarkup?: boolean;
  /** The table's head, body and foot. */
  children: JSX.Element;
};

/**
 * A DSFR table: the `fr-table` block, its caption and the table. Other attributes (id, hidden, role…) go to
 * the `fr-table` block.
 */
export function DsfrTable(props: DsfrTableProps) {
  const [local, block] = splitProps(props, [
    "caption",
    "srOnlyCaption",
    "class",
    "tableId",
    "busy",
    "focusable",
    "dsfrMarkup",
    "children",
  ]);
  const table = (tabindex: "0" | undefined) => (
    <table id={local.tableId} aria-busy={local.busy} tabindex={tabindex}>
      <caption class={local.srOnlyCaption ? "fr-sr-only" : undefined}>{local.caption}</caption>
      {local.children}
    </table>
  );
  const tabindex = () => (local.focusable ? "0" : undefined);
  return (
    <div class={local.class ? `fr-table ${local.class}` : "fr-table"} {...block}>
      {local.dsfrMarkup ? (
        <div class="fr-table__wrapper">
          <div class="fr-table__container" tabindex={tabindex()}>
            <div class="fr-table__content">{table(undefined)}</div>
          </div>
        </div>
      ) : (
        table(tabindex())
      )}
    </div>
  );
}
