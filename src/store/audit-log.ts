/** The audit log's writes and reads (see schema/audit.ts). */
import { desc } from "drizzle-orm";
import { auditLog } from "./schema/index";
import { readDb, type Store } from "./store";

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  /** Recorded as JSON; the caller leaves secrets out. */
  detail?: Record<string, unknown>;
}

export async function recordAudit(store: Store, entry: AuditEntry, at: string): Promise<void> {
  await readDb(store)
    .insert(auditLog)
    .values({
      at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      detail: JSON.stringify(entry.detail ?? {}),
    });
}

export async function listAudit(store: Store, limit = 200) {
  return readDb(store).select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit);
}
