/**
 * The alerts job: `(deps, args) -> summary`. Evaluates every rule over the stored data; without
 * `send`, reports what would go out and stores nothing. With `send`, each new alert is stored in
 * the outbox (one row per channel, before any attempt), then everything queued is delivered,
 * earlier failures included. A key is delivered once per channel, ever: the outbox's unique
 * index guarantees it. The scheduler calls this after each collection (`alertsArgsFromConfig`).
 */

import { type AlertEmail, buildAlertEmail } from "../../reports/alerts/alert-email";
import type { MailTransport } from "../../reports/mail/transport";
import type { WebhookMessage, WebhookTransport } from "../../reports/mail/webhook";
import {
  type AccountNamesConfig,
  accountNamesConfig,
  loadAccountNames,
  NO_CONFIGURED_NAMES,
} from "../accounts/load-account-names";
import { type Alert, newAlerts } from "../analysis/alert-rules/alert";
import { evaluateAlerts } from "../analysis/alert-rules/index";
import type { Config } from "../config";
import type { Currency, Day, Locale } from "../model";
import { recordIncidents } from "../store/incidents";
import {
  type Channel,
  claimNotification,
  enqueue,
  knownKeys,
  markAttemptFailed,
  markSent,
  type NewNotification,
  type NotificationRow,
  pendingNotifications,
} from "../store/notifications";
import { gatherAlertInputs } from "../store/read/alert-inputs";
import type { Store } from "../store/store";
import { configuredSources } from "./health";

export interface AlertsDeps {
  store: Store;
  now: () => Date;
  /** The wall clock for the run's send bound (defaults to `now`; tests may pin `now`). */
  clock?: () => number;
  /** The configured mail transport; null when none is. */
  mail: MailTransport | null;
  webhook: WebhookTransport | null;
}

export interface AlertsArgs {
  send: boolean;
  locale: Locale;
  currency: Currency;
  /** Dashboard base URL for links. */
  publicUrl: string;
  alertTo: string[];
  ceMaxRequests: number;
  /** The configured sources the stale-data rule watches (./health.ts, configuredSources). */
  sources: string[];
  /** Recent days examined for anomalies and new services (default 7). */
  lookbackDays?: number;
  /** CAIRN_ACCOUNT_NAMES and CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: accounts named in the emails; absent, the demo's names only. */
  accountNames?: AccountNamesConfig;
  /** No new delivery starts after this many ms of sending (CAIRN_MAIL_RUN_SECONDS); the rest waits for the next run. */
  sendBudgetMs?: number;
  /** The last day of data the run may see (a replay of past runs; see gatherAlertInputs). */
  dataUpTo?: Day;
}

export interface AlertLine {
  key: string;
  rule: string;
  severity: string;
  subject: string;
}

export interface AlertsSummary {
  sendMode: boolean;
  channels: Channel[];
  /** Alerts whose condition holds now. */
  evaluated: number;
  /** Those never recorded before: what this run sends (or would send). */
  fresh: AlertLine[];
  enqueued: number;
  sent: number;
  failures: { key: string; channel: Channel; error: string }[];
  /** Messages still queued after this run (to retry on the next). */
  pending: number;
}

export const DEFAULT_LOOKBACK_DAYS = 7;
export const DEFAULT_SEND_BUDGET_MS = 120_000;
/** After this many failures in a row a channel is left for the next run. */
const MAX_FAILURES_IN_A_ROW = 2;

export function alertsArgsFromConfig(config: Config, send: boolean): AlertsArgs {
  return {
    send,
    locale: config.CAIRN_LOCALE,
    currency: config.CAIRN_CURRENCY,
    publicUrl: config.CAIRN_PUBLIC_URL ?? `http://localhost:${config.CAIRN_PORT}`,
    alertTo: config.CAIRN_ALERT_TO ?? [],
    ceMaxRequests: config.CAIRN_CE_MAX_REQUESTS,
    sources: configuredSources(config),
    sendBudgetMs: config.CAIRN_MAIL_RUN_SECONDS * 1000,
    accountNames: accountNamesConfig(config),
  };
}

function channelsOf(deps: AlertsDeps, args: AlertsArgs): Channel[] {
  const channels: Channel[] = [];
  if (deps.mail && args.alertTo.length > 0) channels.push("email");
  if (deps.webhook) channels.push("webhook");
  return channels;
}

function rowsFor(alert: Alert, email: AlertEmail, channel: Channel, args: AlertsArgs): NewNotification[] {
  const webhook: WebhookMessage = {
    text: email.webhookText,
    subject: email.subject,
    key: alert.key,
    rule: alert.rule,
    severity: alert.severity,
    link: email.link,
  };
  const main: NewNotification = {
    key: alert.key,
    channel,
    kind: alert.rule,
    recipients: channel === "email" ? args.alertTo : [],
    subject: email.subject,
    bodyText: email.text,
    bodyHtml: channel === "email" ? email.html : null,
    payload: channel === "webhook" ? webhook : { facts: alert.facts },
  };
  const covered = alert.covers.map((key) => ({
    ...main,
    key,
    bodyText: `Covered by ${alert.key}`,
    bodyHtml: null,
    payload: { coveredBy: alert.key },
    status: "covered" as const,
  }));
  return [main, ...covered];
}

/** A claim outlives any one attempt (transport timeouts are far shorter), so a live sender keeps it. */
export const DELIVERY_LEASE_MS = 15 * 60_000;

async function deliver(
  deps: AlertsDeps,
  channel: Channel,
  summary: AlertsSummary,
  deadline: { at: number; clock: () => number },
): Promise<void> {
  const queue = await pendingNotifications(deps.store, channel, deps.now().toISOString());
  let failuresInARow = 0;
  for (const candidate of queue) {
    if (failuresInARow >= MAX_FAILURES_IN_A_ROW) break;
    if (deadline.clock() >= deadline.at) break;
    const now = deps.now();
    const token = crypto.randomUUID();
    // Another sender (a second `cairn alerts --send`, the scheduler) may have it: skip it then.
    const row = await claimNotification(deps.store, candidate.id, {
      token,
      at: now.toISOString(),
      leaseUntil: new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString(),
    });
    if (!row) continue;
    try {
      await sendRow(deps, channel, row);
    } catch (error) {
      const message = (error as Error).message;
      await markAttemptFailed(deps.store, row.id, token, message);
      summary.failures.push({ key: row.key, channel, error: message });
      failuresInARow += 1;
      continue;
    }
    await markSent(deps.store, row.id, token, deps.now().toISOString());
    summary.sent += 1;
    failuresInARow = 0;
  }
  summary.pending += (await pendingNotifications(deps.store, channel, deps.now().toISOString())).length;
}

async function sendRow(deps: AlertsDeps, channel: Channel, row: NotificationRow): Promise<void> {
  if (channel === "webhook") {
    if (!deps.webhook) throw new Error("no webhook configured");
    await deps.webhook.post(row.payload as WebhookMessage);
    return;
  }
  if (!deps.mail) throw new Error("no mail transport configured");
  await deps.mail.send({
    to: row.recipients
      .split(",")
      .map((r) => r.trim())
      .filter((r) => r !== ""),
    subject: row.subject,
    text: row.bodyText,
    html: row.bodyHtml ?? "",
    ...(row.messageId ? { messageKey: row.messageId } : {}),
  });
}

export async function runAlerts(deps: AlertsDeps, args: AlertsArgs): Promise<AlertsSummary> {
  const now = deps.now();
  const inputs = await gatherAlertInputs(deps.store, {
    now,
    display: args.currency,
    ceMaxRequests: args.ceMaxRequests,
    lookbackDays: args.lookbackDays ?? DEFAULT_LOOKBACK_DAYS,
    sources: args.sources,
    ...(args.dataUpTo !== undefined ? { dataUpTo: args.dataUpTo } : {}),
  });
  const all = evaluateAlerts(inputs);
  const coveredNow = new Set(all.flatMap((a) => a.covers));
  const alerts = all.filter((a) => !coveredNow.has(a.key));
  const channels = channelsOf(deps, args);
  const summary: AlertsSummary = {
    sendMode: args.send,
    channels,
    evaluated: alerts.length,
    fresh: [],
    enqueued: 0,
    sent: 0,
    failures: [],
    pending: 0,
  };
  const ctx = {
    locale: args.locale,
    publicUrl: args.publicUrl,
    accountNames: await loadAccountNames(deps.store, args.accountNames ?? NO_CONFIGURED_NAMES),
  };
  // An alert is new when some channel has not recorded it (all of them when none is configured).
  const known = await Promise.all((channels.length > 0 ? channels : [undefined]).map((c) => knownKeys(deps.store, c)));
  const fresh = alerts.filter((a) => known.some((keys) => newAlerts([a], keys).length > 0));
  const emails = new Map(fresh.map((a) => [a.key, buildAlertEmail(a, ctx)]));
  summary.fresh = fresh.map((a) => ({
    key: a.key,
    rule: a.rule,
    severity: a.severity,
    subject: emails.get(a.key)?.subject ?? "",
  }));

  if (!args.send) {
    for (const channel of channels) summary.pending += (await pendingNotifications(deps.store, channel)).length;
    return summary;
  }
  const at = now.toISOString();
  // Incidents are recorded whatever the channels, so an admin can acknowledge or resolve them.
  await recordIncidents(
    deps.store,
    alerts.flatMap((a) => (a.facts.rule === "incident" ? [a.facts.data.incident] : [])),
    at,
  );
  for (const channel of channels) {
    const rows = fresh.flatMap((a) => rowsFor(a, emails.get(a.key) as AlertEmail, channel, args));
    summary.enqueued += await enqueue(
      deps.store,
      rows.filter((r) => r.status !== "covered"),
      at,
    );
    await enqueue(
      deps.store,
      rows.filter((r) => r.status === "covered"),
      at,
    );
  }
  const clock = deps.clock ?? (() => Date.now());
  const deadline = { at: clock() + (args.sendBudgetMs ?? DEFAULT_SEND_BUDGET_MS), clock };
  for (const channel of channels) await deliver(deps, channel, summary, deadline);
  return summary;
}

/** One line for the scheduler's log, several for the CLI. */
export function describeAlertsSummary(s: AlertsSummary): string {
  const head = s.sendMode
    ? `${s.evaluated} alert(s) hold, ${s.fresh.length} new; ${s.sent} message(s) sent, ${s.failures.length} failed, ${s.pending} still queued`
    : `${s.evaluated} alert(s) hold, ${s.fresh.length} new (would be sent)${s.pending > 0 ? `; ${s.pending} message(s) queued from earlier runs` : ""}`;
  return head;
}
