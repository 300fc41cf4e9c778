import { describe, expect, it } from "vitest";
import { axeY } from "../../web/src/components/indicateurs/axe-y";

describe("the evolution chart's y-axis", () => {
  it("reads 0 to 4 for an empty chart, never 0, 1, 3, 4, 5", () => {
    expect(axeY(0)).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(axeY(5).ticks).toEqual([0, 2, 4, 6]);
  });

  it("has whole, evenly spaced ticks of 1, 2 or 5 × 10^k up to the first at or above the value", () => {
    for (const value of [7, 13, 99, 301, 4_999, 1_007_088]) {
      const { max, ticks } = axeY(value);
      const step = ticks[1];
      expect(max).toBeGreaterThanOrEqual(value);
      expect(max - step).toBeLessThan(value);
      expect(ticks.length).toBeLessThanOrEqual(6);
      expect(ticks.every((t, i) => Number.isInteger(t) && t === i * step)).toBe(true);
      expect(String(step / 10 ** Math.floor(Math.log10(step)))).toMatch(/^(1|2|5)$/);
    }
  });
});
