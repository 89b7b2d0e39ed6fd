/**
 * Friction-free local demo without weakening production. `cairn serve --demo` creates the demo
 * admin (only when the database has no user at all) and prints its password; while it serves,
 * a browser on the same machine is signed in as that user automatically. "The same machine"
 * means both a loopback socket address AND a loopback Host header, so neither a remote client
 * nor a DNS-rebinding page can ride on it. Without --demo none of this exists.
 */
import type { Context } from "hono";
import { hashPassword, randomSecret } from "../../src/auth/password";
import { keepNewestSessions } from "../../src/store/sessions";
import { countUsers, findUserByEmail, saveUser } from "../../src/store/users";
import type { WebDeps } from "../deps";
import { setSessionCookie, startSession } from "./session";
import type { Viewer } from "./viewer";

export const DEMO_EMAIL = "demo@cairn.localhost";
/**
 * Demo sessions kept: each cookieless request (curl, a script, a private window) starts one,
 * and without a bound a loop of them filled the sessions table.
 */
export const DEMO_SESSIONS_KEPT = 10;

const LOOPBACK_ADDRESSES = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Creates the demo admin when there is no user yet; returns its credentials, or null. */
export async function ensureDemoUser(
  deps: Pick<WebDeps, "store" | "now">,
): Promise<{ email: string; password: string } | null> {
  if ((await countUsers(deps.store)) > 0) return null;
  const password = randomSecret(12);
  await saveUser(
    deps.store,
    { email: DEMO_EMAIL, role: "admin", passwordHash: await hashPassword(password) },
    deps.now().toISOString(),
  );
  return { email: DEMO_EMAIL, password };
}

export function isLoopbackRequest(c: Context, deps: WebDeps): boolean {
  const address = deps.auth?.clientAddress?.(c);
  if (address === undefined || !LOOPBACK_ADDRESSES.has(address)) return false;
  const host = (c.req.header("host") ?? "").toLowerCase().replace(/:\d+$/, "");
  return LOOPBACK_HOSTS.has(host);
}

/** Signs the request in as the demo user when demo mode, loopback and the user all hold. */
export async function demoSignIn(c: Context, deps: WebDeps): Promise<Viewer | null> {
  if (deps.auth?.demoAutoSignIn !== true || !isLoopbackRequest(c, deps)) return null;
  const user = await findUserByEmail(deps.store, DEMO_EMAIL);
  if (!user) return null;
  const { cookieValue, viewer } = await startSession(deps, user);
  await keepNewestSessions(deps.store, user.id, DEMO_SESSIONS_KEPT);
  setSessionCookie(c, deps, cookieValue);
  return viewer;
}
