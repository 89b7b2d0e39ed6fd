/**
 * The source dimension end to end: the FOCUS 1.0 sample imported by the real import job into a
 * store that also holds collected (Cost Explorer) lines, then read through the API, the CSV and
 * the data health page. Expectations come from the file itself and from bare SQL on cost_lines,
 * never from the rollups the API reads.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { addDays } from "../../src/days";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { readDb } from "../../src/store/store";
import { FOCUS_SAMPLE, sampleRows, withCostExplorerNames } from "../helpers/focus-sample";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const fixture = webFixture({ CAIRN_LOCALE: "en" });
const FROM = "2024-01-01";
const TO = "2026-12-01";
const range = `from=${FROM}&to=${TO}`;

// Collected lines in an account the sample does not use, some on the sample's own days.
const collected: CostLine[] = [];
for (let d = 0; d < 45; d++) {
  collected.push(
    line({
      day: addDays("2024-09-10", d),
      accountId: "999999999999",
      service: d % 2 ? "AWS Lambda" : "Amazon Simple Storage Service",
      usageType: `CE-${d % 3}`,
      unblendedCostUsd: Math.round((d + 1) * 0.731 * 1e6) / 1e6,
      source: "cost-explorer",
    }),
  );
}
const collectedTotal = collected.reduce((s, l) => s + l.unblendedCostUsd, 0);

// The file, read plainly.
const rows = sampleRows();
const aws = rows.filter((r) => r.ProviderName === "AWS");
const focusTotal = aws.reduce((s, r) => s + Number(r.BilledCost), 0);
const focusByService = new Map<string, number>();
for (const r of aws) {
  const service = r.ServiceName ?? "";
  focusByService.set(service, (focusByService.get(service) ?? 0) + Number(r.BilledCost));
}
const focusNewestDay = aws
  .map((r) => (r.ChargePeriodStart ?? "").slice(0, 10))
  .sort()
  .at(-1);
const otherProviders = new Map<string, number>();
for (const r of rows.filter((x) => x.ProviderName !== "AWS")) {
  otherProviders.set(r.ProviderName ?? "", (otherProviders.get(r.ProviderName ?? "") ?? 0) + 1);
}

/** Line count and cost per source straight from cost_lines. */
async function bareBySource(): Promise<Map<string, { lines: number; costUsd: number; newestDay: string }>> {
  const found = await readDb(fixture.store).all<{ source: string; lines: number; costUsd: number; newestDay: string }>(
    sql`SELECT source, count(*) AS lines, sum(unblended_cost_usd) AS costUsd, max(day) AS newestDay
      FROM cost_lines GROUP BY source`,
  );
  return new Map(found.map((r) => [r.source, { lines: r.lines, costUsd: r.costUsd, newestDay: r.newestDay }]));
}

interface Report {
  rows: { key: string; costUsd: number; lines: number }[];
  total: { costUsd: number; lines: number };
}

let viewer: SignedIn;
beforeAll(async () => {
  await upsertCostLines(fixture.store, unestimated(collected), "2026-11-18T09:00:00Z");
  const summary = await importFocus(
    {
      store: fixture.store,
      now: () => new Date("2026-03-10T12:00:00Z"),
      estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
    },
    { target: FOCUS_SAMPLE, pipelineTag: "application", maxErrors: 100 },
  );
  expect(summary.status).toBe("succeeded");
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

const getJson = async (path: string) => {
  const res = await viewer.request(path);
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
};

describe("groupBy=source", () => {
  it("gives each source its own total, equal to the file and to the collected lines", async () => {
    const body = await getJson(`/api/v1/costs?${range}&groupBy=source`);
    const bare = await bareBySource();
    expect(body.rows.map((r) => r.key).sort()).toEqual(["cost-explorer", "focus"]);
    const bySource = new Map(body.rows.map((r) => [r.key, r]));
    expect(bySource.get("focus")?.costUsd).toBeCloseTo(focusTotal, 6);
    expect(bySource.get("cost-explorer")?.costUsd).toBeCloseTo(collectedTotal, 6);
    expect(bySource.get("cost-explorer")?.lines).toBe(collected.length);
    expect(bySource.get("focus")?.lines).toBe(bare.get("focus")?.lines);
    expect(body.total.costUsd).toBeCloseTo(focusTotal + collectedTotal, 6);
    expect(body.total.lines).toBe(collected.length + (bare.get("focus")?.lines ?? 0));
  });

  it("narrows every view to one source with source=", async () => {
    const focus = await getJson(`/api/v1/costs?${range}&groupBy=service&source=focus`);
    expect(focus.total.costUsd).toBeCloseTo(focusTotal, 6);
    // Stored under Cost Explorer's names: compared with the file's after the same renaming.
    const stored = withCostExplorerNames(new Map(focus.rows.map((r) => [r.key, r.costUsd])));
    const file = withCostExplorerNames(focusByService);
    expect([...stored.keys()].sort()).toEqual([...file.keys()].sort());
    for (const [service, cost] of stored) expect(cost).toBeCloseTo(file.get(service) ?? Number.NaN, 6);

    const ce = await getJson(`/api/v1/costs?${range}&groupBy=day&source=cost-explorer`);
    expect(ce.total.costUsd).toBeCloseTo(collectedTotal, 6);
    expect(ce.rows.map((r) => r.key)).toEqual(collected.map((l) => l.day));

    // Combined with another filter, and a source with no lines.
    const lambda = await getJson(`/api/v1/costs?${range}&groupBy=source&source=cost-explorer&service=AWS%20Lambda`);
    const lambdaTotal = collected.filter((l) => l.service === "AWS Lambda").reduce((s, l) => s + l.unblendedCostUsd, 0);
    expect(lambda.rows).toHaveLength(1);
    expect(lambda.total.costUsd).toBeCloseTo(lambdaTotal, 6);
    const demo = await getJson(`/api/v1/costs?${range}&groupBy=source&source=demo`);
    expect(demo.rows).toEqual([]);
    expect(demo.total.costUsd).toBe(0);
  });

  it("downloads the same figures as CSV", async () => {
    for (const filter of ["", "&source=focus"]) {
      const api = await getJson(`/api/v1/costs?${range}&groupBy=source${filter}`);
      const res = await viewer.request(`/api/v1/costs.csv?${range}&groupBy=source${filter}`);
      expect(res.status).toBe(200);
      const [head, ...body] = (await res.text()).trim().split("\r\n");
      expect(head).toBe("source,cost_usd,share_percent,co2e_kg");
      const cells = body.map((l) => l.split(","));
      expect(cells.map((c) => c[0])).toEqual([...api.rows.map((r) => r.key), "Total"]);
      expect(cells.map((c) => Number(c[1]))).toEqual([
        ...api.rows.map((r) => Math.round(r.costUsd * 100) / 100),
        Math.round(api.total.costUsd * 100) / 100,
      ]);
    }
  });

  it.each([
    ["/api/v1/costs", "source=focus-1.2"],
    ["/api/v1/costs", "source="],
    ["/api/v1/costs.csv", "source=Cost%20Explorer"],
  ])("%s?%s is a 400 naming the parameter", async (path, query) => {
    const res = await viewer.request(`${path}?${range}&${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe("source");
    expect(body.error.message).toContain("cost-explorer");
  });
});

describe("pages", () => {
  it("the cost explorer offers source as a filter and a group-by", async () => {
    const res = await viewer.request(`/costs?${range}&groupBy=source&source=focus`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<option value="source" selected="">/);
    expect(html).toMatch(/<select id="f-source" name="source">[\s\S]*<option value="focus" selected="">/);
    expect(html).toContain('value="cost-explorer"');
    expect(html).toContain("FOCUS export (imported)");
    expect(html).toContain(`data-cost-usd="${focusTotal.toFixed(2)}"`);
    expect(html).toContain("source=focus");
  });

  it("/runs lists each source's lines, cost and newest day, and other providers apart", async () => {
    const res = await viewer.request("/runs");
    expect(res.status).toBe(200);
    const html = await res.text();
    const bare = await bareBySource();
    expect(bare.get("focus")?.newestDay).toBe(focusNewestDay);
    for (const [source, expected] of bare) {
      const row = html.match(new RegExp(`<tr data-source="${source}">([\\s\\S]*?)</tr>`))?.[1] ?? "";
      expect(row).toContain(`data-lines="${expected.lines}"`);
      expect(row).toContain(`data-cost-usd="${expected.costUsd.toFixed(2)}"`);
      expect(row).toContain(`data-day="${expected.newestDay}"`);
    }
    expect(html).toContain(`data-cost-usd="${collectedTotal.toFixed(2)}"`);
    expect(html).toContain(`data-cost-usd="${focusTotal.toFixed(2)}"`);
    expect(html).toContain("not included in AWS figures");
    const section = html.slice(html.indexOf('id="other-providers-table"'));
    for (const [provider, count] of otherProviders) {
      const counted = [
        ...section.matchAll(new RegExp(`<tr data-provider="${provider}">[\\s\\S]*?data-rows="(\\d+)"`, "g")),
      ];
      expect(counted.length).toBeGreaterThan(0);
      expect(counted.reduce((s, m) => s + Number(m[1]), 0)).toBe(count);
    }
  });
});
