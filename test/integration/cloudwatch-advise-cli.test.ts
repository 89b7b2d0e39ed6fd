import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adviseCommand } from "../../src/cli/advise";
import type { CliContext } from "../../src/cli/command";
import { loadConfig } from "../../src/config";
import { upsertCostLines } from "../../src/store/cost-lines";
import { replaceMetricDays } from "../../src/store/metrics";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { daily, dailyLines, footprint } from "../helpers/metric-days";

let opened: OpenedStore;
let out: string[];
beforeEach(() => {
  opened = openSqliteStore(":memory:");
  out = [];
});
afterEach(() => opened.close());

function ctx(): CliContext {
  return {
    config: loadConfig({}),
    openStore: () => opened.store,
    now: () => new Date("2026-11-15T08:00:00Z"),
    out: (t) => out.push(t),
    err: (t) => out.push(`ERR ${t}`),
    interactive: false,
    services: {} as CliContext["services"],
  };
}

describe("cairn advise", () => {
  beforeEach(async () => {
    // An idle t3.medium in Paris for the 14 days before 2026-11-15, billed $1 and 120 g a day
    // (100 g from 100/51.1 kWh at ccf-2022's 51.1 g/kWh, 20 g embodied).
    await replaceMetricDays(
      opened.store,
      { from: "2026-11-01", to: "2026-11-15" },
      daily("2026-11-01", "2026-11-15", {
        dimensions: "InstanceId=i-idle",
        resourceId: "i-idle",
        instanceType: "t3.medium",
        average: 1,
        maximum: 4,
      }),
      { runId: null, collectedAt: "2026-11-15T00:00:00Z" },
    );
    await upsertCostLines(
      opened.store,
      dailyLines(
        "2026-11-01",
        "2026-11-15",
        {
          service: "Amazon Elastic Compute Cloud - Compute",
          usageType: "EUW3-BoxUsage:t3.medium",
          usageAmount: 24,
          usageUnit: "Hrs",
          unblendedCostUsd: 1,
        },
        footprint(100, 20, 100 / 51.1),
      ),
      "2026-11-15T00:00:00Z",
    );
  });

  it("prints each finding with its saving, evidence and assumptions", async () => {
    expect(await adviseCommand.run(ctx(), { json: false }, [])).toBe(0);
    const text = out.join("\n");
    // Plus the region rule: the same energy in Stockholm (8.8 g/kWh) emits 17.22 g a day instead of
    // 100: 82.78 g x 30 = 2,483 g a month. 3,600 + 2,483 = 6,083 g in all.
    expect(out[0]).toBe(
      "Tuning advice for 2026-11-01 to 2026-11-14: 2 finding(s), $30.00 and 6.08 kg CO2e a month in all.",
    );
    expect(text).toContain("2. Run the pipeline temperatures in eu-north-1: it would emit 82.8% less.");
    expect(text).toContain("1. Stop i-idle: it was idle for 14 days.");
    expect(text).toContain("   Saves $30.00 and 3.60 kg CO2e a month.");
    expect(text).toContain(
      "   evidence: CPU over the last 14 days: average 1.0%, busiest hour 4.0%, 336 hours running on 14 days.",
    );
  });

  it("prints JSON, and nothing but the region rule before the metrics' period", async () => {
    expect(await adviseCommand.run(ctx(), { json: true }, [])).toBe(0);
    expect(JSON.parse(out.join("\n")).findings[0]).toMatchObject({
      kind: "ec2-idle",
      monthlySavingUsd: 30,
      monthlySavingCo2eGrams: 3600,
    });
    out = [];
    expect(await adviseCommand.run(ctx(), { "as-of": "2026-10-01", json: false }, [])).toBe(0);
    expect(out.join("\n")).toMatch(/0 finding\(s\)[\s\S]*No CloudWatch metrics are stored/);
  });
});
