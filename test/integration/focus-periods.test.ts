import { asc, sql } from "drizzle-orm";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { costLines } from "../../src/store/schema/index";
import { useFocusImportFixture } from "../helpers/focus-import-fixture";
import { focusCsv, focusRow } from "../helpers/focus-rows";

const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));
const fx = useFocusImportFixture("cairn-focus-periods");

const deps = () => ({ store: fx.opened.store, now: () => new Date("2026-03-10T12:00:00Z"), estimate });
const run = (target: string) => importFocus(deps(), { target, pipelineTag: "pipeline", maxErrors: 0 });

function byMonthAndAccount() {
  return fx.opened.store.db
    .select({
      month: sql<string>`substr(${costLines.day}, 1, 7)`,
      accountId: costLines.accountId,
      cost: sql<number>`round(sum(${costLines.unblendedCostUsd}), 6)`,
      lines: sql<number>`count(*)`,
    })
    .from(costLines)
    .groupBy(sql`1`, costLines.accountId)
    .orderBy(asc(sql`1`), asc(costLines.accountId))
    .all();
}

const january = [
  focusRow({ BilledCost: "1", ResourceId: "a" }),
  focusRow({ BilledCost: "2", ResourceId: "b" }),
  focusRow({ BilledCost: "4", SubAccountId: "022222222222", ChargePeriodStart: "2026-01-20T10:00:00Z" }),
];
const february = (extra: ReturnType<typeof focusRow>[] = []) => [
  focusRow({
    BilledCost: "8",
    BillingPeriodStart: "2026-02-01T00:00:00Z",
    BillingPeriodEnd: "2026-03-01T00:00:00Z",
    ChargePeriodStart: "2026-02-03T00:00:00Z",
  }),
  ...extra,
];

describe("FOCUS periods", () => {
  it("sums resource-level rows to one cost line per key and day", async () => {
    const summary = await run(await fx.write("jan.csv", focusCsv(january)));
    expect(summary.costLinesWritten).toBe(2);
    expect(byMonthAndAccount()).toEqual([
      { month: "2026-01", accountId: "011111111111", cost: 3, lines: 1 },
      { month: "2026-01", accountId: "022222222222", cost: 4, lines: 1 },
    ]);
    const [line] = fx.opened.store.db
      .select()
      .from(costLines)
      .where(sql`${costLines.accountId} = '011111111111'`)
      .all();
    expect(line).toMatchObject({
      day: "2026-01-05",
      service: "AWS Lambda",
      region: "eu-west-3",
      usageType: "EUW3-Lambda-GB-Second",
      pipeline: "temperatures",
      amortizedCostUsd: 2.5,
      usageAmount: 7200,
      usageUnit: "GB-Seconds",
      source: "focus",
      estimated: false,
    });
  });

  it("replaces a period when a newer export of the same month is imported", async () => {
    await run(await fx.write("jan-v1.csv", focusCsv(january)));
    // The newer export restates account 1 and no longer has account 2's line.
    await run(await fx.write("jan-v2.csv", focusCsv([focusRow({ BilledCost: "5" })])));
    expect(byMonthAndAccount()).toEqual([{ month: "2026-01", accountId: "011111111111", cost: 5, lines: 1 }]);
  });

  it("applies a correction to the period it corrects, once however often it is imported", async () => {
    await run(await fx.write("jan.csv", focusCsv(january)));
    const correction = focusRow({
      BilledCost: "-0.5",
      EffectiveCost: "-0.5",
      ChargeClass: "Correction",
      BillingPeriodStart: "2026-02-01T00:00:00Z",
      BillingPeriodEnd: "2026-03-01T00:00:00Z",
      ChargePeriodStart: "2026-01-05T00:00:00Z",
    });
    const feb = await fx.write("feb.csv", focusCsv(february([correction])));
    const first = await run(feb);
    expect(first.periods.map((p) => [p.billingPeriod, p.correctionRows])).toEqual([["2026-02", 1]]);
    expect(first.months.map((m) => m.month)).toEqual(["2026-01", "2026-02"]);
    const expected = [
      { month: "2026-01", accountId: "011111111111", cost: 2.5, lines: 1 },
      { month: "2026-01", accountId: "022222222222", cost: 4, lines: 1 },
      { month: "2026-02", accountId: "011111111111", cost: 8, lines: 1 },
    ];
    expect(byMonthAndAccount()).toEqual(expected);
    await run(feb);
    expect(byMonthAndAccount()).toEqual(expected);
    // Re-importing January keeps February's correction applied.
    await run(await fx.write("jan-again.csv", focusCsv(january)));
    expect(byMonthAndAccount()).toEqual(expected);
    // A newer February export without the correction withdraws it.
    await run(await fx.write("feb-v2.csv", focusCsv(february())));
    expect(byMonthAndAccount()[0]).toEqual({ month: "2026-01", accountId: "011111111111", cost: 3, lines: 1 });
  });

  it("imports Parquet (typed columns, timestamps, JSON tags) like CSV", async () => {
    const rows = [...january, ...february()];
    const buffer = parquetWriteBuffer({
      columnData: [
        { name: "BilledCost", data: rows.map((r) => Number(r.BilledCost)), type: "DOUBLE" },
        { name: "EffectiveCost", data: rows.map((r) => Number(r.EffectiveCost)), type: "DOUBLE" },
        { name: "BillingCurrency", data: rows.map((r) => r.BillingCurrency), type: "STRING" },
        { name: "BillingAccountId", data: rows.map((r) => r.BillingAccountId), type: "STRING" },
        { name: "BillingPeriodStart", data: rows.map((r) => new Date(r.BillingPeriodStart)), type: "TIMESTAMP" },
        { name: "ChargePeriodStart", data: rows.map((r) => new Date(r.ChargePeriodStart)), type: "TIMESTAMP" },
        { name: "ChargeCategory", data: rows.map((r) => r.ChargeCategory), type: "STRING" },
        { name: "ChargeClass", data: rows.map(() => null), type: "STRING" },
        { name: "ProviderName", data: rows.map((r) => r.ProviderName), type: "STRING" },
        { name: "ServiceName", data: rows.map((r) => r.ServiceName), type: "STRING" },
        { name: "RegionId", data: rows.map((r) => r.RegionId), type: "STRING" },
        { name: "SubAccountId", data: rows.map((r) => r.SubAccountId), type: "STRING" },
        { name: "ConsumedQuantity", data: rows.map((r) => Number(r.ConsumedQuantity)), type: "DOUBLE" },
        { name: "ConsumedUnit", data: rows.map((r) => r.ConsumedUnit), type: "STRING" },
        { name: "Tags", data: rows.map((r) => r.Tags), type: "JSON" },
        { name: "x_UsageType", data: rows.map((r) => r.x_UsageType), type: "STRING" },
        { name: "SkuMeter", data: rows.map(() => "Lambda GB-Seconds"), type: "STRING" },
        { name: "InvoiceId", data: rows.map(() => "INV-1"), type: "STRING" },
      ],
      rowGroupSize: 2,
    });
    const summary = await run(await fx.write("export-00001.snappy.parquet", buffer));
    expect(summary.status).toBe("succeeded");
    expect(summary.files[0]?.version).toBe("1.2");
    expect(summary.rows).toBe(4);
    expect(byMonthAndAccount()).toEqual([
      { month: "2026-01", accountId: "011111111111", cost: 3, lines: 1 },
      { month: "2026-01", accountId: "022222222222", cost: 4, lines: 1 },
      { month: "2026-02", accountId: "011111111111", cost: 8, lines: 1 },
    ]);
    const pipelines = fx.opened.store.db.selectDistinct({ p: costLines.pipeline }).from(costLines).all();
    expect(pipelines).toEqual([{ p: "temperatures" }]);
  });
});
