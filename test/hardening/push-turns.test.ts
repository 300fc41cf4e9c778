import { describe, expect, it } from "vitest";
import { PushTurns } from "../../durable-objects/push-turns";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("PushTurns", () => {
  it("gives the turns one at a time, in arrival order", async () => {
    const turns = new PushTurns();
    const order: number[] = [];
    const pushes = [0, 1, 2, 3].map(async (n) => {
      const token = await turns.take(10_000, 10_000);
      order.push(n);
      await sleep(5);
      order.push(n);
      turns.give(token!);
    });
    await Promise.all(pushes);
    expect(order).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });

  it("takes back a turn whose lease ran out, and ignores its late release", async () => {
    const turns = new PushTurns();
    const stale = await turns.take(30, 10_000);
    const next = await turns.take(10_000, 10_000);
    expect(next).not.toBeNull();
    turns.give(stale!);
    // The stale release did not free the turn that `next` holds.
    expect(await turns.take(10_000, 40)).toBeNull();
    turns.give(next!);
    expect(await turns.take(10_000, 40)).not.toBeNull();
  });

  it("answers null past the longest wait, and the waiter leaves the queue", async () => {
    const turns = new PushTurns();
    const held = await turns.take(10_000, 10_000);
    expect(await turns.take(10_000, 20)).toBeNull();
    const waiting = turns.take(10_000, 10_000);
    turns.give(held!);
    expect(await waiting).not.toBeNull();
  });
});
