/**
 * The estimator's footprints are views whose values are getters on a class (src/carbon/
 * footprint-batch.ts), so vitest's structural equality sees no keys in them: any two would be
 * "equal", and a test comparing footprints could not fail. This tester compares their values.
 */
import { expect } from "vitest";
import { footprintRecord, PackedFootprint } from "../../src/carbon/footprint-batch";

expect.addEqualityTesters([
  function packedFootprintValues(a: unknown, b: unknown, customTesters) {
    const packedA = a instanceof PackedFootprint;
    const packedB = b instanceof PackedFootprint;
    if (!packedA && !packedB) return undefined;
    const plain = (x: unknown) => (x instanceof PackedFootprint ? footprintRecord(x) : x);
    return this.equals(plain(a), plain(b), customTesters);
  },
]);
