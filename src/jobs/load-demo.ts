/**
 * Loads the demo dataset: generated lines (estimated like collected ones, with the demo's
 * CloudWatch metrics as measured utilisation), the metrics themselves, budgets, and a
 * collection run so freshness reads true. Replaces earlier demo data; never mixes it into a
 * database that holds collected figures.
 */
import { and, count, ne, notInArray, or, sql } from "drizzle-orm";
import { DEMO_ACCOUNTS, DEMO_HISTORY_MONTHS, demoBudgets, generateDemoLines } from "../../collectors/demo/index";
import type { UtilisationLookup } from "../carbon/estimate";
import { addDays, addMonths, firstDayOfMonth, monthOf, toDay } from "../days";
import type { CostLine } from "../model";
import { saveBudget } from "../store/budgets";
import { type EstimatedLine, replaceCostLines } from "../store/cost-lines";
import { finishRun, startRun } from "../store/runs";
import { costLines } from "../store/schema/index";
import { readDb, type Store } from "../store/store";
import { clearDemoFocus, importDemoFocusMonth } from "./load-demo-focus";
import { demoMetrics, writeDemoMetrics } from "./load-demo-metrics";

export interface LoadDemoDeps {
  store: Store;
  now: () => Date;
  estimate: (lines: CostLine[], utilisation?: UtilisationLookup) => EstimatedLine[];
}

export interface LoadDemoResult {
  loaded: boolean;
  lines: number;
  budgets: number;
}

export class DemoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DemoRefusedError";
  }
}

export async function loadDemo(deps: LoadDemoDeps, options: { onlyIfEmpty: boolean }): Promise<LoadDemoResult> {
  const db = readDb(deps.store);
  const [all] = await db.select({ n: count() }).from(costLines);
  if (options.onlyIfEmpty && (all?.n ?? 0) > 0) return { loaded: false, lines: 0, budgets: 0 };
  // The demo's own FOCUS month (its accounts, source focus) is demo data too.
  const [foreign] = await db
    .select({ n: count() })
    .from(costLines)
    .where(
      and(
        ne(costLines.source, "demo"),
        or(
          ne(costLines.source, "focus"),
          notInArray(
            costLines.accountId,
            DEMO_ACCOUNTS.map((a) => a.accountId),
          ),
        ),
      ),
    );
  if ((foreign?.n ?? 0) > 0) {
    throw new DemoRefusedError(
      "this database holds collected cost data; load the demo into another one (set CAIRN_DB=./data/demo.db)",
    );
  }
  const now = deps.now();
  const at = now.toISOString();
  const today = toDay(now);
  const runId = await startRun(deps.store, { source: "demo", startedAt: at });
  const lines = generateDemoLines({ today });
  // The demo's CloudWatch metrics give measured utilisation to its instances, as a real
  // collection would.
  const metrics = demoMetrics(today);
  const from = firstDayOfMonth(addMonths(monthOf(today), -DEMO_HISTORY_MONTHS));
  // Everything older than the window goes too, so a reload on a later day leaves no stale tail.
  await db.delete(costLines).where(sql`${costLines.source} = 'demo' AND ${costLines.day} < ${from}`);
  const written = await replaceCostLines(
    deps.store,
    { from, to: addDays(today, 1), source: "demo" },
    deps.estimate(lines, metrics.lookup),
    at,
  );
  await writeDemoMetrics(deps.store, metrics.rows, today, { runId, collectedAt: at });
  // One closed month of production also imported from a FOCUS file: it counts, the demo lines
  // of that month stay, and the data health page compares the two.
  await clearDemoFocus(deps.store);
  await importDemoFocusMonth(
    { store: deps.store, now: deps.now, estimate: (l) => deps.estimate(l, metrics.lookup) },
    lines,
    today,
  );
  const budgets = demoBudgets(today);
  for (const budget of budgets) await saveBudget(deps.store, budget, at);
  await finishRun(deps.store, runId, { finishedAt: at, status: "succeeded", rowsWritten: written });
  return { loaded: true, lines: written, budgets: budgets.length };
}
