/**
 * The demo dataset's cost lines: 14 months (the 13 Cost Explorer keeps plus the open one) of
 * daily lines up to yesterday, priced from the price table, plus a VAT line per account on
 * the 1st of each month. Pure and deterministic: the same `today` gives the same lines, and
 * within a month a later `today` only appends days (estimated figures aside, as with AWS).
 */
import { addMonths, eachDay, firstDayOfMonth, monthOf } from "../../src/days";
import type { CostLine, Day, Period } from "../../src/model";
import { DEMO_ACCOUNTS } from "./accounts";
import { DEMO_VAT_RATE, demoPrice, SERVICES, TAX_UNIT, TAX_USAGE_TYPE } from "./prices";
import { seededRandom } from "./prng";
import type { DemoSeries } from "./series";
import { CAMERA_TRAP_SERIES } from "./series-camera-traps";
import { TEMPERATURE_SERIES } from "./series-temperatures";
import { UNTAGGED_SERIES } from "./series-untagged";
import { WEBSITE_SERIES } from "./series-website";
import { type DemoStory, demoDay, demoStory, isEstimatedDay } from "./story";

export const DEMO_SERIES: readonly DemoSeries[] = [
  ...TEMPERATURE_SERIES,
  ...CAMERA_TRAP_SERIES,
  ...WEBSITE_SERIES,
  ...UNTAGGED_SERIES,
];

/** Whole months of history before the open month (13 + the open one = 14, as Cost Explorer keeps). */
export const DEMO_HISTORY_MONTHS = 13;

/** The days the demo covers for `today`: from the 1st, 13 months back, to yesterday. */
export function demoPeriod(today: Day): Period {
  return { from: firstDayOfMonth(addMonths(monthOf(today), -DEMO_HISTORY_MONTHS)), to: today };
}

export function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Usage lines (no tax) of one day; `estimated` is the flag to give them. */
export function demoUsageLines(day: Day, story: DemoStory, estimated: boolean): CostLine[] {
  const d = demoDay(day, story);
  const lines: CostLine[] = [];
  for (const series of DEMO_SERIES) {
    const usageAmount = roundTo(series.usage(d, seededRandom(`${series.seedId ?? series.id}|${day}`)), 6);
    if (!(usageAmount > 0)) continue;
    const price = demoPrice(series.service, series.usageType);
    const costUsd = roundTo(usageAmount * price.unitPriceUsd, 10);
    lines.push({
      day,
      accountId: series.accountId,
      service: series.service,
      region: series.region,
      usageType: series.usageType,
      pipeline: series.pipeline,
      unblendedCostUsd: costUsd,
      amortizedCostUsd: costUsd,
      usageAmount,
      usageUnit: price.usageUnit,
      estimated,
      source: "demo",
    });
  }
  return lines;
}

/** VAT lines of a month, booked on its 1st, from that month's usage lines. */
export function demoTaxLines(monthLines: readonly CostLine[], firstDay: Day, estimated: boolean): CostLine[] {
  const out: CostLine[] = [];
  for (const { accountId } of DEMO_ACCOUNTS) {
    let taxable = 0;
    for (const line of monthLines) if (line.accountId === accountId) taxable += line.unblendedCostUsd;
    if (taxable <= 0) continue;
    const taxUsd = roundTo(taxable * DEMO_VAT_RATE, 10);
    out.push({
      day: firstDay,
      accountId,
      service: SERVICES.tax,
      region: "global",
      usageType: TAX_USAGE_TYPE,
      pipeline: "",
      unblendedCostUsd: taxUsd,
      amortizedCostUsd: taxUsd,
      usageAmount: 0,
      usageUnit: TAX_UNIT,
      estimated,
      source: "demo",
    });
  }
  return out;
}

/**
 * Every line of one month up to (excluding) `until`, tax first. Closed months are taxed on
 * their whole usage; the open month on its usage so far, as AWS's estimate does.
 */
export function demoMonthLines(month: string, until: Day, today: Day, story: DemoStory): CostLine[] {
  const first = firstDayOfMonth(month);
  const end = firstDayOfMonth(addMonths(month, 1));
  const last = until < end ? until : end;
  if (first >= last) return [];
  const usage: CostLine[] = [];
  for (const day of eachDay(first, last)) usage.push(...demoUsageLines(day, story, isEstimatedDay(day, today)));
  return [...demoTaxLines(usage, first, isEstimatedDay(first, today)), ...usage];
}

export function generateDemoLines({ today }: { today: Day }): CostLine[] {
  const story = demoStory(today);
  const { from } = demoPeriod(today);
  const lines: CostLine[] = [];
  for (let month = monthOf(from); month <= monthOf(today); month = addMonths(month, 1)) {
    lines.push(...demoMonthLines(month, today, today, story));
  }
  return lines;
}
