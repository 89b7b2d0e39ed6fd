// A restated line (AWS amortises a Savings Plan or an RI afterwards) updates every figure of
// the stored line, the amortised cost included, not only the unblended one.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { upsertCostLines } from "../../src/store/cost-lines";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { costLines } from "../../src/store/schema/index";
import { line, unestimated } from "../helpers/lines";

let opened: OpenedStore;
beforeEach(() => {
  opened = openSqliteStore(":memory:");
});
afterEach(() => opened.close());

describe("upserting a restated line", () => {
  it("replaces the amortised cost, usage and estimated flag along with the unblended cost", async () => {
    const first = line({
      day: "2026-10-02",
      unblendedCostUsd: 10,
      amortizedCostUsd: 10,
      usageAmount: 100,
      estimated: true,
    });
    await upsertCostLines(opened.store, unestimated([first]), "2026-10-03T00:00:00Z");
    const restated = { ...first, unblendedCostUsd: 10, amortizedCostUsd: 6.5, usageAmount: 120, estimated: false };
    await upsertCostLines(opened.store, unestimated([restated]), "2026-10-09T00:00:00Z");
    const rows = opened.store.db.select().from(costLines).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ amortizedCostUsd: 6.5, unblendedCostUsd: 10, usageAmount: 120, estimated: false });
  });
});
