/**
 * What viewers, proxies and browsers see: no webhook credentials on the Alerts page, security
 * headers on static files, `Cache-Control: no-store` on pages and API, a lockout per client
 * behind a trusted proxy, a bounded number of demo sessions, and a password reset that ends
 * the user's sessions and API tokens.
 */
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createWebhookTransport } from "../../reports/mail/webhook";
import { hashPassword } from "../../src/auth/password";
import { claimNotification, enqueue, markAttemptFailed, pendingNotifications } from "../../src/store/notifications";
import { apiTokens, sessions, users } from "../../src/store/schema/index";
import { saveUser } from "../../src/store/users";
import { clientAddressOf } from "../../web/auth/client-address";
import { DEMO_EMAIL, DEMO_SESSIONS_KEPT, ensureDemoUser } from "../../web/auth/demo";
import { nodeAssetRoutes } from "../../web/node-assets";
import { webFixture } from "../helpers/web";

const HOOK = "https://bot:s3cr3t-pass@hooks.example.org/services/T000/B000/XXXXsecretXXXX";

describe("the Alerts page", () => {
  it("shows a webhook failure to viewers without the URL's credentials or secret path", async () => {
    const failing = createWebhookTransport(HOOK, async () => {
      throw new TypeError(`fetch failed for ${HOOK}`, { cause: new Error(`connect ECONNREFUSED ${HOOK}`) });
    });
    const error = await failing
      .post({ text: "t", subject: "s", key: "k", rule: "r", severity: "warning", link: "/" })
      .then(() => new Error("no error"))
      .catch((e: Error) => e);
    expect(error.message).toContain("POST failed");
    expect(error.message).not.toMatch(/s3cr3t|XXXXsecretXXXX|bot:/);

    const fixture = webFixture();
    await enqueue(
      fixture.store,
      [
        {
          key: "budget:1",
          channel: "webhook",
          kind: "budget",
          recipients: [],
          subject: "Budget",
          bodyText: "",
          bodyHtml: null,
          payload: {},
        },
      ],
      "2026-11-18T09:00:00Z",
    );
    const [row] = await pendingNotifications(fixture.store, "webhook");
    // A row stored before this fix, with the URL in it.
    const claim = { token: "test-sender", at: "2026-11-18T09:00:00Z", leaseUntil: "2026-11-18T09:15:00Z" };
    await claimNotification(fixture.store, row?.id ?? 0, claim);
    await markAttemptFailed(
      fixture.store,
      row?.id ?? 0,
      claim.token,
      `webhook: POST failed: ${"https://bot:s3cr3t-pass@hooks.example.org/x"}`,
    );
    const viewer = await fixture.signIn("viewer");
    const page = await (await viewer.request("/alerts")).text();
    expect(page).toContain("POST failed");
    expect(page).not.toContain("s3cr3t");
    expect(page).toContain("https://[hidden]@hooks.example.org/x");
    fixture.close();
  });
});

describe("headers", () => {
  it("serves static files with the security headers", async () => {
    const res = await nodeAssetRoutes().request("/static/app.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("marks pages, API answers and redirects Cache-Control: no-store", async () => {
    const fixture = webFixture();
    const viewer = await fixture.signIn("viewer");
    for (const path of ["/", "/costs", "/api/v1/costs?from=2026-11-01&to=2026-11-18"]) {
      const res = await viewer.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
    expect((await fixture.app.request("/signin")).headers.get("cache-control")).toBe("no-store");
    expect((await fixture.app.request("/costs")).headers.get("cache-control")).toBe("no-store");
    fixture.close();
  });
});

describe("client addresses behind a proxy", () => {
  it.each([
    ["10.0.0.1", "198.51.100.7", ["10.0.0.1"], "198.51.100.7"],
    ["::ffff:10.0.0.1", "203.0.113.5, 198.51.100.7", ["10.0.0.1"], "198.51.100.7"],
    ["10.0.0.1", "198.51.100.7, 10.0.0.2", ["10.0.0.1", "10.0.0.2"], "198.51.100.7"],
    ["198.51.100.9", "1.2.3.4", ["10.0.0.1"], "198.51.100.9"],
    ["10.0.0.1", undefined, ["10.0.0.1"], "10.0.0.1"],
    ["10.0.0.1", "1.2.3.4", [], "10.0.0.1"],
  ])("socket %s, X-Forwarded-For %s, trusted %j → %s", (socket, forwarded, trusted, expected) => {
    expect(clientAddressOf(socket, forwarded, trusted)).toBe(expected);
  });

  it("locks out one client behind a trusted proxy, not everyone behind it", async () => {
    const PASSWORD = "correct horse battery staple";
    const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), {
      auth: { clientAddress: (c) => clientAddressOf("10.0.0.1", c.req.header("x-forwarded-for"), ["10.0.0.1"]) },
    });
    await saveUser(
      fixture.store,
      { email: "anne@example.org", role: "viewer", passwordHash: await hashPassword(PASSWORD) },
      "2026-11-01T00:00:00Z",
    );
    const attempt = async (client: string, password: string) => {
      const form = await fixture.app.request("/signin", { headers: { "x-forwarded-for": client } });
      const cookie = (form.headers.getSetCookie().find((c) => c.startsWith("cairn_signin=")) ?? "").split(";")[0];
      const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
      return fixture.app.request("/signin", {
        method: "POST",
        headers: {
          cookie: cookie ?? "",
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": client,
        },
        body: new URLSearchParams({ email: "anne@example.org", password, _csrf: token }).toString(),
      });
    };
    for (let i = 0; i < 5; i++) expect((await attempt("198.51.100.66", "wrong")).status).toBe(401);
    expect((await attempt("198.51.100.66", PASSWORD)).status).toBe(429);
    expect((await attempt("198.51.100.77", PASSWORD)).status).toBe(303);
    fixture.close();
  });
});

describe("sessions", () => {
  it("keeps a bounded number of demo sessions however many cookieless requests arrive", async () => {
    const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), {
      auth: { clientAddress: () => "127.0.0.1", demoAutoSignIn: true },
    });
    await ensureDemoUser(fixture.deps);
    for (let i = 0; i < 25; i++) {
      expect((await fixture.app.request("/", { headers: { host: "localhost:8787" } })).status).toBe(200);
    }
    const [demo] = fixture.store.db.select().from(users).where(eq(users.email, DEMO_EMAIL)).all();
    const [n] = fixture.store.db
      .select({ n: count() })
      .from(sessions)
      .where(eq(sessions.userId, demo?.id ?? 0))
      .all();
    expect(n?.n).toBe(DEMO_SESSIONS_KEPT);
    fixture.close();
  });

  it("ends a user's sessions and API tokens when the password is reset", async () => {
    const fixture = webFixture();
    const anne = await fixture.signIn("viewer", "anne@example.org");
    expect((await anne.request("/")).status).toBe(200);
    const token = await fixture.token("viewer", "anne-script");
    const byToken = () =>
      fixture.app.request("/api/v1/costs?from=2026-11-01&to=2026-11-18", {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await byToken()).status).toBe(200);
    await saveUser(
      fixture.store,
      { email: "anne@example.org", role: "viewer", passwordHash: await hashPassword("a new password, long enough") },
      "2026-11-18T10:00:00Z",
    );
    await saveUser(
      fixture.store,
      { email: "anne-script@example.org", role: "viewer", passwordHash: await hashPassword("another new one, long") },
      "2026-11-18T10:00:00Z",
    );
    expect((await anne.request("/")).status).toBe(302);
    expect((await byToken()).status).toBe(401);
    expect(fixture.store.db.select({ n: count() }).from(apiTokens).all()[0]?.n).toBe(0);
    fixture.close();
  });
});
