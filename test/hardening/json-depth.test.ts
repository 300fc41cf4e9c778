import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonDepth } from "../../worker/lib/json-depth";

/** The reference: the nesting of the parsed value. */
const depthOf = (value: unknown): number =>
  typeof value === "object" && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

/** Strings made of what could fool a scan: brackets, quotes, backslashes, and characters JSON escapes. */
const trickyString = fc.string({
  unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", ":", ",", "a", "\n", "\u0000", "\u2028", "é", "😀"),
  maxLength: 12,
});
const { json } = fc.letrec<{ json: unknown }>((tie) => ({
  json: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1.5e300),
    trickyString,
    fc.array(tie("json"), { maxLength: 4 }),
    fc.dictionary(trickyString, tie("json"), { maxKeys: 4 }),
  ),
}));
const indentation = fc.constantFrom(undefined, 2, "\t");

describe("jsonDepth", () => {
  it("agrees with the depth of JSON.parse's value for any JSON text", () => {
    fc.assert(
      fc.property(json, indentation, (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(jsonDepth(text)).toBe(depthOf(JSON.parse(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it("passes stopAbove exactly when the text is deeper, and is exact up to it", () => {
    fc.assert(
      fc.property(json, fc.nat(6), (value, stopAbove) => {
        const text = JSON.stringify(value);
        const depth = depthOf(value);
        const scanned = jsonDepth(text, stopAbove);
        if (depth > stopAbove) expect(scanned).toBe(stopAbove + 1);
        else expect(scanned).toBe(depth);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not count brackets in strings, escaped quotes included", () => {
    expect(jsonDepth(String.raw`["\"[[[", "\\", {"k\"{{": "]]\"}}"}]`)).toBe(2);
    expect(jsonDepth(JSON.stringify({ nom_apprenant: `${"[".repeat(5000)}"\\${"{".repeat(5000)}` }))).toBe(1);
  });

  it("stops at the first bracket past the limit in a body of 5 million nested arrays", () => {
    const text = `[{"nom_apprenant": ${"[".repeat(5_000_000)}${"]".repeat(5_000_000)}}]`;
    expect(jsonDepth(text, 16)).toBe(17);
    expect(jsonDepth(text)).toBe(5_000_002);
  });

  it("is 0 for scalars and empty texts", () => {
    for (const text of ["", "1", "null", '"[{"', " true "]) expect(jsonDepth(text)).toBe(0);
  });
});
