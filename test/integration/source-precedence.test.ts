/**
 * Never a dollar twice (issue 20). A month collected from the Cost Explorer stand-in and the
 * same month imported as a FOCUS file: every total (overview, explorer API and CSV, budgets,
 * monthly report, exports) counts FOCUS once for that account and month, Cost Explorer for the
 * rest; removing the FOCUS month brings the Cost Explorer figures back. Expectations come from
 * the dataset's records and the FOCUS file's rows, summed here, never from the rollups.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regionOfUsageType } from "../../collectors/cost-explorer/region";
import { estimateLines } from "../../src/carbon/estimate";
import { collectCostExplorer } from "../../src/jobs/collect";
import { importFocus } from "../../src/jobs/import-focus";
import { gatherMonthlyFacts } from "../../src/jobs/report-monthly-facts";
import type { Budget } from "../../src/model";
import { loadBudgetStatus } from "../../src/store/read/budget-statuses";
import { exportLinePages, openDataPages } from "../../src/store/read/export-lines";
import { sourceComparisons } from "../../src/store/read/reconciliation";
import { removeFocusMonth } from "../../src/store/remove-focus-month";
import { readDb } from "../../src/store/store";
import { loadOverview } from "../../web/pages/overview-data";
import { demoLikeRecords, RESEARCH_ACCOUNT, WEBSITE_ACCOUNT } from "../helpers/cost-explorer-dataset";
import { DEFAULT_ARGS, testClient } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, type FakeRecord, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-10-12T10:00:00Z");
const SEPT = { from: "2026-09-01", to: "2026-10-01" };
const fixture = webFixture({ CAIRN_LOCALE: "en" }, NOW);
const records = demoLikeRecords({ from: "2026-08-01", to: "2026-10-12" });

/** FOCUS's own spellings, as AWS's export writes them (Cairn renames them to Cost Explorer's). */
const FOCUS_NAME: Record<string, string> = {
  "Amazon Elastic Compute Cloud - Compute": "Amazon Elastic Compute Cloud",
  "EC2 - Other": "Amazon Elastic Compute Cloud",
  AmazonCloudWatch: "Amazon CloudWatch",
};

/** The export bills to the cent per row: AWS-like small differences from Cost Explorer. */
const billed = (r: FakeRecord) => Math.round(Number(r.unblended) * 100) / 100;

const inSept = (r: FakeRecord) => r.day >= SEPT.from && r.day < SEPT.to;
const focusRecords = records.filter((r) => r.accountId === RESEARCH_ACCOUNT && inSept(r));

function focusFile(): string {
  const header = [
    "BilledCost",
    "EffectiveCost",
    "BillingCurrency",
    "BillingAccountId",
    "BillingPeriodStart",
    "BillingPeriodEnd",
    "ChargePeriodStart",
    "ChargeCategory",
    "ChargeClass",
    "ProviderName",
    "ServiceName",
    "x_ServiceCode",
    "RegionId",
    "SubAccountId",
    "ConsumedQuantity",
    "ConsumedUnit",
    "Tags",
    "x_UsageType",
  ];
  const q = (v: string) => (/[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const rows = focusRecords.map((r) => {
    const tax = r.service === "Tax";
    const region = regionOfUsageType(r.usageType, r.service);
    return [
      String(billed(r)),
      String(billed(r)),
      "USD",
      RESEARCH_ACCOUNT,
      "2026-09-01T00:00:00Z",
      "2026-10-01T00:00:00Z",
      `${r.day}T00:00:00Z`,
      tax ? "Tax" : "Usage",
      "",
      "AWS",
      tax ? "Amazon Elastic Compute Cloud" : (FOCUS_NAME[r.service] ?? r.service),
      tax ? "AmazonEC2" : "",
      region === "global" ? "" : region,
      r.accountId,
      r.usage,
      r.unit,
      r.pipeline ? JSON.stringify({ "user:pipeline": r.pipeline }) : "{}",
      r.usageType,
    ]
      .map(q)
      .join(",");
  });
  const dir = mkdtempSync(join(tmpdir(), "cairn-precedence-"));
  const path = join(dir, "focus-2026-09.csv");
  writeFileSync(path, `${header.join(",")}\n${rows.join("\n")}\n`);
  return path;
}

const sum = (rs: readonly FakeRecord[], f: (r: FakeRecord) => number = (r) => Number(r.unblended)) =>
  Math.round(rs.reduce((s, r) => s + f(r), 0) * 1e6) / 1e6;

const ceSept = sum(records.filter(inSept));
const focusSept = sum(focusRecords, billed);
const ceResearchSept = sum(focusRecords);
/** What September must total once: FOCUS for the research account, Cost Explorer for the website. */
const onceSept = Math.round((focusSept + ceSept - ceResearchSept) * 1e6) / 1e6;
const EC2 = "Amazon Elastic Compute Cloud - Compute";
const ec2 = (r: FakeRecord) => r.service === EC2;
const ceEc2Sept = sum(records.filter((r) => inSept(r) && ec2(r)));
const onceEc2Sept =
  Math.round((ceEc2Sept - sum(focusRecords.filter(ec2)) + sum(focusRecords.filter(ec2), billed)) * 1e6) / 1e6;

let fake: FakeCostExplorer;
let viewer: SignedIn;

beforeAll(async () => {
  fake = await startFakeCostExplorer({ dataset: { records, estimated: (day) => day >= "2026-10-01" } });
  const collected = await collectCostExplorer(
    { store: fixture.store, costExplorer: testClient(fake.endpoint), now: () => NOW },
    DEFAULT_ARGS,
  );
  expect(collected.status).toBe("succeeded");
  viewer = await fixture.signIn("viewer");
});
afterAll(async () => {
  await fake.close();
  fixture.close();
});

async function apiTotal(query: string): Promise<{ total: number; keys: string[] }> {
  const res = await viewer.request(`/api/v1/costs?from=${SEPT.from}&to=${SEPT.to}&${query}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: { key: string }[]; total: { costUsd: number } };
  return { total: body.total.costUsd, keys: body.rows.map((r) => r.key) };
}

async function csvTotal(): Promise<number> {
  const res = await viewer.request(`/api/v1/costs.csv?from=${SEPT.from}&to=${SEPT.to}&groupBy=service`);
  const last = (await res.text()).trim().split("\r\n").at(-1) ?? "";
  expect(last.startsWith("Total,")).toBe(true);
  return Number(last.split(",")[1]);
}

const budget = (name: string, scopeKind: Budget["scopeKind"], scopeValue: string): Budget => ({
  name,
  amount: 1000,
  currency: "USD",
  periodKind: "custom",
  customPeriod: { ...SEPT },
  scopeKind,
  scopeValue,
  thresholds: [],
});

async function exportTotals(): Promise<{ lines: number; open: number }> {
  let lines = 0;
  for await (const page of exportLinePages(readDb(fixture.store), SEPT))
    for (const l of page) lines += l.unblendedCostUsd;
  let open = 0;
  for await (const page of openDataPages(readDb(fixture.store), SEPT)) for (const r of page) open += r.unblendedCostUsd;
  return { lines, open };
}

/** Every total of September, read the way each page, report and export reads it. */
async function everyTotal(): Promise<Record<string, number>> {
  const overview = await loadOverview({ ...fixture.deps, now: () => new Date("2026-09-30T12:00:00Z") });
  const facts = await gatherMonthlyFacts(fixture.store, {
    month: "2026-09",
    today: "2026-10-12",
    currency: "USD",
    ceMaxRequests: 300,
    factorSet: "cairn-2026",
  });
  const rates = [] as const;
  const all = await loadBudgetStatus(fixture.store, budget("all", "all", ""), "2026-10-12", rates);
  const exports = await exportTotals();
  return {
    overview: overview.monthToDate,
    explorerByService: (await apiTotal("groupBy=service")).total,
    explorerByAccount: (await apiTotal("groupBy=account")).total,
    explorerBySource: (await apiTotal("groupBy=source")).total,
    csv: await csvTotal(),
    budget: all.spent,
    monthlyReport: facts.total,
    exportLines: exports.lines,
    exportOpenData: exports.open,
  };
}

function expectAll(totals: Record<string, number>, expected: number) {
  for (const [where, value] of Object.entries(totals)) {
    // The report, budget and CSV round to cents; the others keep micro-dollars.
    expect({ where, value: Math.round(value * 100) / 100 }).toEqual({ where, value: Math.round(expected * 100) / 100 });
  }
}

describe("a month collected from Cost Explorer and imported as FOCUS", () => {
  it("counts Cost Explorer alone before the import", async () => {
    expectAll(await everyTotal(), ceSept);
  });

  it("counts the FOCUS month once for its account, Cost Explorer for the other, everywhere", async () => {
    const summary = await importFocus(
      {
        store: fixture.store,
        now: () => NOW,
        estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
      },
      { target: focusFile(), pipelineTag: "pipeline", maxErrors: 0 },
    );
    expect(summary.status).toBe("succeeded");
    // The sums really differ, so the test tells which source was counted.
    expect(Math.abs(focusSept - ceResearchSept)).toBeGreaterThan(0.005);
    expectAll(await everyTotal(), onceSept);
    const bySource = await viewer.request(`/api/v1/costs?from=${SEPT.from}&to=${SEPT.to}&groupBy=source`);
    const rows = ((await bySource.json()) as { rows: { key: string; costUsd: number }[] }).rows;
    expect(new Map(rows.map((r) => [r.key, Math.round(r.costUsd * 100) / 100]))).toEqual(
      new Map([
        ["focus", Math.round(focusSept * 100) / 100],
        ["cost-explorer", Math.round((ceSept - ceResearchSept) * 100) / 100],
      ]),
    );
  });

  it("keeps one service vocabulary: the FOCUS month has Cost Explorer's service names and regions", async () => {
    const focus = await apiTotal("groupBy=service&source=focus");
    const ceNames = [...new Set(focusRecords.map((r) => r.service))].sort();
    expect(focus.keys.sort()).toEqual(ceNames);
    const regions = await apiTotal("groupBy=region&source=focus");
    expect(regions.keys.sort()).toEqual(
      [...new Set(focusRecords.map((r) => regionOfUsageType(r.usageType, r.service)))].sort(),
    );
  });

  it("keeps a service-scoped budget's spend across the month that changed source", async () => {
    const statusOf = (scope: string) =>
      loadBudgetStatus(fixture.store, budget(`ec2 ${scope}`, "service", scope), "2026-10-12", []);
    const spent = (await statusOf(EC2)).spent;
    expect(spent).toBeCloseTo(onceEc2Sept, 2);
    expect(spent).toBeGreaterThan(0);
    // Typed with FOCUS's name, the budget reads the same lines.
    expect((await statusOf("Amazon Elastic Compute Cloud")).spent).toBe(spent);
  });

  it("shows both totals of the research account's September on the data health page", async () => {
    const [comparison, ...others] = await sourceComparisons(readDb(fixture.store));
    expect(others).toEqual([]);
    expect(comparison).toMatchObject({
      accountId: RESEARCH_ACCOUNT,
      month: "2026-09",
      first: { source: "focus", costUsd: focusSept, days: 30 },
      second: { source: "cost-explorer", costUsd: ceResearchSept, days: 30 },
      countedSource: "focus",
      flagged: false,
    });
    const page = await (await viewer.request("/runs")).text();
    expect(page).toContain(`data-account="${RESEARCH_ACCOUNT}" data-month="2026-09" data-flagged="false"`);
    expect(page).toContain(`data-difference-usd="${(focusSept - ceResearchSept).toFixed(2)}"`);
    expect(page).not.toContain(`data-account="${WEBSITE_ACCOUNT}" data-month`);
  });

  it("brings the Cost Explorer figures back when the FOCUS month is removed", async () => {
    const removed = await removeFocusMonth(fixture.store, "2026-09", undefined, NOW.toISOString());
    expect(removed.costLines).toBeGreaterThan(0);
    expectAll(await everyTotal(), ceSept);
    expect(await sourceComparisons(readDb(fixture.store))).toEqual([]);
  });
});
