/**
 * What draws a report's images: chart PNGs and the PDF. Both need Node-only libraries
 * (@napi-rs/canvas, pdfkit), so each composition root hands in what its runtime has: Node the
 * canvas and pdfkit renderers (node-renderers.ts), Workers `NO_RENDERERS`. Without them the
 * report says where the charts and the PDF are instead: on the dashboard.
 */
import type { ChartConfig } from "../../src/charts/chart-config";
import type { Locale } from "../../src/model";
import type { Block, ReportDocument } from "./document";

export interface ChartSize {
  width: number;
  height: number;
}

export interface ReportRenderers {
  /** One chart as PNG bytes, `size` in CSS pixels; null where no canvas exists. */
  chartPng: ((config: ChartConfig, size: ChartSize) => Uint8Array) | null;
  /** The PDF of a document with its charts' PNGs by id; null where no PDF library runs. */
  pdf:
    | ((doc: ReportDocument, images: ReadonlyMap<string, Uint8Array>, createdAt: string) => Promise<Uint8Array>)
    | null;
}

/** The Workers runtime: no canvas, no pdfkit. */
export const NO_RENDERERS: ReportRenderers = { chartPng: null, pdf: null };

const WORDS: Record<Locale, { charts: string; pdf: string }> = {
  fr: {
    charts: "Les graphiques sont sur le tableau de bord :",
    pdf: "Le PDF n'est pas joint à ce courriel ; le rapport est archivé sur la page Rapports du tableau de bord, d'où vous pouvez le télécharger ou l'enregistrer en PDF :",
  },
  en: {
    charts: "Charts are on the dashboard:",
    pdf: "The PDF is not attached to this email: the report is archived on the Reports page of the dashboard, where you can download it or save it as a PDF:",
  },
};

function joinUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`;
}

/** Each chart replaced, where it stood, by its title, its summary and a link to its dashboard page. */
export function withDashboardLinks(doc: ReportDocument, publicUrl: string): ReportDocument {
  const blocks = doc.blocks.flatMap((b): Block[] =>
    b.kind === "charts"
      ? b.charts.map((c) => ({
          kind: "link",
          caption: c.title,
          text: `${c.summary} ${WORDS[doc.lang].charts}`,
          href: joinUrl(publicUrl, c.dashboardPath ?? "/"),
        }))
      : [b],
  );
  return { ...doc, blocks };
}

/** The document with a last line saying the PDF is on the dashboard's Reports page. */
export function withPdfNote(doc: ReportDocument, publicUrl: string): ReportDocument {
  return {
    ...doc,
    blocks: [...doc.blocks, { kind: "link", text: WORDS[doc.lang].pdf, href: joinUrl(publicUrl, "/reports") }],
  };
}
