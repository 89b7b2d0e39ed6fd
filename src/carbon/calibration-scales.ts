/**
 * Calibration as scales: for each (month, account, product code, region) AWS has a figure for,
 * how much to multiply Cairn's figures of that group by so that they sum to AWS's. Computed once
 * from Cairn's whole-month sums per group; applied to any row of the group however fine (a day, a
 * pipeline, a usage type, one line, a line of `cairn estimate`), so every view that calibrates
 * agrees with every other. Pure.
 *
 * A group where Cairn estimated CO2e is scaled by its CO2e: the range scales with it, and AWS's
 * market-based figure is spread by the same location-based shares. A group where Cairn estimated
 * none (all excluded, say) is spread by cost. A group with neither has nothing to spread AWS's
 * figure over: it stays uncalibrated, and the reconciliation table shows the gap.
 */
import type { Month } from "../model";
import { awsRegionOf, productCodeOf } from "./aws-product-codes";

/** Cairn's sums of one (month, account, service, region) group, service and region as Cairn spells them. */
export interface CairnGroupSums {
  month: Month;
  accountId: string;
  service: string;
  region: string;
  co2eGrams: number;
  /** The group's cost, negative lines counted as 0 (credits do not carry carbon). */
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

export interface Scale {
  /** `co2e`: multiply the row's location-based CO2e; `cost`: multiply its cost (counted from 0). */
  by: "co2e" | "cost";
  location: number;
  market: number;
}

/** The figures a calibrated view carries; other fields (energy, embodied) are Cairn's own. */
export interface CarbonFigures {
  co2eGrams: number;
  co2eGramsLow: number;
  co2eGramsHigh: number;
  marketCo2eGrams: number;
  costUsd: number;
}

export const groupKey = (month: string, account: string, product: string, region: string) =>
  `${month}|${account}|${product}|${region}`;

export interface Calibration {
  /** The scale of a row of this month, account, service and region; undefined: no AWS figure. */
  scaleOf(month: string, accountId: string, service: string, region: string): Scale | undefined;
  /** True when at least one group has a scale (AWS published something for these months). */
  readonly any: boolean;
}

/** Product code and AWS region of a (service, region) pair, memoised: rows repeat them. */
function keyMaker(): (month: string, account: string, service: string, region: string) => string {
  const cache = new Map<string, string>();
  return (month, account, service, region) => {
    const pair = `${service}\u0000${region}`;
    let tail = cache.get(pair);
    if (tail === undefined) {
      tail = `${productCodeOf(service)}|${awsRegionOf(region)}`;
      cache.set(pair, tail);
    }
    return `${month}|${account}|${tail}`;
  };
}

export function calibrationScales(groups: readonly CairnGroupSums[], aws: readonly AwsFigure[]): Calibration {
  const keyOf = keyMaker();
  const figures = new Map<string, { location: number; market: number }>();
  for (const f of aws) {
    const k = groupKey(f.month, f.usageAccountId, f.productCode, awsRegionOf(f.regionCode));
    const had = figures.get(k) ?? { location: 0, market: 0 };
    had.location += f.locationCo2eGrams;
    had.market += f.marketCo2eGrams;
    figures.set(k, had);
  }
  const sums = new Map<string, { co2e: number; cost: number }>();
  for (const g of groups) {
    const k = keyOf(g.month, g.accountId, g.service, g.region);
    if (!figures.has(k)) continue;
    const s = sums.get(k) ?? { co2e: 0, cost: 0 };
    s.co2e += g.co2eGrams;
    s.cost += Math.max(0, g.costUsd);
    sums.set(k, s);
  }
  const scales = new Map<string, Scale>();
  for (const [k, s] of sums) {
    const f = figures.get(k) as { location: number; market: number };
    if (s.co2e > 0) scales.set(k, { by: "co2e", location: f.location / s.co2e, market: f.market / s.co2e });
    else if (s.cost > 0) scales.set(k, { by: "cost", location: f.location / s.cost, market: f.market / s.cost });
  }
  return {
    scaleOf: (month, accountId, service, region) => scales.get(keyOf(month.slice(0, 7), accountId, service, region)),
    any: scales.size > 0,
  };
}

/** A row's figures calibrated with its group's scale (the same row when there is none). */
export function applyScale<T extends CarbonFigures>(row: T, scale: Scale | undefined): T {
  if (!scale) return row;
  if (scale.by === "co2e") {
    return {
      ...row,
      co2eGrams: row.co2eGrams * scale.location,
      co2eGramsLow: row.co2eGramsLow * scale.location,
      co2eGramsHigh: row.co2eGramsHigh * scale.location,
      marketCo2eGrams: row.co2eGrams * scale.market,
    };
  }
  const cost = Math.max(0, row.costUsd);
  const co2e = cost * scale.location;
  return { ...row, co2eGrams: co2e, co2eGramsLow: co2e, co2eGramsHigh: co2e, marketCo2eGrams: cost * scale.market };
}
