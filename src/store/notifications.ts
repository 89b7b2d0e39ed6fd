/**
 * The notification outbox. A message is stored (queued) before any attempt to send it; a sender
 * claims it (one conditional UPDATE: `sending`, with a lease and the sender's token) before the
 * attempt, so two overlapping runs never both send it, and only the claimant marks it sent, after
 * the transport accepted it. A sender that died leaves it `sending` until the lease expires; the
 * next run then retries it with the same Message-ID. The unique (key, channel) index makes "a
 * key is delivered once per channel" a property of the database, not of the code path. A failed
 * attempt puts it back in the queue with the attempt counted and the error kept; after
 * MAX_ATTEMPTS it is marked failed and shown as such.
 */
import { and, desc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { notifications } from "./schema/index";
import { readDb, type Store } from "./store";

export const MAX_ATTEMPTS = 20;

export type Channel = "email" | "webhook";
export type NotificationStatus = "queued" | "sending" | "sent" | "failed" | "covered";

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

/** Queued, or claimed by a sender whose lease has run out (it died or hung): to send. */
function claimable(at: string) {
  return or(
    eq(notifications.status, "queued"),
    and(eq(notifications.status, "sending"), lt(notifications.leaseUntil, at)),
  );
}

/** Messages still to send on a channel, oldest first (`at`: now, to see expired claims). */
export async function pendingNotifications(store: Store, channel: Channel, at?: string): Promise<NotificationRow[]> {
  return readDb(store)
    .select()
    .from(notifications)
    .where(and(eq(notifications.channel, channel), claimable(at ?? new Date(0).toISOString())))
    .orderBy(notifications.id);
}

export interface Claim {
  token: string;
  at: string;
  leaseUntil: string;
}

/**
 * Claims one message for sending; null when another sender has it (or it was sent meanwhile).
 * The Message-ID key is fixed at the first claim and kept by every retry.
 */
export async function claimNotification(store: Store, id: number, claim: Claim): Promise<NotificationRow | null> {
  const rows = await readDb(store)
    .update(notifications)
    .set({
      status: "sending",
      leaseUntil: claim.leaseUntil,
      claimToken: claim.token,
      messageId: sql`coalesce(${notifications.messageId}, 'cairn.' || ${notifications.channel} || '.' || ${notifications.id} || '.' || ${notifications.kind})`,
    })
    .where(and(eq(notifications.id, id), claimable(claim.at)))
    .returning();
  return rows[0] ?? null;
}

/** Marks a claimed message sent: only its claimant can. */
export async function markSent(store: Store, id: number, token: string, at: string): Promise<void> {
  await readDb(store)
    .update(notifications)
    .set({
      status: "sent",
      sentAt: at,
      attempts: sql`${notifications.attempts} + 1`,
      lastError: null,
      leaseUntil: null,
      claimToken: null,
    })
    .where(and(eq(notifications.id, id), eq(notifications.claimToken, token)));
}

/** Gives a claimed message back after a failed attempt: queued again, or failed after MAX_ATTEMPTS. */
export async function markAttemptFailed(
  store: Store,
  id: number,
  token: string,
  error: string,
): Promise<NotificationStatus> {
  const rows = await readDb(store)
    .update(notifications)
    .set({
      status: sql`CASE WHEN ${notifications.attempts} + 1 >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'queued' END`,
      attempts: sql`${notifications.attempts} + 1`,
      lastError: error.slice(0, 2000),
      leaseUntil: null,
      claimToken: null,
    })
    .where(and(eq(notifications.id, id), eq(notifications.claimToken, token)))
    .returning({ status: notifications.status });
  return (rows[0]?.status as NotificationStatus | undefined) ?? "queued";
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
