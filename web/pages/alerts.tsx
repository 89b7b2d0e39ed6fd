/** Alerts: what was raised, on which channel, and the delivery state of each message. */
import { redactSecrets } from "../../reports/mail/redact";
import { formatInstant } from "../../src/format/instant";
import type { Locale } from "../../src/model";
import type { NotificationRow } from "../../src/store/notifications";
import { pick, type Translate } from "../i18n";
import { ALERTS_WORDS } from "./budgets-words";
import { Layout } from "./layout";

type Words = (typeof ALERTS_WORDS)["en"];

/** "26 novembre 2026 à 5 h 14 UTC", as the other pages write an instant. */
function when(iso: string | null, locale: Locale): string {
  return formatInstant(iso, locale);
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
          {/* On a phone each alert is a card (style.css): the subject is what is read first. */}
          <table class="data cards" id="alerts-table">
            <thead>
              <tr>
                <th scope="col">{w.when}</th>
                <th scope="col">{w.subject}</th>
                <th scope="col">{w.channel}</th>
                <th scope="col">{w.status}</th>
                <th scope="col">{w.attempts}</th>
                {/* The demo's alerts were written, never mailed: "sent" would say otherwise. */}
                <th scope="col">{props.demo ? w.demoWrittenAt : w.sentAt}</th>
                <th scope="col">{w.error}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr class={`status-${r.status}`} data-key={r.key}>
                  <td data-label={w.when}>{when(r.createdAt, locale)}</td>
                  <th scope="row" class="text">
                    {r.subject}
                  </th>
                  <td data-label={w.channel}>{r.channel === "webhook" ? w.webhook : w.email}</td>
                  <td data-label={w.status}>
                    {props.demo && r.status === "sent" ? w.demoSent : statusLabel(r.status, w)}
                  </td>
                  <td data-label={w.attempts}>{r.attempts}</td>
                  <td data-label={props.demo ? w.demoWrittenAt : w.sentAt}>{when(r.sentAt, locale)}</td>
                  <td data-label={w.error}>{redactSecrets(r.lastError ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}
