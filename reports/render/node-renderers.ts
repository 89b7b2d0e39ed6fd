/**
 * The Node renderers: charts drawn with chart.js on @napi-rs/canvas, the PDF with pdfkit and the
 * shipped fonts. Imported by Node composition roots only (src/node.ts, tests, bench), never on
 * the Worker's import path: these modules cannot be bundled for Workers.
 */
import { renderChartPng } from "./chart-png";
import { renderPdf } from "./pdf";
import type { ReportRenderers } from "./renderers";

export const nodeRenderers: ReportRenderers = { chartPng: renderChartPng, pdf: renderPdf };
