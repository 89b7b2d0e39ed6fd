/**
 * The carbon charts, as pure chart definitions (see ./chart-config.ts) so the dashboard and the
 * reports can share them: CO2e by month (location- and market-based, embodied apart), CO2e by a
 * dimension, and the region what-if per pipeline. Values are grams of CO2e, rounded to the gram.
 */
import { addMonths } from "../days";
import type { Month } from "../model";
import { type ChartConfig, type ChartFormat, colourAt } from "./chart-config";

export interface CarbonFigures {
  co2eGrams: number;
  marketCo2eGrams: number;
  embodiedCo2eGrams: number;
  energyKwh: number;
}

const grams = (n: number) => Math.round(n);

const ZERO: CarbonFigures = { co2eGrams: 0, marketCo2eGrams: 0, embodiedCo2eGrams: 0, energyKwh: 0 };

/** The `count` months ending with `last`, oldest first. */
export function monthsEndingAt(last: Month, count: number): Month[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

/** "nov. 2026" / "Nov 2026", in the chart's locale (UTC, so no clock or zone is involved). */
export function shortMonthLabel(month: Month, localeTag: string): string {
  return new Intl.DateTimeFormat(localeTag, { month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/**
 * One group of bars per month: location-based and market-based scope 2 side by side, embodied
 * (scope 3) as its own bar, never added to either. Months with no data show zero.
 */
export function carbonMonthlyChart(
  rows: readonly (CarbonFigures & { month: Month })[],
  months: readonly Month[],
  format: ChartFormat,
  labels: { location: string; market: string; embodied: string },
): ChartConfig {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  const series = (pick: (r: CarbonFigures) => number) => months.map((m) => grams(pick(byMonth.get(m) ?? ZERO)));
  return {
    type: "bar",
    data: {
      labels: months.map((m) => shortMonthLabel(m, format.locale)),
      datasets: [
        { label: labels.location, data: series((r) => r.co2eGrams), backgroundColor: colourAt(0) },
        { label: labels.market, data: series((r) => r.marketCo2eGrams), backgroundColor: colourAt(4) },
        { label: labels.embodied, data: series((r) => r.embodiedCo2eGrams), backgroundColor: colourAt(7) },
      ],
    },
    options: { legend: true },
    cairn: format,
  };
}

/**
 * Horizontal bars per key (service, region, pipeline), location- and market-based side by side,
 * largest location-based first; beyond `maxBars - 1` keys the rest is folded into `other`.
 */
export function carbonByKeyChart(
  rows: readonly (CarbonFigures & { key: string })[],
  format: ChartFormat,
  labels: { location: string; market: string; other: string; untagged: string },
  maxBars = 10,
): ChartConfig {
  const sorted = [...rows].sort((a, b) => b.co2eGrams - a.co2eGrams || a.key.localeCompare(b.key));
  const shown = sorted.length <= maxBars ? sorted : sorted.slice(0, maxBars - 1);
  const rest = sorted.slice(shown.length);
  const bars = shown.map((r) => ({ label: r.key === "" ? labels.untagged : r.key, ...r }));
  if (rest.length > 0) {
    bars.push({
      label: labels.other,
      key: labels.other,
      co2eGrams: rest.reduce((s, r) => s + r.co2eGrams, 0),
      marketCo2eGrams: rest.reduce((s, r) => s + r.marketCo2eGrams, 0),
      embodiedCo2eGrams: rest.reduce((s, r) => s + r.embodiedCo2eGrams, 0),
      energyKwh: rest.reduce((s, r) => s + r.energyKwh, 0),
    });
  }
  return {
    type: "bar",
    data: {
      labels: bars.map((b) => b.label),
      datasets: [
        { label: labels.location, data: bars.map((b) => grams(b.co2eGrams)), backgroundColor: colourAt(0) },
        { label: labels.market, data: bars.map((b) => grams(b.marketCo2eGrams)), backgroundColor: colourAt(4) },
      ],
    },
    options: { horizontal: true, legend: true },
    cairn: format,
  };
}

export interface WhatIfRow {
  pipeline: string;
  current: CarbonFigures;
  byRegion: Record<string, CarbonFigures>;
}

/**
 * Per pipeline, location-based CO2e where it runs now and had it run in each target region
 * (grouped bars). Embodied emissions do not depend on the region, so they are not drawn.
 */
export function regionWhatIfChart(
  rows: readonly WhatIfRow[],
  targets: readonly string[],
  format: ChartFormat,
  labels: { current: string; untagged: string },
): ChartConfig {
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => (r.pipeline === "" ? labels.untagged : r.pipeline)),
      datasets: [
        { label: labels.current, data: rows.map((r) => grams(r.current.co2eGrams)), backgroundColor: "#333333" },
        ...targets.map((t, i) => ({
          label: t,
          data: rows.map((r) => grams(r.byRegion[t]?.co2eGrams ?? 0)),
          backgroundColor: colourAt(i + 1),
        })),
      ],
    },
    options: { legend: true },
    cairn: format,
  };
}
