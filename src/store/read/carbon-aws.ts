/**
 * Cairn's carbon beside AWS's: the daily rollup rows of whole months, AWS's imported figures
 * for them, reconciled (src/carbon/calibrate.ts) and, with CAIRN_CARBON_CALIBRATION=aws,
 * calibrated then summed like the plain read models (by month, service, region, pipeline).
 */
import { sql } from "drizzle-orm";
import {
  type CalibratedRow,
  type CarbonDailyRow,
  calibrate,
  type Reconciliation,
  reconcile,
} from "../../carbon/calibrate";
import { addDays, addMonths, firstDayOfMonth } from "../../days";
import type { Month, Period } from "../../model";
import { readAwsCarbon } from "../aws-carbon";
import { readDb, type Store } from "../store";
import { type CarbonGroupRow, type CarbonMonthRow, type CarbonTotalsRow, emptyCarbonTotals } from "./carbon";

interface DailyRow extends CarbonDailyRow {
  energyKwh: number;
  embodiedCo2eGrams: number;
}

const monthOfDay = (day: string) => day.slice(0, 7) as Month;

/** Whole months around a period: AWS's figures are monthly. */
function wholeMonths(period: Period): { from: Month; to: Month } {
  return { from: monthOfDay(period.from), to: addMonths(monthOfDay(addDays(period.to, -1)), 1) };
}

async function dailyRows(store: Store, from: Month, to: Month): Promise<DailyRow[]> {
  const db = readDb(store);
  const rows = await db.all<Record<string, unknown>>(sql`SELECT day, account_id AS accountId, service, region, pipeline,
      total(co2e_grams) AS co2eGrams, total(co2e_grams_low) AS co2eGramsLow, total(co2e_grams_high) AS co2eGramsHigh,
      total(market_co2e_grams) AS marketCo2eGrams, total(unblended_cost_usd) AS costUsd, total(energy_kwh) AS energyKwh,
      total(embodied_co2e_grams) AS embodiedCo2eGrams
    FROM cost_daily WHERE day >= ${firstDayOfMonth(from)} AND day < ${firstDayOfMonth(to)}
    GROUP BY day, account_id, service, region, pipeline ORDER BY day`);
  return rows.map((r) => ({
    day: String(r.day),
    accountId: String(r.accountId),
    service: String(r.service),
    region: String(r.region),
    pipeline: String(r.pipeline),
    co2eGrams: Number(r.co2eGrams),
    co2eGramsLow: Number(r.co2eGramsLow),
    co2eGramsHigh: Number(r.co2eGramsHigh),
    marketCo2eGrams: Number(r.marketCo2eGrams),
    costUsd: Number(r.costUsd),
    energyKwh: Number(r.energyKwh),
    embodiedCo2eGrams: Number(r.embodiedCo2eGrams),
  }));
}

/** AWS's figures beside Cairn's for the months of the period AWS has published. */
export async function awsReconciliation(store: Store, period: Period): Promise<Reconciliation[]> {
  const { from, to } = wholeMonths(period);
  const [rows, aws] = await Promise.all([dailyRows(store, from, to), readAwsCarbon(store, from, to)]);
  return reconcile(rows, aws);
}

export interface CalibratedCarbon {
  byMonth: CarbonMonthRow[];
  totals: CarbonTotalsRow;
  byService: CarbonGroupRow[];
  byRegion: CarbonGroupRow[];
  byPipeline: CarbonGroupRow[];
  /** Share of the period's location-based CO2e that is AWS's figure (calibrated rows). */
  calibratedShare: number;
}

function add(t: CarbonTotalsRow, r: CalibratedRow & DailyRow): void {
  t.energyKwh += r.energyKwh;
  t.co2eGrams += r.co2eGrams;
  t.co2eGramsLow += r.co2eGramsLow;
  t.co2eGramsHigh += r.co2eGramsHigh;
  t.marketCo2eGrams += r.marketCo2eGrams;
  t.embodiedCo2eGrams += r.embodiedCo2eGrams;
  t.costUsd += r.costUsd;
}

function grouped(rows: (CalibratedRow & DailyRow)[], keyOf: (r: DailyRow) => string): CarbonGroupRow[] {
  const m = new Map<string, CarbonGroupRow>();
  for (const r of rows) {
    const k = keyOf(r);
    const g = m.get(k) ?? { key: k, ...emptyCarbonTotals() };
    add(g, r);
    m.set(k, g);
  }
  return [...m.values()].sort((a, b) => b.co2eGrams - a.co2eGrams || a.key.localeCompare(b.key));
}

/** The carbon read models with AWS's figures spread over Cairn's rows (see calibrate). */
export async function calibratedCarbon(store: Store, period: Period, monthsPeriod: Period): Promise<CalibratedCarbon> {
  const span = {
    from: monthsPeriod.from < period.from ? monthsPeriod.from : period.from,
    to: monthsPeriod.to > period.to ? monthsPeriod.to : period.to,
  };
  const { from, to } = wholeMonths(span);
  const [rows, aws] = await Promise.all([dailyRows(store, from, to), readAwsCarbon(store, from, to)]);
  const all = calibrate(rows, aws) as (CalibratedRow & DailyRow)[];
  const inPeriod = all.filter((r) => r.day >= period.from && r.day < period.to);
  const totals = emptyCarbonTotals();
  let calibratedGrams = 0;
  for (const r of inPeriod) {
    add(totals, r);
    if (r.calibrated) calibratedGrams += r.co2eGrams;
  }
  const months = new Map<string, CarbonMonthRow>();
  for (const r of all.filter((x) => x.day >= monthsPeriod.from && x.day < monthsPeriod.to)) {
    const month = monthOfDay(r.day);
    const m = months.get(month) ?? { month, ...emptyCarbonTotals() };
    add(m, r);
    months.set(month, m);
  }
  return {
    byMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    totals,
    byService: grouped(inPeriod, (r) => r.service),
    byRegion: grouped(inPeriod, (r) => r.region),
    byPipeline: grouped(inPeriod, (r) => r.pipeline),
    calibratedShare: totals.co2eGrams > 0 ? calibratedGrams / totals.co2eGrams : 0,
  };
}
