/**
 * Sign-in is required everywhere but /healthz, /signin and /static; forms need their CSRF
 * token; viewers cannot reach admin actions; API tokens work; headers and escaping hold.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertCostLines } from "../../src/store/cost-lines";
import { listRates } from "../../src/store/read/rates";
import { readDb } from "../../src/store/store";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const collected: string[] = [];
const fixture = webFixture({}, new Date("2026-11-18T10:00:00Z"), {
  collectNow: async () => {
    collected.push("run");
    return "collected";
  },
});
const PAGES = ["/", "/costs", "/runs", "/settings", "/methodology"];
const APIS = ["/api/v1/costs", "/api/v1/costs.csv"];
const ADMIN_POSTS: [string, Record<string, string>][] = [
  ["/settings/rates", { month: "2026-11", currency: "EUR", ratePerUsd: "0.92" }],
  ["/settings/rates/delete", { month: "2026-11", currency: "EUR" }],
  ["/settings/planned", { name: "Field campaign", fromDay: "2026-07-01", toDay: "2026-07-31", scopeKind: "all" }],
  ["/settings/planned/delete", { id: "1" }],
  ["/runs/collect", {}],
];
const XSS = "<script>alert(1)</script>";

let admin: SignedIn;
let viewer: SignedIn;
beforeAll(async () => {
  await upsertCostLines(
    fixture.store,
    unestimated([
      line({ day: "2026-11-02", pipeline: XSS, service: "AWS Lambda", unblendedCostUsd: 3.5 }),
      line({ day: "2026-11-03", pipeline: "temperatures", service: "Amazon S3", unblendedCostUsd: 1.25 }),
    ]),
    "2026-11-18T09:00:00Z",
  );
  admin = await fixture.signIn("admin");
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

describe("without a session", () => {
  it.each(PAGES)("page %s redirects to /signin", async (path) => {
    const res = await fixture.app.request(path);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^\/signin/);
  });

  it.each(APIS)("API %s answers 401 with a JSON error", async (path) => {
    const res = await fixture.app.request(path);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/sign-in required/);
  });

  it("keeps where the reader was going in `next`", async () => {
    const res = await fixture.app.request("/costs?groupBy=region");
    expect(res.headers.get("location")).toBe(`/signin?next=${encodeURIComponent("/costs?groupBy=region")}`);
  });

  it("refuses a forged or expired session cookie", async () => {
    const res = await fixture.app.request("/api/v1/costs", { headers: { cookie: "cairn_session=forged-value-123" } });
    expect(res.status).toBe(401);
  });

  it.each(ADMIN_POSTS)("POST %s redirects to sign-in and changes nothing", async (path, form) => {
    const res = await fixture.app.request(path, { method: "POST", body: new URLSearchParams(form) });
    expect(res.status).toBe(302);
  });

  it("serves /healthz and /signin without a session", async () => {
    expect([200, 503]).toContain((await fixture.app.request("/healthz")).status);
    const signin = await fixture.app.request("/signin");
    expect(signin.status).toBe(200);
    expect(await signin.text()).toContain('name="password"');
  });

  it("answers unknown paths like any other: sign in first (no path enumeration)", async () => {
    expect((await fixture.app.request("/admin.php")).status).toBe(302);
  });
});

describe("signed in", () => {
  it.each(PAGES)("page %s answers 200 with a CSP forbidding inline script", async (path) => {
    const res = await viewer.request(path);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("shows a tag value holding a script as text, on the overview and the explorer", async () => {
    for (const path of ["/", "/costs?from=2026-11-01&to=2026-11-19&groupBy=pipeline"]) {
      const html = await (await viewer.request(path)).text();
      expect(html).not.toContain(XSS);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });

  it("names the bad parameter in a 400, without a stack trace", async () => {
    const res = await viewer.request("/costs?groupBy=colour");
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain("groupBy");
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("CSRF", () => {
  it("refuses an admin form without its token (403) and accepts it with the token", async () => {
    const form = { month: "2026-10", currency: "EUR", ratePerUsd: "0.93" };
    const refused = await admin.request("/settings/rates", { form, csrf: false });
    expect(refused.status).toBe(403);
    expect(await listRates(readDb(fixture.store))).toEqual([]);
    const wrong = await admin.request("/settings/rates", { form: { ...form, _csrf: "not-the-token" }, csrf: false });
    expect(wrong.status).toBe(403);
    const accepted = await admin.request("/settings/rates", { form });
    expect(accepted.status).toBe(303);
    expect(await listRates(readDb(fixture.store))).toEqual([{ month: "2026-10", currency: "EUR", ratePerUsd: 0.93 }]);
  });

  it("refuses a cross-origin POST even with the token", async () => {
    const res = await admin.request("/settings/rates", {
      form: { month: "2026-09", currency: "EUR", ratePerUsd: "0.9" },
      headers: { origin: "https://evil.example", host: "localhost" },
    });
    expect(res.status).toBe(403);
  });

  it("refuses a POST whose Origin is the opaque `null` (sandboxed frame, data: URL), even with the token", async () => {
    const res = await admin.request("/settings/rates", {
      form: { month: "2026-08", currency: "EUR", ratePerUsd: "0.9" },
      headers: { origin: "null", host: "localhost" },
    });
    expect(res.status).toBe(403);
    expect((await listRates(readDb(fixture.store))).map((r) => r.month)).not.toContain("2026-08");
  });

  it("refuses sign-out without the token, so a foreign page cannot sign anyone out", async () => {
    expect((await viewer.request("/signout", { form: {}, csrf: false })).status).toBe(403);
  });

  it("refuses the sign-in form without its double-submit token", async () => {
    const res = await fixture.app.request("/signin", {
      method: "POST",
      body: new URLSearchParams({ email: "admin@example.org", password: "whatever-password" }),
    });
    expect(res.status).toBe(403);
  });
});

describe("roles", () => {
  it.each(ADMIN_POSTS)("a viewer gets 403 from POST %s", async (path, form) => {
    const res = await viewer.request(path, { form });
    expect(res.status).toBe(403);
  });

  it("a viewer changed nothing and never triggered a collection", async () => {
    const before = collected.length;
    await viewer.request("/runs/collect", { form: {} });
    expect(collected.length).toBe(before);
  });

  it("hides admin forms and buttons from viewers, shows them to admins", async () => {
    for (const path of ["/settings", "/runs"]) {
      const asViewer = await (await viewer.request(path)).text();
      expect(asViewer).not.toContain("admin-action");
      const asAdmin = await (await admin.request(path)).text();
      expect(asAdmin).toContain("admin-action");
    }
  });

  it("lets an admin add and remove a planned activity and start a collection", async () => {
    const added = await admin.request("/settings/planned", {
      form: {
        name: "Camera season",
        fromDay: "2026-06-01",
        toDay: "2026-09-30",
        scopeKind: "pipeline",
        scopeValue: "camera-traps",
      },
    });
    expect(added.status).toBe(303);
    expect(await (await admin.request("/settings")).text()).toContain("Camera season");
    const bad = await admin.request("/settings/planned", {
      form: { name: "Backwards", fromDay: "2026-06-10", toDay: "2026-06-01", scopeKind: "all" },
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("toDay");
    const before = collected.length;
    expect((await admin.request("/runs/collect", { form: {} })).status).toBe(303);
    expect(collected.length).toBe(before + 1);
  });
});

describe("API tokens", () => {
  it("a Bearer token reads the API without a cookie", async () => {
    const token = await fixture.token("viewer");
    const res = await fixture.app.request("/api/v1/costs?from=2026-11-01&to=2026-11-19&groupBy=service", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: { costUsd: number } }).total.costUsd).toBeCloseTo(4.75, 6);
  });

  it("a wrong token is a 401, and tokens do not open pages", async () => {
    const res = await fixture.app.request("/api/v1/costs", {
      headers: { authorization: "Bearer cairn_wrong-token-value" },
    });
    expect(res.status).toBe(401);
    const token = await fixture.token("admin", "admin-script");
    const page = await fixture.app.request("/settings", { headers: { authorization: `Bearer ${token}` } });
    expect(page.status).toBe(302);
  });
});
