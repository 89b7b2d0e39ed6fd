/**
 * The charts on the demo (issue 16, point 4): the overview's daily chart without the monthly
 * VAT unless asked, the explorer month by month beyond 62 days, day and month labels of the
 * data tables written out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateLines } from "../../src/carbon/estimate";
import type { ChartConfig } from "../../src/charts/chart-config";
import { loadDemo } from "../../src/jobs/load-demo";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");

/** The chart definition a page's canvas carries (its data-chart attribute). */
function chartOf(html: string, id: string): ChartConfig {
  const m = new RegExp(`<canvas id="${id}" data-chart="([^"]*)"`).exec(html);
  if (!m?.[1]) throw new Error(`no chart ${id}`);
  const json = m[1]
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
  return JSON.parse(json.replace(/&amp;/g, "&")) as ChartConfig;
}

describe("charts on the demo", () => {
  let fixture: ReturnType<typeof webFixture>;
  let en: SignedIn;
  beforeAll(async () => {
    fixture = webFixture({ CAIRN_LOCALE: "en" }, NOW);
    await loadDemo(
      { store: fixture.store, now: () => NOW, estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }) },
      { onlyIfEmpty: false },
    );
    en = await fixture.signIn("viewer");
  });
  afterAll(() => fixture.close());

  it("leaves the VAT of the 1st out of the daily chart, says how much, and adds it on request", async () => {
    const html = await (await en.request("/")).text();
    const chart = chartOf(html, "chart-services");
    expect(chart.data.datasets.map((d) => d.label)).not.toContain("Tax");
    // The 1st of November is a usage day like the others (the VAT was ~20x a day's usage).
    const perDay = chart.data.labels.map((_, i) => chart.data.datasets.reduce((s, d) => s + (d.data[i] ?? 0), 0));
    const first = perDay[chart.data.labels.indexOf("2026-11-01")] ?? 0;
    const others = perDay.filter((v) => v > 0);
    expect(first).toBeLessThan(3 * (others.reduce((s, v) => s + v, 0) / others.length));
    expect(html).toMatch(
      /id="chart-services-taxes">Taxes left out of this chart: US\$[\d,.]+ · <a href="\/\?taxes=show#chart-services">Show taxes</,
    );

    const shown = await (await en.request("/?taxes=show")).text();
    expect(chartOf(shown, "chart-services").data.datasets.map((d) => d.label)).toContain("Tax");
    expect(shown).toMatch(/Taxes included in this chart: US\$[\d,.]+ · <a href="\/#chart-services">Hide taxes</);
  });

  it("writes the data table's days out", async () => {
    const html = await (await en.request("/")).text();
    expect(html).toContain('<th scope="row">1 November 2026</th>');
    expect(html).not.toMatch(/<th scope="row">2026-11-01<\/th>/);
  });

  it("shows thirteen months by month, not 396 days, unless days are asked for", async () => {
    const html = await (await en.request("/costs?from=2025-10-01&to=2026-11-01&groupBy=day")).text();
    const rows = html.match(/<tr data-parent=|<tr>\s*<th scope="row">/g) ?? [];
    const table = html.slice(
      html.indexOf('id="explorer-table"'),
      html.indexOf("</table>", html.indexOf('id="explorer-table"')),
    );
    const bodyRows = table.match(/<th scope="row">/g) ?? [];
    expect(bodyRows.length).toBeLessThanOrEqual(14);
    expect(rows.length).toBeGreaterThan(0);
    expect(table).toContain("October 2025");
    expect(chartOf(html, "chart-explorer").data.labels).toHaveLength(13);
    // The automatic step is selected; the CSV link follows the same step.
    expect(html).toMatch(/<option value="" selected="">By range \(months past 62 days\)/);
    expect(html).toMatch(
      /href="\/api\/v1\/costs\.csv\?from=2025-10-01&amp;to=2026-11-01&amp;groupBy=day&amp;granularity=month"/,
    );

    const daily = await (await en.request("/costs?from=2025-10-01&to=2026-11-01&groupBy=day&granularity=day")).text();
    expect(chartOf(daily, "chart-explorer").data.labels).toHaveLength(396);

    const month = await (await en.request("/costs?from=2026-10-01&to=2026-11-01&groupBy=day")).text();
    expect(chartOf(month, "chart-explorer").data.labels).toHaveLength(31);
  });
});
