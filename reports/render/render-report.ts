/**
 * Node only: a report rendered with the canvas and pdfkit renderers (the CLI's, the tests' and
 * the bench's shortcut). Code that may run on Workers uses render-document.ts with the
 * renderers its composition root passes in.
 */
import type { ReportDocument } from "./document";
import { nodeRenderers } from "./node-renderers";
import { type RenderedReport, type RenderOptions, renderDocument } from "./render-document";

export { CHART_SIZE, pdfFileName, type RenderedReport } from "./render-document";

export function renderReport(doc: ReportDocument, options: RenderOptions): Promise<RenderedReport> {
  return renderDocument(doc, nodeRenderers, options);
}
