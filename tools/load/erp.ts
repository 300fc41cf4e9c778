/**
 * One ERP of the run: it pushes batches of its learners' dossiers, one push at a time, until the end of the load,
 * each push changing two fields of every dossier it sends (address and e-mail, marked with the ERP and a push
 * number) so that the database tells which push wrote last. Several ERPs may share an organisme and its learners.
 */
import type { OrganismeDemo } from "../../db/demo/referentiel";
import type { Prng } from "../../db/demo/prng";
import type { DossierErp } from "../demo/dossiers";
import type { Acknowledgements } from "./acknowledgements";
import { send } from "./http";
import { ERP_PUSHES, type RequestLog } from "./request-log";

export interface Erp {
  nom: string;
  cle: string;
  organisme: OrganismeDemo;
  /** the learners it knows, as its export holds them */
  apprenants: DossierErp[];
}

export interface PushContext {
  baseUrl: string;
  /** whether to send another push */
  pushing: () => boolean;
  timeoutMs: number;
  batch: { min: number; max: number };
  prng: Prng;
  requests: RequestLog;
  acknowledgements: Acknowledgements;
}

const ACKNOWLEDGED = new Set(["created", "updated", "unchanged"]);
/** A pause after a failed push, so that a stopped server is not hammered in a loop. */
const PAUSE_AFTER_FAILURE_MS = 500;

/** What a push writes into a learner's record, as it is read back from the database. */
export const storedValue = (adresse: string, email: string) => `${adresse}|${email}`;

export async function pushUntil(erp: Erp, context: PushContext): Promise<void> {
  const { prng } = context;
  for (let push = 1; context.pushing(); push++) {
    const size = Math.min(erp.apprenants.length, prng.int(context.batch.min, context.batch.max));
    const offset = prng.int(0, erp.apprenants.length - size);
    const adresse = `${push} rue de la Charge (${erp.nom})`;
    const email = `charge.${erp.nom}.${push}@exemple.fr`;
    const dossiers = erp.apprenants
      .slice(offset, offset + size)
      .map((d): DossierErp => ({ ...d, adresse_apprenant: adresse, email_contact: email }));
    const sent = await send(
      `${context.baseUrl}/api/v3/dossiers-apprenants`,
      {
        method: "POST",
        headers: { Authorization: `Bearer ${erp.cle}`, "Content-Type": "application/json" },
        body: JSON.stringify(dossiers),
      },
      context.timeoutMs,
    );
    const { issue } = sent;
    const outcomes = issue.kind === "response" && issue.status === 200 ? outcomesOf(issue.text) : null;
    const maybeApplied = issue.kind !== "response" || issue.status >= 500 || (issue.status === 200 && !outcomes);
    let acknowledged = 0;
    dossiers.forEach((d, i) => {
      const isAcknowledged = !!outcomes && ACKNOWLEDGED.has(outcomes[i]);
      if (!isAcknowledged && !maybeApplied) return;
      if (isAcknowledged) acknowledged++;
      context.acknowledgements.add(`${erp.organisme.id}|${d.id_erp_apprenant}`, {
        start: sent.start,
        end: issue.kind === "timeout" ? Infinity : sent.end,
        value: storedValue(adresse, email),
        acknowledged: isAcknowledged,
      });
    });
    context.requests.add(ERP_PUSHES, sent, acknowledged);
    if (!outcomes) await new Promise((resolve) => setTimeout(resolve, PAUSE_AFTER_FAILURE_MS));
  }
}

/** The outcome of each dossier in a 200's body, or null if the body is not the API's answer. */
function outcomesOf(text: string): string[] | null {
  try {
    const body = JSON.parse(text) as { data?: { outcome?: string }[] };
    return Array.isArray(body.data) ? body.data.map((item) => String(item.outcome)) : null;
  } catch {
    return null;
  }
}
