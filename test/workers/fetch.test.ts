// The Worker's fetch: the same Hono app as under Node, answering from D1, behind the same
// sign-in; static files (the dashboard's and chart.js) come from wrangler's assets.
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword, sha256 } from "../../src/auth/password";
import { addDays, toDay } from "../../src/days";
import type { CostLine } from "../../src/model";
import { insertApiToken } from "../../src/store/api-tokens";
import { upsertCostLines } from "../../src/store/cost-lines";
import { finishRun, startRun } from "../../src/store/runs";
import { saveUser } from "../../src/store/users";
import { d1Store } from "../../src/worker";

const store = d1Store(env as never);
const BASE = "https://cairn.example.org";
const EMAIL = "tresorier@example.org";
const PASSWORD = "marmotte-glacier-2026";
const TOKEN = "cairn_test_token_0123456789abcdef";
const today = toDay(new Date());
const from = addDays(today, -12);

// 12 days x 3 services x 2 pipelines, with costs that are not round.
const lines: CostLine[] = [];
for (let d = 0; d < 12; d++) {
  ["AWS Lambda", "Amazon Simple Storage Service", "Tax"].forEach((service, s) => {
    ["probes", ""].forEach((pipeline, p) => {
      lines.push({
        day: addDays(from, d),
        accountId: "111111111111",
        service,
        region: "eu-west-3",
        usageType: `U-${s}`,
        pipeline,
        unblendedCostUsd: Math.round((d + 1) * (s + 2) * (p + 1) * 0.0173 * 1e6) / 1e6,
        amortizedCostUsd: 0,
        usageAmount: 1,
        usageUnit: "Hrs",
        estimated: false,
        source: "cost-explorer",
      });
    });
  });
}
const total = lines.reduce((s, l) => s + l.unblendedCostUsd, 0);

// The Worker's own default export, as Cloudflare calls it.
const self = (exports as unknown as { default: { fetch: (request: Request) => Promise<Response> } }).default;
const fetchWorker = (path: string, init?: RequestInit) =>
  self.fetch(new Request(`${BASE}${path}`, { redirect: "manual", ...init }));

beforeAll(async () => {
  await upsertCostLines(
    store,
    lines.map((line) => ({ line, footprint: null })),
    new Date().toISOString(),
  );
  const userId = await saveUser(
    store,
    { email: EMAIL, role: "admin", passwordHash: await hashPassword(PASSWORD) },
    new Date().toISOString(),
  );
  await insertApiToken(store, { userId, name: "ci", tokenHash: await sha256(TOKEN) }, new Date().toISOString());
});

function cookieOf(response: Response, name: string): string {
  const cookies = (response.headers as unknown as { getSetCookie: () => string[] }).getSetCookie();
  const match = cookies.find((c) => c.startsWith(`${name}=`));
  if (!match) throw new Error(`no ${name} cookie in ${JSON.stringify(cookies)}`);
  return match.split(";")[0] as string;
}

describe("fetch over D1", () => {
  it("asks for sign-in: pages redirect to /signin, the API answers 401", async () => {
    const page = await fetchWorker("/");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe("/signin");
    const api = await fetchWorker(`/api/v1/costs?from=${from}&to=${today}`);
    expect(api.status).toBe(401);
  });

  it("/api/v1/costs answers from D1 with an API token", async () => {
    const res = await fetchWorker(`/api/v1/costs?from=${from}&to=${today}&groupBy=service`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { rows: { key: string; costUsd: number }[]; total: { costUsd: number } };
    expect(body.total.costUsd).toBeCloseTo(total, 5);
    expect(body.rows.map((r) => r.key).sort()).toEqual(["AWS Lambda", "Amazon Simple Storage Service", "Tax"]);
    const lambda = lines.filter((l) => l.service === "AWS Lambda").reduce((s, l) => s + l.unblendedCostUsd, 0);
    expect(body.rows.find((r) => r.key === "AWS Lambda")?.costUsd).toBeCloseTo(lambda, 5);
  });

  it("signs in through the form (PBKDF2 in Web Crypto) and serves the dashboard from D1", async () => {
    const form = await fetchWorker("/signin");
    expect(form.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
    expect(csrf).toBeTruthy();
    const signIn = await fetchWorker("/signin", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookieOf(form, "cairn_signin"),
        origin: BASE,
      },
      body: new URLSearchParams({ email: EMAIL, password: PASSWORD, _csrf: csrf ?? "", next: "/" }).toString(),
    });
    expect(signIn.status).toBe(303);
    const session = cookieOf(signIn, "cairn_session");

    const page = await fetchWorker("/", { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain("data-chart=");
    expect(html).toContain('src="/static/vendor/chart.umd.min.js"');
  });

  it("/healthz needs no sign-in: 503 before a collection, 200 after a fresh one", async () => {
    expect((await fetchWorker("/healthz")).status).toBe(503);
    const at = new Date().toISOString();
    const id = await startRun(store, { source: "cost-explorer", startedAt: at });
    await finishRun(store, id, { finishedAt: at, status: "succeeded" });
    // CloudWatch is configured too (CAIRN_CLOUDWATCH_REGIONS): healthy only once it has succeeded as well.
    expect((await fetchWorker("/healthz")).status).toBe(503);
    const cw = await startRun(store, { source: "cloudwatch", startedAt: at });
    await finishRun(store, cw, { finishedAt: at, status: "succeeded" });
    expect((await fetchWorker("/healthz")).status).toBe(200);
  });

  it("every /static file the pages name is in wrangler's assets folder, chart.js included", async () => {
    const html = await (await fetchWorker("/signin")).text();
    const named = [...html.matchAll(/(?:src|href)="(\/static\/[^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    const assets = inject("assetPaths");
    expect(assets).toContain("/static/vendor/chart.umd.min.js");
    for (const path of named) expect(assets).toContain(path);
  });
});
