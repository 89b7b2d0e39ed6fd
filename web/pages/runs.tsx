/** Collection runs and data health: is the data fresh, what did collecting cost, what failed. */
import { collectErrorText } from "../../src/format/collect-error-words";
import { formatInstant } from "../../src/format/instant";
import { formatDay, formatNumber } from "../../src/format/numbers";
import { colon } from "../../src/format/reconciliation-words";
import { colonFor } from "../../src/format/typography";
import type { Locale } from "../../src/model";
import { CsrfField, isAdmin, useViewer } from "../auth/viewer";
import { pick, type Translate } from "../i18n";
import { HealthNotice } from "./health-notice";
import { Layout } from "./layout";
import { ListTable } from "./list-table";
import { MissingRatesNotice } from "./missing-rates-notice";
import { AthenaTile } from "./runs-athena";
import type { RunsData } from "./runs-data";
import { ReconciliationSection } from "./runs-reconciliation";
import { SourcesSection } from "./runs-sources";
import { RUNS_WORDS } from "./runs-words";
import { runSourceLabel } from "./source-labels";

/** What the failure means and what to do, in the reader's language; the recorded text after it. */
function RunError(props: { kind: string | null; error: string | null; locale: Locale }) {
  const e = collectErrorText(props.kind, props.error, props.locale);
  return (
    <>
      {e.message}
      {e.detail ? (
        <div class="muted">
          {e.detailLabel}
          {colon(props.locale)}
          {e.detail.slice(0, 300)}
        </div>
      ) : null}
    </>
  );
}

function CollectButton(props: { available: boolean; demo: boolean; locale: Locale }) {
  const viewer = useViewer();
  if (!isAdmin(viewer)) return null;
  const w = pick(RUNS_WORDS, props.locale);
  if (!props.available)
    return (
      <p class="muted" id="collect-unavailable">
        {props.demo ? w.collectUnavailableDemo : w.collectUnavailable}
      </p>
    );
  return (
    <form method="post" action="/runs/collect" class="inline-form admin-action">
      <CsrfField />
      <button type="submit">{w.collectNow}</button> <span class="muted">{w.collectHint}</span>
    </form>
  );
}

export function RunsPage(props: {
  data: RunsData;
  collectAvailable: boolean;
  /** The database holds the demo: collection is off for that reason, said so. */
  demo?: boolean;
  /** Set when "Collect now" found a collection already running. */
  collectBusy?: boolean;
  locale: Locale;
  t: Translate;
}) {
  const { data, locale, t } = props;
  const w = pick(RUNS_WORDS, locale);
  const status = (s: string) =>
    s === "succeeded" ? w.succeeded : s === "failed" ? w.failed : s === "skipped" ? w.skipped : w.running;
  const fresh = data.freshness.fresh && data.health.ok;
  return (
    <Layout title={w.title} path="/runs" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <HealthNotice health={data.health} locale={locale} />
      <section class="tiles" aria-label={w.freshness}>
        <div class={`tile ${fresh ? "ok" : "bad"}`} id="tile-freshness">
          <div class="tile-label">{w.freshness}</div>
          <div class="tile-value">{fresh ? w.fresh : w.stale}</div>
          <div class="tile-note">
            {w.lastSuccess}
            {colonFor(locale)}
            {data.freshness.lastSuccessAt ? formatInstant(data.freshness.lastSuccessAt, locale) : w.never}
          </div>
        </div>
        <div class="tile">
          <div class="tile-label">{w.dataUntil}</div>
          <div class="tile-value">{data.lastDay ? formatDay(data.lastDay, locale) : "—"}</div>
          {data.lastDay ? null : <div class="tile-note">{w.noData}</div>}
        </div>
        <div class="tile" id="tile-requests">
          <div class="tile-label">{w.requestsThisMonth}</div>
          <div class="tile-value">{formatNumber(data.costExplorer.units, locale)}</div>
          <div class="tile-note">
            {w.requestsCost}: {data.money.format(data.costExplorer.costUsd, data.money.currentMonth)} · {w.requestsNote}
          </div>
        </div>
        <AthenaTile usage={data.athena} money={data.money} month={data.money.currentMonth} locale={locale} />
        <div class={`tile ${data.failuresLast30Days > 0 ? "warn" : "ok"}`}>
          <div class="tile-label">{w.failures}</div>
          <div class="tile-value">{formatNumber(data.failuresLast30Days, locale)}</div>
        </div>
      </section>
      {props.collectBusy ? (
        <p class="notice" role="status" id="collect-busy">
          {w.collectBusy}
        </p>
      ) : null}
      <CollectButton available={props.collectAvailable} demo={props.demo === true} locale={locale} />
      <MissingRatesNotice months={data.money.converter.missingMonths} locale={locale} t={t} />
      <SourcesSection data={data} locale={locale} />
      <ReconciliationSection comparisons={data.comparisons} money={data.money} locale={locale} />
      <h2>{w.runs}</h2>
      <ListTable
        id="runs-table"
        empty={data.runs.length === 0}
        emptyText={w.noRuns}
        emptyClass="notice"
        headers={[w.started, w.source, w.status, w.period, w.rows, w.requests, w.cost, w.error]}
      >
        {data.runs.map((r) => (
          <tr class={r.status === "failed" ? "failed" : undefined}>
            <th scope="row">{formatInstant(r.startedAt, locale)}</th>
            <td class="text">{runSourceLabel(r.source, locale)}</td>
            <td class="text">
              <span class={`badge ${r.status}`}>{status(r.status)}</span>
            </td>
            <td class="text">
              {r.fromDay && r.toDay ? `${formatDay(r.fromDay, locale)} → ${formatDay(r.toDay, locale)}` : "—"}
            </td>
            <td>{formatNumber(r.rowsWritten, locale)}</td>
            <td>{formatNumber(r.requests, locale)}</td>
            <td>{data.money.format(r.requestCostUsd, r.startedAt.slice(0, 7))}</td>
            <td class="error-text">
              {r.status === "failed" ? <RunError kind={r.errorKind} error={r.error} locale={locale} /> : ""}
            </td>
          </tr>
        ))}
      </ListTable>
    </Layout>
  );
}
