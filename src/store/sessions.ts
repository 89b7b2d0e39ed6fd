/**
 * Sign-in sessions, kept by the SHA-256 of the cookie value (a copied database yields no live
 * session), each with its CSRF token and an absolute expiry.
 */
import { and, desc, eq, gt, lt, notInArray } from "drizzle-orm";
import { sessions, users } from "./schema/index";
import { readDb, type Store } from "./store";
import type { Role } from "./users";

export interface SessionRecord {
  idHash: string;
  userId: number;
  email: string;
  role: Role;
  csrfToken: string;
  expiresAt: string;
}

export async function insertSession(
  store: Store,
  session: { idHash: string; userId: number; csrfToken: string; expiresAt: string },
  at: string,
): Promise<void> {
  await readDb(store)
    .insert(sessions)
    .values({ ...session, createdAt: at });
}

/** The live session with that hash and its user, or null (unknown or expired). */
export async function findSession(store: Store, idHash: string, nowIso: string): Promise<SessionRecord | null> {
  const rows = await readDb(store)
    .select({
      idHash: sessions.idHash,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      email: users.email,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, nowIso)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row, role: row.role as Role } : null;
}

export async function deleteSession(store: Store, idHash: string): Promise<void> {
  await readDb(store).delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Drops expired sessions; called on each sign-in so the table stays small without a job. */
export async function deleteExpiredSessions(store: Store, nowIso: string): Promise<void> {
  await readDb(store).delete(sessions).where(lt(sessions.expiresAt, nowIso));
}

/** Deletes a user's sessions but the `keep` newest (the demo user's, one per cookieless request). */
export async function keepNewestSessions(store: Store, userId: number, keep: number): Promise<void> {
  const db = readDb(store);
  const newest = await db
    .select({ idHash: sessions.idHash })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt))
    .limit(keep);
  await db.delete(sessions).where(
    and(
      eq(sessions.userId, userId),
      notInArray(
        sessions.idHash,
        newest.map((r) => r.idHash),
      ),
    ),
  );
}
