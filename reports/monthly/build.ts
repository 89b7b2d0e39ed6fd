/**
 * The directors' monthly report as a document: one page in plain words. Headline figures,
 * a short summary, the pipelines, the three main changes explained, the budgets, carbon with
 * everyday equivalents (source and year printed) and the share of cost with a carbon estimate.
 * Charts come from the dashboard's own definitions (src/charts/cost-charts.ts). Pure.
 */

import type { ChartFormat } from "../../src/charts/chart-config";
import { dailyStackedChart, monthBurnChart } from "../../src/charts/cost-charts";
import { addMonths } from "../../src/days";
import { CARBON_CAUSE_WORDS } from "../../src/format/carbon-cause-words";
import { formatCo2eRange } from "../../src/format/co2e-range";
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
import type { Currency, Locale } from "../../src/model";
import { calibratedLabel } from "../carbon-calibrated-words";
import { equivalentsOf } from "../equivalents";
import { pipelineLabel, plainService } from "../plain-names";
import type { Block, ReportDocument } from "../render/document";
import { typesetDocument } from "../render/typeset-document";
import { MONTHLY_CARBON_RANGE_WORDS } from "./carbon-range-words";
import type { MonthlyFacts, PairChange } from "./facts";
import { teamBlocks } from "./team-section";
import { MONTHLY_WORDS, type MonthlyWords } from "./words";

export interface MonthlyOptions {
  lang: Locale;
  /** When the report is made (shown in the footer). */
  madeOn: string;
}

function signedMoney(amount: number, currency: Currency, lang: Locale): string {
  const text = formatMoney(Math.abs(amount), currency, lang);
  return amount > 0 ? `+${text}` : amount < 0 ? `−${text}` : text;
}

export function signedPercent(ratio: number, lang: Locale): string {
  // A change that rounds to 0 % carries no sign.
  if (Math.round(Math.abs(ratio) * 100) === 0) return formatPercent(0, lang);
  const text = formatPercent(Math.abs(ratio), lang);
  return ratio > 0 ? `+${text}` : ratio < 0 ? `−${text}` : text;
}

/** `+123,40 € (+12 %)`, or the plain difference when the base is zero. */
export function changeText(current: number, previous: number, currency: Currency, lang: Locale): string {
  const diff = current - previous;
  if (previous === 0) return signedMoney(diff, currency, lang);
  return `${signedMoney(diff, currency, lang)} (${signedPercent(diff / previous, lang)})`;
}

/** `12 et 13 octobre 2026` when the days share a month, else each day in full. */
export function daysText(days: string[], lang: Locale): string {
  const and = lang === "fr" ? "et" : "and";
  const join = (parts: string[]) =>
    parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} ${and} ${parts[parts.length - 1]}`;
  const month = days[0]?.slice(0, 7);
  if (days.length > 1 && days.every((d) => d.slice(0, 7) === month)) {
    const last = days[days.length - 1] as string;
    const full = formatDay(last, lang);
    // The last day in full; the others as day numbers (same month and year).
    return join([...days.slice(0, -1).map((d) => String(Number(d.slice(8, 10)))), full]);
  }
  return join(days.map((d) => formatDay(d, lang)));
}

function changeSentence(c: PairChange, f: MonthlyFacts, w: MonthlyWords, lang: Locale): string {
  const money = (n: number) => formatMoney(n, f.currency, lang);
  const base = {
    pipeline: pipelineLabel(c.pipeline, lang),
    service: plainService(c.service, lang),
    prevMonth: formatMonth(addMonths(f.month, -1), lang),
    cost: money(c.cost),
    previous: money(c.previous),
  };
  const sentence =
    c.previous === 0
      ? fill(w.newSentence, base)
      : c.cost === 0
        ? fill(w.goneSentence, base)
        : fill(w.changeSentence, { ...base, direction: c.delta > 0 ? w.up : w.down, delta: money(Math.abs(c.delta)) });
  const capitalised = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return c.spikeDays.length > 0
    ? `${capitalised} ${fill(w.spike, { days: daysText(c.spikeDays, lang) })}`
    : capitalised;
}

function headline(f: MonthlyFacts, w: MonthlyWords, lang: Locale): Block {
  const money = (n: number) => formatMoney(n, f.currency, lang);
  const monthName = formatMonth(f.month, lang);
  const overall = f.budgets.find((b) => b.overall);
  const short = (m: string) =>
    new Intl.DateTimeFormat(localeTag(lang), { month: "short", year: "numeric", timeZone: "UTC" }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  // Written out in French ("septembre 2026", not "sept. 2026"); short in English tiles.
  const prev = lang === "fr" ? formatMonth(addMonths(f.month, -1), lang) : short(addMonths(f.month, -1));
  const lastYear = lang === "fr" ? formatMonth(addMonths(f.month, -12), lang) : short(addMonths(f.month, -12));
  const versus = (label: string, base: number | null) =>
    base === null
      ? { label, value: "—", note: w.noData }
      : {
          label,
          value: signedMoney(f.total - base, f.currency, lang),
          note: `${base !== 0 ? `${signedPercent((f.total - base) / base, lang)} · ` : ""}${money(base)}`,
        };
  return {
    kind: "figures",
    items: [
      { label: fill(w.total, { month: monthName }), value: money(f.total) },
      overall
        ? {
            label: w.vsBudget,
            value: formatPercent(overall.amount > 0 ? overall.spent / overall.amount : 0, lang),
            note: fill(w.ofBudget, { ratio: "", amount: money(overall.amount) }).trim(),
          }
        : { label: w.vsBudget, value: "—", note: w.noBudget },
      versus(fill(w.vsPrevious, { month: prev }), f.previousTotal),
      versus(fill(w.vsLastYear, { month: lastYear }), f.lastYearTotal),
    ],
  };
}

export function buildMonthlyReport(f: MonthlyFacts, options: MonthlyOptions): ReportDocument {
  const { lang } = options;
  const w = MONTHLY_WORDS[lang];
  const money = (n: number) => formatMoney(n, f.currency, lang);
  const monthName = formatMonth(f.month, lang);
  const prevName = formatMonth(addMonths(f.month, -1), lang);
  const blocks: Block[] = [];
  if (f.provisional)
    blocks.push({
      kind: "warning",
      text: fill(w.provisional, { month: monthName, lines: formatNumber(f.estimatedLines, lang) }),
    });
  if (f.missingRate)
    blocks.push({
      kind: "warning",
      text: fill(w.missingRate, { months: f.missingMonths.map((m) => formatMonth(m, lang)).join(", ") }),
    });
  blocks.push(headline(f, w, lang));

  // In short
  const overall = f.budgets.find((b) => b.overall);
  const summary: string[] = [];
  const capital = monthName.charAt(0).toUpperCase() + monthName.slice(1);
  if (overall && overall.amount > 0) {
    const ratio = formatPercent(overall.spent / overall.amount, lang);
    summary.push(
      overall.spent > overall.amount
        ? fill(w.summaryOver, {
            month: capital,
            total: money(f.total),
            diff: money(overall.difference),
            budget: money(overall.amount),
            ratio,
          })
        : fill(w.summaryUnder, { month: capital, total: money(f.total), budget: money(overall.amount), ratio }),
    );
  } else summary.push(fill(w.summaryNoBudget, { month: capital, total: money(f.total) }));
  // "58,81 $US de moins qu'en septembre", not "−58,81 $US par rapport à septembre".
  const delta = Math.round((f.total - f.previousTotal) * 100) / 100;
  summary.push(
    fill(delta > 0 ? w.summaryMore : delta < 0 ? w.summaryLess : w.summarySame, {
      amount: money(Math.abs(delta)),
      prevMonth: prevName,
      prev: money(f.previousTotal),
      pct:
        f.previousTotal !== 0
          ? fill(w.summaryPct, { pct: signedPercent((f.total - f.previousTotal) / f.previousTotal, lang) })
          : "",
    }),
  );
  if (f.lastYearTotal !== null)
    summary.push(
      fill(w.summaryYear, { yearMonth: formatMonth(addMonths(f.month, -12), lang), lastYear: money(f.lastYearTotal) }),
    );
  blocks.push({ kind: "paragraph", text: summary.join(" ") });

  // Charts: the dashboard's stacked bars (months as the categories) and the month's burn line.
  const format: ChartFormat = { kind: "money", locale: localeTag(lang), currency: f.currency };
  const months = Array.from({ length: 12 }, (_, i) => addMonths(f.month, i - 11));
  const trend = dailyStackedChart(
    f.monthlyByPipeline.map((p) => ({ day: p.month, key: pipelineLabel(p.pipeline, lang), costUsd: p.amount })),
    months,
    format,
    { other: w.other },
    (amount) => amount,
    5,
  );
  trend.data.labels = months.map((m) =>
    new Intl.DateTimeFormat(localeTag(lang), { month: "short", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`)),
  );
  const lastDay = f.daily.length > 0 ? (f.daily[f.daily.length - 1]?.day ?? null) : null;
  const burn = monthBurnChart(
    f.month,
    new Map(f.daily.map((d) => [d.day, d.amount])),
    lastDay,
    null,
    overall ? overall.amount : null,
    format,
    { actual: w.actual, forecast: w.forecast, budget: w.budgetLine },
  );
  const firstMonth = f.monthlyByPipeline.filter((p) => p.month === months[0]).reduce((a, p) => a + p.amount, 0);
  blocks.push({
    kind: "charts",
    charts: [
      {
        id: "monthly-trend",
        title: w.chartTrend,
        summary: fill(w.chartTrendSummary, {
          month: monthName,
          total: money(f.total),
          firstMonth: formatMonth(months[0] as string, lang),
          first: money(firstMonth),
        }),
        config: trend,
        dashboardPath: "/costs",
      },
      {
        id: "monthly-burn",
        title: fill(w.chartBurn, { month: monthName }),
        summary: overall
          ? fill(w.chartBurnSummary, { total: money(f.total), budget: money(overall.amount) })
          : fill(w.chartBurnNoBudget, { total: money(f.total) }),
        config: burn,
        dashboardPath: "/budgets",
      },
    ],
  });

  // Three main changes
  blocks.push({ kind: "heading", text: w.changesHeading });
  blocks.push(
    f.changes.length > 0
      ? { kind: "list", items: f.changes.map((c) => changeSentence(c, f, w, lang)) }
      : { kind: "paragraph", text: w.noChanges },
  );
  const spikes = f.anomalies.filter((a) => a.dimension === "service");
  if (spikes.length > 0) {
    blocks.push({ kind: "paragraph", text: w.spikesIntro });
    blocks.push({
      kind: "list",
      items: spikes.map((a) =>
        fill(w.spikeLine, {
          value: plainService(a.value, lang),
          days: daysText(a.days, lang),
          excess: formatMoney(a.excess, a.currency, lang),
        }),
      ),
    });
  }

  // Pipelines
  blocks.push({ kind: "heading", text: w.pipelinesHeading });
  blocks.push({
    kind: "table",
    columns: [w.pipeline, w.cost, fill(w.previous, { month: prevName }), w.change, w.co2e],
    rows: f.pipelines.map((p) => [
      pipelineLabel(p.key, lang),
      money(p.cost),
      money(p.previous),
      changeText(p.cost, p.previous, f.currency, lang),
      formatCo2e(p.co2eGrams, lang),
    ]),
  });

  // Budgets
  if (f.budgets.length > 0) {
    blocks.push({ kind: "heading", text: w.budgetsHeading });
    blocks.push({
      kind: "table",
      columns: [w.budget, w.spent, w.budgetAmount, w.used],
      rows: f.budgets.map((b) => [
        b.periodKind === "month" ? b.name : `${b.name} (${w.spentSoFar})`,
        formatMoney(b.spent, b.currency, lang),
        formatMoney(b.amount, b.currency, lang),
        formatPercent(b.amount > 0 ? b.spent / b.amount : 0, lang),
      ]),
    });
  }

  // Carbon
  blocks.push({ kind: "heading", text: w.carbonHeading });
  const co2Change =
    f.previousCo2eGrams > 0 ? signedPercent((f.co2eGrams - f.previousCo2eGrams) / f.previousCo2eGrams, lang) : "—";
  blocks.push({
    kind: "paragraph",
    text: `${fill(w.carbonSentence, { month: monthName, co2e: formatCo2e(f.co2eGrams, lang), change: co2Change, prevMonth: prevName, energy: `${formatNumber(f.energyKwh, lang, 1)} kWh` })} ${carbonRangeText(f, lang)}${w.equivalentIntro}`,
  });
  // AWS's own figure, once published and imported, beside Cairn's (a short note: the report stays one page).
  const calibrated = calibratedLabel(f.calibratedShare, lang);
  if (calibrated) blocks.push({ kind: "note", text: calibrated });
  const awsTexts = carbonAwsTexts(f, lang, monthName);
  if (awsTexts.length > 0) blocks.push({ kind: "note", text: awsTexts.join(" ") });
  const equivalents = equivalentsOf(f.co2eGrams, lang);
  blocks.push({
    kind: "figures",
    items: equivalents.map((e) => ({ label: e.unitText, value: e.amountText, note: `${e.shortSource}, ${e.year}` })),
  });
  const c = f.coverage;
  blocks.push({
    kind: "paragraph",
    text: fill(w.coverage, {
      physical: formatPercent(c.physicalShare, lang),
      proxy: formatPercent(c.proxyShare, lang),
      excluded: formatPercent(c.excludedShare, lang),
    }),
  });
  blocks.push({
    kind: "note",
    text: fill(w.method, {
      set: f.factorSet,
      market: formatCo2e(f.marketCo2eGrams, lang),
      embodied: formatCo2e(f.embodiedCo2eGrams, lang),
    }),
  });
  if (f.team) blocks.push(...teamBlocks(f.team, lang, f.currency, f.rate));
  blocks.push({
    kind: "note",
    text: fill(w.sources, {
      sources: equivalents
        .map((e) => fill(w.equivalentsSource, { source: e.source, year: e.year }))
        .join(lang === "fr" ? " ; " : "; "),
    }),
  });
  if (f.rate !== null && f.currency === "EUR")
    blocks.push({ kind: "note", text: fill(w.rate, { rate: formatNumber(f.rate, lang, 4), month: monthName }) });

  return typesetDocument({
    kind: "monthly",
    period: f.month,
    lang,
    subject: fill(w.subject, { month: monthName }),
    // Mid-title the month keeps its lower case in French ("Coût et carbone AWS, octobre 2026").
    title: fill(w.title, { month: monthName }),
    subtitle: fill(w.subtitle, { day: formatDay(lastDay ?? f.today, lang) }),
    provisional: f.provisional,
    blocks,
    footer: fill(w.footer, { month: monthName, day: formatDay(options.madeOn, lang) }),
  });
}

/** The range of the month's estimate, as a sentence ending with a space; empty without CO2e. */
function carbonRangeText(f: MonthlyFacts, lang: Locale): string {
  if (!(f.co2eGrams > 0)) return "";
  const r = MONTHLY_CARBON_RANGE_WORDS[lang];
  return `${fill(r.range, { range: formatCo2eRange(f.co2eGramsLow, f.co2eGramsHigh, lang) })} `;
}

/**
 * AWS's own figures for the month beside Cairn's own estimate for the same scope, with the ratio
 * (location- and market-based), and the services more than 2x apart with their likely cause (at
 * most three: the report stays one page). Nothing before AWS publishes.
 */
function carbonAwsTexts(f: MonthlyFacts, lang: Locale, monthName: string): string[] {
  if (!f.aws) return [];
  const r = MONTHLY_CARBON_RANGE_WORDS[lang];
  const a = f.aws;
  const ratioOf = (cairn: number, aws: number) => (aws > 0 ? `${formatNumber(cairn / aws, lang, 2)}×` : "—");
  const out = [
    fill(r.aws, {
      month: monthName,
      location: formatCo2e(a.locationCo2eGrams, lang),
      market: formatCo2e(a.marketCo2eGrams, lang),
      cairnLocation: formatCo2e(a.cairnLocationCo2eGrams, lang),
      cairnMarket: formatCo2e(a.cairnMarketCo2eGrams, lang),
      ratio: ratioOf(a.cairnLocationCo2eGrams, a.locationCo2eGrams),
      marketRatio: ratioOf(a.cairnMarketCo2eGrams, a.marketCo2eGrams),
    }),
  ];
  if (a.flagged.length > 0) {
    const items = a.flagged.slice(0, 3).map((x) =>
      fill(r.awsFlagItem, {
        service: x.productCode,
        region: x.regionCode,
        ratio: x.ratio === null ? "—" : `${formatNumber(x.ratio, lang, 2)}×`,
        cause: CARBON_CAUSE_WORDS[lang][x.cause],
      }),
    );
    const more = a.flagged.length > 3 ? fill(r.awsFlagMore, { n: String(a.flagged.length - 3) }) : "";
    out.push(`${r.awsFlag} ${items.join(lang === "fr" ? "\u00a0; " : "; ")}${more}.`);
  }
  return out;
}
