/**
 * Renders a report document into everything that is mailed and archived: the charts as PNGs,
 * the HTML for mail (images by `cid:`), the same HTML for the archive (images inline as data
 * URIs, so the archive shows the report as sent), the text part and, when asked, the PDF.
 * Runs on any runtime: the images come from the renderers passed in, and where there are none
 * the report links to the dashboard instead (renderers.ts).
 */
import type { MailAttachment } from "../mail/transport";
import { chartsOf, type ReportDocument } from "./document";
import { renderHtml } from "./html";
import { type ReportRenderers, withDashboardLinks, withPdfNote } from "./renderers";
import { renderText } from "./text";

export interface RenderedReport {
  mailHtml: string;
  archiveHtml: string;
  text: string;
  pdf: Uint8Array | null;
  /** Inline chart images (with a cid) then the PDF, when there is one. */
  attachments: MailAttachment[];
}

export interface RenderOptions {
  pdf: boolean;
  createdAt: string;
  /** The dashboard's base URL, linked where a chart or the PDF could not be drawn. */
  publicUrl?: string;
}

/** Drawn at twice this; small enough that the labels stay legible when the PDF puts two side by side. */
export const CHART_SIZE = { width: 520, height: 260 };

/** Where the links point when CAIRN_PUBLIC_URL is unset: the Node server's default address. */
export const DEFAULT_PUBLIC_URL = "http://localhost:8787";

export function pdfFileName(doc: ReportDocument): string {
  return `cairn-${doc.kind === "monthly" ? (doc.lang === "fr" ? "rapport-mensuel" : "monthly-report") : doc.lang === "fr" ? "rapport-hebdo" : "weekly-report"}-${doc.period}.pdf`;
}

/** Base64 without Buffer, so the same code runs on Workers. */
function base64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function renderDocument(
  source: ReportDocument,
  renderers: ReportRenderers,
  options: RenderOptions,
): Promise<RenderedReport> {
  const publicUrl = options.publicUrl ?? DEFAULT_PUBLIC_URL;
  const images = new Map<string, Uint8Array>();
  const { chartPng } = renderers;
  if (chartPng) for (const chart of chartsOf(source)) images.set(chart.id, chartPng(chart.config, CHART_SIZE));
  const pdf = options.pdf && renderers.pdf ? await renderers.pdf(source, images, options.createdAt) : null;
  // What the reader gets instead of what could not be drawn: links to the dashboard.
  let doc = chartPng ? source : withDashboardLinks(source, publicUrl);
  if (options.pdf && !pdf) doc = withPdfNote(doc, publicUrl);
  const dataUri = (id: string) => `data:image/png;base64,${base64(images.get(id) ?? new Uint8Array())}`;
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
