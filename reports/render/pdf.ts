/**
 * A report document as an A4 PDF (pdfkit) with the shipped fonts embedded: the same blocks as
 * the HTML, laid out compactly so the monthly report fits on one page; two charts share a row.
 * Node only. The creation date is the report's own; pdfkit names embedded font subsets at
 * random, so two renderings of the same report differ in bytes but not in text.
 */
import type PDFKitDocument from "pdfkit";
import { lazyPackage } from "../../src/lazy-package";
import { FONT_FILES } from "./chart-png";
import type { Block, ReportDocument } from "./document";

const INK = "#1f2933";
const MUTED = "#616e7c";
const RULE = "#bcccdc";
const MARGIN = 40;

// Loaded when the first PDF is drawn (src/lazy-package.ts).
const pdfkit = lazyPackage<typeof PDFKitDocument>("pdfkit");

type Pdf = InstanceType<typeof PDFKitDocument>;

interface Ctx {
  pdf: Pdf;
  width: number;
  images: ReadonlyMap<string, Uint8Array>;
  /** Sizes and spaces are multiplied by it: below 1 when the report would not fit on one page. */
  s: number;
}

function ensureRoom(ctx: Ctx, height: number): void {
  const bottom = ctx.pdf.page.height - MARGIN - 14;
  if (ctx.pdf.y + height > bottom) ctx.pdf.addPage();
}

function heading(ctx: Ctx, text: string): void {
  ensureRoom(ctx, 40);
  const { pdf } = ctx;
  pdf.moveDown(0.35 * ctx.s);
  pdf
    .font("bold")
    .fontSize(11.5 * ctx.s)
    .fillColor(INK)
    .text(text, MARGIN, pdf.y, { width: ctx.width });
  const y = pdf.y + 1;
  pdf
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + ctx.width, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  pdf.y = y + 4;
}

function figures(ctx: Ctx, items: { label: string; value: string; note?: string }[]): void {
  const { pdf } = ctx;
  const gap = 6;
  const w = (ctx.width - gap * (items.length - 1)) / items.length;
  const h = 46 * ctx.s;
  ensureRoom(ctx, h + 6);
  const top = pdf.y + 2;
  items.forEach((f, i) => {
    const x = MARGIN + i * (w + gap);
    pdf.rect(x, top, w, h).fill("#f0f4f8");
    pdf
      .font("regular")
      .fontSize(7.5 * ctx.s)
      .fillColor(MUTED)
      .text(f.label, x + 7, top + 5, { width: w - 14, lineBreak: false, ellipsis: true });
    pdf
      .font("bold")
      .fontSize(13 * ctx.s)
      .fillColor(INK)
      .text(f.value, x + 7, top + 16 * ctx.s, { width: w - 14, lineBreak: false });
    if (f.note)
      pdf
        .font("regular")
        .fontSize(7 * ctx.s)
        .fillColor(MUTED)
        .text(f.note, x + 7, top + 33 * ctx.s, { width: w - 14, lineBreak: false, ellipsis: true });
  });
  pdf.x = MARGIN;
  pdf.y = top + h + 6;
}

function table(ctx: Ctx, b: Extract<Block, { kind: "table" }>): void {
  const { pdf } = ctx;
  const n = b.columns.length;
  const first = n > 2 ? 0.3 : n > 1 ? 0.6 : 1;
  const widths = b.columns.map((_, i) => (i === 0 ? ctx.width * first : (ctx.width * (1 - first)) / (n - 1)));
  const align = (i: number) => b.align?.[i] ?? (i === 0 ? "left" : "right");
  const row = (cells: string[], font: "regular" | "bold", color: string) => {
    ensureRoom(ctx, 14);
    const y = pdf.y;
    let x = MARGIN;
    let height = 0;
    cells.forEach((cell, i) => {
      const w = widths[i] ?? 0;
      pdf
        .font(font)
        .fontSize(8 * ctx.s)
        .fillColor(color)
        .text(cell, x + 2, y + 2, { width: w - 4, align: align(i) });
      height = Math.max(height, pdf.y - y);
      x += w;
    });
    pdf.y = y + height + 2;
    pdf
      .moveTo(MARGIN, pdf.y)
      .lineTo(MARGIN + ctx.width, pdf.y)
      .lineWidth(0.3)
      .strokeColor("#d9e2ec")
      .stroke();
  };
  row(b.columns, "bold", MUTED);
  for (const r of b.rows) row(r, "regular", INK);
  pdf.x = MARGIN;
  pdf.y += 3;
}

function charts(ctx: Ctx, b: Extract<Block, { kind: "charts" }>): void {
  const { pdf } = ctx;
  const gap = 12;
  const w = (ctx.width - gap * (b.charts.length - 1)) / b.charts.length;
  const h = w * 0.42 * ctx.s;
  ensureRoom(ctx, h + 16);
  const top = pdf.y + 2;
  b.charts.forEach((c, i) => {
    const x = MARGIN + i * (w + gap);
    pdf
      .font("bold")
      .fontSize(8 * ctx.s)
      .fillColor(MUTED)
      .text(c.title, x, top, { width: w, lineBreak: false, ellipsis: true });
    const png = ctx.images.get(c.id);
    if (png) pdf.image(Buffer.from(png), x, top + 11, { fit: [w, h], align: "center" });
  });
  pdf.x = MARGIN;
  pdf.y = top + 11 + h + 4;
}

function block(ctx: Ctx, b: Block): void {
  const { pdf, width } = ctx;
  switch (b.kind) {
    case "heading":
      heading(ctx, b.text);
      return;
    case "paragraph":
      ensureRoom(ctx, 24);
      pdf
        .font("regular")
        .fontSize(9 * ctx.s)
        .fillColor(INK)
        .text(b.text, MARGIN, pdf.y, { width, lineGap: 1.5 * ctx.s });
      pdf.moveDown(0.3 * ctx.s);
      return;
    case "warning": {
      ensureRoom(ctx, 28);
      const top = pdf.y + 2;
      const height =
        pdf
          .font("regular")
          .fontSize(8.5 * ctx.s)
          .heightOfString(b.text, { width: width - 20 }) + 10;
      pdf.rect(MARGIN, top, width, height).fill("#fff4e5");
      pdf.rect(MARGIN, top, 3, height).fill("#e69f00");
      pdf.fillColor("#7c2d12").text(b.text, MARGIN + 12, top + 5, { width: width - 20 });
      pdf.x = MARGIN;
      pdf.y = top + height + 4;
      return;
    }
    case "link":
      ensureRoom(ctx, 24);
      if (b.caption)
        pdf
          .font("bold")
          .fontSize(8 * ctx.s)
          .fillColor(MUTED)
          .text(b.caption, MARGIN, pdf.y, { width });
      pdf
        .font("regular")
        .fontSize(9 * ctx.s)
        .fillColor(INK)
        .text(`${b.text} `, MARGIN, pdf.y, { width, continued: true })
        .fillColor("#1d4ed8")
        .text(b.href, { link: b.href });
      pdf.moveDown(0.3 * ctx.s);
      return;
    case "note":
      ensureRoom(ctx, 12);
      pdf
        .font("regular")
        .fontSize(6.8 * ctx.s)
        .fillColor(MUTED)
        .text(b.text, MARGIN, pdf.y, { width, lineGap: 0.5 });
      pdf.moveDown(0.15 * ctx.s);
      return;
    case "list":
      for (const item of b.items) {
        ensureRoom(ctx, 14);
        const y = pdf.y;
        pdf
          .font("bold")
          .fontSize(9 * ctx.s)
          .fillColor(INK)
          .text("•", MARGIN + 2, y);
        pdf
          .font("regular")
          .fontSize(9 * ctx.s)
          .text(item, MARGIN + 12, y, { width: width - 12, lineGap: 1.5 * ctx.s });
        pdf.moveDown(0.2 * ctx.s);
      }
      pdf.x = MARGIN;
      return;
    case "figures":
      figures(ctx, b.items);
      return;
    case "table":
      table(ctx, b);
      return;
    case "charts":
      charts(ctx, b);
      return;
  }
}

/** A laid-out document, not yet ended (its bytes flow once `end()` is called). */
function layout(doc: ReportDocument, images: ReadonlyMap<string, Uint8Array>, createdAt: string, scale: number) {
  const PDFDocument = pdfkit();
  const pdf = new PDFDocument({
    size: "A4",
    bufferPages: true,
    margin: MARGIN,
    info: {
      Title: doc.title,
      Subject: doc.subject,
      Author: "Cairn",
      Creator: "Cairn",
      CreationDate: new Date(createdAt),
    },
    lang: doc.lang,
  } as PDFKit.PDFDocumentOptions);
  pdf.registerFont("regular", FONT_FILES.regular);
  pdf.registerFont("bold", FONT_FILES.bold);
  const width = pdf.page.width - 2 * MARGIN;
  const ctx: Ctx = { pdf, width, images, s: scale };
  pdf
    .font("bold")
    .fontSize(7.5 * ctx.s)
    .fillColor(MUTED)
    .text("▲ CAIRN", MARGIN, MARGIN, { characterSpacing: 0.6 });
  pdf
    .font("bold")
    .fontSize(17 * ctx.s)
    .fillColor(INK)
    .text(doc.title, { width });
  pdf
    .font("regular")
    .fontSize(9.5 * ctx.s)
    .fillColor(MUTED)
    .text(doc.subtitle, { width });
  pdf.moveDown(0.4 * ctx.s);
  for (const b of doc.blocks) block(ctx, b);
  // The footer on every page, in the bottom margin.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const label = range.count > 1 ? `${doc.footer} · ${i + 1}/${range.count}` : doc.footer;
    pdf
      .font("regular")
      .fontSize(6.5)
      .fillColor(MUTED)
      .text(label, MARGIN, pdf.page.height - MARGIN + 8, { width, lineBreak: false, ellipsis: true });
    pdf.page.margins.bottom = bottom;
  }
  // How much of a page the content took, over all pages: a guess at the scale that fits.
  const usable = pdf.page.height - 2 * MARGIN - 14;
  pdf.switchToPage(range.start + range.count - 1);
  return { pdf, pages: range.count, used: (range.count - 1) * usable + (pdf.y - MARGIN), usable };
}

/**
 * The monthly report is one page for its directors: when its month has more to say (the team's
 * work, an overrun to explain) it is laid out again slightly smaller, down to 85 %; if it
 * still does not fit it keeps its normal size on two pages. Other reports keep their size.
 */
const FIT_SCALES = [0.95, 0.9, 0.85];

/** The PDF bytes; `images` holds each chart's PNG by its id; `createdAt` an ISO instant. */
export function renderPdf(
  doc: ReportDocument,
  images: ReadonlyMap<string, Uint8Array>,
  createdAt: string,
): Promise<Uint8Array> {
  let laid = layout(doc, images, createdAt, 1);
  if (doc.kind === "monthly" && laid.pages > 1) {
    // Start from the largest scale that could fit (heights shrink a little more than the scale, as
    // smaller text wraps less), then go down.
    const guess = laid.usable / laid.used;
    for (const scale of FIT_SCALES.filter((s, i, all) => s <= guess + 0.03 || i === all.length - 1)) {
      const smaller = layout(doc, images, createdAt, scale);
      if (smaller.pages === 1) {
        laid = smaller;
        break;
      }
    }
  }
  const { pdf } = laid;
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });
  pdf.end();
  return done;
}
