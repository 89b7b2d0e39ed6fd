/**
 * Moves one export's staged sums into `import_lines` and rebuilds the cost lines they touch, in
 * ONE transaction: the export's old contribution goes, the new one comes, and every month either
 * contribution touches is rebuilt by `rebuild` before the commit. A failure anywhere leaves the
 * export's lines and its months' cost lines as they were: never one without the other.
 */
import type { OtherProviderTotal } from "../../collectors/focus/aggregate";
import type { Day } from "../model";
import type { SqliteStore } from "./import-staging";
import type { ExportKey, SummedLine, TouchedMonths } from "./imports";
import { commitStagedResources } from "./resource-commit";

export interface CommittedExport {
  /** Lines the export now contributes, and their unblended cost. */
  lines: number;
  unblendedCostUsd: number;
  touched: TouchedMonths;
  /** Resource lines the export now holds. */
  resourceLines: number;
}

const KEY = "billing_account_id = ? AND billing_period = ?";
const LINE_COLUMNS =
  "billing_account_id, billing_period, day, account_id, service, region, usage_type, pipeline, usage_unit, unblended_cost_usd, amortized_cost_usd, usage_amount, rows";

export function commitStagedExport(
  store: SqliteStore,
  key: ExportKey,
  others: readonly OtherProviderTotal[],
  rebuild: (touched: TouchedMonths) => void,
): CommittedExport {
  const sqlite = store.db.$client;
  const args = [key.billingAccountId, key.billingPeriod];
  const touchedQuery = sqlite.prepare(
    `SELECT DISTINCT substr(day, 1, 7) AS month, account_id AS accountId FROM import_lines WHERE ${KEY}`,
  );
  const touched: TouchedMonths = new Map();
  const addTouched = () => {
    for (const r of touchedQuery.all(...args) as { month: string; accountId: string }[]) {
      const set = touched.get(r.month) ?? new Set<string>();
      set.add(r.accountId);
      touched.set(r.month, set);
    }
  };
  const run = sqlite.transaction(() => {
    addTouched();
    sqlite.prepare(`DELETE FROM import_lines WHERE ${KEY}`).run(...args);
    sqlite
      .prepare(
        `INSERT INTO import_lines (${LINE_COLUMNS})
         SELECT billing_account_id, billing_period, day, account_id, service, region, usage_type, pipeline,
           max(usage_unit), sum(unblended_cost_usd), sum(amortized_cost_usd), sum(usage_amount), sum(rows)
         FROM temp.import_staging WHERE ${KEY}
         GROUP BY day, account_id, service, region, usage_type, pipeline`,
      )
      .run(...args);
    addTouched();
    const stats = sqlite
      .prepare(`SELECT count(*) AS lines, coalesce(sum(unblended_cost_usd), 0) AS cost FROM import_lines WHERE ${KEY}`)
      .get(...args) as { lines: number; cost: number };
    sqlite.prepare(`DELETE FROM import_other_providers WHERE ${KEY}`).run(...args);
    const insertOther = sqlite.prepare(
      "INSERT INTO import_other_providers (billing_account_id, billing_period, provider, currency, rows, billed_cost) VALUES (?, ?, ?, ?, ?, ?)",
    );
    for (const o of others) {
      insertOther.run(o.billingAccountId, o.billingPeriod, o.provider, o.currency, o.rows, o.billedCost);
    }
    const resourceLines = commitStagedResources(sqlite, key);
    rebuild(touched);
    return { ...stats, resourceLines };
  });
  const stats = run.immediate();
  return { lines: stats.lines, unblendedCostUsd: stats.cost, touched, resourceLines: stats.resourceLines };
}

/** Every export's contribution to one day, summed to the cost-line key (synchronous, for `rebuild`). */
export function summedDay(store: SqliteStore, day: Day, accountIds: readonly string[]): SummedLine[] {
  return store.db.$client
    .prepare(
      `SELECT day, account_id AS accountId, service, region, usage_type AS usageType, pipeline,
         max(usage_unit) AS usageUnit, sum(unblended_cost_usd) AS unblendedCostUsd,
         sum(amortized_cost_usd) AS amortizedCostUsd, sum(usage_amount) AS usageAmount
       FROM import_lines WHERE day = ? AND account_id IN (SELECT value FROM json_each(?))
       GROUP BY day, account_id, service, region, usage_type, pipeline`,
    )
    .all(day, JSON.stringify(accountIds)) as SummedLine[];
}
