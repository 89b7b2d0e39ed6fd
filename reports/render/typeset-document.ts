/**
 * French typography over a whole report document (src/format/typography.ts): its sentences are
 * assembled from words, numbers and names, so the no-break spaces before ":", ";", "%" and "€"
 * and inside « » are set once on every string of the document, and the HTML, text and PDF
 * that draw it all carry them. Links' addresses and chart data are left as they are. Pure.
 */
import { frenchTypography as t } from "../../src/format/typography";
import type { Block, ReportDocument } from "./document";

function block(b: Block): Block {
  switch (b.kind) {
    case "heading":
    case "paragraph":
    case "warning":
    case "note":
      return { ...b, text: t(b.text) };
    case "figures":
      return {
        ...b,
        items: b.items.map((f) => ({
          label: t(f.label),
          value: t(f.value),
          ...(f.note !== undefined ? { note: t(f.note) } : {}),
        })),
      };
    case "table":
      return { ...b, columns: b.columns.map(t), rows: b.rows.map((r) => r.map(t)) };
    case "list":
      return { ...b, items: b.items.map(t) };
    case "charts":
      return { ...b, charts: b.charts.map((c) => ({ ...c, title: t(c.title), summary: t(c.summary) })) };
    case "link":
      return { ...b, text: t(b.text), ...(b.caption !== undefined ? { caption: t(b.caption) } : {}) };
  }
}

/** The document with French typography on every string; an English one is returned as is. */
export function typesetDocument(doc: ReportDocument): ReportDocument {
  if (doc.lang !== "fr") return doc;
  return {
    ...doc,
    subject: t(doc.subject),
    title: t(doc.title),
    subtitle: t(doc.subtitle),
    footer: t(doc.footer),
    blocks: doc.blocks.map(block),
  };
}
