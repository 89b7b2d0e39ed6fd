/** The cost explorer: filters and group-by in a plain GET form, a chart, the table, a CSV link. */
import { type ChartConfig, colourAt } from "../../src/charts/chart-config";
import { formatDay, formatMoney, formatMonth, formatNumber, formatPercent, localeTag } from "../../src/format/numbers";
import { type CarbonCoverage, GROUP_BYS, type Locale } from "../../src/model";
import type { ParsedCostQuery } from "../api/params";
import { pick, type Translate } from "../i18n";
import { CARBON_WORDS } from "./carbon-words";
import { Chart } from "./chart";
import { type FilterMenus, UNTAGGED_VALUE } from "./costs-data";
import type { ExplorerTable } from "./costs-table";
import { COSTS_WORDS } from "./costs-words";
import { Layout } from "./layout";
import { sourceLabel } from "./source-labels";

type Words = (typeof COSTS_WORDS)["en"];

const MAX_BARS = 15;

function explorerChart(table: ExplorerTable, w: Words, locale: Locale): ChartConfig {
  const format = { kind: "money" as const, locale: localeTag(locale), currency: table.currency };
  if (table.groupBy === "day") {
    return {
      type: "bar",
      data: {
        labels: table.rows.map((r) => r.key),
        datasets: [{ label: w.cost, data: table.rows.map((r) => r.cost), backgroundColor: colourAt(0) }],
      },
      options: { legend: false },
      cairn: format,
    };
  }
  const rows = table.rows.slice(0, MAX_BARS);
  return {
    type: "bar",
    data: {
      labels: rows.map((r) => r.label),
      datasets: [{ label: w.cost, data: rows.map((r) => r.cost), backgroundColor: rows.map((_, i) => colourAt(i)) }],
    },
    options: { horizontal: true, legend: false },
    cairn: format,
  };
}

function Select(props: {
  name: string;
  label: string;
  values: string[];
  selected: string | undefined;
  all: string;
  untagged?: string;
  labelOf?: (value: string) => string;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.all}</option>
        {props.values.map((v) => {
          const value = v === "" ? UNTAGGED_VALUE : v;
          return (
            <option value={value} selected={props.selected === v}>
              {v === "" ? (props.untagged ?? v) : (props.labelOf?.(v) ?? v)}
            </option>
          );
        })}
      </select>
    </div>
  );
}

export function CostsPage(props: {
  query: ParsedCostQuery;
  table: ExplorerTable;
  menus: FilterMenus;
  /** Carbon coverage of the selection's cost, shown beside the total. */
  coverage?: CarbonCoverage;
  csvHref: string;
  /** Months of the range without a euro rate: the page is in USD and says why. */
  missingRates?: string[];
  locale: Locale;
  t: Translate;
}) {
  const { query, table, menus, locale, t } = props;
  const w = pick(COSTS_WORDS, locale);
  const money = (n: number) => formatMoney(n, table.currency, locale);
  const dimensionLabel = (g: string) => (g === "day" ? w.day : (w[g as keyof Words] ?? g));
  const keyLabel = (label: string, key: string) =>
    table.groupBy === "day" ? formatDay(key, locale) : table.groupBy === "source" ? sourceLabel(key, locale) : label;
  return (
    <Layout title={w.title} path="/costs" locale={locale} t={t} charts>
      <h1>{w.title}</h1>
      <p class="lead">{w.intro}</p>
      <form method="get" action="/costs" class="filters" aria-label={w.title}>
        <div class="field">
          <label for="f-from">{w.from}</label>
          <input id="f-from" name="from" type="date" value={query.period.from} required />
        </div>
        <div class="field">
          <label for="f-to">{w.to}</label>
          <input id="f-to" name="to" type="date" value={query.period.to} required />
        </div>
        <div class="field">
          <label for="f-groupBy">{w.groupBy}</label>
          <select id="f-groupBy" name="groupBy">
            {GROUP_BYS.map((g) => (
              <option value={g} selected={g === query.groupBy}>
                {dimensionLabel(g)}
              </option>
            ))}
          </select>
        </div>
        <Select
          name="pipeline"
          label={w.pipeline}
          values={menus.pipeline}
          selected={query.filters.pipeline}
          all={w.all}
          untagged={t("untagged")}
        />
        <Select name="service" label={w.service} values={menus.service} selected={query.filters.service} all={w.all} />
        <Select name="region" label={w.region} values={menus.region} selected={query.filters.region} all={w.all} />
        <Select
          name="account"
          label={w.account}
          values={menus.account}
          selected={query.filters.accountId}
          all={w.all}
        />
        <Select
          name="source"
          label={w.source}
          values={menus.source}
          selected={query.filters.source}
          all={w.all}
          labelOf={(v) => sourceLabel(v, locale)}
        />
        <div class="field actions">
          <button type="submit">{w.apply}</button>
        </div>
      </form>
      {props.missingRates && props.missingRates.length > 0 ? (
        <p class="notice" id="missing-rates">
          {t("currencyMissing")} {props.missingRates.map((m) => formatMonth(m, locale)).join(", ")}
        </p>
      ) : null}
      <p class="summary" aria-live="polite">
        {w.summary}:{" "}
        <strong
          id="explorer-total"
          data-cost-usd={table.total.costUsd.toFixed(2)}
          data-cost={table.total.cost.toFixed(2)}
          data-currency={table.currency}
        >
          {money(table.total.cost)}
        </strong>
        {" · "}
        {formatNumber(table.total.co2eKg, locale, 1)} kg CO2e
        {props.coverage ? (
          <span id="explorer-coverage">
            {" "}
            ({pick(CARBON_WORDS, locale).explorerCoverage}: {formatPercent(props.coverage.physicalShare, locale)}{" "}
            {pick(CARBON_WORDS, locale).physical}, {formatPercent(props.coverage.proxyShare, locale)}{" "}
            {pick(CARBON_WORDS, locale).proxy}, {formatPercent(props.coverage.excludedShare, locale)}{" "}
            {pick(CARBON_WORDS, locale).excludedShort})
          </span>
        ) : null}{" "}
        · {table.rows.length} {w.rowsShown} ·{" "}
        <a href={props.csvHref} id="csv-link" download>
          {w.downloadCsv}
        </a>
      </p>
      {table.rows.length === 0 ? (
        <p class="notice">{w.noRows}</p>
      ) : (
        <>
          <Chart
            id="chart-explorer"
            label={
              table.groupBy === "day" ? w.chartByDay : `${w.chartByKey} ${dimensionLabel(table.groupBy).toLowerCase()}`
            }
            tableCaption={t("chartTableCaption")}
            config={explorerChart(table, w, locale)}
          />
          <div class="table-scroll">
            <table class="data" id="explorer-table">
              <caption class="visually-hidden">{w.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{dimensionLabel(table.groupBy)}</th>
                  <th scope="col">{w.cost}</th>
                  <th scope="col">{w.share}</th>
                  <th scope="col">{w.co2e}</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr>
                    <th scope="row">{keyLabel(r.label, r.key)}</th>
                    <td>{money(r.cost)}</td>
                    <td>{formatNumber(r.sharePercent, locale, 1)} %</td>
                    <td>{formatNumber(r.co2eKg, locale, 1)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{w.total}</th>
                  <td>{money(table.total.cost)}</td>
                  <td>{formatNumber(table.total.sharePercent, locale, 1)} %</td>
                  <td>{formatNumber(table.total.co2eKg, locale, 1)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
