/**
 * The demo's budgets: one monthly budget for everything, sized so that the current month
 * heads over it (about 15%, which is the story the dashboard and alerts should tell), and one
 * per pipeline that stays within bounds, the camera traps with a grant covering the season.
 */
import { addMonths, eachDay, firstDayOfMonth, monthOf } from "../../src/days";
import type { Budget, BudgetThreshold, CostLine, Day } from "../../src/model";
import { demoMonthLines, demoUsageLines } from "./generate";
import { demoStory, isEstimatedDay } from "./story";

export const DEFAULT_THRESHOLDS: readonly BudgetThreshold[] = [
  { kind: "actual", ratio: 0.5 },
  { kind: "actual", ratio: 0.8 },
  { kind: "actual", ratio: 1 },
  { kind: "forecast", ratio: 1 },
];

/** By how much the current month's expected spend exceeds the overall budget. */
export const DEMO_OVERRUN_RATIO = 1.15;

function sum(lines: readonly CostLine[], pipeline?: string): number {
  let total = 0;
  for (const l of lines) if (pipeline === undefined || l.pipeline === pipeline) total += l.unblendedCostUsd;
  return total;
}

function roundUp(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

function budget(name: string, amount: number, rest: Partial<Budget>): Budget {
  return {
    name,
    amount,
    currency: "USD",
    periodKind: "month",
    customPeriod: null,
    scopeKind: "all",
    scopeValue: "",
    thresholds: DEFAULT_THRESHOLDS.map((t) => ({ ...t })),
    ...rest,
  };
}

/** The camera-trap season of the grant: this year's once June has begun, else last year's. */
export function demoSeasonPeriod(today: Day): { from: Day; to: Day } {
  const year = Number(today.slice(0, 4));
  const y = today >= `${year}-06-01` ? year : year - 1;
  return { from: `${y}-06-01`, to: `${y}-10-01` };
}

export function demoBudgets(today: Day): Budget[] {
  const story = demoStory(today);
  const month = monthOf(today);
  // The whole current month as the generator will produce it, the future days included.
  const monthLines = demoMonthLines(month, firstDayOfMonth(addMonths(month, 1)), today, story);
  const overall = Math.floor(sum(monthLines) / DEMO_OVERRUN_RATIO / 10) * 10;
  const season = demoSeasonPeriod(today);
  const seasonLines = eachDay(season.from, season.to).flatMap((d) =>
    demoUsageLines(d, story, isEstimatedDay(d, today)),
  );
  return [
    budget("AWS — total mensuel", overall, {}),
    budget("Températures — mensuel", roundUp(sum(monthLines, "temperatures") * 1.25, 10), {
      scopeKind: "pipeline",
      scopeValue: "temperatures",
    }),
    budget("Site web — mensuel", roundUp(sum(monthLines, "website") * 1.3, 5), {
      scopeKind: "pipeline",
      scopeValue: "website",
    }),
    budget(
      `Pièges photo — subvention saison ${season.from.slice(0, 4)}`,
      roundUp(sum(seasonLines, "camera-traps") * 1.1, 50),
      {
        periodKind: "custom",
        customPeriod: season,
        scopeKind: "pipeline",
        scopeValue: "camera-traps",
      },
    ),
  ];
}
