/**
 * The report archive: one row per kind, period and language. A report is sent once: a sender
 * claims the row (a lease and its token, only where it is unsent and unclaimed or the claim
 * expired) before the message goes out, and `sent_at` is set only after the transport accepted
 * it. A failed delivery gives the claim back; a sender that died leaves a claim that expires,
 * and the next run sends the report, with the same Message-ID.
 */
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { reports } from "./schema/index";
import { readDb, type Store } from "./store";

export type ReportRow = typeof reports.$inferSelect;

export interface NewReport {
  kind: "weekly" | "monthly";
  period: string;
  lang: string;
  subject: string;
  html: string;
  text: string;
  pdf: Uint8Array | null;
  provisional: boolean;
  createdAt: string;
}

export async function findReport(store: Store, kind: string, period: string, lang: string): Promise<ReportRow | null> {
  const rows = await readDb(store)
    .select()
    .from(reports)
    .where(and(eq(reports.kind, kind), eq(reports.period, period), eq(reports.lang, lang)))
    .limit(1);
  return rows[0] ?? null;
}

/** Stores the report, replacing an earlier unsent version; a sent report is never rewritten. */
export async function archiveReport(
  store: Store,
  report: NewReport,
): Promise<{ id: number; replaced: boolean } | null> {
  const existing = await findReport(store, report.kind, report.period, report.lang);
  if (existing?.sentAt) return null;
  const values = { ...report, pdf: report.pdf ? Buffer.from(report.pdf) : null };
  if (existing) {
    await readDb(store)
      .update(reports)
      .set(values)
      .where(and(eq(reports.id, existing.id), isNull(reports.sentAt)));
    return { id: existing.id, replaced: true };
  }
  const rows = await readDb(store).insert(reports).values(values).returning({ id: reports.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error("could not archive the report");
  return { id, replaced: false };
}

export interface ReportClaim {
  token: string;
  at: string;
  leaseUntil: string;
}

/** The claimed row (its Message-ID key fixed at the first claim), or null when someone else has it or sent it. */
export async function claimReportForSending(store: Store, id: number, claim: ReportClaim): Promise<ReportRow | null> {
  const rows = await readDb(store)
    .update(reports)
    .set({
      sendingUntil: claim.leaseUntil,
      claimToken: claim.token,
      messageId: sql`coalesce(${reports.messageId}, 'cairn.report.' || ${reports.kind} || '.' || ${reports.period} || '.' || ${reports.lang} || '.' || ${reports.id})`,
    })
    .where(
      and(
        eq(reports.id, id),
        isNull(reports.sentAt),
        or(isNull(reports.sendingUntil), lt(reports.sendingUntil, claim.at)),
      ),
    )
    .returning();
  return rows[0] ?? null;
}

/** Records the report as sent, once the transport accepted it: only the claimant can. */
export async function markReportSent(store: Store, id: number, token: string, at: string): Promise<void> {
  await readDb(store)
    .update(reports)
    .set({ sentAt: at, sendingUntil: null, claimToken: null })
    .where(and(eq(reports.id, id), eq(reports.claimToken, token)));
}

export async function releaseReportClaim(store: Store, id: number, token: string): Promise<void> {
  await readDb(store)
    .update(reports)
    .set({ sendingUntil: null, claimToken: null })
    .where(and(eq(reports.id, id), eq(reports.claimToken, token)));
}

export type ReportSummaryRow = Omit<ReportRow, "html" | "text" | "pdf"> & { hasPdf: boolean };

export async function listReports(store: Store, limit = 200): Promise<ReportSummaryRow[]> {
  const rows = await readDb(store)
    .select()
    .from(reports)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit);
  return rows.map(({ html: _h, text: _t, pdf, ...rest }) => ({ ...rest, hasPdf: pdf !== null }));
}

export async function getReport(store: Store, id: number): Promise<ReportRow | null> {
  const rows = await readDb(store).select().from(reports).where(eq(reports.id, id)).limit(1);
  return rows[0] ?? null;
}
