/**
 * Store reads only the reports need: cost by pipeline x service, the usage type that moved a
 * service most, provisional lines, Cairn's own API requests by API, and the anomaly episodes of
 * a period (the alert rule's own detection, run over the period, not a second detector).
 */
import { and, desc, gte, lt, sql } from "drizzle-orm";
import type { AnomalyAlertFacts } from "../analysis/alert-rules/alert";
import { anomalyAlerts } from "../analysis/alert-rules/anomaly";
import { addDays, daysBetween } from "../days";
import type { Currency, Day, Period } from "../model";
import { gatherAlertInputs } from "../store/read/alert-inputs";
import { apiRequests, costDaily, costLines } from "../store/schema/index";
import { countedLine } from "../store/source-precedence";
import { readDb, type Store } from "../store/store";

/** The earlier of two `YYYY-MM-DD` days (they compare as strings). */
export function earlierDay(a: Day, b: Day): Day {
  return a.localeCompare(b) <= 0 ? a : b;
}

export interface PairCost {
  pipeline: string;
  service: string;
  costUsd: number;
}

const round6 = (n: number | null) => Math.round(Number(n ?? 0) * 1e6) / 1e6;

export async function costsByPipelineAndService(store: Store, period: Period): Promise<PairCost[]> {
  const db = readDb(store);
  const rows = await db
    .select({
      pipeline: costDaily.pipeline,
      service: costDaily.service,
      costUsd: sql<number>`sum(${costDaily.unblendedCostUsd})`,
    })
    .from(costDaily)
    .where(and(gte(costDaily.day, period.from), lt(costDaily.day, period.to)))
    .groupBy(costDaily.pipeline, costDaily.service);
  return rows.map((r) => ({ pipeline: r.pipeline, service: r.service, costUsd: round6(r.costUsd) }));
}

/** The usage type of a service whose cost changed most between two periods (USD), if any. */
export async function topUsageTypeChange(
  store: Store,
  service: string,
  current: Period,
  previous: Period,
): Promise<{ usageType: string; deltaUsd: number } | null> {
  const inCur = sql`case when ${costLines.day} >= ${current.from} and ${costLines.day} < ${current.to} then ${costLines.unblendedCostUsd} else 0 end`;
  const inPrev = sql`case when ${costLines.day} >= ${previous.from} and ${costLines.day} < ${previous.to} then ${costLines.unblendedCostUsd} else 0 end`;
  const delta = sql<number>`sum(${inCur}) - sum(${inPrev})`;
  const from = earlierDay(current.from, previous.from);
  const to = earlierDay(current.to, previous.to) === current.to ? previous.to : current.to;
  const rows = await readDb(store)
    .select({ usageType: costLines.usageType, deltaUsd: delta })
    .from(costLines)
    .where(and(sql`${costLines.service} = ${service}`, gte(costLines.day, from), lt(costLines.day, to), countedLine()))
    .groupBy(costLines.usageType)
    .orderBy(desc(sql`abs(${delta})`))
    .limit(1);
  const row = rows[0];
  return row ? { usageType: row.usageType, deltaUsd: round6(row.deltaUsd) } : null;
}

/** Lines of the period AWS may still restate. */
export async function estimatedLines(store: Store, period: Period): Promise<number> {
  const rows = await readDb(store)
    .select({ n: sql<number>`count(*)` })
    .from(costLines)
    .where(
      and(
        gte(costLines.day, period.from),
        lt(costLines.day, period.to),
        sql`${costLines.estimated} = 1`,
        countedLine(),
      ),
    );
  return Number(rows[0]?.n ?? 0);
}

export interface ApiCost {
  api: string;
  units: number;
  costUsd: number;
}

/** Cairn's own requests between two ISO instants, by API. */
export async function apiCostsBetween(store: Store, fromIso: string, toIso: string): Promise<ApiCost[]> {
  const rows = await readDb(store)
    .select({
      api: apiRequests.api,
      units: sql<number>`coalesce(sum(${apiRequests.units}), 0)`,
      costUsd: sql<number>`coalesce(sum(${apiRequests.costUsd}), 0)`,
    })
    .from(apiRequests)
    .where(and(gte(apiRequests.at, fromIso), lt(apiRequests.at, toIso)))
    .groupBy(apiRequests.api)
    .orderBy(apiRequests.api);
  return rows.map((r) => ({ api: r.api, units: Number(r.units), costUsd: round6(r.costUsd) }));
}

/** Anomaly episodes (per service and pipeline) that touch the period, amounts in `display`. */
export async function anomaliesIn(
  store: Store,
  period: Period,
  options: { display: Currency; ceMaxRequests: number },
): Promise<AnomalyAlertFacts[]> {
  // The alert inputs look back from "now": put now on the period's last day.
  const last: Day = addDays(period.to, -1);
  const inputs = await gatherAlertInputs(store, {
    now: new Date(`${last}T23:00:00.000Z`),
    display: options.display,
    ceMaxRequests: options.ceMaxRequests,
    lookbackDays: daysBetween(period.from, period.to),
    // Only the anomalies are read here.
    sources: [],
  });
  return anomalyAlerts({ ...inputs.anomaly, from: period.from, to: period.to }).flatMap((a) =>
    a.facts.rule === "anomaly" ? [a.facts.data] : [],
  );
}
