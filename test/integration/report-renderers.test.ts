import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { NO_RENDERERS, type ReportRenderers } from "../../reports/render/renderers";
import { type ReportArgs, runReport } from "../../src/jobs/report";
import type { OpenedStore } from "../../src/store/open-sqlite";
import { readPdf } from "../helpers/pdf-text";
import { renderReport } from "../helpers/render-report";
import { openDemoStore, squash } from "../helpers/report-demo";

const NOW = new Date("2026-11-28T09:00:00.000Z");
const PUBLIC_URL = "https://cairn.example.org";
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];
let opened: OpenedStore;

beforeAll(async () => {
  opened = await openDemoStore(NOW);
});
afterAll(() => opened.close());

const args = (over: Partial<ReportArgs> = {}): ReportArgs => ({
  kind: "monthly",
  lang: "fr",
  currency: "USD",
  send: false,
  to: [],
  ceMaxRequests: 300,
  factorSet: "cairn-2026",
  publicUrl: PUBLIC_URL,
  ...over,
});

async function rendered(renderers: ReportRenderers, over: Partial<ReportArgs> = {}) {
  const summary = await runReport({ store: opened.store, now: () => NOW, mail: null, renderers }, args(over));
  if (!summary.rendered || !summary.doc) throw new Error(`not rendered: ${summary.outcome}`);
  return { doc: summary.doc, r: summary.rendered };
}

describe("report renderers", () => {
  it("with canvas and pdfkit: chart images and the PDF, as the Node shortcut renders them", async () => {
    const { doc, r } = await rendered(nodeRenderers);
    const pngs = r.attachments.filter((a) => a.contentType === "image/png");
    expect(pngs.map((a) => a.cid)).toEqual(["monthly-trend@cairn", "monthly-burn@cairn"]);
    for (const png of pngs) expect([...png.content.slice(0, 4)]).toEqual(PNG_MAGIC);
    expect(r.mailHtml).toContain('src="cid:monthly-trend@cairn"');
    expect(r.archiveHtml).toContain('src="data:image/png;base64,');
    expect(r.mailHtml).not.toContain("tableau de bord :");
    expect(r.text).not.toContain("PDF");

    expect(r.pdf).not.toBeNull();
    const pdf = r.pdf ?? new Uint8Array();
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
    expect(r.attachments.at(-1)).toMatchObject({ filename: "cairn-rapport-mensuel-2026-10.pdf", content: pdf });
    const text = readPdf(pdf)?.text ?? null;
    if (text !== null) expect(squash(text)).toContain(squash(doc.title));

    // The same bytes as the Node shortcut (render-report.ts) draws from the same document.
    const shortcut = await renderReport(doc, { pdf: true, createdAt: NOW.toISOString(), publicUrl: PUBLIC_URL });
    expect(shortcut.mailHtml).toBe(r.mailHtml);
    expect(shortcut.archiveHtml).toBe(r.archiveHtml);
    // pdfkit writes a random file ID, so the PDFs compare by their text.
    if (text !== null) expect(readPdf(shortcut.pdf ?? new Uint8Array())?.text).toBe(text);
  });

  it("without renderers: a dashboard link where each chart stood, no attachment, the PDF note", async () => {
    const { doc, r } = await rendered(NO_RENDERERS);
    expect(r.pdf).toBeNull();
    expect(r.attachments).toEqual([]);
    for (const html of [r.mailHtml, r.archiveHtml]) {
      expect(html).not.toContain("<img");
      expect(html).toContain(`Les graphiques sont sur le tableau de bord : <a href="${PUBLIC_URL}/costs"`);
      expect(html).toContain(`Les graphiques sont sur le tableau de bord : <a href="${PUBLIC_URL}/budgets"`);
      expect(html).toContain(`<a href="${PUBLIC_URL}/reports"`);
    }
    // Each chart's title and summary stay, in place of the image.
    const charts = doc.blocks.flatMap((b) => (b.kind === "charts" ? b.charts : []));
    expect(charts).toHaveLength(2);
    for (const c of charts) expect(squash(r.text)).toContain(squash(`${c.title}\n${c.summary} Les graphiques`));
    expect(squash(r.text)).toContain(`enregistrer en PDF : ${PUBLIC_URL}/reports`);
  });

  it("English, and only what is missing: images drawn but no PDF library", async () => {
    const { r } = await rendered({ chartPng: nodeRenderers.chartPng, pdf: null }, { lang: "en" });
    expect(r.pdf).toBeNull();
    expect(r.attachments.map((a) => a.contentType)).toEqual(["image/png", "image/png"]);
    expect(r.mailHtml).not.toContain("Charts are on the dashboard");
    expect(squash(r.text)).toContain(
      `The PDF is not attached to this email: the report is archived on the Reports page of the dashboard, where you can download it or save it as a PDF: ${PUBLIC_URL}/reports`,
    );
  });

  it("the weekly report without renderers links its charts and mentions no PDF", async () => {
    const { r } = await rendered(NO_RENDERERS, { kind: "weekly", lang: "en" });
    expect(r.attachments).toEqual([]);
    expect(r.text).toContain(`Charts are on the dashboard: ${PUBLIC_URL}/costs`);
    expect(r.text).toContain(`Charts are on the dashboard: ${PUBLIC_URL}/budgets`);
    expect(r.text).not.toContain("PDF");
  });
});
