/**
 * `/signin` (form and POST) and `/signout`. The sign-in form has no session yet, so it carries
 * a double-submit token: a random value in a Strict, HttpOnly cookie scoped to /signin and the
 * same value in the form; a POST whose two differ is refused (403).
 */
import { type Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { constantTimeEqual, DECOY_HASH, randomSecret, verifyPassword } from "../../src/auth/password";
import { deleteSession } from "../../src/store/sessions";
import { findUserByEmail } from "../../src/store/users";
import type { WebDeps } from "../deps";
import { pick, translator } from "../i18n";
import { Layout } from "../pages/layout";
import { isLoopbackRequest } from "./demo";
import { noteSuccess, reserveAttempt, WINDOW_MINUTES } from "./rate-limit";
import { clearSessionCookie, isHttps, sessionHashOf, sessionViewer, setSessionCookie, startSession } from "./session";
import { SIGNIN_WORDS } from "./words";

const FORM_COOKIE = "cairn_signin";

/**
 * One `/`, then a path character (RFC 3986 pchar), then only URL characters: `/costs?x=1`.
 * Never `//evil.example`, `/\\evil`, or a tab or line break that browsers drop (`/\t/evil`
 * becomes `//evil`) or that breaks the Location header.
 */
const SAME_SITE_PATH = /^\/(?:[\w\-.~!$&'()*+,;=:@%][\w\-.~!$&'()*+,;=:@%/?#]*)?$/;

/** Only same-site paths, else `/`. */
export function safeNext(next: unknown): string {
  if (typeof next !== "string" || next.length > 500 || !SAME_SITE_PATH.test(next)) return "/";
  if (next.startsWith("/signin")) return "/";
  return next;
}

function SigninPage(props: {
  deps: WebDeps;
  token: string;
  next: string;
  error?: string;
  email?: string;
  demo?: boolean;
}) {
  const locale = props.deps.config.CAIRN_LOCALE;
  const w = pick(SIGNIN_WORDS, locale);
  return (
    <Layout title={w.title} path="/signin" locale={locale} t={translator(locale)}>
      <section class="signin">
        <h1>{w.title}</h1>
        <p>{w.intro}</p>
        {props.demo ? (
          // Signing out of the demo lasts until the next page: say so instead of looping silently.
          <p class="notice" id="demo-signed-out">
            {w.demoSignedOut} <a href={props.next}>{w.demoBackIn}</a>
          </p>
        ) : null}
        {props.error ? (
          <p class="notice error" role="alert" id="signin-error">
            {props.error}
          </p>
        ) : null}
        <form method="post" action="/signin" class="stack">
          <input type="hidden" name="_csrf" value={props.token} />
          <input type="hidden" name="next" value={props.next} />
          <label for="email">{w.email}</label>
          <input id="email" name="email" type="email" autocomplete="username" required value={props.email ?? ""} />
          <label for="password">{w.password}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit">{w.submit}</button>
        </form>
      </section>
    </Layout>
  );
}

function showForm(
  c: Context,
  deps: WebDeps,
  next: string,
  status: 200 | 401 | 403 | 429,
  error?: string,
  email?: string,
) {
  const token = randomSecret();
  setCookie(c, FORM_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c, deps),
    path: "/signin",
    maxAge: 3600,
  });
  if (status === 429) c.header("Retry-After", String(WINDOW_MINUTES * 60));
  const demo = deps.auth?.demoAutoSignIn === true && isLoopbackRequest(c, deps);
  return c.html(
    <SigninPage deps={deps} token={token} next={next} error={error} email={email} demo={demo} />,
    status as 200,
  );
}

export function authRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const w = pick(SIGNIN_WORDS, deps.config.CAIRN_LOCALE);

  app.get("/signin", async (c) => {
    const next = safeNext(c.req.query("next"));
    if (await sessionViewer(c, deps)) return c.redirect(next, 303);
    return showForm(c, deps, next, 200);
  });

  app.post("/signin", async (c) => {
    const body = await c.req.parseBody();
    const next = safeNext(body.next);
    const cookieToken = getCookie(c, FORM_COOKIE) ?? "";
    const formToken = typeof body._csrf === "string" ? body._csrf : "";
    const enc = new TextEncoder();
    if (cookieToken === "" || !constantTimeEqual(enc.encode(cookieToken), enc.encode(formToken))) {
      return showForm(c, deps, next, 403, w.expired);
    }
    const email = typeof body.email === "string" ? body.email.trim().slice(0, 320) : "";
    const password = typeof body.password === "string" ? body.password.slice(0, 1024) : "";
    const address = deps.auth?.clientAddress?.(c) ?? "unknown";
    const reservation = await reserveAttempt(deps, email, address);
    if (!reservation) return showForm(c, deps, next, 429, w.tooMany, email);
    const user = email === "" ? null : await findUserByEmail(deps.store, email);
    // Unknown emails cost the same time as wrong passwords, so timing does not reveal users.
    const ok = await verifyPassword(password, user?.passwordHash ?? DECOY_HASH);
    // The reservation made above already counts this failure.
    if (!user || !ok) return showForm(c, deps, next, 401, w.wrong, email);
    await noteSuccess(deps, reservation);
    const { cookieValue } = await startSession(deps, user);
    setSessionCookie(c, deps, cookieValue);
    deleteCookie(c, FORM_COOKIE, { path: "/signin", secure: isHttps(c, deps) });
    return c.redirect(next, 303);
  });

  // Reached through authenticate + csrfProtection, so only the session's own form gets here.
  app.post("/signout", async (c) => {
    const hash = await sessionHashOf(c);
    if (hash) await deleteSession(deps.store, hash);
    clearSessionCookie(c, deps);
    return c.redirect("/signin", 303);
  });

  return app;
}
