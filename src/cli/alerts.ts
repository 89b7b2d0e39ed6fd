/** `cairn alerts [--send]`: evaluate the alert rules; print what is new, and with --send deliver it once. */
import { MailError } from "../../reports/mail/transport";
import { fill } from "../format/fill";
import { type AlertsSummary, alertsArgsFromConfig, runAlerts } from "../jobs/alerts";
import type { Locale } from "../model";
import { requeueFailed } from "../store/notifications";
import { CLI_ALERT_WORDS } from "./cli-words";
import { CliFailure, type Command, UsageError } from "./command";

/** The run's summary in the configured language (the subjects are already in it). */
export function describeAlertsFor(s: AlertsSummary, locale: Locale): string {
  const w = CLI_ALERT_WORDS[locale];
  const counts = {
    n: s.evaluated,
    fresh: s.fresh.length,
    sent: s.sent,
    failed: s.failures.length,
    pending: s.pending,
  };
  if (s.sendMode) return fill(w.holdSend, counts);
  return fill(w.holdDry, counts) + (s.pending > 0 ? fill(w.queuedEarlier, counts) : "");
}

function details(s: AlertsSummary, locale: Locale): string[] {
  const w = CLI_ALERT_WORDS[locale];
  const severity = (v: string) => (w as Record<string, string>)[`severity_${v}`] ?? v;
  const lines = s.fresh.map((a) => `  [${severity(a.severity)}] ${a.subject}\n      ${w.key} ${a.key}`);
  for (const f of s.failures) lines.push(`  ${w.notDelivered} (${f.channel}) ${f.key}: ${f.error}`);
  return lines;
}

export const alertsCommand: Command = {
  name: "alerts",
  summary: "Evaluate alert rules; print what would be sent, or deliver it with --send",
  usage: `Usage: cairn alerts [--send] [--days N] [--retry-failed]

Evaluates the alert rules on the stored data: budget thresholds, forecast over budget, cost
spikes (per service and pipeline, against the same weekday of the last four weeks), services
seen for the first time, stale data (no successful collection for 36 hours) and Cairn's Cost
Explorer request cap. Without --send it prints the alerts not sent yet and stores nothing.

  --send          store new alerts in the outbox, then deliver everything queued (by email to
                  CAIRN_ALERT_TO through CAIRN_MAIL_TRANSPORT, and to CAIRN_WEBHOOK_URL if set).
                  Each alert goes out once; a message that could not be delivered stays queued
                  and is retried on the next run.
  --days N        recent days examined for spikes and new services (default 7)
  --retry-failed  put messages that were given up on (after 20 attempts) back in the queue`,
  options: {
    send: { type: "boolean" },
    days: { type: "string" },
    "retry-failed": { type: "boolean" },
  },
  async run(ctx, values) {
    const days = values.days === undefined ? undefined : Number(values.days);
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 90)) {
      throw new UsageError(`--days must be a whole number from 1 to 90, got ${JSON.stringify(values.days)}`);
    }
    const send = values.send === true;
    let mail = null;
    let webhook = null;
    try {
      mail = ctx.services.mailTransport?.() ?? null;
      webhook = ctx.services.webhook?.() ?? null;
    } catch (error) {
      if (error instanceof MailError) throw new CliFailure(`mail is not configured: ${error.message}`);
      throw error;
    }
    const args = { ...alertsArgsFromConfig(ctx.config, send), ...(days !== undefined ? { lookbackDays: days } : {}) };
    if (send && !(mail && args.alertTo.length > 0) && !webhook) {
      throw new CliFailure(
        "nowhere to deliver alerts: set CAIRN_MAIL_TRANSPORT (smtp or ses), CAIRN_MAIL_FROM and CAIRN_ALERT_TO, or CAIRN_WEBHOOK_URL",
      );
    }
    const store = ctx.openStore();
    const locale = ctx.config.CAIRN_LOCALE;
    if (values["retry-failed"] === true)
      ctx.out(fill(CLI_ALERT_WORDS[locale].requeued, { n: await requeueFailed(store) }));
    const summary = await runAlerts({ store, now: ctx.now, mail, webhook }, args);
    ctx.out(describeAlertsFor(summary, locale));
    for (const l of details(summary, locale)) ctx.out(l);
    if (summary.failures.length > 0) {
      throw new CliFailure(
        `${summary.failures.length} delivery attempt(s) failed; ${summary.pending} message(s) stay queued for the next run (see \`cairn alerts\` or the Alerts page)`,
      );
    }
    return 0;
  },
};
