/** The cost explorer: filters and group-by in a plain GET form, a chart, the table, a CSV link. */

import { type AccountNames, accountLabel } from "../../src/accounts/account-names";
import { CHARGE_TYPES } from "../../src/analysis/charge-type";
import { shortMonthLabel } from "../../src/charts/carbon-charts";
import { type ChartConfig, colourAt } from "../../src/charts/chart-config";
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
import { EXPLORE_DIMENSIONS } from "../../src/store/read/cost-explorer";
import type { ParsedExploreQuery } from "../api/explore-params";
import { pick, type Translate } from "../i18n";
import { CARBON_AWS_WORDS } from "./carbon-aws-words";
import { CARBON_WORDS } from "./carbon-words";
import { Chart } from "./chart";
import { type FilterMenus, UNTAGGED_VALUE } from "./costs-data";
import type { ExplorerRow, ExplorerTable } from "./costs-table";
import { COSTS_WORDS } from "./costs-words";
import { CoverageFigure } from "./coverage-figure";
import { FieldError, type FieldErrors, invalidProps } from "./form-errors";
import { Layout } from "./layout";
import { sourceLabel } from "./source-labels";

type Words = (typeof COSTS_WORDS)["en"];

const MAX_BARS = 15;

function explorerChart(
  table: ExplorerTable,
  series: readonly { bucket: string; cost: number }[],
  w: Words,
  locale: Locale,
  labelOf: (row: ExplorerRow) => string = (r) => r.label,
): ChartConfig {
  const format = { kind: "money" as const, locale: localeTag(locale), currency: table.currency };
  if (table.groupBy === "day") {
    return {
      type: "bar",
      data: {
        // Month buckets as "nov. 2025", not "2025-11".
        labels: series.map((r) => (r.bucket.length === 7 ? shortMonthLabel(r.bucket, format.locale) : r.bucket)),
        datasets: [{ label: w.cost, data: series.map((r) => r.cost), backgroundColor: colourAt(0) }],
      },
      options: { legend: false },
      cairn: format,
    };
  }
  const rows = table.rows.slice(0, MAX_BARS);
  return {
    type: "bar",
    data: {
      labels: rows.map(labelOf),
      datasets: [{ label: w.cost, data: rows.map((r) => r.cost), backgroundColor: rows.map((_, i) => colourAt(i)) }],
    },
    options: { horizontal: true, legend: false },
    cairn: format,
  };
}

/** A labelled select of fixed choices (the explorer's grouping, step and cost type). */
function ChoiceField(props: {
  name: string;
  label: string;
  selected: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A filter: every value Cairn has seen, after an "all" choice. */
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

/** A row of the table; a parent row of a two-level table carries the button that shows its sub-rows. */
function TableRow(props: {
  row: ExplorerRow;
  label: string;
  compare: boolean;
  currency: Currency;
  locale: Locale;
  expandId?: string;
  expandLabel?: string;
  parent?: string;
}) {
  const { row: r, locale } = props;
  const money = (n: number) => formatMoney(n, props.currency, locale);
  return (
    <tr data-parent={props.parent} class={props.parent ? "sub-row" : undefined}>
      <th scope="row">
        {props.expandId ? (
          <button
            type="button"
            class="expand"
            data-expand={props.expandId}
            aria-controls={props.expandId}
            aria-expanded="true"
            aria-label={`${props.expandLabel} ${props.label}`}
          >
            ▸
          </button>
        ) : null}{" "}
        {props.parent ? <span class="sub-key">{props.label}</span> : props.label}
      </th>
      <td>{money(r.cost)}</td>
      {props.compare ? <td>{r.previousCost === undefined ? "–" : money(r.previousCost)}</td> : null}
      {props.compare ? <td>{r.change === undefined ? "–" : `${r.change > 0 ? "+" : ""}${money(r.change)}`}</td> : null}
      <td class="nowrap">{formatNumber(r.sharePercent, locale, 1)} %</td>
      {/* Grams below a kilogram: "0,0" would say nothing (the unit is in the cell). */}
      <td class="nowrap">{formatCo2e(r.co2eKg * 1000, locale)}</td>
    </tr>
  );
}

export function CostsPage(props: {
  query: ParsedExploreQuery;
  table: ExplorerTable;
  series: readonly { bucket: string; cost: number }[];
  menus: FilterMenus;
  /** Carbon coverage of the selection's cost, shown beside the total. */
  coverage?: CarbonCoverage;
  csvHref: string;
  /** Months of the range without a euro rate: the page is in USD and says why. */
  missingRates?: string[];
  previousPeriod?: { from: string; to: string };
  locale: Locale;
  t: Translate;
  /** Form fields the query parser refused (the defaults are shown), and what was typed. */
  errors?: FieldErrors;
  typed?: Record<string, string>;
  /** Account names (CAIRN_ACCOUNT_NAMES, the demo's) shown with the ids. */
  accountNames?: AccountNames;
}) {
  const { query, table, menus, locale, t } = props;
  const names = props.accountNames ?? {};
  const errors = props.errors ?? {};
  const dateValue = (field: "from" | "to") =>
    errors[field] !== undefined ? (props.typed?.[field] ?? "") : query.period[field];
  const w = pick(COSTS_WORDS, locale);
  const money = (n: number) => formatMoney(n, table.currency, locale);
  const dimensionLabel = (g: string) =>
    g === "day" ? (query.granularity === "month" ? w.month : w.day) : String(w[g as keyof Words] ?? g);
  const keyLabel = (label: string, key: string, dim: string | undefined) =>
    dim === "day"
      ? key.length === 7
        ? formatMonth(key, locale)
        : formatDay(key, locale)
      : dim === "source"
        ? sourceLabel(key, locale)
        : dim === "account"
          ? accountLabel(key, names)
          : label;
  const [first, second] = table.dimensions;
  const typedStep = props.typed?.granularity;
  const chosenStep = typedStep === "day" || typedStep === "month" ? typedStep : undefined;
  return (
    <Layout title={w.title} path="/costs" locale={locale} t={t} charts scripts={["/static/explorer.js"]}>
      <h1>{w.title}</h1>
      <p class="lead">{table.currency === "EUR" ? w.introEur : w.intro}</p>
      {Object.keys(errors).length > 0 ? (
        <div class="notice error" role="alert" id="query-errors">
          <ul>
            {Object.entries(errors).map(([field, message]) => (
              <li>
                {String(w[field as keyof Words] ?? field)} — {message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form method="get" action="/costs" class="filters" aria-label={w.title}>
        <div class="field">
          <label for="f-from">{w.from}</label>
          <input
            id="f-from"
            name="from"
            type="date"
            value={dateValue("from")}
            required
            {...invalidProps(errors, "from", "f-from")}
          />
          <FieldError errors={errors} field="from" id="f-from" />
        </div>
        <div class="field">
          <label for="f-to">{w.to}</label>
          <input
            id="f-to"
            name="to"
            type="date"
            value={dateValue("to")}
            required
            {...invalidProps(errors, "to", "f-to")}
          />
          <FieldError errors={errors} field="to" id="f-to" />
        </div>
        <ChoiceField
          name="groupBy"
          label={w.groupBy}
          selected={first ?? ""}
          options={EXPLORE_DIMENSIONS.map((g) => ({ value: g, label: dimensionLabel(g) }))}
        />
        <ChoiceField
          name="thenBy"
          label={w.thenBy}
          selected={second ?? ""}
          options={[
            { value: "", label: w.none },
            ...EXPLORE_DIMENSIONS.map((g) => ({ value: g, label: dimensionLabel(g) })),
          ]}
        />
        {/* Left empty, the step follows the range (explore-params.ts: months beyond 62 days). */}
        <ChoiceField
          name="granularity"
          label={w.granularity}
          selected={chosenStep ?? ""}
          options={[
            { value: "", label: w.granularityAuto },
            { value: "day", label: w.day },
            { value: "month", label: w.month },
          ]}
        />
        <ChoiceField
          name="costType"
          label={w.costType}
          selected={query.costType}
          options={[
            { value: "unblended", label: w.unblended },
            { value: "amortised", label: w.amortised },
          ]}
        />
        <Select
          name="chargeType"
          label={w.chargeType}
          values={[...CHARGE_TYPES]}
          selected={query.filters.chargeType}
          all={w.all}
          labelOf={(v) => w[`chargeType_${v}` as keyof Words] ?? v}
        />
        <Select
          name="pipeline"
          label={w.pipeline}
          values={menus.pipeline}
          selected={query.filters.pipeline}
          all={w.allFeminine}
          untagged={t("untagged")}
        />
        <Select name="service" label={w.service} values={menus.service} selected={query.filters.service} all={w.all} />
        <Select
          name="region"
          label={w.region}
          values={menus.region}
          selected={query.filters.region}
          all={w.allFeminine}
        />
        <Select
          name="account"
          label={w.account}
          values={menus.account}
          selected={query.filters.accountId}
          all={w.all}
          labelOf={(v) => accountLabel(v, names)}
        />
        <Select
          name="source"
          label={w.source}
          values={menus.source}
          selected={query.filters.source}
          all={w.allFeminine}
          labelOf={(v) => sourceLabel(v, locale)}
        />
        <Select
          name="usageType"
          label={w.usageType}
          values={menus.usageType}
          selected={query.filters.usageType}
          all={w.all}
        />
        <div class="field">
          <label>
            <input type="checkbox" name="compare" value="previous" checked={query.compare} /> {w.compare}
          </label>
        </div>
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
        {table.total.previousCost !== undefined && props.previousPeriod ? (
          <span id="explorer-previous">
            {" "}
            ({w.previousPeriod} {formatDay(props.previousPeriod.from, locale)} –{" "}
            {formatDay(props.previousPeriod.to, locale)} : {money(table.total.previousCost ?? 0)})
          </span>
        ) : null}
        {" · "}
        {formatCo2e(table.total.co2eKg * 1000, locale)}
        {props.coverage ? (
          <>
            {" "}
            ({pick(CARBON_WORDS, locale).explorerCoverage}:{" "}
            <CoverageFigure id="explorer-coverage" coverage={props.coverage} locale={locale} />)
          </>
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
              table.groupBy === "day"
                ? query.granularity === "month"
                  ? w.chartByMonth
                  : w.chartByDay
                : `${w.chartByKey} ${dimensionLabel(table.groupBy).toLowerCase()}`
            }
            tableCaption={t("chartTableCaption")}
            config={explorerChart(table, props.series, w, locale, (r) => keyLabel(r.label, r.key, first))}
          />
          <div class="table-scroll">
            <table class="data" id="explorer-table">
              <caption class="visually-hidden">{w.title}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    {dimensionLabel(table.groupBy)}
                    {second ? ` › ${dimensionLabel(second)}` : ""}
                  </th>
                  <th scope="col">{w.cost}</th>
                  {table.compare ? <th scope="col">{w.previous}</th> : null}
                  {table.compare ? <th scope="col">{w.change}</th> : null}
                  <th scope="col">{w.share}</th>
                  <th scope="col">
                    {w.co2e}
                    {table.co2eCalibrated ? `, ${CARBON_AWS_WORDS[locale].columnCalibrated}` : ""}
                  </th>
                </tr>
              </thead>
              <tbody>
                {table.rows.flatMap((r, i) => {
                  const id = `group-${i + 1}`;
                  const children = r.children ?? [];
                  return [
                    <TableRow
                      row={r}
                      label={keyLabel(r.label, r.key, first)}
                      compare={table.compare}
                      currency={table.currency}
                      locale={locale}
                      expandId={children.length > 0 ? id : undefined}
                      expandLabel={w.expand}
                    />,
                    ...children.map((c) => (
                      <TableRow
                        row={c}
                        label={keyLabel(c.label, c.key, second)}
                        compare={table.compare}
                        currency={table.currency}
                        locale={locale}
                        parent={id}
                      />
                    )),
                  ];
                })}
              </tbody>
              <tfoot>
                <TableRow
                  row={table.total}
                  label={w.total}
                  compare={table.compare}
                  currency={table.currency}
                  locale={locale}
                />
              </tfoot>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
