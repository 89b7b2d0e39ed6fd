/**
 * `GET /resources?from&to&pipeline&by`: top resources by cost or CO2e with their cost of
 * ownership, and those new or gone in the period. `GET /resources/:id?from&to` (the id
 * URL-encoded): one resource's facts, tags, cost of ownership, usage types, daily cost and
 * footprint, month by month history, the findings and the upkeep entries naming it. Amounts are
 * in the display currency (./page-money.ts) at the rate of the period's last month.
 */
import { Hono } from "hono";
import { useContext } from "hono/jsx";
import { accountLabel } from "../../src/accounts/account-names";
import { findingTexts } from "../../src/analysis/advice/fr";
import { addDays } from "../../src/days";
import { formatCo2e, formatDay, formatMonth, formatNumber } from "../../src/format/numbers";
import { moneyInSentence } from "../../src/format/sentence-money";
import { colonFor } from "../../src/format/typography";
import type { Locale, Month, Period } from "../../src/model";
import type { ResourceChange, ResourceTotal } from "../../src/store/read/resources";
import { parseResourceDetailParams, parseResourceId, parseResourceParams } from "../api/resource-params";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { AccountNamesContext } from "./account-name";
import { Layout } from "./layout";
import { MissingRatesNotice } from "./missing-rates-notice";
import { loadPageMoney, type PageMoney } from "./page-money";
import { loadResource, loadResources, type ResourceData, type ResourcesData } from "./resources-data";
import { ResourcesEngineNotice } from "./resources-engine";
import { RESOURCES_WORDS } from "./resources-words";

type Words = (typeof RESOURCES_WORDS)["en"];

/** A label's colon: French puts a no-break space before it. */

export function resourceHref(id: string, p: Period): string {
  return `/resources/${encodeURIComponent(id)}?${new URLSearchParams({ from: p.from, to: p.to }).toString()}`;
}

/** A USD amount of the period, in the page's currency. */
type Money = (usd: number, digits?: number) => string;

function moneyOf(money: PageMoney, months: readonly Month[]): Money {
  const month = months.at(-1) as Month;
  return (usd, digits) => money.format(usd, month, digits);
}

function ResourceCell(props: { r: ResourceTotal; period: Period }) {
  return (
    <td class="text">
      <a href={resourceHref(props.r.resourceId, props.period)}>{props.r.name || props.r.resourceId}</a>
      {props.r.name ? <div class="muted resource-id">{props.r.resourceId}</div> : null}
    </td>
  );
}

function ChangeTable(props: { id: string; rows: ResourceChange[]; period: Period; locale: Locale; money: Money }) {
  const w = pick(RESOURCES_WORDS, props.locale);
  return (
    <div class="table-scroll">
      <table class="data" id={props.id}>
        <thead>
          <tr>
            <th scope="col">{w.resource}</th>
            <th scope="col" class="text">
              {w.service}
            </th>
            <th scope="col">{w.firstDay}</th>
            <th scope="col">{w.lastDay}</th>
            <th scope="col" class="num">
              {w.cost}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <ResourceCell r={r} period={props.period} />
              <td class="text">{r.service}</td>
              <td>{formatDay(r.firstDay, props.locale)}</td>
              <td>{formatDay(r.lastDay, props.locale)}</td>
              <td class="num">{props.money(r.costUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Filters(props: { data: ResourcesData; w: Words }) {
  const { data, w } = props;
  const pipeline = data.pipeline === undefined ? "" : data.pipeline === "" ? "(none)" : data.pipeline;
  return (
    <form method="get" action="/resources" class="filters" aria-label={w.filters}>
      <div class="field">
        <label for="r-from">{w.from}</label>
        <input id="r-from" name="from" type="date" value={data.period.from} required />
      </div>
      <div class="field">
        <label for="r-to">{w.to}</label>
        <input id="r-to" name="to" type="date" value={data.period.to} required />
      </div>
      <div class="field">
        <label for="r-pipeline">{w.pipeline}</label>
        <input id="r-pipeline" name="pipeline" type="text" value={pipeline} placeholder={w.allPipelines} />
      </div>
      <div class="field">
        <label for="r-by">{w.rankBy}</label>
        <select id="r-by" name="by">
          <option value="cost" selected={data.by === "cost"}>
            {w.byCost}
          </option>
          <option value="co2e" selected={data.by === "co2e"}>
            {w.byCo2e}
          </option>
        </select>
      </div>
      <div class="field actions">
        <button type="submit">{w.show}</button>
      </div>
    </form>
  );
}

export function ResourcesPage(props: { data: ResourcesData; money: PageMoney; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const w = pick(RESOURCES_WORDS, locale);
  const money = moneyOf(props.money, data.months);
  const p = data.period;
  return (
    <Layout title={w.title} path="/resources" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p class="muted">{w.intro}</p>
      <Filters data={data} w={w} />
      <p class="muted" id="resources-period">
        {w.period}
        {colonFor(locale)}
        {formatDay(p.from, locale)} → {formatDay(addDays(p.to, -1), locale)}
        {data.pipeline === undefined
          ? ""
          : ` · ${w.pipeline}${colonFor(locale)}${data.pipeline === "" ? w.untagged : data.pipeline}`}
      </p>
      <MissingRatesNotice months={props.money.converter.missingMonths} locale={locale} t={t} />
      <ResourcesEngineNotice engine={data.top.engine} error={data.top.athenaError} locale={locale} />
      <section class="tiles" aria-label={w.period}>
        <div class="tile" id="tile-resources">
          <div class="tile-label">{w.count}</div>
          <div class="tile-value">{formatNumber(data.top.count, locale)}</div>
        </div>
        <div class="tile" id="tile-resources-cost">
          <div class="tile-label">{w.totalCost}</div>
          <div class="tile-value">{money(data.top.totalCostUsd)}</div>
        </div>
        <div class="tile" id="tile-resources-co2e">
          <div class="tile-label">{w.totalCo2e}</div>
          <div class="tile-value">{formatCo2e(data.top.totalCo2eGrams, locale)}</div>
        </div>
      </section>
      <h2 id="top-heading">{data.by === "co2e" ? w.topByCo2e : w.topByCost}</h2>
      {data.top.resources.length === 0 ? (
        <p class="notice">{w.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="data" id="table-resources" aria-labelledby="top-heading">
            <thead>
              <tr>
                <th scope="col">{w.resource}</th>
                <th scope="col" class="text">
                  {w.service}
                </th>
                <th scope="col" class="num">
                  {w.cost}
                </th>
                <th scope="col" class="num">
                  {w.co2e}
                </th>
                <th scope="col" class="num">
                  {w.upkeepHours}
                </th>
                <th scope="col" class="num">
                  {w.ownership}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.top.resources.map((r, i) => (
                <tr data-resource={r.resourceId} data-rank={i + 1}>
                  <ResourceCell r={r} period={p} />
                  <td class="text">
                    {r.service}
                    {r.type ? <div class="muted">{r.type}</div> : null}
                  </td>
                  <td class="num">{money(r.costUsd)}</td>
                  <td class="num">{formatCo2e(r.co2eGrams, locale)}</td>
                  <td class="num">{formatNumber(r.ownership.upkeepHours, locale, 1)}</td>
                  <td class="num">{money(r.ownership.totalUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{w.appeared}</h2>
      {data.changes.appeared.length === 0 ? (
        <p class="muted">{w.noneAppeared}</p>
      ) : (
        <ChangeTable id="table-appeared" rows={data.changes.appeared} period={p} locale={locale} money={money} />
      )}
      <h2>{w.gone}</h2>
      {data.changes.gone.length === 0 ? (
        <p class="muted">{w.noneGone}</p>
      ) : (
        <ChangeTable id="table-gone" rows={data.changes.gone} period={p} locale={locale} money={money} />
      )}
    </Layout>
  );
}

function Facts(props: { data: ResourceData; w: Words; locale: Locale }) {
  const { w, locale } = props;
  const d = props.data.detail;
  const rows: [string, string][] = [
    [w.type, d.type],
    [w.service, d.service],
    [w.account, accountLabel(d.accountId, useContext(AccountNamesContext))],
    [w.region, d.region],
    [w.firstDay, d.firstDay ? formatDay(d.firstDay, locale) : "–"],
    [w.lastDay, d.lastDay ? formatDay(d.lastDay, locale) : "–"],
  ];
  return (
    <div class="table-scroll">
      <table class="data" id="resource-facts" aria-label={w.facts}>
        <tbody>
          <tr>
            <th scope="row">{w.resource}</th>
            <td class="text">
              <code class="resource-id">{d.resourceId}</code>
            </td>
          </tr>
          {rows.map(([k, v]) => (
            <tr>
              <th scope="row">{k}</th>
              <td class="text">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ResourcePage(props: { data: ResourceData; money: PageMoney; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const w = pick(RESOURCES_WORDS, locale);
  const money = moneyOf(props.money, data.months);
  const d = data.detail;
  const tags = Object.entries(d.tags);
  const o = data.ownership;
  return (
    <Layout title={`${w.resource} ${d.name || d.resourceId}`} path="/resources" locale={locale} t={t}>
      <p>
        <a href={`/resources?${new URLSearchParams({ from: data.period.from, to: data.period.to }).toString()}`}>
          ← {w.back}
        </a>
      </p>
      <h1 class="resource-title">{d.name || d.resourceId}</h1>
      <p class="muted" id="resource-period">
        {w.period}
        {colonFor(locale)}
        {formatDay(data.period.from, locale)} → {formatDay(addDays(data.period.to, -1), locale)}
      </p>
      <MissingRatesNotice months={props.money.converter.missingMonths} locale={locale} t={t} />
      <Facts data={data} w={w} locale={locale} />
      <section class="tiles" aria-label={w.period}>
        <div class="tile" id="tile-resource-cost">
          <div class="tile-label">{w.cost}</div>
          <div class="tile-value">{money(d.period.costUsd)}</div>
        </div>
        <div class="tile" id="tile-resource-co2e">
          <div class="tile-label">{w.co2e}</div>
          <div class="tile-value">{formatCo2e(d.period.co2eGrams, locale)}</div>
          <div class="tile-note">
            {w.energy}
            {colonFor(locale)}
            {formatNumber(d.period.energyKwh, locale, 2)} kWh · {w.embodied}
            {colonFor(locale)}
            {formatCo2e(d.period.embodiedCo2eGrams, locale)}
          </div>
        </div>
        <div class="tile" id="tile-resource-ownership">
          <div class="tile-label">{w.ownership}</div>
          <div class="tile-value">{money(o.totalUsd)}</div>
          <div class="tile-note">
            {w.cloud} {money(o.cloudCostUsd)} + {w.upkeepValued} {money(o.upkeepValueUsd)} (
            {formatNumber(o.upkeepHours, locale, 1)} h)
          </div>
        </div>
      </section>
      <p class="muted">{w.ownershipIntro}</p>
      <h2>{w.tags}</h2>
      {tags.length === 0 ? (
        <p class="muted">{w.noTags}</p>
      ) : (
        <div class="table-scroll">
          <table class="data" id="resource-tags" aria-label={w.tags}>
            <thead>
              <tr>
                <th scope="col">{w.tag}</th>
                <th scope="col">{w.value}</th>
              </tr>
            </thead>
            <tbody>
              {tags.map(([k, v]) => (
                <tr>
                  <td>{k}</td>
                  <td>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 id="usage-heading">{w.usageTypes}</h2>
      <div class="table-scroll">
        <table class="data" id="table-usage-types" aria-labelledby="usage-heading">
          <thead>
            <tr>
              <th scope="col">{w.usageType}</th>
              <th scope="col">{w.pipeline}</th>
              <th scope="col" class="num">
                {w.usage}
              </th>
              <th scope="col" class="num">
                {w.cost}
              </th>
              <th scope="col" class="num">
                {w.energy}
              </th>
              <th scope="col" class="num">
                {w.co2e}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.usageTypes.map((u) => (
              <tr>
                <td>{u.usageType}</td>
                <td>{u.pipeline === "" ? w.untagged : u.pipeline}</td>
                <td class="num">
                  {formatNumber(u.usageAmount, locale, 2)} {u.usageUnit}
                </td>
                <td class="num">{money(u.costUsd)}</td>
                <td class="num">{formatNumber(u.energyKwh, locale, 3)} kWh</td>
                <td class="num">{formatCo2e(u.co2eGrams, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="findings-heading">{w.findings}</h2>
      {data.findings.length === 0 ? (
        <p class="muted">{w.noFindings}</p>
      ) : (
        <ul id="resource-findings" aria-labelledby="findings-heading">
          {data.findings.map((f) => {
            const texts = findingTexts(f, locale);
            return (
              <li data-finding={f.id}>
                <strong>{moneyInSentence(texts.action, (usd, digits) => money(usd, digits))}</strong>
                <div class="muted">
                  {w.saving}
                  {colonFor(locale)}
                  {money(f.monthlySavingUsd)}, {formatCo2e(f.monthlySavingCo2eGrams, locale)}
                </div>
                <ul>
                  {texts.evidence.map((e) => (
                    <li>{moneyInSentence(e, (usd, digits) => money(usd, digits))}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      <h2 id="upkeep-heading">{w.upkeep}</h2>
      {data.upkeep.length === 0 ? (
        <p class="muted">{w.noUpkeep}</p>
      ) : (
        <div class="table-scroll">
          <table class="data" id="resource-upkeep" aria-labelledby="upkeep-heading">
            <thead>
              <tr>
                <th scope="col">{w.day}</th>
                <th scope="col">{w.person}</th>
                <th scope="col">{w.what}</th>
                <th scope="col" class="num">
                  {w.hours}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.upkeep.map((e) => (
                <tr>
                  <td>{formatDay(e.day, locale)}</td>
                  <td>{e.person}</td>
                  <td class="text">{e.what}</td>
                  <td class="num">{formatNumber(e.hours, locale, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CostCo2eTable
        id="table-resource-days"
        heading={w.daily}
        headingId="daily-heading"
        columns={[w.day, w.cost, w.co2e]}
        rows={d.days.map((x) => ({ label: formatDay(x.day, locale), cost: money(x.costUsd), co2eGrams: x.co2eGrams }))}
        locale={locale}
      />
      <CostCo2eTable
        id="table-resource-months"
        heading={w.history}
        headingId="history-heading"
        columns={[w.month, w.cost, w.co2e]}
        rows={d.months.map((m) => ({
          label: formatMonth(m.month, locale),
          cost: props.money.format(m.costUsd, m.month),
          co2eGrams: m.co2eGrams,
        }))}
        locale={locale}
      />
    </Layout>
  );
}

/** A resource's cost and CO2e by period (day or month), under its heading. */
function CostCo2eTable(props: {
  id: string;
  heading: string;
  headingId: string;
  columns: [string, string, string];
  rows: { label: string; cost: string; co2eGrams: number }[];
  locale: Locale;
}) {
  const [period, cost, co2e] = props.columns;
  return (
    <>
      <h2 id={props.headingId}>{props.heading}</h2>
      <div class="table-scroll">
        <table class="data" id={props.id} aria-labelledby={props.headingId}>
          <thead>
            <tr>
              <th scope="col">{period}</th>
              <th scope="col" class="num">
                {cost}
              </th>
              <th scope="col" class="num">
                {co2e}
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>{r.label}</td>
                <td class="num">{r.cost}</td>
                <td class="num">{formatCo2e(r.co2eGrams, props.locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function resourcesRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  app.get("/resources", async (c) => {
    const data = await loadResources(deps, parseResourceParams(c.req.query(), deps.now()));
    const money = await loadPageMoney(deps, data.months);
    return renderPage(c, <ResourcesPage data={data} money={money} locale={locale} t={t} />);
  });
  app.get("/resources/:id{.+}", async (c) => {
    const id = parseResourceId(c.req.param("id"));
    const data = await loadResource(deps, parseResourceDetailParams(c.req.query(), deps.now()), id);
    if (!data) return c.text(`${pick(RESOURCES_WORDS, locale).notFound}: ${id}`, 404);
    const months = [...new Set([...data.months, ...data.detail.months.map((m) => m.month)])].sort();
    const money = await loadPageMoney(deps, months);
    return renderPage(c, <ResourcePage data={data} money={money} locale={locale} t={t} />);
  });
  return app;
}
