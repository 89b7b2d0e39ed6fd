/**
 * Reconciliation with AWS's own monthly figures, and calibration to them. Both meet on
 * (month, account, product code, region). Pure: rows in, rows out.
 *
 * Calibration (CAIRN_CARBON_CALIBRATION=aws) spreads AWS's figure for each group over Cairn's
 * daily, per-pipeline rows of that group in proportion to their own location-based CO2e (to
 * their cost when Cairn estimated none), so the calibrated rows of a group sum to AWS's figure
 * exactly; the range scales by the same factor. Groups AWS has no figure for keep Cairn's. The
 * scales themselves (calibration-scales.ts) are what every other calibrated view applies.
 */
import type { Month } from "../model";
import { awsRegionOf, productCodeOf } from "./aws-product-codes";
import { type AwsFigure, applyScale, type CairnGroupSums, calibrationScales } from "./calibration-scales";

export { type AwsFigure, groupKey } from "./calibration-scales";

export interface CarbonDailyRow {
  day: string;
  accountId: string;
  service: string;
  region: string;
  pipeline: string;
  co2eGrams: number;
  co2eGramsLow: number;
  co2eGramsHigh: number;
  marketCo2eGrams: number;
  costUsd: number;
}

export interface CalibratedRow extends CarbonDailyRow {
  /** True when the figures are AWS's, spread over Cairn's rows. */
  calibrated: boolean;
}

/** Cairn's sums per (month, account, service, region) of rows that cover whole months. */
export function groupSums(rows: readonly CarbonDailyRow[]): CairnGroupSums[] {
  const m = new Map<string, CairnGroupSums>();
  for (const r of rows) {
    const month = r.day.slice(0, 7) as Month;
    const k = `${month}\u0000${r.accountId}\u0000${r.service}\u0000${r.region}`;
    const g = m.get(k) ?? {
      month,
      accountId: r.accountId,
      service: r.service,
      region: r.region,
      co2eGrams: 0,
      costUsd: 0,
    };
    g.co2eGrams += r.co2eGrams;
    g.costUsd += Math.max(0, r.costUsd);
    m.set(k, g);
  }
  return [...m.values()];
}

/** Rows of whole months, calibrated to AWS's figures (see calibration-scales.ts). */
export function calibrate(rows: readonly CarbonDailyRow[], aws: readonly AwsFigure[]): CalibratedRow[] {
  const cal = calibrationScales(groupSums(rows), aws);
  return rows.map((r) => {
    const scale = cal.scaleOf(r.day, r.accountId, r.service, r.region);
    return { ...applyScale(r, scale), calibrated: scale !== undefined };
  });
}

export interface Reconciliation {
  month: Month;
  productCode: string;
  regionCode: string;
  awsLocationGrams: number;
  awsMarketGrams: number;
  cairnLocationGrams: number;
  cairnMarketGrams: number;
  /** Cairn / AWS (location-based); null when AWS reports 0. */
  ratio: number | null;
  /** Set when the two differ by more than 2x: the likely cause (pages put it in words). */
  flag: ReconciliationCause | null;
}

export type ReconciliationCause =
  | "cairn-missing"
  | "aws-missing"
  | "storage-assumptions"
  | "utilisation-default"
  | "serverless-share"
  | "cost-ratio-proxy"
  | "grid-factors";

/** A likely cause of a gap of more than 2x, from the product and the direction of the gap. */
function causeOf(product: string, cairn: number, aws: number): ReconciliationCause {
  if (cairn === 0) return "cairn-missing";
  if (aws === 0) return "aws-missing";
  if (product === "AmazonS3" || product === "AmazonEFS" || product === "AmazonECR") return "storage-assumptions";
  if (product === "AmazonEC2" || product === "AmazonRDS") return "utilisation-default";
  if (product === "AWSLambda" || product === "AmazonECS") return "serverless-share";
  if (product === "AWSStepFunctions" || product === "AmazonCloudWatch" || product === "AmazonApiGateway")
    return "cost-ratio-proxy";
  return "grid-factors";
}

/**
 * Per (month, product, region): AWS's figures beside Cairn's for the same scope (the months AWS
 * has published and the accounts it reports in each), the ratio, a flag past 2x.
 */
export function reconcile(rows: readonly CarbonDailyRow[], aws: readonly AwsFigure[]): Reconciliation[] {
  const out = new Map<string, Reconciliation>();
  const entry = (month: string, product: string, region: string): Reconciliation => {
    const k = `${month}|${product}|${region}`;
    let e = out.get(k);
    if (!e) {
      e = {
        month: month as Month,
        productCode: product,
        regionCode: region,
        awsLocationGrams: 0,
        awsMarketGrams: 0,
        cairnLocationGrams: 0,
        cairnMarketGrams: 0,
        ratio: null,
        flag: null,
      };
      out.set(k, e);
    }
    return e;
  };
  // The same scope as AWS's: the months it has published, and in each the accounts it reports.
  const scope = new Set(aws.map((f) => `${f.month}|${f.usageAccountId}`));
  for (const f of aws) {
    const e = entry(f.month, f.productCode, awsRegionOf(f.regionCode));
    e.awsLocationGrams += f.locationCo2eGrams;
    e.awsMarketGrams += f.marketCo2eGrams;
  }
  for (const r of rows) {
    const month = r.day.slice(0, 7);
    if (!scope.has(`${month}|${r.accountId}`)) continue;
    const e = entry(month, productCodeOf(r.service), awsRegionOf(r.region));
    e.cairnLocationGrams += r.co2eGrams;
    e.cairnMarketGrams += r.marketCo2eGrams;
  }
  for (const e of out.values()) {
    e.ratio = e.awsLocationGrams > 0 ? e.cairnLocationGrams / e.awsLocationGrams : null;
    const off = e.ratio === null ? e.cairnLocationGrams > 0 : e.ratio > 2 || e.ratio < 0.5;
    e.flag = off ? causeOf(e.productCode, e.cairnLocationGrams, e.awsLocationGrams) : null;
  }
  return [...out.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      b.awsLocationGrams - a.awsLocationGrams ||
      a.productCode.localeCompare(b.productCode),
  );
}
