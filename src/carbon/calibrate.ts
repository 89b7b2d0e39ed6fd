/**
 * Reconciliation with AWS's own monthly figures, and calibration to them. Both meet on
 * (month, account, product code, region). Pure: rows in, rows out.
 *
 * Calibration (CAIRN_CARBON_CALIBRATION=aws) spreads AWS's figure for each group over Cairn's
 * daily, per-pipeline rows of that group in proportion to their own location-based CO2e (to
 * their cost when Cairn estimated none), so the calibrated rows of a group sum to AWS's figure
 * exactly; the range scales by the same factor. Groups AWS has no figure for keep Cairn's.
 */
import type { Month } from "../model";
import { awsRegionOf, productCodeOf } from "./aws-product-codes";

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

export interface AwsFigure {
  month: Month;
  usageAccountId: string;
  productCode: string;
  regionCode: string;
  locationCo2eGrams: number;
  marketCo2eGrams: number;
}

export interface CalibratedRow extends CarbonDailyRow {
  /** True when the figures are AWS's, spread over Cairn's rows. */
  calibrated: boolean;
}

export const groupKey = (month: string, account: string, product: string, region: string) =>
  `${month}|${account}|${product}|${region}`;

function rowKey(r: CarbonDailyRow): string {
  return groupKey(r.day.slice(0, 7), r.accountId, productCodeOf(r.service), awsRegionOf(r.region));
}

export function calibrate(rows: readonly CarbonDailyRow[], aws: readonly AwsFigure[]): CalibratedRow[] {
  const figures = new Map<string, AwsFigure>();
  for (const f of aws) {
    const k = groupKey(f.month, f.usageAccountId, f.productCode, awsRegionOf(f.regionCode));
    const had = figures.get(k);
    figures.set(
      k,
      had
        ? {
            ...had,
            locationCo2eGrams: had.locationCo2eGrams + f.locationCo2eGrams,
            marketCo2eGrams: had.marketCo2eGrams + f.marketCo2eGrams,
          }
        : f,
    );
  }
  const sums = new Map<string, { co2e: number; cost: number; rows: number }>();
  const keys = rows.map(rowKey);
  rows.forEach((r, i) => {
    const s = sums.get(keys[i] as string) ?? { co2e: 0, cost: 0, rows: 0 };
    s.co2e += r.co2eGrams;
    s.cost += Math.max(0, r.costUsd);
    s.rows++;
    sums.set(keys[i] as string, s);
  });
  return rows.map((r, i) => {
    const k = keys[i] as string;
    const f = figures.get(k);
    const s = sums.get(k);
    if (!f || !s) return { ...r, calibrated: false };
    const share = s.co2e > 0 ? r.co2eGrams / s.co2e : s.cost > 0 ? Math.max(0, r.costUsd) / s.cost : 1 / s.rows;
    const co2eGrams = f.locationCo2eGrams * share;
    const scale = r.co2eGrams > 0 ? co2eGrams / r.co2eGrams : 1;
    return {
      ...r,
      co2eGrams,
      co2eGramsLow: r.co2eGrams > 0 ? r.co2eGramsLow * scale : co2eGrams,
      co2eGramsHigh: r.co2eGrams > 0 ? r.co2eGramsHigh * scale : co2eGrams,
      marketCo2eGrams: f.marketCo2eGrams * share,
      calibrated: true,
    };
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

/** Per (month, product, region): AWS's figures beside Cairn's, the ratio, a flag past 2x. */
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
  const months = new Set(aws.map((f) => f.month));
  for (const f of aws) {
    const e = entry(f.month, f.productCode, awsRegionOf(f.regionCode));
    e.awsLocationGrams += f.locationCo2eGrams;
    e.awsMarketGrams += f.marketCo2eGrams;
  }
  for (const r of rows) {
    const month = r.day.slice(0, 7);
    // Only months AWS has published are compared.
    if (!months.has(month as Month)) continue;
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
