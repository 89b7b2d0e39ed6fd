/**
 * The sign-in form end to end through app.request: real PBKDF2 hashes, the double-submit
 * token, cookies and their flags, rate limiting in the database, sign-out, the demo mode.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../src/auth/password";
import { findUserByEmail, saveUser } from "../../src/store/users";
import { DEMO_EMAIL, ensureDemoUser } from "../../web/auth/demo";
import { safeNext } from "../../web/auth/routes";
import { webFixture } from "../helpers/web";

const PASSWORD = "correct horse battery staple";

function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [name, ...rest] = (pair ?? "").split("=");
    jar.set(name ?? "", rest.join("="));
  }
  return jar;
}

/** GET the form, then POST it with its token, as a browser from `address` would. */
async function signInWith(
  app: ReturnType<typeof webFixture>["app"],
  fields: { email: string; password: string; next?: string },
  env: Record<string, unknown> = {},
  host = "cairn.example.org",
) {
  const form = await app.request("/signin", { headers: { host } }, env);
  const formCookie = cookiesOf(form).get("cairn_signin") ?? "";
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  return app.request(
    "/signin",
    {
      method: "POST",
      headers: { cookie: `cairn_signin=${formCookie}`, "content-type": "application/x-www-form-urlencoded", host },
      body: new URLSearchParams({ ...fields, next: fields.next ?? "/", _csrf: token }).toString(),
    },
    env,
  );
}

describe("passwords", () => {
  it("hashes with salted, chained PBKDF2-SHA-256 of 300,000 iterations and verifies", async () => {
    const a = await hashPassword(PASSWORD);
    const b = await hashPassword(PASSWORD);
    expect(a).toMatch(/^pbkdf2-sha256\$100000x3\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(PASSWORD, a)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}!`, a)).toBe(false);
    expect(await verifyPassword(PASSWORD, a.replace("x3$", "x2$"))).toBe(false);
    expect(await verifyPassword(PASSWORD, a.replace("100000x3", "100000x99"))).toBe(false);
    expect(await verifyPassword(PASSWORD, "plain text")).toBe(false);
  });
});

describe("the sign-in form", () => {
  const addresses = new Map<string, string>();
  const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), {
    auth: { clientAddress: (c) => addresses.get(c.req.header("x-test-client") ?? "") ?? "203.0.113.9" },
  });
  beforeAll(async () => {
    await saveUser(
      fixture.store,
      { email: "anne@example.org", role: "viewer", passwordHash: await hashPassword(PASSWORD) },
      "2026-11-01T00:00:00Z",
    );
  });
  afterAll(() => fixture.close());

  it("signs in with the right password: HttpOnly Lax cookie, stored hashed, then pages open", async () => {
    const res = await signInWith(fixture.app, { email: "Anne@Example.org", password: PASSWORD, next: "/costs" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/costs");
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("cairn_session=")) ?? "";
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const value = cookiesOf(res).get("cairn_session") ?? "";
    const stored = fixture.sqlite.prepare("SELECT id_hash FROM sessions").all() as { id_hash: string }[];
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.map((s) => s.id_hash)).not.toContain(value);
    const page = await fixture.app.request("/costs", { headers: { cookie: `cairn_session=${value}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("anne@example.org");
  });

  it("marks the cookie Secure over HTTPS", async () => {
    const form = await fixture.app.request("https://cairn.example.org/signin");
    expect(form.headers.getSetCookie().join(";")).toMatch(/Secure/);
  });

  it("refuses a wrong password with the same message as an unknown email", async () => {
    const wrong = await signInWith(fixture.app, { email: "anne@example.org", password: "not the password" });
    const unknown = await signInWith(fixture.app, { email: "nobody@example.org", password: "not the password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (html: string) => /id="signin-error">([^<]*)</.exec(html)?.[1];
    expect(message(await wrong.text())).toBe(message(await unknown.text()));
  });

  it("never redirects off-site after sign-in", () => {
    expect(safeNext("//evil.example/x")).toBe("/");
    expect(safeNext("https://evil.example")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext("/costs?groupBy=day")).toBe("/costs?groupBy=day");
  });

  it("limits failed attempts per email and address: the 6th is refused even with the right password", async () => {
    addresses.set("limited", "198.51.100.7");
    const env = {};
    const attempt = async (password: string) => {
      const form = await fixture.app.request("/signin", { headers: { "x-test-client": "limited" } }, env);
      const formCookie = cookiesOf(form).get("cairn_signin") ?? "";
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
      return fixture.app.request("/signin", {
        method: "POST",
        headers: {
          cookie: `cairn_signin=${formCookie}`,
          "content-type": "application/x-www-form-urlencoded",
          "x-test-client": "limited",
        },
        body: new URLSearchParams({ email: "anne@example.org", password, _csrf: token }).toString(),
      });
    };
    for (let i = 0; i < 5; i++) expect((await attempt(`wrong ${i}`)).status).toBe(401);
    const limited = await attempt(PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("900");
    // Another address is not locked out by this one's failures.
    addresses.set("other", "198.51.100.8");
    expect((await signInWith(fixture.app, { email: "anne@example.org", password: PASSWORD })).status).toBe(303);
  });

  it("signs out: the session is gone from the database and the cookie no longer works", async () => {
    const res = await signInWith(fixture.app, { email: "anne@example.org", password: PASSWORD });
    const value = cookiesOf(res).get("cairn_session") ?? "";
    const page = await fixture.app.request("/", { headers: { cookie: `cairn_session=${value}` } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const out = await fixture.app.request("/signout", {
      method: "POST",
      headers: { cookie: `cairn_session=${value}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    });
    expect(out.status).toBe(303);
    expect((await fixture.app.request("/", { headers: { cookie: `cairn_session=${value}` } })).status).toBe(302);
  });
});

describe("demo mode", () => {
  const loopback = { clientAddress: () => "127.0.0.1" };
  const remote = { clientAddress: () => "192.0.2.10" };

  it("creates the demo admin only in an empty user table", async () => {
    const fixture = webFixture();
    const created = await ensureDemoUser(fixture.deps);
    expect(created?.email).toBe(DEMO_EMAIL);
    expect((await findUserByEmail(fixture.store, DEMO_EMAIL))?.role).toBe("admin");
    expect(
      await verifyPassword(
        created?.password ?? "",
        (await findUserByEmail(fixture.store, DEMO_EMAIL))?.passwordHash ?? "",
      ),
    ).toBe(true);
    expect(await ensureDemoUser(fixture.deps)).toBeNull();
    fixture.close();
  });

  it.each([
    ["demo, loopback socket and localhost Host", { ...loopback, demoAutoSignIn: true }, "localhost:8787", 200],
    ["demo, but a remote socket", { ...remote, demoAutoSignIn: true }, "localhost:8787", 302],
    [
      "demo, loopback socket but a foreign Host (DNS rebinding)",
      { ...loopback, demoAutoSignIn: true },
      "evil.example:8787",
      302,
    ],
    ["no demo flag, loopback", { ...loopback }, "localhost:8787", 302],
  ])("%s → %s", async (_name, auth, host, status) => {
    const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), { auth });
    await ensureDemoUser(fixture.deps);
    const res = await fixture.app.request("/", { headers: { host } });
    expect(res.status).toBe(status);
    if (status === 200) expect(res.headers.getSetCookie().join(";")).toMatch(/cairn_session=.*HttpOnly/);
    fixture.close();
  });

  it("does not sign in automatically when real users exist and no demo user was made", async () => {
    const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), { auth: { ...loopback, demoAutoSignIn: true } });
    await fixture.user("admin", "real@example.org");
    expect(await ensureDemoUser(fixture.deps)).toBeNull();
    expect((await fixture.app.request("/", { headers: { host: "localhost" } })).status).toBe(302);
    fixture.close();
  });
});
