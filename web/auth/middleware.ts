/**
 * Every request but `/healthz`, `/signin` and `/static/*` needs an identity: a Bearer API token
 * (`/api/v1` only) or a session cookie. Without one, pages redirect to /signin and the API
 * answers 401. State-changing requests from a session must carry its CSRF token (form field
 * `_csrf` or header `X-CSRF-Token`) and, when the browser sends an Origin, come from this host.
 */
import type { Context, MiddlewareHandler } from "hono";
import { constantTimeEqual, sha256 } from "../../src/auth/password";
import { findApiToken } from "../../src/store/api-tokens";
import type { WebDeps } from "../deps";
import { demoSignIn } from "./demo";
import { sessionViewer } from "./session";
import { createTokenUseRecorder } from "./token-use";

const PUBLIC_PATHS = new Set(["/healthz", "/signin"]);
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const isApi = (c: Context) => c.req.path.startsWith("/api/");

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.has(path) || path.startsWith("/static/");
}

function unauthenticated(c: Context) {
  if (isApi(c)) {
    c.header("WWW-Authenticate", 'Bearer realm="cairn"');
    return c.json(
      { error: { message: "sign-in required: send a session cookie or Authorization: Bearer TOKEN" } },
      401,
    );
  }
  const target = new URL(c.req.url);
  const next = `${target.pathname}${target.search}`;
  return c.redirect(next === "/" ? "/signin" : `/signin?next=${encodeURIComponent(next)}`, 302);
}

export function forbidden(c: Context, message: string) {
  return isApi(c) ? c.json({ error: { message } }, 403) : c.text(message, 403);
}

export function authenticate(deps: WebDeps): MiddlewareHandler {
  const tokenUse = createTokenUseRecorder(deps.store);
  return async (c, next) => {
    if (isPublicPath(c.req.path)) return next();
    const authorization = c.req.header("authorization");
    if (authorization !== undefined && isApi(c)) {
      const match = /^Bearer\s+(\S{10,200})$/.exec(authorization);
      const found = match ? await findApiToken(deps.store, await sha256(match[1] ?? "")) : null;
      if (!found) return unauthenticated(c);
      c.set("viewer", { userId: found.userId, email: found.email, role: found.role, csrfToken: null, via: "token" });
      await next();
      // After the answer is built: the stamp never delays nor fails the call.
      await tokenUse.used(found.tokenId, found.lastUsedAt, deps.now());
      return;
    }
    const viewer = (await sessionViewer(c, deps)) ?? (await demoSignIn(c, deps));
    if (!viewer) return unauthenticated(c);
    c.set("viewer", viewer);
    return next();
  };
}

function sameOrigin(c: Context): boolean {
  const origin = c.req.header("origin");
  if (origin === undefined || origin === "null") return origin === undefined;
  try {
    return new URL(origin).host === (c.req.header("host") ?? new URL(c.req.url).host);
  } catch {
    return false;
  }
}

async function submittedCsrf(c: Context): Promise<string> {
  const header = c.req.header("x-csrf-token");
  if (header) return header;
  const type = c.req.header("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
    const body = await c.req.parseBody();
    const value = body._csrf;
    return typeof value === "string" ? value : "";
  }
  return "";
}

/** After `authenticate`: refuses a state-changing session request without its CSRF token. */
export function csrfProtection(): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || isPublicPath(c.req.path)) return next();
    const viewer = c.get("viewer");
    if (!viewer || viewer.via === "token") return next();
    if (!sameOrigin(c)) return forbidden(c, "cross-origin request refused");
    const given = new TextEncoder().encode(await submittedCsrf(c));
    const expected = new TextEncoder().encode(viewer.csrfToken ?? "");
    if (expected.length === 0 || !constantTimeEqual(given, expected)) {
      return forbidden(c, "missing or wrong CSRF token: reload the page and try again");
    }
    return next();
  };
}

/** For admin-only routes: viewers get 403. */
export function requireAdmin(): MiddlewareHandler {
  return async (c, next) => {
    if (c.get("viewer")?.role !== "admin") return forbidden(c, "this action needs the admin role");
    return next();
  };
}
