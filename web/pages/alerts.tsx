/** Alerts: what was raised, on which channel, and the delivery state of each message. */
import { redactSecrets } from "../../reports/mail/redact";
import { formatDay } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import type { NotificationRow } from "../../src/store/notifications";
import { pick, type Translate } from "../i18n";
import { ALERTS_WORDS } from "./budgets-words";
import { Layout } from "./layout";

type Words = (typeof ALERTS_WORDS)["en"];

function when(iso: string | null, locale: Locale): string {
  return iso ? `${formatDay(iso.slice(0, 10), locale)} ${iso.slice(11, 16)} UTC` : "—";
}

function statusLabel(status: string, w: Words): string {
  const labels: Record<string, string> = { queued: w.queued, sent: w.sent, failed: w.failed, covered: w.covered };
  return labels[status] ?? status;
}

export function AlertsPage(props: {
  rows: NotificationRow[];
  pending: number;
  /** The database holds the demo: its alerts were written by the demo's story, not mailed. */
  demo?: boolean;
  locale: Locale;
  t: Translate;
}) {
  const { locale, t } = props;
  const w = pick(ALERTS_WORDS, locale);
  return (
    <Layout title={w.title} path="/alerts" locale={locale} t={t}>
      <h1>{w.title}</h1>
      <p class="muted">{w.intro}</p>
      {props.demo ? (
        <p class="notice" id="demo-note">
          {w.demoNote}
        </p>
      ) : null}
      {props.pending > 0 ? (
        <p class="notice" id="pending-note">
          {props.pending} {w.pendingNote}
        </p>
      ) : null}
      {props.rows.length === 0 ? (
        <p id="no-alert">{w.none}</p>
      ) : (
        <div class="table-scroll">
          <table class="data" id="alerts-table">
            <thead>
              <tr>
                <th scope="col">{w.when}</th>
                <th scope="col">{w.subject}</th>
                <th scope="col">{w.channel}</th>
                <th scope="col">{w.status}</th>
                <th scope="col">{w.attempts}</th>
                <th scope="col">{w.sentAt}</th>
                <th scope="col">{w.error}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr class={`status-${r.status}`} data-key={r.key}>
                  <td>{when(r.createdAt, locale)}</td>
                  <th scope="row" class="text">
                    {r.subject}
                  </th>
                  <td>{r.channel === "webhook" ? w.webhook : w.email}</td>
                  <td>{props.demo && r.status === "sent" ? w.demoSent : statusLabel(r.status, w)}</td>
                  <td>{r.attempts}</td>
                  <td>{when(r.sentAt, locale)}</td>
                  <td>{redactSecrets(r.lastError ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
