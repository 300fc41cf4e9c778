/** Every request of the run, by group (the ERP pushes, each kind of bad payload), and the window of the kill. */
import type { Sent } from "./http";

export const ERP_PUSHES = "envois ERP";
/** The start of a 5xx body kept for the report. */
const BODY_CHARS = 200;

export interface LoggedRequest {
  group: string;
  start: number;
  end: number;
  /** the HTTP status, or how it failed */
  outcome: number | "connexion" | "délai";
  /** the start of the body of a 5xx */
  body?: string;
  /** dossiers acknowledged (created, updated or unchanged) by a push */
  acknowledged: number;
}

/** From the SIGKILL of wrangler dev until it answers again. */
export interface KillWindow {
  from: number;
  to: number;
}

export class RequestLog {
  readonly requests: LoggedRequest[] = [];
  killWindow: KillWindow | null = null;

  add(group: string, sent: Sent, acknowledged = 0): void {
    const { issue } = sent;
    this.requests.push({
      group,
      start: sent.start,
      end: sent.end,
      outcome: issue.kind === "response" ? issue.status : issue.kind === "connection" ? "connexion" : "délai",
      body: issue.kind === "response" && issue.status >= 500 ? issue.text.slice(0, BODY_CHARS) : undefined,
      acknowledged,
    });
  }

  /**
   * A failure the kill explains: a connection cut or refused, or a 5xx, of a request in flight at some point
   * between the kill and the restart. Any other answer counts as it is.
   */
  failedByKill(request: LoggedRequest): boolean {
    const w = this.killWindow;
    const failed = typeof request.outcome !== "number" || request.outcome >= 500;
    return failed && !!w && request.start <= w.to && request.end >= w.from;
  }
}
