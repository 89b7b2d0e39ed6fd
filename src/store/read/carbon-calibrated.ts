/**
 * Carbon totals of a period, whole or by one dimension, with the calibration applied: read from
 * the daily rollup grouped by the dimension and the calibration group (month, account, service,
 * region), scaled group by group, then summed by the dimension. Without a calibration the figures
 * are Cairn's own, as the plain read models give them. Used by the views that show a footprint
 * outside the carbon page: monthly and weekly reports, overview.
 */
import { sql } from "drizzle-orm";
import type { Calibration } from "../../carbon/calibration-scales";
import type { Period } from "../../model";
import { readDb, type Store } from "../store";
import { type CarbonTotalsRow, emptyCarbonTotals } from "./carbon";
import { calibrateRows, type GroupedFigures } from "./carbon-calibration";

export type CalibratedDimension = "day" | "month" | "pipeline" | "service" | "region";

export interface CalibratedSums {
  totals: CarbonTotalsRow;
  /** By the dimension asked for, largest CO2e first (time keys in time order). */
  rows: (CarbonTotalsRow & { key: string })[];
  /** Share of the period's location-based CO2e that is AWS's figure; null without calibration. */
  calibratedShare: number | null;
}

const KEY: Record<CalibratedDimension, string> = {
  day: "day",
  month: "substr(day, 1, 7)",
  pipeline: "pipeline",
  service: "service",
  region: "region",
};

interface Row extends GroupedFigures {
  key: string;
  energyKwh: number;
  embodiedCo2eGrams: number;
}

export async function calibratedCarbonSums(
  store: Store,
  cal: Calibration | null,
  period: Period,
  dimension: CalibratedDimension | null = null,
): Promise<CalibratedSums> {
  const key = sql.raw(dimension ? KEY[dimension] : "''");
  const raw = await readDb(store).all<Record<string, unknown>>(sql`SELECT ${key} AS key, substr(day, 1, 7) AS month,
      account_id AS accountId, service, region, total(co2e_grams) AS co2eGrams, total(co2e_grams_low) AS co2eGramsLow,
      total(co2e_grams_high) AS co2eGramsHigh, total(market_co2e_grams) AS marketCo2eGrams,
      total(max(unblended_cost_usd, 0)) AS positiveCostUsd, total(unblended_cost_usd) AS costUsd,
      total(energy_kwh) AS energyKwh, total(embodied_co2e_grams) AS embodiedCo2eGrams
    FROM cost_daily WHERE day >= ${period.from} AND day < ${period.to}
    GROUP BY key, month, account_id, service, region`);
  const rows: (Row & { wholeCostUsd: number })[] = raw.map((r) => ({
    key: String(r.key),
    month: String(r.month),
    accountId: String(r.accountId),
    service: String(r.service),
    region: String(r.region),
    co2eGrams: Number(r.co2eGrams),
    co2eGramsLow: Number(r.co2eGramsLow),
    co2eGramsHigh: Number(r.co2eGramsHigh),
    marketCo2eGrams: Number(r.marketCo2eGrams),
    // The calibration's cost fallback counts credits as 0, as its group sums do.
    costUsd: Number(r.positiveCostUsd),
    wholeCostUsd: Number(r.costUsd),
    energyKwh: Number(r.energyKwh),
    embodiedCo2eGrams: Number(r.embodiedCo2eGrams),
  }));
  const { rows: scaled, calibratedGrams } = calibrateRows(rows, cal);
  const totals = emptyCarbonTotals();
  const by = new Map<string, CarbonTotalsRow & { key: string }>();
  scaled.forEach((r, i) => {
    // Back to the selection's whole cost (credits included), as the plain read models give it.
    const cost = (rows[i] as { wholeCostUsd: number }).wholeCostUsd;
    const g = by.get(r.key) ?? { key: r.key, ...emptyCarbonTotals() };
    for (const t of [totals, g]) {
      t.energyKwh += r.energyKwh;
      t.co2eGrams += r.co2eGrams;
      t.co2eGramsLow += r.co2eGramsLow;
      t.co2eGramsHigh += r.co2eGramsHigh;
      t.marketCo2eGrams += r.marketCo2eGrams;
      t.embodiedCo2eGrams += r.embodiedCo2eGrams;
      t.costUsd += cost;
    }
    by.set(r.key, g);
  });
  const timeKey = dimension === "day" || dimension === "month";
  return {
    totals,
    rows: [...by.values()].sort((a, b) =>
      timeKey ? a.key.localeCompare(b.key) : b.co2eGrams - a.co2eGrams || a.key.localeCompare(b.key),
    ),
    calibratedShare: cal ? (totals.co2eGrams > 0 ? calibratedGrams / totals.co2eGrams : 0) : null,
  };
}
