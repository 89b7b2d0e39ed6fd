/**
 * Every page of the demo in French, as a director reads it: no English word from a list of
 * known leaks, no raw backtick, and French typography (a no-break space, never a plain one or
 * none, before : ; ! ? and %). The tuning findings' own texts are issue 18's and are left out
 * of the word check (their typography is checked like the rest), and so are the methodology's
 * factor-set and classification tables, which are English data (src/carbon) still to translate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import { loadDemo } from "../../src/jobs/load-demo";
import { finishRun, startRun } from "../../src/store/runs";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");
const fixture = webFixture({ CAIRN_LOCALE: "fr" }, NOW);
let admin: SignedIn;

beforeAll(async () => {
  await loadDemo(
    {
      store: fixture.store,
      now: () => NOW,
      estimate: (lines: Parameters<typeof estimateLines>[0], utilisation?: never) =>
        estimateLines(lines, { factorSet: "cairn-2026", utilisation }),
    } as never,
    { onlyIfEmpty: false },
  );
  // A collection run over a window of days, as Cost Explorer's runs are recorded (the demo's are not).
  const run = await startRun(fixture.store, {
    source: "cost-explorer",
    startedAt: "2026-11-18T06:00:00Z",
    fromDay: "2026-11-14",
    toDay: "2026-11-18",
  });
  await finishRun(fixture.store, run, { finishedAt: "2026-11-18T06:01:00Z", status: "succeeded", requests: 3 });
  admin = await fixture.signIn("admin");
}, 120_000);
afterAll(() => fixture.close());

const PAGES = [
  "/",
  "/costs",
  "/costs?groupBy=pipeline&thenBy=service&compare=previous",
  "/carbon",
  "/budgets",
  "/budgets?edit=Association",
  "/alerts",
  "/incidents",
  "/reports",
  "/runs",
  "/settings",
  "/tuning",
  "/methodology",
];

/** English that has no business in a French page (AWS's own names aside). */
const LEAKS = [
  "location-based",
  "market-based",
  "untagged",
  "unassigned",
  "non attribué",
  "Forecast",
  "Spent",
  "Budget exceeded",
  "Download",
  "Total cost",
  "per month",
  "last run",
  "not started",
  "No data",
  "Amounts in",
  "Tous les chaînes",
];

/** The page's text: markup, scripts, chart data and AWS service names removed; finding texts apart. */
function pageText(html: string, withoutFindings: boolean): string {
  let h = html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<datalist[\s\S]*?<\/datalist>/g, "");
  if (withoutFindings) h = h.replace(/<article class="finding"[\s\S]*?<\/article>/g, "");
  return h
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

describe("French pages of the demo", () => {
  it.each(PAGES)("%s: no English leak, no backtick, French spacing", async (path) => {
    const res = await admin.request(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    const words = pageText(html, true);
    if (path !== "/methodology") expect(LEAKS.filter((leak) => words.includes(leak))).toEqual([]);
    expect(words.match(/`[^`\n]*`?/g) ?? []).toEqual([]);
    // A plain space before : ; ! ? % (the line may break there), or none after a letter ("Données:").
    const lines = words.split("\n").map((l) => l.trim());
    const badSpace = lines.filter((l) => / [:;!?%»]|« /.test(l));
    const glued = lines.filter((l) => /\p{L}[:;!?](\s|$)/u.test(l) && !/forecast:|https?:/.test(l));
    expect({ path, badSpace, glued }).toEqual({ path, badSpace: [], glued: [] });
  });

  it("agrees each filter's « all » with its noun: Toutes les chaînes, régions et sources; Tous les services, comptes et types", async () => {
    const html = await (await admin.request("/costs")).text();
    const allOf = (name: string) =>
      new RegExp(`<select[^>]*name="${name}"[^>]*>\\s*<option value="">([^<]*)</option>`).exec(html)?.[1];
    expect({
      pipeline: allOf("pipeline"),
      region: allOf("region"),
      source: allOf("source"),
      service: allOf("service"),
      account: allOf("account"),
      chargeType: allOf("chargeType"),
      usageType: allOf("usageType"),
    }).toEqual({
      pipeline: "Toutes",
      region: "Toutes",
      source: "Toutes",
      service: "Tous",
      account: "Tous",
      chargeType: "Tous",
      usageType: "Tous",
    });
    const resources = await (await admin.request("/resources")).text();
    expect(resources).toContain("Toutes les chaînes");
    expect(resources).not.toMatch(/Tous les (chaînes|régions|sources)|Toutes les (services|comptes)/);
  });

  it.each(PAGES)("%s: days written out, never as ISO dates", async (path) => {
    const html = await (await admin.request(path)).text();
    // Form values and links keep ISO days; what is read is the page's text outside inputs.
    const text = pageText(html.replace(/<(input|option|select|textarea)[^>]*>/g, ""), false);
    expect({ path, iso: text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [] }).toEqual({ path, iso: [] });
  });
});
