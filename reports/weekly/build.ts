/**
 * The weekly budget report as a document: month-to-date against each budget and the forecast,
 * this week against last by pipeline and service, the largest movers in a sentence each,
 * anomalies, the week's CO2e, data freshness and what Cairn's own API requests cost. Pure.
 */

import type { ChartFormat } from "../../src/charts/chart-config";
import { dailyStackedChart, monthBurnChart, splitTaxes } from "../../src/charts/cost-charts";
import { addDays, eachDay } from "../../src/days";
import { fill } from "../../src/format/fill";
import {
  formatCo2e,
  formatDay,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  localeTag,
} from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { calibratedLabel } from "../carbon-calibrated-words";
import { changeText, daysText, signedPercent } from "../monthly/build";
import { pipelineLabel } from "../plain-names";
import type { Block, ReportDocument } from "../render/document";
import { typesetDocument } from "../render/typeset-document";
import type { WeeklyFacts, WeekRow } from "./facts";
import { WEEKLY_WORDS } from "./words";

/** Changes smaller than this (display currency) are not called movers. */
const MIN_MOVER = 1;

/** "il y a moins d'une heure" rather than "il y a 0,0 h"; "3,5 h", then whole hours. */
export function ageText(hours: number, lang: Locale): string {
  if (hours < 1) return lang === "fr" ? "moins d'une heure" : "under an hour";
  return `${formatNumber(hours, lang, hours < 10 ? 1 : 0)} h`;
}

export function buildWeeklyReport(f: WeeklyFacts, options: { lang: Locale }): ReportDocument {
  const { lang } = options;
  const w = WEEKLY_WORDS[lang];
  const money = (n: number) => formatMoney(n, f.currency, lang);
  const signed = (n: number) => (n > 0 ? `+${money(n)}` : n < 0 ? `−${money(-n)}` : money(0));
  const cmp = (cur: number, prev: number) => changeText(cur, prev, f.currency, lang);
  const weekEnd = addDays(f.week, 6);
  const blocks: Block[] = [];
  if (f.missingRate)
    blocks.push({
      kind: "warning",
      text: fill(w.missingRate, { months: f.missingMonths.map((m) => formatMonth(m, lang)).join(", ") }),
    });
  if (!f.freshness.fresh)
    blocks.push({
      kind: "warning",
      text:
        f.freshness.ageHours === null
          ? w.never
          : fill(w.stale, {
              hours: ageText(f.freshness.ageHours, lang),
              day: f.lastDataDay ? formatDay(f.lastDataDay, lang) : "—",
            }),
    });
  blocks.push({
    kind: "figures",
    items: [
      // A tile's note is shown in parentheses in the text part: no second pair inside it.
      {
        label: w.weekTotal,
        value: money(f.total),
        note:
          f.previousTotal === 0
            ? signed(f.total - f.previousTotal)
            : `${signed(f.total - f.previousTotal)} · ${signedPercent((f.total - f.previousTotal) / f.previousTotal, lang)}`,
      },
      { label: w.lastWeek, value: money(f.previousTotal) },
      { label: w.monthToDate, value: money(f.monthToDate) },
      f.forecast
        ? {
            label: w.forecast,
            value: money(f.forecast.amount),
            note: f.forecast.source === "aws" ? w.forecastAws : w.forecastCairn,
          }
        : { label: w.forecast, value: "—", note: w.noForecast },
    ],
  });

  blocks.push({ kind: "heading", text: w.budgetsHeading });
  blocks.push(
    f.budgets.length === 0
      ? { kind: "paragraph", text: w.noBudgets }
      : {
          kind: "table",
          columns: [w.budget, w.spent, w.amount, w.used, w.forecastCol],
          rows: f.budgets.map((s) => [
            s.budget.name,
            formatMoney(s.spent, s.currency, lang),
            formatMoney(s.amount, s.currency, lang),
            formatPercent(s.spentRatio, lang),
            s.forecast === null
              ? "—"
              : `${formatMoney(s.forecast, s.currency, lang)} (${formatPercent(s.forecastRatio ?? 0, lang)})`,
          ]),
        },
  );

  const format: ChartFormat = { kind: "money", locale: localeTag(lang), currency: f.currency };
  const days = eachDay(addDays(f.week, -7), addDays(f.week, 7));
  // Usage only, as on the overview: the VAT booked on the 1st would flatten the other days.
  const daily = dailyStackedChart(
    splitTaxes(f.dailyByService).usage,
    days,
    format,
    { other: w.other, untagged: w.untagged },
    (amount) => amount,
    6,
  );
  const lastMonthDay = f.monthDaily.length > 0 ? (f.monthDaily[f.monthDaily.length - 1]?.day ?? null) : null;
  const burn = monthBurnChart(
    f.month,
    new Map(f.monthDaily.map((d) => [d.day, d.amount])),
    lastMonthDay,
    f.forecast?.amount ?? null,
    f.overallBudget,
    format,
    { actual: w.actual, forecast: w.forecastLine, budget: w.budgetLine },
  );
  blocks.push({
    kind: "charts",
    charts: [
      {
        id: "weekly-daily",
        title: w.chartDaily,
        summary: fill(w.chartDailySummary, { total: money(f.total), previous: money(f.previousTotal) }),
        config: daily,
        dashboardPath: "/costs",
      },
      {
        id: "weekly-burn",
        title: w.chartBurn,
        summary: fill(w.chartBurnSummary, {
          mtd: money(f.monthToDate),
          forecast: f.forecast ? money(f.forecast.amount) : "—",
        }),
        config: burn,
        dashboardPath: "/budgets",
      },
    ],
  });

  blocks.push({ kind: "heading", text: w.weekHeading });
  const rows = (list: WeekRow[], label: (k: string) => string) =>
    list.map((r) => [label(r.key), money(r.cost), money(r.previous), cmp(r.cost, r.previous)]);
  blocks.push({
    kind: "table",
    columns: [w.pipeline, w.thisWeek, w.previousWeek, w.change],
    rows: rows(f.byPipeline, (k) => pipelineLabel(k, lang)),
  });
  blocks.push({
    kind: "table",
    columns: [w.service, w.thisWeek, w.previousWeek, w.change],
    rows: rows(f.byService, (k) => k),
  });

  blocks.push({ kind: "heading", text: w.moversHeading });
  blocks.push(
    f.movers.length === 0
      ? { kind: "paragraph", text: fill(w.noMovers, { amount: money(MIN_MOVER) }) }
      : {
          kind: "list",
          items: f.movers.map((m) =>
            fill(w.moverSentence, {
              key: m.key,
              direction: m.delta > 0 ? w.up : w.down,
              delta: money(Math.abs(m.delta)),
              cost: money(m.cost),
              previous: money(m.previous),
              usage:
                m.usageType && m.usageDelta !== null
                  ? fill(w.moverUsage, { usageType: m.usageType, usageDelta: signed(m.usageDelta) })
                  : "",
            }),
          ),
        },
  );

  blocks.push({ kind: "heading", text: w.anomaliesHeading });
  blocks.push(
    f.anomalies.length === 0
      ? { kind: "paragraph", text: w.noAnomalies }
      : {
          kind: "list",
          items: f.anomalies.map((a) =>
            fill(w.anomalySentence, {
              dimension: a.dimension === "service" ? w.dimService : w.dimPipeline,
              value: a.dimension === "pipeline" ? pipelineLabel(a.value, lang) : a.value,
              days: daysText(a.days, lang),
              cost: formatMoney(a.cost, a.currency, lang),
              expected: formatMoney(a.expected, a.currency, lang),
              excess: formatMoney(a.excess, a.currency, lang),
            }),
          ),
        },
  );

  blocks.push({ kind: "heading", text: w.carbonHeading });
  blocks.push({
    kind: "paragraph",
    text: fill(w.carbonSentence, {
      co2e: formatCo2e(f.co2eGrams, lang),
      previous: formatCo2e(f.previousCo2eGrams, lang),
      change:
        f.previousCo2eGrams > 0 ? signedPercent((f.co2eGrams - f.previousCo2eGrams) / f.previousCo2eGrams, lang) : "—",
    }),
  });
  if (f.calibratedShare != null) blocks.push({ kind: "note", text: calibratedLabel(f.calibratedShare, lang) });

  blocks.push({ kind: "heading", text: w.dataHeading });
  if (f.freshness.fresh)
    blocks.push({
      kind: "paragraph",
      text: fill(w.fresh, {
        hours: ageText(f.freshness.ageHours ?? 0, lang),
        day: f.lastDataDay ? formatDay(f.lastDataDay, lang) : "—",
      }),
    });
  const monthApi = formatMoney(f.apiMonthCost, f.currency, lang);
  blocks.push({
    kind: "paragraph",
    text:
      f.apiWeek.length === 0
        ? fill(w.apiNone, { month: monthApi })
        : fill(w.apiWeek, {
            list: f.apiWeek
              .map((a) => `${a.api} ${formatMoney(a.cost, f.currency, lang)} (${formatNumber(a.units, lang)})`)
              .join(", "),
            month: monthApi,
          }),
  });

  const weekName = formatDay(f.week, lang);
  return typesetDocument({
    kind: "weekly",
    period: f.week,
    lang,
    subject: fill(w.subject, { total: money(f.total), week: weekName }),
    title: w.title,
    subtitle: fill(w.subtitle, {
      from: weekName,
      to: formatDay(weekEnd, lang),
      today: formatDay(f.today, lang),
      dataDay: formatDay(f.dataDay, lang),
    }),
    provisional: true,
    blocks,
    footer: fill(w.footer, { week: weekName }),
  });
}
