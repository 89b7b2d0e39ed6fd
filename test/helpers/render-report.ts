/**
 * Node only: a report rendered with the canvas and pdfkit renderers (the tests' shortcut; the
 * product composes render-document.ts with the renderers its composition root passes in).
 */
import type { ReportDocument } from "../../reports/render/document";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { type RenderedReport, type RenderOptions, renderDocument } from "../../reports/render/render-document";

export { CHART_SIZE, pdfFileName, type RenderedReport } from "../../reports/render/render-document";

export function renderReport(doc: ReportDocument, options: RenderOptions): Promise<RenderedReport> {
  return renderDocument(doc, nodeRenderers, options);
}
