/**
 * The notification outbox. A message is stored (queued) before any attempt to send it, and
 * marked sent after; the unique (key, channel) index makes "a key is delivered once per
 * channel" a property of the database, not of the code path. A failed attempt leaves it queued
 * with the attempt counted and the error kept, so the next run sends it; after MAX_ATTEMPTS it
 * is marked failed and shown as such.
 */
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { notifications } from "./schema/index";
import { readDb, type Store } from "./store";

export const MAX_ATTEMPTS = 20;

export type Channel = "email" | "webhook";
export type NotificationStatus = "queued" | "sent" | "failed" | "covered";

export interface NewNotification {
  key: string;
  channel: Channel;
  kind: string;
  recipients: string[];
  subject: string;
  bodyText: string;
  bodyHtml: string | null;
  payload: unknown;
  /** `covered`: recorded as done because another alert of the same run said it. */
  status?: "queued" | "covered";
}

export type NotificationRow = typeof notifications.$inferSelect;

/** Keys already recorded on a channel, whatever their state. */
export async function knownKeys(store: Store, channel?: Channel): Promise<Set<string>> {
  const rows = await readDb(store)
    .select({ key: notifications.key })
    .from(notifications)
    .where(channel ? eq(notifications.channel, channel) : undefined);
  return new Set(rows.map((r) => r.key));
}

/** Stores messages whose (key, channel) is new; returns how many were added. */
export async function enqueue(store: Store, items: readonly NewNotification[], at: string): Promise<number> {
  let added = 0;
  for (const item of items) {
    const rows = await readDb(store)
      .insert(notifications)
      .values({
        key: item.key,
        channel: item.channel,
        kind: item.kind,
        recipients: item.recipients.join(", "),
        subject: item.subject,
        bodyText: item.bodyText,
        bodyHtml: item.bodyHtml,
        payload: item.payload,
        status: item.status ?? "queued",
        attempts: 0,
        createdAt: at,
      })
      .onConflictDoNothing({ target: [notifications.key, notifications.channel] })
      .returning({ id: notifications.id });
    added += rows.length;
  }
  return added;
}

/** Messages still to send on a channel, oldest first. */
export async function pendingNotifications(store: Store, channel: Channel): Promise<NotificationRow[]> {
  return readDb(store)
    .select()
    .from(notifications)
    .where(and(eq(notifications.channel, channel), eq(notifications.status, "queued")))
    .orderBy(notifications.id);
}

export async function markSent(store: Store, id: number, at: string): Promise<void> {
  await readDb(store)
    .update(notifications)
    .set({ status: "sent", sentAt: at, attempts: sql`${notifications.attempts} + 1`, lastError: null })
    .where(eq(notifications.id, id));
}

export async function markAttemptFailed(store: Store, id: number, error: string): Promise<NotificationStatus> {
  const rows = await readDb(store)
    .update(notifications)
    .set({ attempts: sql`${notifications.attempts} + 1`, lastError: error.slice(0, 2000) })
    .where(eq(notifications.id, id))
    .returning({ attempts: notifications.attempts });
  const attempts = rows[0]?.attempts ?? 0;
  if (attempts < MAX_ATTEMPTS) return "queued";
  await readDb(store)
    .update(notifications)
    .set({ status: "failed" })
    .where(and(eq(notifications.id, id), lt(notifications.attempts, MAX_ATTEMPTS + 1)));
  return "failed";
}

/** Puts given-up messages back in the queue (after fixing the mail settings). */
export async function requeueFailed(store: Store): Promise<number> {
  const rows = await readDb(store)
    .update(notifications)
    .set({ status: "queued", attempts: 0 })
    .where(eq(notifications.status, "failed"))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The newest messages, for the alerts page. */
export async function recentNotifications(store: Store, limit: number, statuses?: NotificationStatus[]) {
  return readDb(store)
    .select()
    .from(notifications)
    .where(statuses ? inArray(notifications.status, statuses) : undefined)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}
