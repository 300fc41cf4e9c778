import { DurableObject } from "cloudflare:workers";
import type { Env } from "../worker/env";

export class OrganismeHub extends DurableObject<Env> {
  async webSocketMessage(): Promise<void> {}
  async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    ws.close(code, reason);
  }
  async webSocketError(): Promise<void> {}
}
