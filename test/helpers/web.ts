/**
 * A web app over a real in-memory store, for `app.request()` tests. Every page and API needs
 * sign-in: `await fixture.signIn("admin")` (or "viewer") returns a `request` that carries the
 * session cookie and, on POSTs, the session's CSRF token; `fixture.token("viewer")` returns an
 * API token for `Authorization: Bearer`.
 */

import { randomSecret, sha256 } from "../../src/auth/password";
import { loadConfig } from "../../src/config";
import { insertApiToken } from "../../src/store/api-tokens";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { type Role, saveUser } from "../../src/store/users";
import { createApp } from "../../web/app";
import { SESSION_COOKIE, startSession } from "../../web/auth/session";
import type { WebDeps } from "../../web/deps";

/** Users made by the fixture carry a fixed, non-verifiable hash: tests sign in through sessions. */
const FIXTURE_HASH = "fixture-user-without-password";

export interface SignedIn {
  email: string;
  csrfToken: string;
  cookie: string;
  /** `app.request` with the session cookie; form bodies get `_csrf` unless `csrf: false`. */
  request: (path: string, init?: RequestInit & { form?: Record<string, string>; csrf?: boolean }) => Promise<Response>;
}

export function webFixture(
  env: Record<string, string> = {},
  now = new Date("2026-11-18T10:00:00Z"),
  options: Partial<Pick<WebDeps, "auth" | "collectNow">> & { dbPath?: string } = {},
) {
  const { dbPath, ...extra } = options;
  const opened = openSqliteStore(dbPath ?? ":memory:");
  const config = loadConfig(env);
  const deps: WebDeps = { store: opened.store, config, now: () => now, ...extra };
  const app = createApp(deps);

  async function user(role: Role, email = `${role}@example.org`) {
    const id = await saveUser(opened.store, { email, role, passwordHash: FIXTURE_HASH }, now.toISOString());
    return { id, email, role };
  }

  async function signIn(role: Role = "viewer", email?: string): Promise<SignedIn> {
    const u = await user(role, email);
    const { cookieValue, viewer } = await startSession(deps, u);
    const cookie = `${SESSION_COOKIE}=${cookieValue}`;
    const csrfToken = viewer.csrfToken ?? "";
    return {
      email: u.email,
      csrfToken,
      cookie,
      request: (path, init = {}) => {
        const { form, csrf, ...rest } = init;
        const headers = new Headers(rest.headers);
        headers.set("cookie", cookie);
        let body = rest.body;
        if (form) {
          const fields = new URLSearchParams(form);
          if (csrf !== false) fields.set("_csrf", csrfToken);
          headers.set("content-type", "application/x-www-form-urlencoded");
          body = fields.toString();
        }
        return Promise.resolve(
          app.request(path, { ...rest, method: rest.method ?? (form ? "POST" : "GET"), headers, body }),
        );
      },
    };
  }

  /** An API token of a (new) user with that role. */
  async function token(role: Role = "viewer", name = `${role}-script`): Promise<string> {
    const u = await user(role, `${name}@example.org`);
    const value = `cairn_${randomSecret()}`;
    await insertApiToken(opened.store, { userId: u.id, name, tokenHash: await sha256(value) }, now.toISOString());
    return value;
  }

  return {
    app,
    deps,
    store: opened.store,
    sqlite: opened.sqlite,
    config,
    close: opened.close,
    now,
    signIn,
    token,
    user,
  };
}
