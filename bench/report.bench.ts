/**
 * The monthly report on the demo dataset: gathering the facts from SQLite, building the
 * document, drawing the charts and the PDF. Baseline: one month's cost total read by the
 * dashboard's own read model (costsBy), measured in the same run.
 */
import { buildMonthlyReport } from "../reports/monthly/build";
import { renderChartPng } from "../reports/render/chart-png";
import { chartsOf } from "../reports/render/document";
import { renderPdf } from "../reports/render/pdf";
import { CHART_SIZE } from "../reports/render/render-document";
import { estimateLines } from "../src/carbon/estimate";
import { loadDemo } from "../src/jobs/load-demo";
import { gatherMonthlyFacts } from "../src/jobs/report-monthly-facts";
import { openSqliteStore } from "../src/store/open-sqlite";
import { costsBy } from "../src/store/read/costs";
import { readDb } from "../src/store/store";

async function time(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  await fn();
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

export async function bench(log: (line: string) => void): Promise<void> {
  const now = new Date("2026-11-28T09:00:00.000Z");
  const opened = openSqliteStore(":memory:");
  await loadDemo(
    { store: opened.store, now: () => now, estimate: (l) => estimateLines(l, { factorSet: "cairn-2026" }) },
    { onlyIfEmpty: false },
  );
  const args = {
    month: "2026-10",
    today: "2026-11-28",
    currency: "USD" as const,
    ceMaxRequests: 300,
    factorSet: "cairn-2026",
  };
  const baseline = await time(20, () =>
    costsBy(readDb(opened.store), { period: { from: "2026-10-01", to: "2026-11-01" }, groupBy: "pipeline" }),
  );
  const facts = await gatherMonthlyFacts(opened.store, args);
  const doc = buildMonthlyReport(facts, { lang: "fr", madeOn: "2026-11-28" });
  const gather = await time(5, () => gatherMonthlyFacts(opened.store, args));
  const build = await time(50, () => buildMonthlyReport(facts, { lang: "fr", madeOn: "2026-11-28" }));
  const charts = chartsOf(doc);
  const images = new Map(charts.map((c) => [c.id, renderChartPng(c.config, CHART_SIZE)]));
  const first = charts[0];
  if (!first) throw new Error("the monthly report has no chart");
  const chart = await time(10, () => renderChartPng(first.config, CHART_SIZE));
  const pdf = await time(5, () => renderPdf(doc, images, now.toISOString()));
  const size = (await renderPdf(doc, images, now.toISOString())).length;
  opened.close();
  const row = (name: string, ms: number) =>
    log(`${name.padEnd(34)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / baseline).toFixed(1).padStart(7)}x baseline`);
  row("baseline: month total by pipeline", baseline);
  row("gather monthly facts (SQLite)", gather);
  row("build the document (pure)", build);
  row("one chart PNG (chart.js + canvas)", chart);
  row("PDF with two charts (pdfkit)", pdf);
  log(`PDF size: ${(size / 1024).toFixed(0)} KiB`);
}
