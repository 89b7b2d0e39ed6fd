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
    .prepare(
      // A month an account has in FOCUS is counted from FOCUS alone (the demo's FOCUS month is
      // complete), written here plainly rather than read from the store's precedence table.
      `select coalesce(sum(unblended_cost_usd), 0) as s from cost_lines l where day >= ? and day < ? and ${where}
        and not (l.source <> 'focus' and exists (select 1 from cost_lines f where f.source = 'focus'
          and f.account_id = l.account_id and substr(f.day, 1, 7) = substr(l.day, 1, 7)))`,
    )
    .get(from, to, ...params) as { s: number };
  return row.s;
}
