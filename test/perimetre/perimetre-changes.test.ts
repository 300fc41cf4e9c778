import { describe, expect, it } from "vitest";
import { PerimetreChanges } from "../../durable-objects/perimetre-changes";

describe("PerimetreChanges (coalescing of a perimeter's messages)", () => {
  it("sends a first change at once, and one after a quiet interval", () => {
    const changes = new PerimetreChanges(1000);
    expect(changes.record(["a"], 10_000)).toEqual({ send: ["a"] });
    expect(changes.record(["b"], 11_000)).toEqual({ send: ["b"] });
    expect(changes.record(["c"], 15_000)).toEqual({ send: ["c"] });
  });

  it("holds changes arriving within the interval for one flush at its end, listing each organisme once", () => {
    const changes = new PerimetreChanges(1000);
    expect(changes.record(["a"], 10_000)).toEqual({ send: ["a"] });
    expect(changes.record(["b"], 10_100)).toEqual({ flushAt: 11_000 });
    expect(changes.record(["c", "b"], 10_500)).toBeNull();
    expect(changes.record(["a"], 10_900)).toBeNull();
    expect(changes.flush(11_000)).toEqual(["b", "c", "a"]);
    // the flush counts as a message: the next change waits for the next interval
    expect(changes.record(["d"], 11_200)).toEqual({ flushAt: 12_000 });
    expect(changes.flush(12_010)).toEqual(["d"]);
  });

  it("sends about one message per interval while changes keep coming", () => {
    const changes = new PerimetreChanges(1000);
    let flushAt: number | null = null;
    const sent: number[] = [];
    for (let now = 0; now < 5000; now += 50) {
      if (flushAt !== null && now >= flushAt) {
        if (changes.flush(now).length > 0) sent.push(now);
        flushAt = null;
      }
      const outcome = changes.record([`o${now % 7}`], now);
      if (outcome && "send" in outcome) sent.push(now);
      else if (outcome) flushAt = outcome.flushAt;
    }
    expect(sent).toEqual([0, 1000, 2000, 3000, 4000]);
  });

  it("has nothing to send at a flush when nothing waits", () => {
    const changes = new PerimetreChanges(1000);
    changes.record(["a"], 0);
    expect(changes.flush(1000)).toEqual([]);
    expect(changes.record(["b"], 1100)).toEqual({ send: ["b"] });
  });

  it("survives a restart through what it saved, and no longer waits for a flush long overdue (its alarm lost)", () => {
    const before = new PerimetreChanges(1000);
    before.record(["a"], 0);
    before.record(["b"], 200);
    const after = new PerimetreChanges(1000, before.saved());
    expect(after.record(["c"], 500)).toBeNull();
    expect(new PerimetreChanges(1000, after.saved()).record(["d"], 2500)).toEqual({ send: ["b", "c", "d"] });
  });
});
