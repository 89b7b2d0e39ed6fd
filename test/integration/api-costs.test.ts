import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/days";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { finishRun, startRun } from "../../src/store/runs";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const fixture = webFixture();
const services = ["AWS Lambda", "Amazon Simple Storage Service", "Tax"];
const pipelines = ["temperatures", "camera-traps", ""];
const accounts = ["111111111111", "222222222222"];
const regions = ["eu-west-3", "eu-west-1", "global"];

// 40 days x 3 services x 3 pipelines x 2 accounts, with costs that are not round.
const lines: CostLine[] = [];
for (let d = 0; d < 40; d++) {
  for (const [s, service] of services.entries()) {
    for (const [p, pipeline] of pipelines.entries()) {
      for (const [a, accountId] of accounts.entries()) {
        lines.push(
          line({
            day: addDays("2026-10-10", d),
            service,
            pipeline,
            accountId,
            region: regions[(s + a) % 3] ?? "eu-west-3",
            usageType: `U-${s}`,
            unblendedCostUsd: Math.round((d + 1) * (s + 2) * (p + 1) * (a + 3) * 0.0137 * 1e6) / 1e6,
          }),
        );
      }
    }
  }
}

let viewer: SignedIn;
beforeAll(async () => {
  await upsertCostLines(fixture.store, unestimated(lines), "2026-11-18T09:00:00Z");
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

const get = (path: string) => viewer.request(path);

describe("GET /api/v1/costs", () => {
  const from = "2026-10-15";
  const to = "2026-11-10";
  const expectedTotal = lines.filter((l) => l.day >= from && l.day < to).reduce((s, l) => s + l.unblendedCostUsd, 0);

  it.each(["day", "service", "region", "pipeline", "account", "source"])(
    "groupBy=%s rows sum to the total",
    async (groupBy) => {
      const res = await get(`/api/v1/costs?from=${from}&to=${to}&groupBy=${groupBy}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { rows: { key: string; costUsd: number }[]; total: { costUsd: number } };
      expect(body.total.costUsd).toBeCloseTo(expectedTotal, 5);
      const sum = body.rows.reduce((s, r) => s + r.costUsd, 0);
      expect(sum).toBeCloseTo(body.total.costUsd, 5);
      expect(new Set(body.rows.map((r) => r.key)).size).toBe(body.rows.length);
    },
  );

  it("treats `to` as exclusive and `from` as inclusive", async () => {
    const res = await get("/api/v1/costs?from=2026-10-15&to=2026-10-16&groupBy=day");
    const body = (await res.json()) as { rows: { key: string }[] };
    expect(body.rows.map((r) => r.key)).toEqual(["2026-10-15"]);
  });

  it("filters by pipeline, service, region and account", async () => {
    const res = await get(
      `/api/v1/costs?from=${from}&to=${to}&groupBy=service&pipeline=camera-traps&account=222222222222`,
    );
    const body = (await res.json()) as { total: { costUsd: number } };
    const expected = lines
      .filter((l) => l.day >= from && l.day < to && l.pipeline === "camera-traps" && l.accountId === "222222222222")
      .reduce((s, l) => s + l.unblendedCostUsd, 0);
    expect(body.total.costUsd).toBeCloseTo(expected, 5);
  });

  it.each([
    ["groupBy=colour", "groupBy"],
    ["from=2026-13-01", "from"],
    ["from=yesterday", "from"],
    ["to=2026-02-30", "to"],
    ["from=2026-11-10&to=2026-11-01", "to"],
    ["sort=desc", "sort"],
    ["source=billing-conductor", "source"],
  ])("rejects %s with a 400 naming %s", async (query, parameter) => {
    const res = await get(`/api/v1/costs?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toContain(parameter);
  });
});

describe("pages and health", () => {
  it("serves the overview with the security headers and charts as JSON data", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await res.text();
    expect(html).toContain("data-chart=");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("/healthz is 503 with the reason before any collection, 200 once one is fresh", async () => {
    const stale = await get("/healthz");
    expect(stale.status).toBe(503);
    expect(((await stale.json()) as { reason: string }).reason).toMatch(
      /cost-explorer has never collected successfully/,
    );
    const id = await startRun(fixture.store, { source: "cost-explorer", startedAt: "2026-11-18T05:15:00Z" });
    await finishRun(fixture.store, id, { finishedAt: "2026-11-18T05:16:00Z", status: "succeeded" });
    const fresh = await get("/healthz");
    expect(fresh.status).toBe(200);
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const res = await get("/api/v1/nothing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
  });
});
