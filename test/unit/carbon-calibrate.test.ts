/** Calibration to AWS's monthly figures and reconciliation, worked by hand. */
import { describe, expect, it } from "vitest";
import { type AwsFigure, type CarbonDailyRow, calibrate, groupSums, reconcile } from "../../src/carbon/calibrate";
import { applyScale, calibrationScales } from "../../src/carbon/calibration-scales";

const r = (
  day: string,
  service: string,
  pipeline: string,
  co2eGrams: number,
  costUsd = 1,
  region = "eu-west-3",
): CarbonDailyRow => ({
  day,
  accountId: "111111111111",
  service,
  region,
  pipeline,
  co2eGrams,
  co2eGramsLow: co2eGrams * 0.5,
  co2eGramsHigh: co2eGrams * 2,
  marketCo2eGrams: 0,
  costUsd,
});

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const ROWS: CarbonDailyRow[] = [
  r("2026-01-03", EC2, "probes", 30),
  r("2026-01-20", EC2, "cameras", 10),
  r("2026-01-21", "EC2 - Other", "cameras", 60), // the same product: AmazonEC2
  r("2026-01-05", "AWS Lambda", "probes", 0, 3),
  r("2026-01-06", "AWS Lambda", "web", 0, 1),
  r("2026-01-07", "Amazon Simple Storage Service", "cameras", 500, 2, "eu-west-1"),
  r("2026-02-01", EC2, "probes", 40), // February: AWS has not published it
];

const aws = (productCode: string, regionCode: string, location: number, market: number): AwsFigure => ({
  month: "2026-01",
  usageAccountId: "111111111111",
  productCode,
  regionCode,
  locationCo2eGrams: location,
  marketCo2eGrams: market,
});

const AWS: AwsFigure[] = [
  aws("AmazonEC2", "eu-west-3", 200, 20),
  aws("AWSLambda", "eu-west-3", 8, 0),
  aws("AmazonS3", "eu-west-1", 100, 0),
];

describe("calibration to AWS", () => {
  const out = calibrate(ROWS, AWS);

  it("calibrated rows of each (month, account, product, region) sum to AWS's figure", () => {
    const sum = (product: (s: string) => boolean, key: "co2eGrams" | "marketCo2eGrams") =>
      out.filter((x) => x.day < "2026-02" && product(x.service)).reduce((s, x) => s + x[key], 0);
    expect(sum((s) => s.includes("EC2") || s.includes("Elastic Compute"), "co2eGrams")).toBeCloseTo(200, 9);
    expect(sum((s) => s.includes("EC2") || s.includes("Elastic Compute"), "marketCo2eGrams")).toBeCloseTo(20, 9);
    expect(sum((s) => s === "AWS Lambda", "co2eGrams")).toBeCloseTo(8, 9);
    expect(sum((s) => s.includes("Storage"), "co2eGrams")).toBeCloseTo(100, 9);
  });

  it("spreads by Cairn's own CO2e, else by cost, and scales the range with it", () => {
    // EC2 group: 30 + 10 + 60 = 100 g for AWS's 200 g: each row doubles.
    expect(out[0]?.co2eGrams).toBeCloseTo(60, 9);
    expect(out[0]?.co2eGramsLow).toBeCloseTo(30, 9);
    expect(out[0]?.co2eGramsHigh).toBeCloseTo(120, 9);
    expect(out[2]?.co2eGrams).toBeCloseTo(120, 9);
    expect(out[2]?.marketCo2eGrams).toBeCloseTo(12, 9); // 20 g x 60/100
    // Lambda: Cairn estimated 0 g; by cost 3:1 of AWS's 8 g.
    expect(out[3]?.co2eGrams).toBeCloseTo(6, 9);
    expect(out[4]?.co2eGrams).toBeCloseTo(2, 9);
    expect(out.slice(0, 6).every((x) => x.calibrated)).toBe(true);
  });

  it("keeps Cairn's figures, unlabelled, where AWS has none", () => {
    expect(out[6]).toEqual({ ...ROWS[6], calibrated: false });
  });
});

describe("reconciliation", () => {
  it("puts AWS's figures beside Cairn's with the ratio, and flags gaps past 2x with a cause", () => {
    const rec = reconcile(ROWS, AWS);
    expect(
      rec.map((x) => [x.productCode, x.regionCode, x.awsLocationGrams, x.cairnLocationGrams, x.ratio, x.flag]),
    ).toEqual([
      ["AmazonEC2", "eu-west-3", 200, 100, 0.5, null], // exactly half: not past 2x
      ["AmazonS3", "eu-west-1", 100, 500, 5, "storage-assumptions"],
      ["AWSLambda", "eu-west-3", 8, 0, 0, "cairn-missing"],
    ]);
  });
});

describe("calibration scales (what every calibrated view applies)", () => {
  const cal = calibrationScales(groupSums(ROWS), AWS);

  it("scale any finer row of a group by the group's factor, so the finer rows sum to AWS's figure too", () => {
    // EC2 in January: Cairn 100 g over two service names, AWS 200 g (20 g market): x2, market 0.2 per gram.
    const scale = cal.scaleOf("2026-01-20", "111111111111", EC2, "eu-west-3");
    expect(scale).toEqual({ by: "co2e", location: 2, market: 0.2 });
    // A usage-type line of 7.5 g inside the group: 15 g calibrated, its range scaled alike.
    const line = { co2eGrams: 7.5, co2eGramsLow: 5, co2eGramsHigh: 12, marketCo2eGrams: 0, costUsd: 0.4 };
    expect(applyScale(line, scale)).toEqual({
      co2eGrams: 15,
      co2eGramsLow: 10,
      co2eGramsHigh: 24,
      marketCo2eGrams: 1.5,
      costUsd: 0.4,
    });
    // Lambda: Cairn 0 g, $4 of cost for AWS's 8 g: 2 g per dollar.
    expect(cal.scaleOf("2026-01-05", "111111111111", "AWS Lambda", "eu-west-3")).toEqual({
      by: "cost",
      location: 2,
      market: 0,
    });
  });

  it("gives no scale where AWS has no figure (February, another account, another region)", () => {
    expect(cal.scaleOf("2026-02-01", "111111111111", EC2, "eu-west-3")).toBeUndefined();
    expect(cal.scaleOf("2026-01-03", "222222222222", EC2, "eu-west-3")).toBeUndefined();
    expect(cal.scaleOf("2026-01-03", "111111111111", EC2, "eu-west-1")).toBeUndefined();
    const none = { co2eGrams: 3, co2eGramsLow: 1, co2eGramsHigh: 4, marketCo2eGrams: 0, costUsd: 1 };
    expect(applyScale(none, undefined)).toBe(none);
  });

  it("leaves a group with neither CO2e nor cost uncalibrated: nothing to spread AWS's figure over", () => {
    const rows = [r("2026-01-09", "AWS Lambda", "probes", 0, 0)];
    const out = calibrate(rows, [aws("AWSLambda", "eu-west-3", 8, 0)]);
    expect(out[0]?.calibrated).toBe(false);
    expect(out[0]?.co2eGrams).toBe(0);
  });
});

describe("reconciliation scope", () => {
  it("compares only the accounts AWS reports for each month", () => {
    // Another account's EC2 in January: AWS's export does not cover it, so it is not compared.
    const other = { ...r("2026-01-03", EC2, "probes", 1000), accountId: "222222222222" };
    const rec = reconcile([...ROWS, other], AWS);
    expect(rec.find((x) => x.productCode === "AmazonEC2")?.cairnLocationGrams).toBe(100);
  });
});
