/** The cost charts of the overview, shared by the dashboard and the reports. */

import { chargeTypeOf } from "../analysis/charge-type";
import { addDays, daysInMonth, eachDay, firstDayOfMonth } from "../days";
import type { Day, Month } from "../model";
import { type ChartConfig, type ChartFormat, colourAt, withoutEmptySeries } from "./chart-config";

/**
 * A daily series by service split into usage and taxes. The month's VAT is booked on the 1st,
 * twenty times a usage day: drawn in the same stack, it flattens every other day, so the daily
 * chart shows usage and says how much tax it left out (the overview has a toggle to add it).
 */
export function splitTaxes<P extends { key: string; costUsd: number }>(
  points: readonly P[],
): { usage: P[]; taxUsd: number } {
  const usage: P[] = [];
  let taxUsd = 0;
  for (const p of points) {
    if (chargeTypeOf({ service: p.key, usageType: "", unblendedCostUsd: p.costUsd }) === "tax") taxUsd += p.costUsd;
    else usage.push(p);
  }
  return { usage, taxUsd };
}

/** Keep the top `max - 1` keys by total and fold the rest into `otherLabel`. */
export function topKeys(totals: Map<string, number>, max: number): string[] {
  const sorted = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  return sorted.length <= max ? sorted : sorted.slice(0, max - 1);
}

export function dailyStackedChart(
  points: { day: Day; key: string; costUsd: number }[],
  days: Day[],
  format: ChartFormat,
  labels: { other: string; untagged?: string },
  toDisplay: (usd: number, day: Day) => number,
  maxSeries = 7,
): ChartConfig {
  const totals = new Map<string, number>();
  for (const p of points) totals.set(p.key, (totals.get(p.key) ?? 0) + p.costUsd);
  const keys = topKeys(totals, maxSeries);
  const series = new Map<string, number[]>();
  const index = new Map(days.map((d, i) => [d, i]));
  const other = labels.other;
  for (const p of points) {
    const name = keys.includes(p.key) ? p.key : other;
    const i = index.get(p.day);
    if (i === undefined) continue;
    const values = series.get(name) ?? days.map(() => 0);
    values[i] = (values[i] ?? 0) + toDisplay(p.costUsd, p.day);
    series.set(name, values);
  }
  const names = [...keys, ...(series.has(other) ? [other] : [])].filter((n) => series.has(n));
  return withoutEmptySeries({
    type: "bar",
    data: {
      labels: days,
      datasets: names.map((name, i) => ({
        label: name === "" ? (labels.untagged ?? "(none)") : name,
        data: (series.get(name) ?? []).map((v) => Math.round(v * 100) / 100),
        backgroundColor: colourAt(i),
        stack: "cost",
      })),
    },
    options: { stacked: true, legend: true },
    cairn: format,
  });
}

/**
 * Cumulative spend of a month so far, the forecast path to its end, and the budget line.
 * `dailyDisplay` holds display-currency amounts for the days with data.
 */
export function monthBurnChart(
  month: Month,
  dailyDisplay: Map<Day, number>,
  lastActualDay: Day | null,
  forecastDisplay: number | null,
  budgetDisplay: number | null,
  format: ChartFormat,
  labels: { actual: string; forecast: string; budget: string },
): ChartConfig {
  const first = firstDayOfMonth(month);
  const days = eachDay(first, addDays(first, daysInMonth(month)));
  let running = 0;
  const actual: (number | null)[] = days.map((d) => {
    if (lastActualDay === null || d > lastActualDay) return null;
    running += dailyDisplay.get(d) ?? 0;
    return Math.round(running * 100) / 100;
  });
  const datasets: ChartConfig["data"]["datasets"] = [
    {
      label: labels.actual,
      data: actual,
      type: "line",
      borderColor: colourAt(0),
      backgroundColor: colourAt(0),
      pointRadius: 0,
    },
  ];
  if (forecastDisplay !== null && lastActualDay !== null) {
    const lastIndex = days.indexOf(lastActualDay);
    const remaining = days.length - 1 - lastIndex;
    const perDay = remaining > 0 ? (forecastDisplay - running) / remaining : 0;
    datasets.push({
      label: labels.forecast,
      data: days.map((_, i) => (i < lastIndex ? null : Math.round((running + perDay * (i - lastIndex)) * 100) / 100)),
      type: "line",
      borderColor: colourAt(1),
      backgroundColor: colourAt(1),
      borderDash: [6, 4],
      pointRadius: 0,
    });
  }
  if (budgetDisplay !== null) {
    datasets.push({
      label: labels.budget,
      data: days.map(() => Math.round(budgetDisplay * 100) / 100),
      type: "line",
      borderColor: "#D55E00",
      backgroundColor: "#D55E00",
      pointRadius: 0,
    });
  }
  return { type: "line", data: { labels: days, datasets }, options: { legend: true }, cairn: format };
}

/** One bar per key (pipeline, service...), largest first. */
export function rankedBarChart(
  rows: { key: string; value: number }[],
  label: string,
  format: ChartFormat,
  untaggedLabel: string,
): ChartConfig {
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => (r.key === "" ? untaggedLabel : r.key)),
      datasets: [
        {
          label,
          data: rows.map((r) => Math.round(r.value * 100) / 100),
          backgroundColor: rows.map((_, i) => colourAt(i)),
        },
      ],
    },
    options: { horizontal: true, legend: false },
    cairn: format,
  };
}
