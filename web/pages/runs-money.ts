/**
 * The data health page's amounts in the display currency: Cost Explorer requests (this month
 * and per run, at the month the run started), each source's totals (summed per month, each at
 * its month's rate) and the sources compared (at the compared month's rate). One converter over
 * every month the page shows: if one has no rate, the whole page stays in USD and says which.
 */
import { displayOfUsdByMonth } from "../../src/analysis/currency";
import type { Month } from "../../src/model";
import type { SourceComparison } from "../../src/store/read/reconciliation";
import type { SourceMonth } from "../../src/store/read/source-months";
import type { CollectionRun } from "../../src/store/runs";
import type { WebDeps } from "../deps";
import { loadPageMoney, type PageMoney } from "./page-money";

export interface RunsMoney extends PageMoney {
  /** The month "this month's requests" belong to. */
  currentMonth: Month;
  /** Per source: its whole cost and its counted cost, in the page's currency. */
  sources: Map<string, { cost: number; counted: number }>;
}

export async function loadRunsMoney(
  deps: WebDeps,
  shown: {
    currentMonth: Month;
    sourceMonths: readonly SourceMonth[];
    comparisons: readonly SourceComparison[];
    runs: readonly CollectionRun[];
  },
): Promise<RunsMoney> {
  const months = [
    shown.currentMonth,
    ...shown.sourceMonths.map((s) => s.month),
    ...shown.comparisons.map((c) => c.month),
    ...shown.runs.map((r) => r.startedAt.slice(0, 7)),
  ];
  const page = await loadPageMoney(deps, [...new Set(months)]);
  const perSource = new Map<string, { cost: Map<Month, number>; counted: Map<Month, number> }>();
  for (const s of shown.sourceMonths) {
    const entry = perSource.get(s.source) ?? { cost: new Map(), counted: new Map() };
    entry.cost.set(s.month, s.costUsd);
    entry.counted.set(s.month, s.countedCostUsd);
    perSource.set(s.source, entry);
  }
  const sources = new Map(
    [...perSource].map(([source, m]) => [
      source,
      {
        cost: displayOfUsdByMonth(page.converter, m.cost),
        counted: displayOfUsdByMonth(page.converter, m.counted),
      },
    ]),
  );
  return { ...page, currentMonth: shown.currentMonth, sources };
}
