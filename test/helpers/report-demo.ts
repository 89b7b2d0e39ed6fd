/** The demo dataset in a fresh in-memory store, with real carbon estimates, for report tests. */
import { estimateLines } from "../../src/carbon/estimate";
import { loadDemo } from "../../src/jobs/load-demo";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";

export async function openDemoStore(now: Date): Promise<OpenedStore> {
  const opened = openSqliteStore(":memory:");
  await loadDemo(
    { store: opened.store, now: () => now, estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }) },
    { onlyIfEmpty: false },
  );
  return opened;
}

/** Whitespace of any kind (French formats use narrow no-break spaces) as one plain space. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ");
}

/** Sum of a column of cost lines over [from, to), straight from the table. */
export function sumCost(
  opened: OpenedStore,
  from: string,
  to: string,
  where = "1 = 1",
  params: unknown[] = [],
): number {
  const row = opened.sqlite
    .prepare(`select coalesce(sum(unblended_cost_usd), 0) as s from cost_lines where day >= ? and day < ? and ${where}`)
    .get(from, to, ...params) as { s: number };
  return row.s;
}
