/**
 * The month-end forecast when Athena collects the costs and Cost Explorer does not run
 * (./scheduled-athena.ts, costExplorerCollects): Cairn's own weekday-profile forecast
 * (src/analysis/forecast.ts) over the month's counted cost lines, written after each successful
 * Athena collection, so the overview, reports and forecast alerts keep a forecast without paying
 * Cost Explorer for one. AWS's own forecast (GetCostForecast) comes only with Cost Explorer's run
 * (CAIRN_CE_WITH_ATHENA=1).
 */
import { and, gte, lt, sql } from "drizzle-orm";
import { forecastMonthEnd } from "../analysis/forecast";
import { firstDayOfMonth, monthOf } from "../days";
import type { Day } from "../model";
import { insertForecast } from "../store/forecasts";
import { costLines } from "../store/schema/index";
import { countedLine } from "../store/source-precedence";
import { readDb, type Store } from "../store/store";

/** Writes the forecast of `today`'s month; returns its total, or null when the month has no day before today. */
export async function storeAthenaForecast(
  store: Store,
  runId: number,
  today: Day,
  createdAt: string,
): Promise<number | null> {
  const month = monthOf(today);
  const daily = await readDb(store)
    .select({ day: costLines.day, costUsd: sql<number>`total(${costLines.unblendedCostUsd})` })
    .from(costLines)
    .where(and(gte(costLines.day, firstDayOfMonth(month)), lt(costLines.day, today), countedLine()))
    .groupBy(costLines.day);
  const own = forecastMonthEnd(
    today,
    daily.map((d) => ({ day: d.day, costUsd: Number(d.costUsd) })),
  );
  if (!own) return null;
  await insertForecast(store, {
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
  return own.totalUsd;
}
