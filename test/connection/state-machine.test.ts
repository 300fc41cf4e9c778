import { describe, expect, it } from "vitest";
import {
  initialConnectionState,
  transition,
  type ConnectionEvent,
  type ConnectionState,
  type ConnectionStatus,
} from "../../worker/domain/connection-state";

const at = "2026-11-16T10:00:00.000Z";
const generate = (keyId = "k1"): ConnectionEvent => ({
  type: "key_generated",
  keyId,
  prefix: keyId.padEnd(8, "0"),
  by: "Odile Martin",
  at,
});
const firstUse = (keyId = "k1", via: "test" | "push" | "link" = "test"): ConnectionEvent => ({
  type: "first_use",
  keyId,
  via,
  uai: "0751234A",
  siret: "30957639500067",
  erp: "gesti",
  at,
});
const confirm: ConnectionEvent = { type: "confirm", by: "Odile Martin", userId: "u1", at };
const refuse: ConnectionEvent = { type: "refuse", by: "Odile Martin", userId: "u1", at };
const reset: ConnectionEvent = { type: "reset", at };
const revoke = (keyId = "k1"): ConnectionEvent => ({ type: "key_revoked", keyId, at });

function apply(...events: ConnectionEvent[]): ConnectionState {
  return events.reduce((state, event) => {
    const result = transition(state, event);
    if (!result.ok) throw new Error(`${event.type} refused: ${result.message}`);
    return result.state;
  }, initialConnectionState());
}

const states: Record<ConnectionStatus, () => ConnectionState> = {
  none: () => apply(),
  key_generated: () => apply(generate()),
  installed: () => apply(generate(), firstUse()),
  confirmed: () => apply(generate(), firstUse(), confirm),
  refused: () => apply(generate(), firstUse(), refuse),
};

describe("the connection state machine", () => {
  it("walks the seed's path: key → first use → confirmed", () => {
    const keyed = apply(generate());
    expect(keyed).toMatchObject({
      status: "key_generated",
      key: { id: "k1", generatedBy: "Odile Martin" },
      installation: null,
    });
    const installed = apply(generate(), firstUse("k1", "link"));
    expect(installed.status).toBe("installed");
    expect(installed.installation).toEqual({ via: "link", uai: "0751234A", siret: "30957639500067", erp: "gesti", at });
    const confirmed = apply(generate(), firstUse(), confirm);
    expect(confirmed).toMatchObject({
      status: "confirmed",
      confirmation: { by: "Odile Martin", userId: "u1", at },
      key: { id: "k1" },
    });
  });

  it("refusing revokes the key and keeps who refused", () => {
    const refused = states.refused();
    expect(refused.status).toBe("refused");
    expect(refused.key).toBeNull();
    expect(refused.refusal).toEqual({ by: "Odile Martin", userId: "u1", at });
  });

  it("a new key replaces the previous one from every state but confirmed", () => {
    for (const status of ["none", "key_generated", "installed", "refused"] as const) {
      const result = transition(states[status](), generate("k2"));
      expect(result.ok, status).toBe(true);
      if (result.ok) {
        expect(result.state).toMatchObject({
          status: "key_generated",
          key: { id: "k2" },
          installation: null,
          refusal: null,
        });
      }
    }
    const result = transition(states.confirmed(), generate("k2"));
    expect(result).toEqual({ ok: false, message: expect.stringContaining("réinitialisez votre configuration") });
  });

  it("first use is idempotent for the current key and keeps the first declaration", () => {
    const installed = states.installed();
    const again = transition(installed, { ...firstUse("k1", "push"), uai: "9999999Z" } as ConnectionEvent);
    expect(again).toEqual({ ok: true, changed: false, state: installed });
    const confirmed = states.confirmed();
    expect(transition(confirmed, firstUse("k1", "push"))).toEqual({ ok: true, changed: false, state: confirmed });
  });

  it("rejects a first use with a replaced key or without any key", () => {
    expect(transition(states.key_generated(), firstUse("old"))).toEqual({
      ok: false,
      message: "Cette clé d'échange a été remplacée par une clé plus récente.",
    });
    for (const status of ["none", "refused"] as const) {
      expect(transition(states[status](), firstUse())).toEqual({
        ok: false,
        message: "Aucune clé d'échange n'est en attente d'installation.",
      });
    }
  });

  it("confirms only an installed key", () => {
    for (const status of ["none", "key_generated", "refused"] as const) {
      const result = transition(states[status](), confirm);
      expect(result, status).toEqual({
        ok: false,
        message: "Votre ERP n'a pas encore utilisé la clé d'échange : il n'y a rien à confirmer.",
      });
    }
    expect(transition(states.confirmed(), confirm)).toEqual({
      ok: false,
      message: "Votre établissement est déjà confirmé.",
    });
  });

  it("refuses only an installed key", () => {
    for (const status of ["none", "key_generated", "confirmed", "refused"] as const) {
      const result = transition(states[status](), refuse);
      expect(result.ok, status).toBe(false);
      if (!result.ok)
        expect(result.message).toBe("Votre ERP n'a pas encore utilisé la clé d'échange : il n'y a rien à refuser.");
    }
  });

  it("reset goes back to none from every state, and changes nothing from none", () => {
    for (const status of ["key_generated", "installed", "confirmed", "refused"] as const) {
      const result = transition(states[status](), reset);
      expect(result, status).toEqual({
        ok: true,
        changed: true,
        state: { ...initialConnectionState(), updatedAt: at },
      });
    }
    const none = states.none();
    expect(transition(none, reset)).toEqual({ ok: true, changed: false, state: none });
  });

  it("revoking the current key ends the procedure; revoking another key changes nothing", () => {
    for (const status of ["key_generated", "installed", "confirmed"] as const) {
      const result = transition(states[status](), revoke("k1"));
      expect(result.ok && result.changed && result.state.status, status).toBe("none");
      const other = transition(states[status](), revoke("other"));
      expect(other.ok && !other.changed, status).toBe(true);
    }
    for (const status of ["none", "refused"] as const) {
      const result = transition(states[status](), revoke("k1"));
      expect(result).toEqual({ ok: true, changed: false, state: states[status]() });
    }
  });

  it("never mutates the state it is given", () => {
    const installed = states.installed();
    const frozen = JSON.stringify(installed);
    transition(installed, confirm);
    transition(installed, refuse);
    transition(installed, reset);
    expect(JSON.stringify(installed)).toBe(frozen);
  });
});
