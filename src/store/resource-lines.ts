/**
 * Writes of resource lines. While an import reads, its lines are summed into
 * `resource_line_staging` under the run's id (memory stays bounded whatever the file). Once
 * every file is read and the cost lines written, each export's resource lines are replaced from
 * the staging rows in one transaction, their footprints allocated from their cost line's, the
 * monthly rollup of the months touched rebuilt, and the staging rows deleted. A run that fails
 * only deletes its staging rows: nothing it read is visible.
 *
 * Footprint of a resource line: its cost line's (same day, account, service, region, usage type
 * and pipeline) times the resource's share of that line's usage (of its cost when the line has
 * no usage). Resource lines so never disagree with the carbon pages, which read cost lines.
 */
import type { ResourceContribution, ResourceInfo } from "../../collectors/focus/resource-lines";
import { addMonths, firstDayOfMonth } from "../days";
import type { Month } from "../model";
import { rawSql, type Statement } from "./raw-sql";
import type { Store } from "./store";

export interface ExportKey {
  billingAccountId: string;
  billingPeriod: Month;
}

const KEY = [
  "billing_account_id",
  "billing_period",
  "day",
  "resource_id",
  "account_id",
  "service",
  "region",
  "usage_type",
  "pipeline",
] as const;
const LINE = [...KEY, "usage_unit", "unblended_cost_usd", "amortized_cost_usd", "usage_amount"] as const;

/** Appends partial sums; the same key may come several times (summed when written). */
const STAGE = `INSERT INTO resource_line_staging (run_id, ${LINE.join(", ")})
  VALUES (${["?", ...LINE.map(() => "?")].join(", ")})`;

function values(runId: number, l: ResourceContribution): unknown[] {
  return [
    runId,
    l.billingAccountId,
    l.billingPeriod,
    l.day,
    l.resourceId,
    l.accountId,
    l.service,
    l.region,
    l.usageType,
    l.pipeline,
    l.usageUnit,
    l.unblendedCostUsd,
    l.amortizedCostUsd,
    l.usageAmount,
  ];
}

export interface ResourceStaging {
  /** Sums lines into the run's staging rows (synchronously on SQLite; queued on D1). */
  spill(lines: ResourceContribution[]): void;
  /** Waits for queued writes (D1). */
  settle(): Promise<void>;
}

export function resourceStaging(store: Store, runId: number): ResourceStaging {
  if (store.kind === "sqlite") {
    const db = store.db.$client;
    const stage = db.prepare(STAGE);
    const all = db.transaction((lines: ResourceContribution[]) => {
      for (const l of lines) stage.run(...values(runId, l));
    });
    return { spill: (lines) => all(lines), settle: async () => {} };
  }
  const raw = rawSql(store);
  let queue: Promise<void> = Promise.resolve();
  return {
    spill(lines) {
      const statements = lines.map((l) => ({ text: STAGE, params: values(runId, l) }));
      queue = queue.then(async () => {
        for (let i = 0; i < statements.length; i += 50) await raw.batch(statements.slice(i, i + 50));
      });
    },
    settle: () => queue,
  };
}

/** Deletes a run's staging rows, or every run's (left by an interrupted import) when `runId` is absent. */
export async function clearStaging(store: Store, runId?: number): Promise<void> {
  const raw = rawSql(store);
  if (runId === undefined) await raw.run("DELETE FROM resource_line_staging");
  else await raw.run("DELETE FROM resource_line_staging WHERE run_id = ?", [runId]);
}

const SHARE = `CASE WHEN c.usage_amount > 0 THEN resource_lines.usage_amount / c.usage_amount
  WHEN c.unblended_cost_usd != 0 THEN resource_lines.unblended_cost_usd / c.unblended_cost_usd ELSE 0 END`;
const COST_LINE = `FROM cost_lines c JOIN footprints f ON f.cost_line_id = c.id
  WHERE c.day = resource_lines.day AND c.account_id = resource_lines.account_id
  AND c.service = resource_lines.service AND c.region = resource_lines.region
  AND c.usage_type = resource_lines.usage_type AND c.pipeline = resource_lines.pipeline`;

/** The statements that give a month's resource lines their footprint and rebuild its rollup. */
export function monthStatements(month: Month): Statement[] {
  const from = firstDayOfMonth(month);
  const to = firstDayOfMonth(addMonths(month, 1));
  return [
    {
      text: `UPDATE resource_lines SET
        energy_kwh = coalesce((SELECT f.energy_kwh * ${SHARE} ${COST_LINE}), 0),
        co2e_grams = coalesce((SELECT (f.co2e_grams + f.embodied_co2e_grams) * ${SHARE} ${COST_LINE}), 0)
        WHERE day >= ? AND day < ?`,
      params: [from, to],
    },
    { text: "DELETE FROM resource_months WHERE month = ?", params: [month] },
    {
      text: `INSERT INTO resource_months (month, resource_id, pipeline, account_id, service,
          unblended_cost_usd, amortized_cost_usd, co2e_grams, first_day, last_day)
        SELECT ?, resource_id, pipeline, max(account_id), max(service), sum(unblended_cost_usd),
          sum(amortized_cost_usd), sum(co2e_grams), min(day), max(day)
        FROM resource_lines WHERE day >= ? AND day < ? GROUP BY resource_id, pipeline`,
      params: [month, from, to],
    },
  ];
}

async function monthsOf(store: Store, table: string, where: string, params: unknown[]): Promise<Month[]> {
  const rows = await rawSql(store).all<{ m: string }>(
    `SELECT DISTINCT substr(day, 1, 7) AS m FROM ${table} WHERE ${where}`,
    params,
  );
  return rows.map((r) => r.m);
}

export interface ResourceWrite {
  lines: number;
  months: Month[];
  resources: number;
}

/**
 * Makes the run's staging rows the whole resource lines of each export in `exports` (an export
 * without resource rows loses its old ones), then footprints, rollups and resource records.
 */
export async function replaceResourceLines(
  store: Store,
  runId: number,
  exports: readonly ExportKey[],
  infos: Iterable<ResourceInfo>,
  source: string,
): Promise<ResourceWrite> {
  const raw = rawSql(store);
  const months = new Set<Month>();
  let lines = 0;
  const exportWhere = "billing_account_id = ? AND billing_period = ?";
  for (const e of exports) {
    const params = [e.billingAccountId, e.billingPeriod];
    for (const m of await monthsOf(store, "resource_lines", exportWhere, params)) months.add(m);
    for (const m of await monthsOf(store, "resource_line_staging", `run_id = ? AND ${exportWhere}`, [runId, ...params]))
      months.add(m);
    await raw.batch([
      { text: `DELETE FROM resource_lines WHERE ${exportWhere}`, params },
      {
        text: `INSERT INTO resource_lines (${LINE.join(", ")}, source, energy_kwh, co2e_grams)
          SELECT ${KEY.join(", ")}, max(usage_unit), sum(unblended_cost_usd), sum(amortized_cost_usd), sum(usage_amount),
            ?, 0, 0
          FROM resource_line_staging WHERE run_id = ? AND ${exportWhere} GROUP BY ${KEY.join(", ")}`,
        params: [source, runId, ...params],
      },
    ]);
    const counted = await raw.all<{ n: number }>(
      `SELECT count(*) AS n FROM resource_lines WHERE ${exportWhere}`,
      params,
    );
    lines += Number(counted[0]?.n ?? 0);
  }
  const sorted = [...months].sort();
  for (const m of sorted) await raw.batch(monthStatements(m));
  const resources = await upsertResources(store, infos);
  await clearStaging(store, runId);
  return { lines, months: sorted, resources };
}

const UPSERT_RESOURCE = `INSERT INTO resources (resource_id, account_id, name, type, service, region, tags)
  VALUES (?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (resource_id) DO UPDATE SET account_id = excluded.account_id,
    name = CASE WHEN excluded.name != '' THEN excluded.name ELSE resources.name END,
    type = CASE WHEN excluded.type != '' THEN excluded.type ELSE resources.type END,
    service = excluded.service, region = excluded.region, tags = excluded.tags
  WHERE ? >= coalesce(resources.last_day, '')`;

/** Records each resource's latest facts, then every resource's first and last billed day. */
export async function upsertResources(store: Store, infos: Iterable<ResourceInfo>): Promise<number> {
  const raw = rawSql(store);
  let batch: Statement[] = [];
  let n = 0;
  for (const r of infos) {
    batch.push({
      text: UPSERT_RESOURCE,
      params: [r.resourceId, r.accountId, r.name, r.type, r.service, r.region, r.tags, r.day],
    });
    n += 1;
    if (batch.length >= (store.kind === "sqlite" ? 10_000 : 50)) {
      await raw.batch(batch);
      batch = [];
    }
  }
  await raw.batch(batch);
  await raw.run(`UPDATE resources SET
    first_day = (SELECT min(first_day) FROM resource_months m WHERE m.resource_id = resources.resource_id),
    last_day = (SELECT max(last_day) FROM resource_months m WHERE m.resource_id = resources.resource_id)`);
  return n;
}
