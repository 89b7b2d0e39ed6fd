/**
 * `GET /incidents`: the cost incidents the alerts recorded (one per spike), newest first, each
 * with what moved, its days, how much above usual and a link to the explorer on those days and
 * that usage type. Admins acknowledge or resolve one (`POST /incidents/ack`, `/incidents/resolve`)
 * through src/services/; viewers read.
 */
import { Hono } from "hono";
import { incidentExplorerPath } from "../../src/analysis/alert-rules/incident-alerts";
import { type Converter, makeConverter } from "../../src/analysis/currency";
import { monthOf } from "../../src/days";
import { fill } from "../../src/format/fill";
import { formatDay, formatMoney } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { acknowledgeIncident } from "../../src/services/acknowledge-incident";
import { ServiceInputError } from "../../src/services/errors";
import { resolveIncident } from "../../src/services/resolve-incident";
import { listIncidents, type StoredIncident } from "../../src/store/incidents";
import { listRates } from "../../src/store/read/rates";
import { readDb } from "../../src/store/store";
import { BadParameter } from "../api/params";
import { requireAdmin } from "../auth/middleware";
import { CsrfField, isAdmin, renderPage, useViewer } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { INCIDENTS_WORDS } from "./incidents-words";
import { Layout } from "./layout";
import { ListTable } from "./list-table";

type Words = (typeof INCIDENTS_WORDS)["en"];

function IncidentForms(props: { incident: StoredIncident; w: Words }) {
  if (!isAdmin(useViewer()) || props.incident.status === "resolved") return null;
  const form = (action: "ack" | "resolve", label: string) => (
    <form method="post" action={`/incidents/${action}`} class="inline-form incident-form">
      <CsrfField />
      <input type="hidden" name="id" value={String(props.incident.id)} />
      <label>
        {props.w.note} <input type="text" name="note" maxlength={1000} />
      </label>{" "}
      <button type="submit" data-action={action}>
        {label}
      </button>
    </form>
  );
  return (
    <div class="incident-actions">
      {props.incident.status === "open" ? form("ack", props.w.acknowledge) : null}
      {form("resolve", props.w.resolve)}
    </div>
  );
}

function stateOf(i: StoredIncident, w: Words, locale: Locale): string {
  const when = (iso: string | null) => (iso ? formatDay(iso.slice(0, 10), locale) : "");
  if (i.status === "resolved") return `${w.resolved} (${w.by} ${i.resolvedBy}, ${when(i.resolvedAt)})`;
  if (i.status === "acknowledged") return `${w.acknowledged} (${w.by} ${i.acknowledgedBy}, ${when(i.acknowledgedAt)})`;
  return w.open;
}

export function IncidentsPage(props: {
  incidents: StoredIncident[];
  converter: Converter;
  locale: Locale;
  t: Translate;
}) {
  const { incidents, converter, locale, t } = props;
  const w = pick(INCIDENTS_WORDS, locale);
  const money = (usd: number, day: string) => formatMoney(converter.fromUsd(usd, day), converter.currency, locale);
  return (
    <Layout title={w.title} path="/incidents" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p class="muted">{w.intro}</p>
      {converter.missingRates ? <p class="notice">{w.noRate}</p> : null}
      <ListTable
        id="incidents-table"
        empty={incidents.length === 0}
        emptyText={w.none}
        emptyId="no-incident"
        headers={[w.moved, w.days, w.above, w.state]}
      >
        {incidents.map((i) => (
          <tr id={`incident-${i.id}`} class={`status-${i.status}`} data-incident-id={String(i.id)}>
            <th scope="row">
              {i.service} · {i.pipeline === "" ? w.untagged : i.pipeline} · <code>{i.usageType ?? "—"}</code>
              {i.drivers.length > 1 ? (
                <div class="muted">
                  {w.alsoMoved}{" "}
                  {i.drivers
                    .slice(1)
                    .map((d) => `${d.usageType} (${d.service})`)
                    .join(", ")}
                </div>
              ) : null}{" "}
              <a href={incidentExplorerPath({ ...i, members: [] })}>{w.explore}</a>
            </th>
            <td>
              {formatDay(i.firstDay, locale)}
              {i.lastDay !== i.firstDay ? ` – ${formatDay(i.lastDay, locale)}` : ""}
            </td>
            <td>
              <strong>{money(i.excessUsd, i.firstDay)}</strong>
              <div class="muted">
                {fill(w.costAgainst, {
                  cost: money(i.costUsd, i.firstDay),
                  expected: money(i.expectedUsd, i.firstDay),
                })}
              </div>
            </td>
            <td>
              {stateOf(i, w, locale)}
              {i.note ? <div class="muted">{i.note}</div> : null}
              <IncidentForms incident={i} w={w} />
            </td>
          </tr>
        ))}
      </ListTable>
    </Layout>
  );
}

export function incidentsRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  app.get("/incidents", async (c) => {
    const db = readDb(deps.store);
    const [incidents, rates] = await Promise.all([listIncidents(db), listRates(db)]);
    const converter = makeConverter(
      deps.config.CAIRN_CURRENCY,
      rates,
      incidents.map((i) => monthOf(i.firstDay)),
    );
    return renderPage(c, <IncidentsPage incidents={incidents} converter={converter} locale={locale} t={t} />);
  });
  for (const [action, change] of [
    ["ack", acknowledgeIncident],
    ["resolve", resolveIncident],
  ] as const) {
    app.post(`/incidents/${action}`, requireAdmin(), async (c) => {
      const body = await c.req.parseBody();
      const text = (name: string) => (typeof body[name] === "string" ? String(body[name]) : "");
      try {
        await change(deps, { id: text("id"), note: text("note"), actor: c.get("viewer").email } as never);
      } catch (error) {
        if (error instanceof ServiceInputError) throw new BadParameter(error.field, error.message);
        throw error;
      }
      return c.redirect(`/incidents#incident-${text("id")}`, 303);
    });
  }
  return app;
}
