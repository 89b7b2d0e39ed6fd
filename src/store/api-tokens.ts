/** API tokens for `/api/v1` scripts: kept as SHA-256 hashes, each acting as its user. */
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import { apiTokens, users } from "./schema/index";
import { readDb, type Store } from "./store";
import type { Role } from "./users";

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

/** The token's user, or null. Records its use at most once an hour (a write per call is waste). */
export async function findApiToken(
  store: Store,
  tokenHash: string,
  now: Date,
): Promise<{ userId: number; email: string; role: Role } | null> {
  const db = readDb(store);
  const rows = await db
    .select({ id: apiTokens.id, userId: apiTokens.userId, email: users.email, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now.toISOString() })
    .where(and(eq(apiTokens.id, row.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, hourAgo))));
  return { userId: row.userId, email: row.email, role: row.role as Role };
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
