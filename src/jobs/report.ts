/**
 * The report job: `(deps, args) -> summary`. Builds the weekly or monthly report for a period,
 * renders it (HTML, text, charts, PDF for the monthly), and with `send` archives it and mails it
 * once: a period's report that was sent is never sent again (the archive row is claimed with a
 * lease before delivery, marked sent only once the transport accepted it, released if delivery
 * fails, and retried by a later run if the sender died). The scheduled monthly run waits for AWS to settle
 * the month until the 10th, then sends what it has, marked provisional.
 */

import type { MailTransport } from "../../reports/mail/transport";
import { buildMonthlyReport } from "../../reports/monthly/build";
import type { MonthlyFacts } from "../../reports/monthly/facts";
import type { ReportDocument } from "../../reports/render/document";
import { type RenderedReport, renderDocument } from "../../reports/render/render-document";
import type { ReportRenderers } from "../../reports/render/renderers";
import { buildWeeklyReport } from "../../reports/weekly/build";
import type { WeeklyFacts } from "../../reports/weekly/facts";
import {
  type AccountNamesConfig,
  accountNamesConfig,
  loadAccountNames,
  NO_CONFIGURED_NAMES,
} from "../accounts/load-account-names";
import type { Config } from "../config";
import { addDays, addMonths, isValidDay, isValidMonth, monthOf } from "../days";
import type { Currency, Locale } from "../model";
import type { CalibrationMode } from "../store/read/carbon-calibration";
import { archiveReport, claimReportForSending, findReport, markReportSent, releaseReportClaim } from "../store/reports";
import type { Store } from "../store/store";
import { gatherMonthlyFacts } from "./report-monthly-facts";
import { gatherWeeklyFacts, mondayOf } from "./report-weekly-facts";

export type ReportKind = "weekly" | "monthly";

export interface ReportDeps {
  store: Store;
  now: () => Date;
  mail: MailTransport | null;
  /** Chart and PDF drawing, as the runtime has it (Node: canvas + pdfkit; Workers: none). */
  renderers: ReportRenderers;
}

export interface ReportArgs {
  kind: ReportKind;
  /** `YYYY-MM` (monthly) or any day of the week (weekly); default: the last full one. */
  period?: string;
  lang: Locale;
  currency: Currency;
  send: boolean;
  to: string[];
  ceMaxRequests: number;
  factorSet: string;
  /** The default hourly value of upkeep (CAIRN_UPKEEP_HOUR_VALUE), for the monthly team section. */
  upkeepHourValueUsd?: number;
  /** Render a PDF even for the weekly report (`--out report.pdf`). */
  pdf?: boolean;
  /** Run by the scheduler: a provisional month waits until this day of the next month. */
  scheduled?: boolean;
  /** The dashboard's base URL, linked where charts or the PDF could not be drawn. */
  publicUrl?: string;
  /** CAIRN_CARBON_CALIBRATION: `aws` reports AWS's figures where it has one, labelled. */
  calibration?: CalibrationMode;
  /** CAIRN_ACCOUNT_NAMES and CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: accounts shown as "Name (id)"; absent, the demo's names only. */
  accountNames?: AccountNamesConfig;
}

/** How long a claim to send a report holds: far beyond the transport's timeouts, so a live sender keeps it. */
export const REPORT_SEND_LEASE_MS = 15 * 60_000;

/** The last day of the month after the report's month on which a scheduled run still waits. */
export const SETTLE_WAIT_UNTIL_DAY = 10;

export class ReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportError";
  }
}

export interface ReportSummary {
  kind: ReportKind;
  period: string;
  lang: Locale;
  /** What happened: built only, sent now, sent before, being sent by another run, or waiting for figures to settle. */
  outcome: "built" | "sent" | "already-sent" | "sending-elsewhere" | "waiting";
  subject: string;
  provisional: boolean;
  archiveId: number | null;
  doc: ReportDocument | null;
  rendered: RenderedReport | null;
  /** The facts the document was drawn from (`cairn report --format json` prints them). */
  facts?: MonthlyFacts | WeeklyFacts;
}

export function reportArgsFromConfig(config: Config, kind: ReportKind, send: boolean): ReportArgs {
  return {
    kind,
    lang: config.CAIRN_LOCALE,
    currency: config.CAIRN_CURRENCY,
    send,
    to: config.CAIRN_REPORT_TO ?? [],
    ceMaxRequests: config.CAIRN_CE_MAX_REQUESTS,
    factorSet: config.CAIRN_FACTOR_SET,
    upkeepHourValueUsd: config.CAIRN_UPKEEP_HOUR_VALUE,
    calibration: config.CAIRN_CARBON_CALIBRATION,
    publicUrl: config.CAIRN_PUBLIC_URL ?? `http://localhost:${config.CAIRN_PORT}`,
    accountNames: accountNamesConfig(config),
  };
}

/** The period a report covers: given, or the last full month / week before today. */
export function reportPeriod(kind: ReportKind, today: string, given?: string): string {
  if (kind === "monthly") {
    if (given === undefined) return addMonths(monthOf(today), -1);
    if (!isValidMonth(given))
      throw new ReportError(`a monthly period is a month YYYY-MM, got ${JSON.stringify(given)}`);
    return given;
  }
  if (given === undefined) return addDays(mondayOf(today), -7);
  if (!isValidDay(given))
    throw new ReportError(`a weekly period is a day YYYY-MM-DD of that week, got ${JSON.stringify(given)}`);
  return mondayOf(given);
}

export async function runReport(deps: ReportDeps, args: ReportArgs): Promise<ReportSummary> {
  const now = deps.now();
  const createdAt = now.toISOString();
  const today = createdAt.slice(0, 10);
  const period = reportPeriod(args.kind, today, args.period);
  const base = { kind: args.kind, period, lang: args.lang };
  if (args.send) {
    if (!deps.mail) throw new ReportError("no mail transport is configured (CAIRN_SMTP_URL or CAIRN_MAIL_TRANSPORT)");
    if (args.to.length === 0) throw new ReportError("no recipient: set CAIRN_REPORT_TO");
    const existing = await findReport(deps.store, args.kind, period, args.lang);
    if (existing?.sentAt) {
      return {
        ...base,
        outcome: "already-sent",
        subject: existing.subject,
        provisional: existing.provisional,
        archiveId: existing.id,
        doc: null,
        rendered: null,
      };
    }
  }
  const facts =
    args.kind === "monthly"
      ? await gatherMonthlyFacts(deps.store, {
          month: period,
          today,
          currency: args.currency,
          ceMaxRequests: args.ceMaxRequests,
          factorSet: args.factorSet,
          upkeepHourValueUsd: args.upkeepHourValueUsd,
          calibration: args.calibration,
          accountNames: await loadAccountNames(deps.store, args.accountNames ?? NO_CONFIGURED_NAMES),
        })
      : await gatherWeeklyFacts(deps.store, {
          week: period,
          now,
          currency: args.currency,
          ceMaxRequests: args.ceMaxRequests,
          calibration: args.calibration,
        });
  const doc =
    "dataDay" in facts
      ? buildWeeklyReport(facts, { lang: args.lang })
      : buildMonthlyReport(facts, { lang: args.lang, madeOn: today });
  const waiting =
    args.scheduled === true &&
    args.kind === "monthly" &&
    doc.provisional &&
    today < `${addMonths(period, 1)}-${String(SETTLE_WAIT_UNTIL_DAY).padStart(2, "0")}`;
  if (waiting)
    return {
      facts,
      ...base,
      outcome: "waiting",
      subject: doc.subject,
      provisional: true,
      archiveId: null,
      doc,
      rendered: null,
    };
  const rendered = await renderDocument(doc, deps.renderers, {
    pdf: args.kind === "monthly" || args.pdf === true,
    createdAt,
    ...(args.publicUrl ? { publicUrl: args.publicUrl } : {}),
  });
  if (!args.send)
    return {
      facts,
      ...base,
      outcome: "built",
      subject: doc.subject,
      provisional: doc.provisional,
      archiveId: null,
      doc,
      rendered,
    };

  const archived = await archiveReport(deps.store, {
    kind: args.kind,
    period,
    lang: args.lang,
    subject: doc.subject,
    html: rendered.archiveHtml,
    text: rendered.text,
    pdf: rendered.pdf,
    provisional: doc.provisional,
    createdAt,
  });
  const summary = { ...base, facts, subject: doc.subject, provisional: doc.provisional, doc, rendered };
  if (!archived) {
    const row = await findReport(deps.store, args.kind, period, args.lang);
    return { ...summary, outcome: "already-sent", archiveId: row?.id ?? null };
  }
  const token = crypto.randomUUID();
  const claimed = await claimReportForSending(deps.store, archived.id, {
    token,
    at: createdAt,
    leaseUntil: new Date(now.getTime() + REPORT_SEND_LEASE_MS).toISOString(),
  });
  if (!claimed) {
    const row = await findReport(deps.store, args.kind, period, args.lang);
    return { ...summary, outcome: row?.sentAt ? "already-sent" : "sending-elsewhere", archiveId: row?.id ?? null };
  }
  try {
    await (deps.mail as MailTransport).send({
      to: args.to,
      subject: doc.subject,
      text: rendered.text,
      html: rendered.mailHtml,
      attachments: rendered.attachments,
      ...(claimed.messageId ? { messageKey: claimed.messageId } : {}),
    });
  } catch (error) {
    await releaseReportClaim(deps.store, archived.id, token);
    throw new ReportError(`the report was archived but not sent: ${(error as Error).message}`);
  }
  // Only now, with the transport's acceptance: a run that dies before this leaves the claim to expire and be retried.
  await markReportSent(deps.store, archived.id, token, deps.now().toISOString());
  return { ...summary, outcome: "sent", archiveId: archived.id };
}

export function describeReportSummary(s: ReportSummary): string {
  const what = `${s.kind} report ${s.period} (${s.lang})${s.provisional && s.kind === "monthly" ? ", provisional figures" : ""}`;
  switch (s.outcome) {
    case "sent":
      return `${what}: sent and archived (#${s.archiveId})`;
    case "already-sent":
      return `${what}: already sent, not sent again`;
    case "sending-elsewhere":
      return `${what}: another run is sending it now, not sent twice`;
    case "waiting":
      return `${what}: figures not settled yet, waiting (sent by the ${SETTLE_WAIT_UNTIL_DAY}th at the latest)`;
    default:
      return `${what}: built, not sent`;
  }
}

/**
 * The scheduler's two report jobs (job table: `weekly-report`, `monthly-report`), for Node and
 * Workers alike: the root passes the renderers its runtime has. Without a mail transport or
 * recipients they say so and do nothing.
 */
export function reportJobHandlers(deps: {
  store: Store;
  now: () => Date;
  config: Config;
  mail: () => MailTransport | null;
  renderers: ReportRenderers;
}): { "weekly-report": () => Promise<string>; "monthly-report": () => Promise<string> } {
  const run = async (kind: ReportKind) => {
    const args = { ...reportArgsFromConfig(deps.config, kind, true), scheduled: true };
    const mail = deps.mail();
    if (!mail || args.to.length === 0)
      return `${kind} report skipped: ${mail ? "CAIRN_REPORT_TO is empty" : "no mail transport configured"}`;
    return describeReportSummary(
      await runReport({ store: deps.store, now: deps.now, mail, renderers: deps.renderers }, args),
    );
  };
  return { "weekly-report": () => run("weekly"), "monthly-report": () => run("monthly") };
}
