/**
 * The forecast step of a Cost Explorer run: AWS's figure for the rest of the month plus the month
 * so far as stored, or Cairn's weekday-profile forecast when AWS has none. One row per run.
 */
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { type DailyCost, forecastMonthEnd } from "../analysis/forecast";
import { firstDayOfMonth, monthOf } from "../days";
import type { Day, Month } from "../model";
import { insertForecast } from "../store/forecasts";
import { ONCE_CHARGE_SQL } from "../store/read/once-charges";
import { costLines } from "../store/schema/index";
import { readDb, type Store } from "../store/store";
import type { CollectDeps, ForecastSummary } from "./collect";

const SOURCE = "cost-explorer";

async function monthToDateDaily(store: Store, month: Month, asOf: Day): Promise<DailyCost[]> {
  const rows = await readDb(store)
    .select({
      day: costLines.day,
      costUsd: sql<number>`sum(${costLines.unblendedCostUsd})`,
      onceUsd: sql<number>`sum(CASE WHEN ${ONCE_CHARGE_SQL} THEN ${costLines.unblendedCostUsd} ELSE 0 END)`,
    })
    .from(costLines)
    .where(and(eq(costLines.source, SOURCE), gte(costLines.day, firstDayOfMonth(month)), lt(costLines.day, asOf)))
    .groupBy(costLines.day);
  return rows.map((r) => ({ day: r.day, costUsd: Number(r.costUsd), onceUsd: Number(r.onceUsd ?? 0) }));
}

export async function storeForecast(
  deps: CollectDeps,
  runId: number,
  today: Day,
  aws: { meanUsd: number; lowerUsd: number | null; upperUsd: number | null } | null,
  createdAt: string,
): Promise<ForecastSummary | null> {
  const month = monthOf(today);
  const daily = await monthToDateDaily(deps.store, month, today);
  const monthToDateUsd = Math.round(daily.reduce((s, d) => s + d.costUsd, 0) * 1e6) / 1e6;
  if (aws) {
    const totalUsd = Math.round((monthToDateUsd + aws.meanUsd) * 1e6) / 1e6;
    await insertForecast(deps.store, {
      month,
      source: "aws",
      method: "aws-cost-explorer",
      asOfDay: today,
      monthToDateUsd,
      remainingUsd: aws.meanUsd,
      totalUsd,
      remainingLowerUsd: aws.lowerUsd,
      remainingUpperUsd: aws.upperUsd,
      runId,
      createdAt,
    });
    return { source: "aws", month, monthToDateUsd, totalUsd };
  }
  const own = forecastMonthEnd(today, daily);
  if (!own) return null;
  await insertForecast(deps.store, {
    month,
    source: "cairn",
    method: own.method,
    asOfDay: today,
    monthToDateUsd: own.monthToDateUsd,
    remainingUsd: own.remainingUsd,
    totalUsd: own.totalUsd,
    remainingLowerUsd: null,
    remainingUpperUsd: null,
    runId,
    createdAt,
  });
  return { source: "cairn", month, monthToDateUsd: own.monthToDateUsd, totalUsd: own.totalUsd };
}
