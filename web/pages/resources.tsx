/**
 * `GET /resources?from&to&pipeline&by`: top resources by cost or CO2e, and those new or gone in
 * the period. `GET /resource?id&from&to`: one resource's facts, tags, daily cost, usage types,
 * footprint, cost of ownership and the tuning findings that name it. Resource ids are ARNs full
 * of `:` and `/`, so they travel as a query parameter, not a path segment.
 */
import { Hono } from "hono";
import { formatCo2e, formatDay, formatMoney, formatMonth, formatNumber } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import type { ResourceChange, ResourceTotal } from "../../src/store/read/resources";
import { parseResourceParams, type ResourceParams } from "../api/resource-params";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { Layout } from "./layout";
import { loadResource, loadResources, type ResourceData, type ResourcesData } from "./resources-data";
import { RESOURCES_WORDS } from "./resources-words";

function periodQuery(p: ResourceParams): string {
  const q = new URLSearchParams({ from: p.period.from, to: p.period.to });
  return q.toString();
}

function resourceHref(id: string, p: ResourceParams): string {
  return `/resource?${new URLSearchParams({ id, from: p.period.from, to: p.period.to }).toString()}`;
}

function ResourceCell(props: { r: ResourceTotal; params: ResourceParams }) {
  return (
    <td>
      <a href={resourceHref(props.r.resourceId, props.params)}>{props.r.name || props.r.resourceId}</a>
      {props.r.name ? <div class="muted">{props.r.resourceId}</div> : null}
    </td>
  );
}

function ChangeTable(props: { id: string; rows: ResourceChange[]; params: ResourceParams; locale: Locale }) {
  const w = pick(RESOURCES_WORDS, props.locale);
  return (
    <table class="data" id={props.id}>
      <thead>
        <tr>
          <th scope="col">{w.resource}</th>
          <th scope="col">{w.service}</th>
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
            <ResourceCell r={r} params={props.params} />
            <td>{r.service}</td>
            <td>{formatDay(r.firstDay, props.locale)}</td>
            <td>{formatDay(r.lastDay, props.locale)}</td>
            <td class="num">{formatMoney(r.costUsd, "USD", props.locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResourcesPage(props: { data: ResourcesData; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const w = pick(RESOURCES_WORDS, locale);
  const p = data.params;
  return (
    <Layout title={w.title} path="/resources" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <form method="get" action="/resources" class="inline-form">
        <label>
          {w.from} <input type="date" name="from" value={p.period.from} />
        </label>{" "}
        <label>
          {w.to} <input type="date" name="to" value={p.period.to} />
        </label>{" "}
        <label>
          {w.pipeline}{" "}
          <input
            type="text"
            name="pipeline"
            value={p.pipeline === undefined ? "" : p.pipeline === "" ? "(none)" : p.pipeline}
            placeholder={w.allPipelines}
          />
        </label>{" "}
        <label>
          {w.rankBy}{" "}
          <select name="by">
            <option value="cost" selected={p.by === "cost"}>
              {w.byCost}
            </option>
            <option value="co2e" selected={p.by === "co2e"}>
              {w.byCo2e}
            </option>
          </select>
        </label>{" "}
        <button type="submit">{w.show}</button>
      </form>
      <section class="tiles" aria-label={w.top}>
        <div class="tile" id="tile-resources">
          <div class="tile-label">{w.count}</div>
          <div class="tile-value">{formatNumber(data.top.count, locale)}</div>
        </div>
        <div class="tile" id="tile-resources-cost">
          <div class="tile-label">{w.totalCost}</div>
          <div class="tile-value">{formatMoney(data.top.totalCostUsd, "USD", locale)}</div>
        </div>
        <div class="tile" id="tile-resources-co2e">
          <div class="tile-label">{w.totalCo2e}</div>
          <div class="tile-value">{formatCo2e(data.top.totalCo2eGrams, locale)}</div>
        </div>
      </section>
      <h2>{w.top}</h2>
      {data.top.resources.length === 0 ? (
        <p class="notice">{w.none}</p>
      ) : (
        <table class="data" id="table-resources">
          <thead>
            <tr>
              <th scope="col">{w.rank}</th>
              <th scope="col">{w.resource}</th>
              <th scope="col">{w.type}</th>
              <th scope="col">{w.service}</th>
              <th scope="col">{w.account}</th>
              <th scope="col" class="num">
                {w.cost}
              </th>
              <th scope="col" class="num">
                {w.co2e}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.top.resources.map((r, i) => (
              <tr>
                <td>{i + 1}</td>
                <ResourceCell r={r} params={p} />
                <td>{r.type}</td>
                <td>{r.service}</td>
                <td>{r.accountId}</td>
                <td class="num">{formatMoney(r.costUsd, "USD", locale)}</td>
                <td class="num">{formatCo2e(r.co2eGrams, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{w.appeared}</h2>
      {data.changes.appeared.length === 0 ? (
        <p class="muted">{w.noneAppeared}</p>
      ) : (
        <ChangeTable id="table-appeared" rows={data.changes.appeared} params={p} locale={locale} />
      )}
      <h2>{w.disappeared}</h2>
      {data.changes.disappeared.length === 0 ? (
        <p class="muted">{w.noneDisappeared}</p>
      ) : (
        <ChangeTable id="table-disappeared" rows={data.changes.disappeared} params={p} locale={locale} />
      )}
    </Layout>
  );
}

export function ResourcePage(props: { data: ResourceData; locale: Locale; t: Translate }) {
  const { data, locale, t } = props;
  const w = pick(RESOURCES_WORDS, locale);
  const d = data.detail;
  const money = (usd: number) => formatMoney(usd, "USD", locale);
  const tags = Object.entries(d.tags);
  return (
    <Layout title={`${w.resource} ${d.name || d.resourceId}`} path="/resources" locale={locale} t={t}>
      <p>
        <a href={`/resources?${periodQuery(data.params)}`}>← {w.back}</a>
      </p>
      <h1>{d.name || d.resourceId}</h1>
      <dl class="facts" id="resource-facts">
        <dt>{w.resource}</dt>
        <dd>
          <code>{d.resourceId}</code>
        </dd>
        <dt>{w.type}</dt>
        <dd>{d.type}</dd>
        <dt>{w.service}</dt>
        <dd>{d.service}</dd>
        <dt>{w.account}</dt>
        <dd>{d.accountId}</dd>
        <dt>{w.region}</dt>
        <dd>{d.region}</dd>
        <dt>{w.firstDay}</dt>
        <dd>{d.firstDay ? formatDay(d.firstDay, locale) : "–"}</dd>
        <dt>{w.lastDay}</dt>
        <dd>{d.lastDay ? formatDay(d.lastDay, locale) : "–"}</dd>
      </dl>
      <section class="tiles" aria-label={w.period}>
        <div class="tile" id="tile-resource-cost">
          <div class="tile-label">{w.period}</div>
          <div class="tile-value">{money(d.period.costUsd)}</div>
        </div>
        <div class="tile" id="tile-resource-co2e">
          <div class="tile-label">{w.co2e}</div>
          <div class="tile-value">{formatCo2e(d.period.co2eGrams, locale)}</div>
          <div class="tile-note">
            {w.energy}
            {locale === "fr" ? "\u00a0: " : ": "}
            {formatNumber(d.period.energyKwh, locale, 2)} kWh
          </div>
        </div>
        <div class="tile" id="tile-resource-lifetime">
          <div class="tile-label">{w.lifetime}</div>
          <div class="tile-value">{money(d.lifetime.costUsd)}</div>
          <div class="tile-note">{formatCo2e(d.lifetime.co2eGrams, locale)}</div>
        </div>
      </section>
      <h2>{w.tags}</h2>
      {tags.length === 0 ? (
        <p class="muted">{w.noTags}</p>
      ) : (
        <dl class="facts" id="resource-tags">
          {tags.map(([k, v]) => (
            <>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </>
          ))}
        </dl>
      )}
      <h2>{w.usageTypes}</h2>
      <table class="data" id="table-usage-types">
        <thead>
          <tr>
            <th scope="col">{w.usageType}</th>
            <th scope="col">{w.region}</th>
            <th scope="col">{w.pipeline}</th>
            <th scope="col" class="num">
              {w.usage}
            </th>
            <th scope="col" class="num">
              {w.cost}
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
              <td>{u.region}</td>
              <td>{u.pipeline === "" ? w.untagged : u.pipeline}</td>
              <td class="num">
                {formatNumber(u.usageAmount, locale, 2)} {u.usageUnit}
              </td>
              <td class="num">{money(u.costUsd)}</td>
              <td class="num">{formatCo2e(u.co2eGrams, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{w.daily}</h2>
      <table class="data" id="table-resource-days">
        <thead>
          <tr>
            <th scope="col">{w.day}</th>
            <th scope="col" class="num">
              {w.cost}
            </th>
            <th scope="col" class="num">
              {w.co2e}
            </th>
          </tr>
        </thead>
        <tbody>
          {d.days.map((x) => (
            <tr>
              <td>{formatDay(x.day, locale)}</td>
              <td class="num">{money(x.costUsd)}</td>
              <td class="num">{formatCo2e(x.co2eGrams, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{w.ownership}</h2>
      <p>{w.ownershipIntro}</p>
      <table class="data" id="table-ownership">
        <thead>
          <tr>
            <th scope="col">{w.month}</th>
            <th scope="col" class="num">
              {w.cost}
            </th>
            <th scope="col" class="num">
              {w.co2e}
            </th>
          </tr>
        </thead>
        <tbody>
          {d.lifetime.months.map((m) => (
            <tr>
              <td>{formatMonth(m.month, locale)}</td>
              <td class="num">{money(m.costUsd)}</td>
              <td class="num">{formatCo2e(m.co2eGrams, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{w.findings}</h2>
      {data.findings.length === 0 ? (
        <p class="muted">{w.noFindings}</p>
      ) : (
        <ul id="resource-findings">
          {data.findings.map((f) => (
            <li>
              {f.action} ({w.saves}
              {locale === "fr" ? "\u00a0: " : ": "}
              {money(f.monthlySavingUsd)}, {formatCo2e(f.monthlySavingCo2eGrams, locale)})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function resourcesRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  app.get("/resources", async (c) => {
    const params = parseResourceParams(c.req.query(), deps.now());
    return renderPage(c, <ResourcesPage data={await loadResources(deps, params)} locale={locale} t={t} />);
  });
  app.get("/resource", async (c) => {
    const params = parseResourceParams(c.req.query(), deps.now());
    const data = params.id === undefined ? null : await loadResource(deps, params, params.id);
    if (!data) return c.text(pick(RESOURCES_WORDS, locale).notFound, 404);
    return renderPage(c, <ResourcePage data={data} locale={locale} t={t} />);
  });
  return app;
}
