/**
 * Reconciliation: for each account and month that two sources cover (a FOCUS export and Cost
 * Explorer, say), both totals over the days both cover, their difference, which source counts,
 * and, when they differ by more than 1%, the services that explain the difference. AWS's own
 * figures differ slightly between Cost Explorer and exports (rounding, tax timing, credits);
 * more than that means something to look at. Read from cost_source_days (one small scan); the
 * services only for the flagged months.
 */
import { sql } from "drizzle-orm";
import { addMonths, firstDayOfMonth } from "../../days";
import type { Month } from "../../model";
import type { CairnDb } from "../store";

/** Above this share of the counted-against total, a difference is flagged. */
export const RECONCILIATION_THRESHOLD_PERCENT = 1;
/** Services shown as explaining a flagged difference, largest first. */
const SERVICES_SHOWN = 3;

/** Lower is preferred: the order of the columns (FOCUS first), as in ../source-precedence.ts. */
const SOURCE_ORDER = ["focus", "cost-explorer", "demo", "import"];
const order = (source: string) => {
  const i = SOURCE_ORDER.indexOf(source);
  return i === -1 ? SOURCE_ORDER.length : i;
};

export interface ServiceDifference {
  service: string;
  firstUsd: number;
  secondUsd: number;
  differenceUsd: number;
}

export interface SourceComparison {
  accountId: string;
  month: Month;
  /** The two sources compared, FOCUS first when present. */
  first: { source: string; costUsd: number; days: number };
  second: { source: string; costUsd: number; days: number };
  /** Days both sources cover: the totals above are over these days. */
  commonDays: number;
  /** first - second, USD. */
  differenceUsd: number;
  /** Of the second total; null when it is 0. */
  differencePercent: number | null;
  flagged: boolean;
  /** The source counted on most of the month's days. */
  countedSource: string;
  /** For flagged months: the services whose difference is largest. */
  services: ServiceDifference[];
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

interface PerSource {
  accountId: string;
  month: Month;
  source: string;
  costUsd: number;
  days: number;
  countedDays: number;
}

export async function sourceComparisons(db: CairnDb): Promise<SourceComparison[]> {
  // Totals over the days another source also covers: that is what can be compared.
  const rows = await db.all<PerSource>(
    sql`SELECT s.account_id AS accountId, substr(s.day, 1, 7) AS month, s.source AS source,
        total(s.unblended_cost_usd) AS costUsd, count(*) AS days, sum(s.counted) AS countedDays
      FROM cost_source_days s
      WHERE EXISTS (SELECT 1 FROM cost_source_days o
        WHERE o.day = s.day AND o.account_id = s.account_id AND o.source <> s.source)
      GROUP BY s.account_id, substr(s.day, 1, 7), s.source
      ORDER BY substr(s.day, 1, 7) DESC, s.account_id`,
  );
  const groups = new Map<string, PerSource[]>();
  for (const r of rows) {
    const key = `${r.accountId}|${r.month}`;
    groups.set(key, [...(groups.get(key) ?? []), { ...r, costUsd: Number(r.costUsd), days: Number(r.days) }]);
  }
  const out: SourceComparison[] = [];
  for (const sources of groups.values()) {
    const [first, second] = [...sources].sort((a, b) => order(a.source) - order(b.source));
    if (!first || !second) continue;
    const differenceUsd = round6(first.costUsd - second.costUsd);
    const differencePercent = second.costUsd === 0 ? null : (differenceUsd / Math.abs(second.costUsd)) * 100;
    const flagged =
      differencePercent === null
        ? Math.abs(differenceUsd) > 0.005
        : Math.abs(differencePercent) > RECONCILIATION_THRESHOLD_PERCENT;
    const counted = [...sources].sort((a, b) => Number(b.countedDays) - Number(a.countedDays))[0] ?? first;
    out.push({
      accountId: first.accountId,
      month: first.month,
      first: { source: first.source, costUsd: round6(first.costUsd), days: first.days },
      second: { source: second.source, costUsd: round6(second.costUsd), days: second.days },
      commonDays: Math.min(first.days, second.days),
      differenceUsd,
      differencePercent,
      flagged,
      countedSource: counted.source,
      services: flagged ? await serviceDifferences(db, first.accountId, first.month, first.source, second.source) : [],
    });
  }
  return out;
}

async function serviceDifferences(
  db: CairnDb,
  accountId: string,
  month: Month,
  first: string,
  second: string,
): Promise<ServiceDifference[]> {
  const from = firstDayOfMonth(month);
  const to = firstDayOfMonth(addMonths(month, 1));
  const rows = await db.all<{ service: string; firstUsd: number; secondUsd: number }>(
    sql`SELECT l.service AS service,
        total(CASE WHEN l.source = ${first} THEN l.unblended_cost_usd END) AS firstUsd,
        total(CASE WHEN l.source = ${second} THEN l.unblended_cost_usd END) AS secondUsd
      FROM cost_lines l
      WHERE l.account_id = ${accountId} AND l.day >= ${from} AND l.day < ${to} AND l.source IN (${first}, ${second})
        AND EXISTS (SELECT 1 FROM cost_source_days a WHERE a.day = l.day AND a.account_id = l.account_id AND a.source = ${first})
        AND EXISTS (SELECT 1 FROM cost_source_days b WHERE b.day = l.day AND b.account_id = l.account_id AND b.source = ${second})
      GROUP BY l.service`,
  );
  return rows
    .map((r) => ({
      service: r.service,
      firstUsd: round6(Number(r.firstUsd)),
      secondUsd: round6(Number(r.secondUsd)),
      differenceUsd: round6(Number(r.firstUsd) - Number(r.secondUsd)),
    }))
    .filter((r) => Math.abs(r.differenceUsd) >= 0.005)
    .sort((a, b) => Math.abs(b.differenceUsd) - Math.abs(a.differenceUsd) || a.service.localeCompare(b.service))
    .slice(0, SERVICES_SHOWN);
}
