/**
 * `cairn estimate`: a file in, one result per line out (through the command and through the
 * real `tsx src/node.ts` process), bad input named by line, and `--recompute` on a real SQLite
 * store, read back through the carbon read models.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { type CliContext, CliFailure, type CliServices } from "../../src/cli/command";
import { estimateCommand } from "../../src/cli/estimate";
import { loadConfig } from "../../src/config";
import { replaceAwsCarbonMonths } from "../../src/store/aws-carbon";
import { upsertCostLines } from "../../src/store/cost-lines";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { carbonBy, carbonByMonth, carbonCoverage } from "../../src/store/read/carbon";
import { runCairn } from "../helpers/cli";
import { line, unestimated } from "../helpers/lines";

const dir = mkdtempSync(join(tmpdir(), "cairn-estimate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function context(env: Record<string, string>, opened?: OpenedStore): { ctx: CliContext; out: string[] } {
  const out: string[] = [];
  const ctx: CliContext = {
    config: loadConfig(env),
    openStore: () => {
      if (!opened) throw new Error("no store in this test");
      return opened.store;
    },
    now: () => new Date("2026-11-02T08:00:00Z"),
    out: (t) => out.push(t),
    err: () => {},
    interactive: false,
    services: {} as CliServices,
  };
  return { ctx, out };
}

const CSV = `Day,Service,Region,UsageType,UsageAmount,UsageUnit,Cost,Ignored
2026-01-15,Amazon Elastic Compute Cloud - Compute,eu-west-3,EUW3-BoxUsage:m5.large,10,Hrs,0.5,x
2026-01-15,EC2 - Other,eu-west-3,EUW3-EBS:VolumeUsage.gp3,100,GB-Mo,8,"a, quoted"
2026-01-15,Tax,global,Tax,0,N/A,3,
2026-01-15,AWS Step Functions,eu-west-3,EUW3-StateTransition,1000,StateTransitions,0.25,
`;

describe("cairn estimate FILE", () => {
  it("prints one JSON result per input line, in order (ccf-2022 figures)", async () => {
    const { ctx, out } = context({});
    const code = await estimateCommand.run(ctx, { factors: "ccf-2022" }, [file("in.csv", CSV)]);
    expect(code).toBe(0);
    const rows = JSON.parse(out.join("\n")) as Record<string, unknown>[];
    expect(rows.map((r) => [r.line, r.usageType, r.method])).toEqual([
      [1, "EUW3-BoxUsage:m5.large", "default-utilisation"],
      [2, "EUW3-EBS:VolumeUsage.gp3", "coefficient"],
      [3, "Tax", "excluded"],
      [4, "EUW3-StateTransition", "cost-ratio"],
    ]);
    // m5.large (CCF: Skylake): 2 x 10 x 2.455 W = 49.1 Wh, memory term 24.7189 Wh; x 1.135.
    // gp3: 100 GB-Mo in January x 1.2 Wh x 2 x 1.135
    expect(rows[0]?.energyKwh as number).toBeCloseTo(0.0837845, 6);
    expect(rows[1]?.energyKwh as number).toBeCloseTo(0.2026656, 6);
    // Step Functions: half the m5.large's dollars -> half its energy
    expect(rows[3]?.energyKwh as number).toBeCloseTo(0.0837845 / 2, 6);
    // The range: m5.large at 25% utilisation: 2 x 10 x (0.65 + 0.25 x 3.61) = 31.05 Wh + 24.7189 Wh
    expect(rows[0]?.energyKwhLow as number).toBeCloseTo(0.0632977, 6);
    // Paris in CCF's table: 51.1 g/kWh, 10% lower at the low end
    expect(rows[0]?.co2eGramsLow as number).toBeCloseTo(0.0632977 * 51.1 * 0.9, 5);
    for (const r of rows) {
      for (const k of [
        "energyKwh",
        "energyKwhLow",
        "energyKwhHigh",
        "co2eGrams",
        "co2eGramsLow",
        "co2eGramsHigh",
        "embodiedCo2eGrams",
      ])
        expect(typeof r[k]).toBe("number");
      expect(r.co2eGramsLow as number).toBeLessThanOrEqual(r.co2eGrams as number);
      expect(r.co2eGrams as number).toBeLessThanOrEqual(r.co2eGramsHigh as number);
    }
  });

  it("accepts JSON and prints CSV", async () => {
    const json = JSON.stringify([
      {
        day: "2026-01-15",
        service: "AWS Lambda",
        region: "eu-west-3",
        usageType: "EUW3-Lambda-GB-Second",
        usageAmount: 100000,
        usageUnit: "Lambda-GB-Second",
      },
    ]);
    const { ctx, out } = context({ CAIRN_FACTOR_SET: "ccf-2022" });
    expect(await estimateCommand.run(ctx, { format: "csv" }, [file("in.json", json)])).toBe(0);
    const [header, row] = out.join("\n").split("\n");
    expect(header?.split(",").slice(0, 3)).toEqual(["line", "day", "service"]);
    const cells = (row ?? "").split(",");
    const energy = Number(cells[(header ?? "").split(",").indexOf("energyKwh")]);
    expect(energy).toBeCloseTo(0.0510491, 6);
  });

  it("names the line of bad input", async () => {
    const bad = `${CSV}2026-13-40,AWS Lambda,eu-west-3,Request,abc,Requests,0\n`;
    const { ctx } = context({});
    await expect(estimateCommand.run(ctx, {}, [file("bad.csv", bad)])).rejects.toThrow(CliFailure);
    await expect(estimateCommand.run(ctx, {}, [file("bad.csv", bad)])).rejects.toThrow(
      /line 6: day must be YYYY-MM-DD.*usageAmount must be a number/,
    );
  });

  it("runs as a real process: exit 0 with results, exit 1 with the line of bad input, 2 for a bad factor set", () => {
    const env = { CAIRN_DB: join(dir, "unused.db") };
    const ok = runCairn(["estimate", file("p.csv", CSV), "--format", "csv"], { cwd: dir, env });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim().split("\n")).toHaveLength(5);
    const bad = runCairn(
      [
        "estimate",
        file("p-bad.csv", "day,service,region,usageType,usageAmount,usageUnit\n2026-01-01,X,eu-west-3,Y,zz,Hrs\n"),
      ],
      { cwd: dir, env },
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/line 2: usageAmount must be a number/);
    const usage = runCairn(["estimate", file("p2.csv", CSV), "--factors", "nope"], { cwd: dir, env });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/unknown factor set "nope"/);
  });
});

describe("cairn estimate --recompute", () => {
  let opened: OpenedStore;
  beforeEach(() => {
    opened = openSqliteStore(":memory:");
  });
  afterEach(() => opened.close());

  it("re-estimates every stored line with the configured set; the read models see it", async () => {
    const ec2 = "Amazon Elastic Compute Cloud - Compute";
    const lines = [
      line({
        day: "2026-01-15",
        pipeline: "probes",
        service: ec2,
        usageType: "EUW3-BoxUsage:m5.large",
        usageAmount: 10,
        usageUnit: "Hrs",
        unblendedCostUsd: 0.5,
      }),
      line({
        day: "2026-01-15",
        pipeline: "probes",
        service: "AWS Step Functions",
        usageType: "EUW3-StateTransition",
        usageAmount: 1000,
        usageUnit: "StateTransitions",
        unblendedCostUsd: 0.25,
      }),
      line({
        day: "2026-02-03",
        pipeline: "web",
        service: "EC2 - Other",
        usageType: "EUW3-EBS:VolumeUsage.gp3",
        usageAmount: 100,
        usageUnit: "GB-Mo",
        unblendedCostUsd: 8,
      }),
      line({
        day: "2026-02-03",
        pipeline: "",
        service: "Tax",
        region: "global",
        usageType: "Tax",
        usageAmount: 0,
        usageUnit: "N/A",
        unblendedCostUsd: 2,
      }),
    ];
    await upsertCostLines(opened.store, unestimated(lines), "2026-02-04T05:00:00Z");
    const period = { from: "2026-01-01", to: "2026-03-01" };
    expect((await carbonCoverage(opened.store, period)).unestimatedShare).toBe(1);

    const { ctx, out } = context({ CAIRN_FACTOR_SET: "ccf-2022" }, opened);
    expect(await estimateCommand.run(ctx, { recompute: true }, [])).toBe(0);
    expect(out.join("\n")).toMatch(/Re-estimated 4 lines with ccf-2022@0\.15\.0/);

    // January: m5.large 0.0837845 + Step Functions 0.04189225 (half its dollars); February: gp3 100 GB-Mo, 28 days
    // = 67.2 TB-h x 1.2 Wh x 2 x 1.135 = 0.1830528
    const months = await carbonByMonth(opened.store, period);
    expect(months.map((m) => m.month)).toEqual(["2026-01", "2026-02"]);
    expect(months[0]?.energyKwh).toBeCloseTo(0.12567675, 6);
    // The range reaches the read model: gp3 has no range of its own but the grid's 10% spread.
    expect(months[1]?.co2eGramsLow).toBeCloseTo(0.1830528 * 51.1 * 0.9, 6);
    expect(months[1]?.co2eGramsHigh).toBeCloseTo(0.1830528 * 51.1 * 1.1, 6);
    expect(months[1]?.energyKwh).toBeCloseTo(0.1830528, 6);
    expect(months[1]?.co2eGrams).toBeCloseTo(0.1830528 * 51.1, 6);

    const byPipeline = await carbonBy(opened.store, period, "pipeline");
    expect(byPipeline.map((r) => r.key)).toEqual(["web", "probes", ""]);
    const byService = await carbonBy(opened.store, period, "service");
    expect(byService[0]?.key).toBe("EC2 - Other");

    const coverage = await carbonCoverage(opened.store, period);
    expect(coverage.totalCostUsd).toBeCloseTo(10.75, 9);
    expect(coverage.physicalCostUsd).toBeCloseTo(8.5, 9);
    expect(coverage.proxyCostUsd).toBeCloseTo(0.25, 9);
    expect(coverage.excludedCostUsd).toBeCloseTo(2, 9);
    expect(coverage.unestimatedCostUsd).toBe(0);
    expect(coverage.physicalShareOfIncluded).toBeCloseTo(8.5 / 8.75, 9);

    // A second run with the other set replaces the footprints, keeping the lines.
    const again = context({ CAIRN_FACTOR_SET: "cairn-2026" }, opened);
    await estimateCommand.run(again.ctx, { recompute: true }, []);
    const after = await carbonByMonth(opened.store, period);
    expect(after[1]?.energyKwh).toBeCloseTo(0.0672 * 1.2 * 2 * 1.35, 6);
  });
});

describe("cairn estimate FILE with CAIRN_CARBON_CALIBRATION=aws", () => {
  it("scales each row by its group's AWS figure over Cairn's stored estimate, and says which rows", async () => {
    const opened = openSqliteStore(":memory:");
    try {
      const ec2 = "Amazon Elastic Compute Cloud - Compute";
      // Stored: January EC2 in Paris for account 111111111111; AWS reports 3x Cairn's figure.
      const stored = estimateLines(
        [
          line({
            day: "2026-01-10",
            service: ec2,
            usageType: "EUW3-BoxUsage:m5.large",
            usageAmount: 240,
            usageUnit: "Hrs",
          }),
        ],
        { factorSet: "cairn-2026" },
      );
      await upsertCostLines(opened.store, stored, "2026-02-02T00:00:00Z");
      const cairn = stored[0]?.footprint?.co2eGrams ?? 0;
      expect(cairn).toBeGreaterThan(0);
      await replaceAwsCarbonMonths(
        opened.store,
        [
          {
            month: "2026-01",
            usageAccountId: "111111111111",
            payerAccountId: "111111111111",
            productCode: "AmazonEC2",
            regionCode: "eu-west-3",
            location: "EU (Paris)",
            modelVersion: "v3.0.0",
            locationCo2eGrams: cairn * 3,
            marketCo2eGrams: 0,
            lastRefresh: "2026-02-21T00:00:00Z",
          },
        ],
        "test",
        "2026-02-25T00:00:00Z",
      );
      const input = `Day,Account,Service,Region,UsageType,UsageAmount,UsageUnit,Cost
2026-01-15,111111111111,${ec2},eu-west-3,EUW3-BoxUsage:m5.large,10,Hrs,0.96
2026-01-15,222222222222,${ec2},eu-west-3,EUW3-BoxUsage:m5.large,10,Hrs,0.96
2026-02-15,111111111111,${ec2},eu-west-3,EUW3-BoxUsage:m5.large,10,Hrs,0.96
`;
      const { ctx, out } = context({ CAIRN_CARBON_CALIBRATION: "aws" }, opened);
      expect(await estimateCommand.run(ctx, {}, [file("calibrate.csv", input)])).toBe(0);
      const rows = JSON.parse(out.join("\n")) as Record<string, number | boolean>[];
      const own = estimateLines(
        [
          line({
            day: "2026-01-15",
            service: ec2,
            usageType: "EUW3-BoxUsage:m5.large",
            usageAmount: 10,
            usageUnit: "Hrs",
          }),
        ],
        { factorSet: "cairn-2026" },
      )[0]?.footprint;
      // January, the account AWS reports: 3x Cairn's own, the range alike.
      expect(rows[0]?.calibrated).toBe(true);
      expect(rows[0]?.co2eGrams).toBeCloseTo((own?.co2eGrams ?? 0) * 3, 9);
      expect(rows[0]?.co2eGramsHigh).toBeCloseTo((own?.co2eGramsHigh ?? 0) * 3, 9);
      // Another account, or a month AWS has not published: Cairn's own, and said so.
      expect(rows.slice(1).map((r) => r.calibrated)).toEqual([false, false]);
      expect(rows[1]?.co2eGrams).toBeCloseTo(own?.co2eGrams ?? 0, 9);
    } finally {
      opened.close();
    }
  });
});
