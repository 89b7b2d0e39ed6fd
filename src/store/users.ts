/** Dashboard users: email, role and password hash. Hashing happens in src/auth/password.ts. */
import { asc, count, eq } from "drizzle-orm";
import { apiTokens, sessions, users } from "./schema/index";
import { readDb, type Store } from "./store";

export type Role = "viewer" | "admin";
export const ROLES: readonly Role[] = ["viewer", "admin"];

export interface User {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

/** Emails are compared lower-case and trimmed: `Anne@X.org` and `anne@x.org` are one user. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(row: typeof users.$inferSelect): UserWithHash {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    createdAt: row.createdAt,
    passwordHash: row.passwordHash,
  };
}

/**
 * Creates the user, or sets the role and password of the existing one. Returns its id. A new
 * password ends the user's sessions and API tokens: a reset after a leak must lock the holder
 * of the old one out everywhere.
 */
export async function saveUser(
  store: Store,
  user: { email: string; role: Role; passwordHash: string },
  at: string,
): Promise<number> {
  const email = normaliseEmail(user.email);
  const before = await findUserByEmail(store, email);
  const rows = await readDb(store)
    .insert(users)
    .values({ email, role: user.role, passwordHash: user.passwordHash, createdAt: at })
    .onConflictDoUpdate({ target: users.email, set: { role: user.role, passwordHash: user.passwordHash } })
    .returning({ id: users.id });
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`could not save user ${email}`);
  if (before && before.passwordHash !== user.passwordHash) {
    await readDb(store).delete(sessions).where(eq(sessions.userId, id));
    await readDb(store).delete(apiTokens).where(eq(apiTokens.userId, id));
  }
  return id;
}

export async function findUserByEmail(store: Store, email: string): Promise<UserWithHash | null> {
  const rows = await readDb(store)
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)))
    .limit(1);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await readDb(store).select().from(users).orderBy(asc(users.email));
  return rows.map(({ passwordHash: _, ...u }) => ({ ...u, role: u.role as Role }));
}

export async function countUsers(store: Store): Promise<number> {
  const [row] = await readDb(store).select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** Removes the user with their sessions and tokens (cascade). Returns whether one existed. */
export async function removeUser(store: Store, email: string): Promise<boolean> {
  const rows = await readDb(store)
    .delete(users)
    .where(eq(users.email, normaliseEmail(email)))
    .returning({ id: users.id });
  return rows.length > 0;
}
