/**
 * A report as plain data: a title and a list of blocks. The weekly and monthly builders produce
 * one (pure); the HTML, text and PDF renderers each draw the same blocks, so the three formats
 * always carry the same figures.
 */
import type { ChartConfig } from "../../src/charts/chart-config";
import type { Locale } from "../../src/model";

export interface ChartBlockItem {
  /** Names the image: `cid:<id>` in mail, the attachment's file name. */
  id: string;
  title: string;
  /** The chart in one sentence, for the text part and the image's alt text. */
  summary: string;
  config: ChartConfig;
  /** The dashboard page that shows the same chart (`/costs`), linked when no image is drawn. */
  dashboardPath?: string;
}

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  /** A highlighted line: provisional figures, stale data. */
  | { kind: "warning"; text: string }
  /** Headline figures shown as tiles. */
  | { kind: "figures"; items: { label: string; value: string; note?: string }[] }
  | { kind: "table"; columns: string[]; rows: string[][]; align?: ("left" | "right")[] }
  | { kind: "list"; items: string[] }
  /** One or two charts side by side. */
  | { kind: "charts"; charts: ChartBlockItem[] }
  /** A sentence followed by a link (absolute URL), under an optional caption. */
  | { kind: "link"; caption?: string; text: string; href: string }
  /** Small print: sources, method, how figures were obtained. */
  | { kind: "note"; text: string };

export interface ReportDocument {
  kind: "weekly" | "monthly";
  /** `2026-10` for a month, the Monday `2026-11-16` for a week. */
  period: string;
  lang: Locale;
  subject: string;
  title: string;
  subtitle: string;
  provisional: boolean;
  blocks: Block[];
  /** The closing line: who made it, when. */
  footer: string;
}

/** Every chart of a document, in order. */
export function chartsOf(doc: ReportDocument): ChartBlockItem[] {
  return doc.blocks.flatMap((b) => (b.kind === "charts" ? b.charts : []));
}
