/**
 * The report archive: one row per kind, period and language. A report is sent once: sending
 * claims the row (sent_at set only where it is still null) before the message goes out, and
 * gives the claim back if delivery fails, so two runs never both send it.
 */
import { and, desc, eq, isNull } from "drizzle-orm";
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

/** True when this call claimed the report for sending (nobody had sent it). */
export async function claimReportForSending(store: Store, id: number, at: string): Promise<boolean> {
  const rows = await readDb(store)
    .update(reports)
    .set({ sentAt: at })
    .where(and(eq(reports.id, id), isNull(reports.sentAt)))
    .returning({ id: reports.id });
  return rows.length > 0;
}

export async function releaseReportClaim(store: Store, id: number): Promise<void> {
  await readDb(store).update(reports).set({ sentAt: null }).where(eq(reports.id, id));
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
