import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { adviseCommand } from "../../src/cli/advise";
import type { CliContext } from "../../src/cli/command";
import { loadConfig } from "../../src/config";
import { upsertCostLines } from "../../src/store/cost-lines";
import { setRate } from "../../src/store/currency-rates";
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

function ctx(env: Record<string, string> = { CAIRN_LOCALE: "en" }): CliContext {
  return {
    config: loadConfig(env),
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
      "Tuning advice for 1 November 2026 to 14 November 2026: 2 finding(s), US$30.00 and 6.08 kg CO2e a month in all.",
    );
    expect(text).toContain("2. Run the pipeline temperatures in eu-north-1: it would emit 82.8% less.");
    expect(text).toContain("1. Stop i-idle: it was idle for 14 days.");
    expect(text).toContain("   Saves US$30.00 and 3.60 kg CO2e a month.");
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

  it("speaks the reader's language and the display currency: French, in euros at November's rate", async () => {
    await setRate(
      opened.store,
      { month: "2026-11", currency: "EUR", ratePerUsd: 0.9, source: "test" },
      { currentMonth: "2026-11", at: "2026-11-15T08:00:00Z" },
    );
    expect(await adviseCommand.run(ctx({ CAIRN_LOCALE: "fr", CAIRN_CURRENCY: "EUR" }), { json: false }, [])).toBe(0);
    const text = out.join("\n").replace(/[\u00a0\u202f]/g, " ");
    // $30.00 a month at 0.9 EUR per USD: 27,00 €.
    expect(out[0]?.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Pistes d'optimisation du 1er novembre 2026 au 14 novembre 2026 : 2 piste(s), 27,00 € et 6,08 kg CO2e par mois en tout.",
    );
    expect(text).toContain("   Économise 27,00 € et 3,60 kg CO2e par mois.");
    expect(text).toContain("état : ouverte");
    expect(text).toContain("confiance : ");
    expect(text).not.toMatch(/\$|USD|Saves|evidence|assumes|finding\(s\)/);
  });

  it("says so, in USD, when November has no EUR rate", async () => {
    expect(await adviseCommand.run(ctx({ CAIRN_LOCALE: "fr", CAIRN_CURRENCY: "EUR" }), { json: false }, [])).toBe(0);
    const text = out.join("\n").replace(/[\u00a0\u202f]/g, " ");
    expect(out[1]?.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Montants en dollars US : pas de taux EUR pour novembre 2026 (cairn fx set AAAA-MM TAUX).",
    );
    expect(text).toContain("Économise 30,00 $US et 3,60 kg CO2e par mois.");
  });
});
