/**
 * Session cookies: a random value in the browser, its SHA-256 in the database. HttpOnly,
 * SameSite=Lax (Strict would drop the session when a director follows a link from a report
 * email), Secure whenever the request came over HTTPS.
 */
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { randomSecret, sha256 } from "../../src/auth/password";
import { deleteExpiredSessions, findSession, insertSession } from "../../src/store/sessions";
import type { WebDeps } from "../deps";
import type { Viewer } from "./viewer";

export const SESSION_COOKIE = "cairn_session";
export const SESSION_DAYS = 14;

export function isHttps(c: Context, deps: WebDeps): boolean {
  return (
    new URL(c.req.url).protocol === "https:" ||
    c.req.header("x-forwarded-proto") === "https" ||
    deps.config.CAIRN_PUBLIC_URL?.startsWith("https:") === true
  );
}

/** Creates a session for the user and returns the cookie value (shown to nobody else). */
export async function startSession(
  deps: WebDeps,
  user: { id: number; email: string; role: Viewer["role"] },
): Promise<{ cookieValue: string; viewer: Viewer }> {
  const now = deps.now();
  const cookieValue = randomSecret();
  const csrfToken = randomSecret();
  await deleteExpiredSessions(deps.store, now.toISOString());
  await insertSession(
    deps.store,
    {
      idHash: await sha256(cookieValue),
      userId: user.id,
      csrfToken,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    },
    now.toISOString(),
  );
  return { cookieValue, viewer: { userId: user.id, email: user.email, role: user.role, csrfToken, via: "session" } };
}

export function setSessionCookie(c: Context, deps: WebDeps, value: string): void {
  setCookie(c, SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c, deps),
    path: "/",
    maxAge: SESSION_DAYS * 86_400,
  });
}

export function clearSessionCookie(c: Context, deps: WebDeps): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", secure: isHttps(c, deps) });
}

/** The viewer behind the request's session cookie, or null. */
export async function sessionViewer(c: Context, deps: WebDeps): Promise<Viewer | null> {
  const value = getCookie(c, SESSION_COOKIE);
  if (!value || value.length > 100) return null;
  const session = await findSession(deps.store, await sha256(value), deps.now().toISOString());
  if (!session) return null;
  return {
    userId: session.userId,
    email: session.email,
    role: session.role,
    csrfToken: session.csrfToken,
    via: "session",
  };
}

export async function sessionHashOf(c: Context): Promise<string | null> {
  const value = getCookie(c, SESSION_COOKIE);
  return value ? sha256(value) : null;
}
