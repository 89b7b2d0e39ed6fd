/**
 * `GET /carbon[?from=YYYY-MM-DD&to=YYYY-MM-DD]`: CO2e by month (13 months), by service, region
 * and pipeline for the period (location- vs market-based, embodied apart), energy, coverage
 * beside the totals, and the region what-if per pipeline. Numbers carry their raw values in
 * data attributes so tests and scripts can read them exactly.
 */
import { Hono } from "hono";
import { carbonByKeyChart, carbonMonthlyChart, regionWhatIfChart } from "../../src/charts/carbon-charts";
import { addDays } from "../../src/days";
import { formatCo2eRange } from "../../src/format/co2e-range";
import {
  formatCo2e,
  formatDay,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  localeTag,
} from "../../src/format/numbers";
import type { CarbonCoverage, Currency, Locale } from "../../src/model";
import type { CarbonGroupRow, CarbonTotalsRow } from "../../src/store/read/carbon";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { AwsComparison, CalibrationNote } from "./carbon-aws";
import { type CarbonPageData, loadCarbon, parseCarbonQuery } from "./carbon-data";
import { CARBON_WORDS } from "./carbon-words";
import { Chart } from "./chart";
import { CoverageFigure } from "./coverage-figure";
import { Layout } from "./layout";
import { MissingRatesNotice } from "./missing-rates-notice";

type Words = (typeof CARBON_WORDS)["en"];

function Figures(props: { row: CarbonTotalsRow; locale: Locale }) {
  const { row, locale } = props;
  return (
    <>
      <td
        data-co2e-grams={row.co2eGrams.toFixed(3)}
        data-co2e-grams-low={row.co2eGramsLow.toFixed(3)}
        data-co2e-grams-high={row.co2eGramsHigh.toFixed(3)}
      >
        {formatCo2e(row.co2eGrams, locale)}
        {row.co2eGrams > 0 ? (
          <div class="muted">{formatCo2eRange(row.co2eGramsLow, row.co2eGramsHigh, locale)}</div>
        ) : null}
      </td>
      <td data-market-co2e-grams={row.marketCo2eGrams.toFixed(3)}>{formatCo2e(row.marketCo2eGrams, locale)}</td>
      <td data-embodied-co2e-grams={row.embodiedCo2eGrams.toFixed(3)}>{formatCo2e(row.embodiedCo2eGrams, locale)}</td>
      <td data-energy-kwh={row.energyKwh.toFixed(4)}>{formatNumber(row.energyKwh, locale, 1)}</td>
    </>
  );
}

function FigureHeads(props: { w: Words }) {
  const { w } = props;
  return (
    <>
      <th scope="col">{w.location}</th>
      <th scope="col">{w.market}</th>
      <th scope="col">{w.embodied}</th>
      <th scope="col">
        {w.energy} ({w.kwh})
      </th>
    </>
  );
}

function DimensionSection(props: {
  id: string;
  title: string;
  keyHead: string;
  rows: CarbonGroupRow[];
  /** The key's cost for the period, in the display currency (../../src/store/read/carbon-costs.ts). */
  costs: Map<string, number>;
  currency: Currency;
  untagged: string;
  w: Words;
  locale: Locale;
  t: Translate;
}) {
  const { w, locale } = props;
  const format = { kind: "co2e" as const, locale: localeTag(locale) };
  return (
    <section aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} class="visually-hidden">
        {props.title}
      </h2>
      <Chart
        id={`chart-${props.id}`}
        label={props.title}
        tableCaption={props.t("chartTableCaption")}
        config={carbonByKeyChart(props.rows, format, {
          location: w.location,
          market: w.market,
          other: w.other,
          untagged: props.untagged,
        })}
      />
      <details>
        <summary>{w.tableOf}</summary>
        <div class="table-scroll">
          <table class="data" id={`table-${props.id}`}>
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.keyHead}</th>
                <FigureHeads w={w} />
                <th scope="col">{w.cost}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr data-key={r.key}>
                  <th scope="row">{r.key === "" ? props.untagged : r.key}</th>
                  <Figures row={r} locale={locale} />
                  <td data-cost={(props.costs.get(r.key) ?? 0).toFixed(2)}>
                    {formatMoney(props.costs.get(r.key) ?? 0, props.currency, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function WhatIf(props: { data: CarbonPageData; w: Words; locale: Locale; t: Translate }) {
  const { data, w, locale, t } = props;
  const format = { kind: "co2e" as const, locale: localeTag(locale) };
  const untagged = t("untagged");
  return (
    <section id="what-if" aria-labelledby="what-if-title">
      <h2 id="what-if-title">{w.whatIfTitle}</h2>
      <p class="muted">{w.whatIfIntro}</p>
      <Chart
        id="chart-what-if"
        label={w.whatIfChart}
        tableCaption={t("chartTableCaption")}
        config={regionWhatIfChart(data.whatIf, data.whatIfRegions, format, { current: w.now, untagged })}
      />
      <div class="table-scroll">
        <table class="data" id="table-what-if">
          <caption class="visually-hidden">{w.whatIfChart}</caption>
          <thead>
            <tr>
              <th scope="col">{w.pipeline}</th>
              <th scope="col">{w.now}</th>
              {data.whatIfRegions.map((r) => (
                <th scope="col">{r}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.whatIf.map((row) => (
              <tr data-pipeline={row.pipeline}>
                <th scope="row">{row.pipeline === "" ? untagged : row.pipeline}</th>
                <td data-region="current" data-co2e-grams={row.current.co2eGrams.toFixed(3)}>
                  {formatCo2e(row.current.co2eGrams, locale)}
                  <div class="muted">
                    {w.marketAbbr} {formatCo2e(row.current.marketCo2eGrams, locale)}
                  </div>
                </td>
                {data.whatIfRegions.map((region) => {
                  const f = row.byRegion[region];
                  return f ? (
                    <td
                      data-region={region}
                      data-co2e-grams={f.co2eGrams.toFixed(3)}
                      data-market-co2e-grams={f.marketCo2eGrams.toFixed(3)}
                    >
                      {formatCo2e(f.co2eGrams, locale)}
                      <div class="muted">
                        {w.marketAbbr} {formatCo2e(f.marketCo2eGrams, locale)}
                      </div>
                    </td>
                  ) : (
                    <td>—</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function CarbonPage(props: { data: CarbonPageData; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const w = pick(CARBON_WORDS, locale);
  const format = { kind: "co2e" as const, locale: localeTag(locale) };
  const { totals, coverage } = data;
  const byMonth = new Map(data.byMonth.map((r) => [r.month, r]));
  const empty = {
    co2eGrams: 0,
    co2eGramsLow: 0,
    co2eGramsHigh: 0,
    marketCo2eGrams: 0,
    embodiedCo2eGrams: 0,
    energyKwh: 0,
    costUsd: 0,
  };
  return (
    <Layout title={w.title} path="/carbon" locale={locale} t={t} charts>
      <h1>{w.title}</h1>
      <p class="lead">{w.intro}</p>
      <form method="get" action="/carbon" class="filters" aria-label={w.period}>
        <div class="field">
          <label for="c-from">{w.from}</label>
          <input id="c-from" name="from" type="date" value={data.period.from} required />
        </div>
        <div class="field">
          <label for="c-to">{w.to}</label>
          <input id="c-to" name="to" type="date" value={data.period.to} required />
        </div>
        <div class="field actions">
          <button type="submit">{w.show}</button>
        </div>
      </form>
      <p class="muted" id="carbon-period">
        {w.period}: {formatDay(data.period.from, locale)} → {formatDay(addDays(data.period.to, -1), locale)}
      </p>
      <CalibrationNote share={data.calibratedShare} locale={locale} />
      <section class="tiles" aria-label={w.period} id="carbon-totals">
        <div class="tile ok" id="tile-co2e" data-co2e-grams={totals.co2eGrams.toFixed(3)}>
          <div class="tile-label">{w.location}</div>
          <div class="tile-value">{formatCo2e(totals.co2eGrams, locale)}</div>
          <div
            class="tile-note"
            id="co2e-range"
            data-co2e-grams-low={totals.co2eGramsLow.toFixed(3)}
            data-co2e-grams-high={totals.co2eGramsHigh.toFixed(3)}
          >
            {formatCo2eRange(totals.co2eGramsLow, totals.co2eGramsHigh, locale)}
          </div>
        </div>
        <div class="tile" id="tile-market" data-co2e-grams={totals.marketCo2eGrams.toFixed(3)}>
          <div class="tile-label">{w.market}</div>
          <div class="tile-value">{formatCo2e(totals.marketCo2eGrams, locale)}</div>
        </div>
        <div class="tile" id="tile-embodied" data-co2e-grams={totals.embodiedCo2eGrams.toFixed(3)}>
          <div class="tile-label">{w.embodied}</div>
          <div class="tile-value">{formatCo2e(totals.embodiedCo2eGrams, locale)}</div>
        </div>
        <div class="tile" id="tile-energy" data-energy-kwh={totals.energyKwh.toFixed(4)}>
          <div class="tile-label">{w.energy}</div>
          <div class="tile-value">
            {formatNumber(totals.energyKwh, locale, 1)} {w.kwh}
          </div>
        </div>
        <div
          class={`tile ${coverage.physicalShareOfIncluded >= 0.95 ? "ok" : "warn"}`}
          id="tile-coverage"
          data-physical-share={coverage.physicalShare.toFixed(6)}
          data-proxy-share={coverage.proxyShare.toFixed(6)}
          data-excluded-share={coverage.excludedShare.toFixed(6)}
        >
          <div class="tile-label">{w.coverage}</div>
          <div class="tile-value">{formatPercent(coverage.physicalShare, locale)}</div>
          <div class="tile-note">
            <CoverageFigure id="carbon-coverage" coverage={coverage} locale={locale} />
          </div>
        </div>
      </section>
      <Chart
        id="chart-carbon-months"
        label={w.byMonth}
        tableCaption={t("chartTableCaption")}
        config={carbonMonthlyChart(data.byMonth, data.months, format, {
          location: w.location,
          market: w.market,
          embodied: w.embodied,
        })}
      />
      <details>
        <summary>{w.monthTable}</summary>
        <div class="table-scroll">
          <table class="data" id="table-months">
            <thead>
              <tr>
                <th scope="col">{w.month}</th>
                <FigureHeads w={w} />
              </tr>
            </thead>
            <tbody>
              {data.months.map((m) => (
                <tr data-month={m}>
                  <th scope="row">{formatMonth(m, locale)}</th>
                  <Figures row={byMonth.get(m) ?? empty} locale={locale} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <MissingRatesNotice months={data.costs.missingRates} locale={locale} t={t} />
      {data.byService.length === 0 ? (
        <p class="notice">{w.noData}</p>
      ) : (
        <>
          <div class="grid">
            <DimensionSection
              id="pipeline"
              title={w.byPipeline}
              keyHead={w.pipeline}
              rows={data.byPipeline}
              costs={data.costs.byKey.pipeline}
              currency={data.costs.currency}
              untagged={t("untagged")}
              w={w}
              locale={locale}
              t={t}
            />
            <DimensionSection
              id="region"
              title={w.byRegion}
              keyHead={w.region}
              rows={data.byRegion}
              costs={data.costs.byKey.region}
              currency={data.costs.currency}
              untagged={t("untagged")}
              w={w}
              locale={locale}
              t={t}
            />
          </div>
          <DimensionSection
            id="service"
            title={w.byService}
            keyHead={w.service}
            rows={data.byService}
            costs={data.costs.byKey.service}
            currency={data.costs.currency}
            untagged={t("untagged")}
            w={w}
            locale={locale}
            t={t}
          />
          <WhatIf data={data} w={w} locale={locale} t={t} />
        </>
      )}
      <AwsComparison rows={data.reconciliation} locale={locale} />
    </Layout>
  );
}

export function carbonRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  app.get("/carbon", async (c) => {
    const period = parseCarbonQuery(c.req.query(), deps.now());
    return renderPage(c, <CarbonPage data={await loadCarbon(deps, period)} locale={locale} t={t} />);
  });
  return app;
}
