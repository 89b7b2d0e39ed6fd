/**
 * Gathers the monthly report's team section (reports/monthly/team-section.ts) from the store:
 * done findings and their realised savings as of the month's end, the month's upkeep, the open
 * findings at the month's end, and, when the overall budget is overrun, the usage types that
 * rose most against the previous month with the open finding that covers most of them.
 */
import type { TeamFacts } from "../../reports/monthly/team-facts";
import { type AccountNames, labelAccountsIn } from "../accounts/account-names";
import { addMonths, firstDayOfMonth } from "../days";
import type { Month } from "../model";
import { explore } from "../store/read/cost-explorer";
import { costOfOwnership } from "../store/read/cost-of-ownership";
import { loadFindingBoard } from "../store/read/finding-board";
import { readDb, type Store } from "../store/store";

export async function gatherTeamFacts(
  store: Store,
  month: Month,
  overBudget: boolean,
  hourValueUsd: number,
  /** Names for the account ids findings' actions are written with ("Name (id)" in the report). */
  accountNames: AccountNames = {},
): Promise<TeamFacts> {
  const db = readDb(store);
  const actions = (f: { action: string; fr?: { action: string } | undefined }) => ({
    action: labelAccountsIn(f.action, accountNames),
    actionFr: f.fr ? labelAccountsIn(f.fr.action, accountNames) : undefined,
  });
  const end = firstDayOfMonth(addMonths(month, 1));
  const period = { from: firstDayOfMonth(month), to: end };
  const [board, ownership] = await Promise.all([
    loadFindingBoard(db, end, end),
    costOfOwnership(db, period, hourValueUsd),
  ]);
  const done = board.done
    .filter((e) => (e.state?.doneOn ?? "") < end)
    .map((e) => ({
      ...actions(e.finding),
      doneOn: e.state?.doneOn ?? "",
      by: e.state?.changedBy ?? "",
      realisedUsd: e.realised?.monthlyUsd ?? null,
      lowUsd: e.realised?.lowUsd ?? 0,
      highUsd: e.realised?.highUsd ?? 0,
      final: e.realised?.final ?? false,
    }));
  const upkeep = ownership
    .filter((r) => r.upkeepHours > 0)
    .map((r) => ({
      pipeline: r.pipeline,
      hours: r.upkeepHours,
      volunteeredHours: r.volunteeredHours,
      valueUsd: r.upkeepValueUsd,
    }));
  const open = board.open.map((e) => e.finding);
  let overrun: TeamFacts["overrun"] = null;
  if (overBudget) {
    const report = await explore(db, {
      period,
      groupBy: ["service", "usageType"],
      granularity: "month",
      costType: "unblended",
      compare: true,
      filters: {},
    });
    const rises = report.rows
      .flatMap((s) =>
        (s.children ?? []).map((c) => ({
          service: s.key,
          usageType: c.key,
          costUsd: c.costUsd,
          previousUsd: c.previousCostUsd ?? 0,
        })),
      )
      .filter((l) => l.costUsd - l.previousUsd > 0)
      .sort((a, b) => b.costUsd - b.previousUsd - (a.costUsd - a.previousUsd))
      .slice(0, 3);
    // The open finding whose usage types cover the largest share of the rise.
    let fix: { action: string; actionFr?: string; savingUsd: number } | null = null;
    let best = 0;
    for (const f of open) {
      const covered = rises
        .filter((l) => f.usageTypes.includes(l.usageType))
        .reduce((s, l) => s + l.costUsd - l.previousUsd, 0);
      if (covered > best) {
        best = covered;
        fix = { ...actions(f), savingUsd: f.monthlySavingUsd };
      }
    }
    overrun = { lines: rises.map((l) => ({ ...l, costUsd: l.costUsd, previousUsd: l.previousUsd })), fix };
  }
  return {
    done,
    upkeep,
    openTop: open.slice(0, 3).map((f) => ({ ...actions(f), savingUsd: f.monthlySavingUsd })),
    overrun,
  };
}
