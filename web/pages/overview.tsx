/** The overview: what a director should grasp in ten seconds. */
import { dailyStackedChart, monthBurnChart, rankedBarChart, splitTaxes } from "../../src/charts/cost-charts";
import { formatInstant } from "../../src/format/instant";
import { formatCo2e, formatDay, formatMoney, formatMonth, formatPercent, localeTag } from "../../src/format/numbers";
import { colonFor } from "../../src/format/typography";
import type { Locale } from "../../src/model";
import { pick, type Translate } from "../i18n";
import { CARBON_AWS_WORDS } from "./carbon-aws-words";
import { CARBON_WORDS } from "./carbon-words";
import { Chart } from "./chart";
import { CoverageFigure } from "./coverage-figure";
import { HealthNotice } from "./health-notice";
import { Layout } from "./layout";
import type { OverviewData } from "./overview-data";
import { OwnershipSection } from "./overview-ownership";
import { overviewVerdict } from "./overview-verdict";
import { OVERVIEW_WORDS } from "./overview-words";

function Tile(props: { label: string; value: string; note?: string; tone?: "ok" | "warn" | "bad" }) {
  return (
    <div class={`tile ${props.tone ?? ""}`}>
      <div class="tile-label">{props.label}</div>
      <div class="tile-value">{props.value}</div>
      {props.note ? <div class="tile-note">{props.note}</div> : null}
    </div>
  );
}

export function OverviewPage(props: { data: OverviewData; locale: Locale; t: Translate; showTaxes?: boolean }) {
  const { data, locale, t } = props;
  const currency = data.converter.currency;
  const money = (n: number) => formatMoney(n, currency, locale);
  const format = { kind: "money" as const, locale: localeTag(locale), currency };
  const budget = data.budget;
  const expected = data.forecast?.amount ?? null;
  const ratio = budget ? data.monthToDate / budget.amount : null;
  const forecastTone =
    budget && expected !== null
      ? expected > budget.amount
        ? "bad"
        : expected > 0.8 * budget.amount
          ? "warn"
          : "ok"
      : undefined;

  if (data.lastDay === null) {
    return (
      <Layout title={t("navOverview")} path="/" locale={locale} t={t}>
        <HealthNotice health={data.health} locale={locale} />
        <h1>{t("emptyTitle")}</h1>
        <p>{t("emptyBody")}</p>
      </Layout>
    );
  }

  return (
    <Layout title={t("navOverview")} path="/" locale={locale} t={t} charts>
      <h1>{t("overviewTitle")}</h1>
      {(() => {
        const verdict = overviewVerdict({
          monthToDate: data.monthToDate,
          budget: budget?.amount ?? null,
          forecast: expected,
          asOfDay: data.lastDay,
          money,
          locale,
        });
        return (
          <p class={`verdict ${verdict.tone}`} id="verdict">
            {verdict.text}
          </p>
        );
      })()}
      <HealthNotice health={data.health} locale={locale} />
      <p class={`freshness ${data.freshness.fresh && data.health.ok ? "ok" : "bad"}`} id="freshness">
        {t("freshness")}
        {colonFor(locale)}
        {data.freshness.lastSuccessAt === null
          ? t("neverCollected")
          : `${data.freshness.fresh && data.health.ok ? t("freshAsOf") : t("stale")} ${locale === "fr" ? "le " : ""}${formatInstant(data.freshness.lastSuccessAt, locale)}`}
        {" · "}
        {t("dataUntil")} {formatDay(data.lastDay, locale)} ({t("provisional")})
      </p>
      {data.converter.missingRates ? (
        <p class="notice" id="missing-rates">
          {t("currencyMissing")} {data.converter.missingMonths.map((m) => formatMonth(m, locale)).join(", ")}.
        </p>
      ) : null}
      <section class="tiles" aria-label={t("overviewTitle")}>
        <Tile
          label={t("monthToDate")}
          value={money(data.monthToDate)}
          note={ratio !== null ? `${formatPercent(ratio, locale)} ${t("ofBudget")}` : undefined}
          tone={ratio === null ? undefined : ratio > 1 ? "bad" : ratio > 0.8 ? "warn" : "ok"}
        />
        <Tile
          label={t("budget")}
          value={budget ? money(budget.amount) : "—"}
          note={budget ? budget.name : t("noBudget")}
        />
        <Tile
          label={t("forecast")}
          value={expected !== null ? money(expected) : "—"}
          note={
            expected === null
              ? t("forecastNone")
              : budget
                ? `${expected > budget.amount ? t("overBudgetBy") : t("underBudgetBy")} ${money(Math.abs(expected - budget.amount))} · ${data.forecast?.source === "aws" ? t("forecastSourceAws") : t("forecastSourceCairn")}`
                : undefined
          }
          tone={forecastTone}
        />
        {(() => {
          const cw = pick(CARBON_WORDS, locale);
          const cov = data.carbon.coverage;
          return (
            <div
              class="tile"
              id="tile-carbon"
              data-co2e-grams={data.carbon.co2eGrams.toFixed(3)}
              data-calibrated-share={data.carbon.calibratedShare?.toFixed(6)}
            >
              <div class="tile-label">
                <a href="/carbon">{cw.tileLabel}</a>
              </div>
              <div class="tile-value">{formatCo2e(data.carbon.co2eGrams, locale)}</div>
              <div class="tile-note">
                <CoverageFigure id="overview-coverage" coverage={cov} locale={locale} />
              </div>
              {data.carbon.calibratedShare !== null ? (
                <div class="tile-note" id="overview-calibrated">
                  {CARBON_AWS_WORDS[locale].tileCalibrated}
                </div>
              ) : null}
            </div>
          );
        })()}
      </section>
      <div class="grid">
        <Chart
          id="chart-burn"
          label={t("monthBurn")}
          tableCaption={t("chartTableCaption")}
          config={monthBurnChart(
            data.month,
            data.monthDaily,
            data.lastDay >= `${data.month}-01` ? data.lastDay : null,
            expected,
            budget?.amount ?? null,
            format,
            { actual: t("actual"), forecast: t("forecast"), budget: t("budgetLine") },
          )}
        />
        <Chart
          id="chart-pipelines"
          label={t("byPipeline")}
          tableCaption={t("chartTableCaption")}
          config={rankedBarChart(data.byPipeline, t("monthToDate"), format, t("untagged"))}
        />
      </div>
      <OwnershipSection
        rows={data.ownership}
        monthStart={`${data.month}-01`}
        converter={data.converter}
        locale={locale}
      />
      <DailyByService data={data} locale={locale} t={t} showTaxes={props.showTaxes === true} />
    </Layout>
  );
}

/**
 * Daily cost by service, usage only by default: the month's VAT, booked on the 1st, would dwarf
 * every other day. The line under the chart gives the tax left out and a link to add it.
 */
function DailyByService(props: { data: OverviewData; locale: Locale; t: Translate; showTaxes: boolean }) {
  const { data, locale, t } = props;
  const w = pick(OVERVIEW_WORDS, locale);
  const currency = data.converter.currency;
  const format = { kind: "money" as const, locale: localeTag(locale), currency };
  const toDisplay = (usd: number, day: string) => data.converter.fromUsd(usd, day);
  const { usage, taxUsd } = splitTaxes(data.dailyByService);
  const taxes = data.dailyByService
    .filter((p) => !usage.includes(p))
    .reduce((sum, p) => sum + toDisplay(p.costUsd, p.day), 0);
  const points = props.showTaxes ? data.dailyByService : usage;
  return (
    <Chart
      id="chart-services"
      label={t("dailyByService")}
      tableCaption={t("chartTableCaption")}
      config={dailyStackedChart(points, data.last30Days, format, { other: t("other") }, toDisplay)}
      note={
        taxUsd !== 0 ? (
          <span id="chart-services-taxes">
            {props.showTaxes ? w.taxesShown : w.taxesApart} {formatMoney(taxes, currency, locale)} ·{" "}
            <a href={props.showTaxes ? "/#chart-services" : "/?taxes=show#chart-services"}>
              {props.showTaxes ? w.hideTaxes : w.showTaxes}
            </a>
          </span>
        ) : undefined
      }
    />
  );
}
