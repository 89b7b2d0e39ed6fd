/** API tokens for `/api/v1` scripts: kept as SHA-256 hashes, each acting as its user. */
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens, users } from "./schema/index";
import { readDb, type Store } from "./store";
import type { Role } from "./users";
import { writeWithoutWaiting } from "./write-without-waiting";

export interface ApiTokenInfo {
  id: number;
  name: string;
  email: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export async function insertApiToken(
  store: Store,
  token: { userId: number; name: string; tokenHash: string },
  at: string,
): Promise<void> {
  await readDb(store)
    .insert(apiTokens)
    .values({ ...token, createdAt: at });
}

/** The token's user, or null. Reads only: recording its use is `recordApiTokenUse`, rate-limited by the caller. */
export async function findApiToken(
  store: Store,
  tokenHash: string,
): Promise<{ tokenId: number; lastUsedAt: string | null; userId: number; email: string; role: Role } | null> {
  const rows = await readDb(store)
    .select({
      id: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      userId: apiTokens.userId,
      email: users.email,
      role: users.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return { tokenId: row.id, lastUsedAt: row.lastUsedAt, userId: row.userId, email: row.email, role: row.role as Role };
}

/**
 * Stamps a token's last use, never waiting for the database: while another process writes (a
 * large import), the stamp is skipped (false) rather than holding the API request.
 */
export async function recordApiTokenUse(store: Store, tokenId: number, at: string): Promise<boolean> {
  return writeWithoutWaiting(store, () =>
    readDb(store)
      .update(apiTokens)
      .set({ lastUsedAt: at })
      .where(and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, at)))),
  );
}

export async function listApiTokens(store: Store): Promise<ApiTokenInfo[]> {
  return readDb(store)
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      email: users.email,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(asc(apiTokens.name));
}

/** Removes every token of that name. Returns how many went. */
export async function removeApiToken(store: Store, name: string): Promise<number> {
  const rows = await readDb(store).delete(apiTokens).where(eq(apiTokens.name, name)).returning({ id: apiTokens.id });
  return rows.length;
}
