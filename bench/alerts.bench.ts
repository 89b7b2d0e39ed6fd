/**
 * Alert evaluation on the demo dataset (14 months, about 17,000 lines): gathering the rules'
 * inputs from SQLite, and running every rule over them, against a baseline measured in the same
 * run: one month's cost grouped by day (the overview's cheapest query).
 */
import { evaluateAlerts } from "../src/analysis/alert-rules/index";
import { loadDemo } from "../src/jobs/load-demo";
import { openSqliteStore } from "../src/store/open-sqlite";
import { gatherAlertInputs } from "../src/store/read/alert-inputs";
import { costsBy } from "../src/store/read/costs";
import { readDb } from "../src/store/store";

async function timeMs(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

export async function bench(log: (line: string) => void): Promise<void> {
  const { store, close } = openSqliteStore(":memory:");
  const now = new Date("2026-11-14T08:00:00Z");
  await loadDemo(
    { store, now: () => now, estimate: (lines) => lines.map((line) => ({ line, footprint: null })) },
    { onlyIfEmpty: false },
  );
  const baseline = await timeMs(20, () =>
    costsBy(readDb(store), { period: { from: "2026-11-01", to: "2026-12-01" }, groupBy: "day" }),
  );
  for (const lookbackDays of [7, 40]) {
    const options = { now, display: "EUR" as const, ceMaxRequests: 300, lookbackDays, sources: ["cost-explorer"] };
    const gather = await timeMs(10, () => gatherAlertInputs(store, options));
    const inputs = await gatherAlertInputs(store, options);
    const evaluate = await timeMs(10, () => evaluateAlerts(inputs));
    log(
      `alerts, ${lookbackDays} days examined: gather ${gather.toFixed(1)} ms (${(gather / baseline).toFixed(1)}x baseline), ` +
        `rules ${evaluate.toFixed(1)} ms (${(evaluate / baseline).toFixed(1)}x); baseline (a month by day) ${baseline.toFixed(2)} ms`,
    );
  }
  close();
}
