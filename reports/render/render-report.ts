/**
 * Renders a report document into everything that is mailed and archived: the charts as PNGs,
 * the HTML for mail (images by `cid:`), the same HTML for the archive (images inline as data
 * URIs, so the archive shows the report as sent), the text part and, when asked, the PDF.
 */
import type { MailAttachment } from "../mail/transport";
import { renderChartPng } from "./chart-png";
import { chartsOf, type ReportDocument } from "./document";
import { renderHtml } from "./html";
import { renderPdf } from "./pdf";
import { renderText } from "./text";

export interface RenderedReport {
  mailHtml: string;
  archiveHtml: string;
  text: string;
  pdf: Uint8Array | null;
  /** Inline chart images (with a cid) then the PDF, when there is one. */
  attachments: MailAttachment[];
}

/** Drawn at twice this; small enough that the labels stay legible when the PDF puts two side by side. */
export const CHART_SIZE = { width: 520, height: 260 };

export function pdfFileName(doc: ReportDocument): string {
  return `cairn-${doc.kind === "monthly" ? (doc.lang === "fr" ? "rapport-mensuel" : "monthly-report") : doc.lang === "fr" ? "rapport-hebdo" : "weekly-report"}-${doc.period}.pdf`;
}

export async function renderReport(
  doc: ReportDocument,
  options: { pdf: boolean; createdAt: string },
): Promise<RenderedReport> {
  const images = new Map<string, Uint8Array>();
  for (const chart of chartsOf(doc)) images.set(chart.id, renderChartPng(chart.config, CHART_SIZE));
  const dataUri = (id: string) =>
    `data:image/png;base64,${Buffer.from(images.get(id) ?? new Uint8Array()).toString("base64")}`;
  const pdf = options.pdf ? await renderPdf(doc, images, options.createdAt) : null;
  const attachments: MailAttachment[] = [...images].map(([id, content]) => ({
    filename: `${id}.png`,
    contentType: "image/png",
    content,
    cid: `${id}@cairn`,
  }));
  if (pdf) attachments.push({ filename: pdfFileName(doc), contentType: "application/pdf", content: pdf });
  return {
    mailHtml: renderHtml(doc, (id) => `cid:${id}@cairn`),
    archiveHtml: renderHtml(doc, dataUri),
    text: renderText(doc),
    pdf,
    attachments,
  };
}
