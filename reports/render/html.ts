/**
 * A report document as an HTML email: one centred column of 640 px, inline styles only (what
 * mail clients keep), charts as images whose address the caller chooses (`cid:` in mail, a data
 * URI for the archive, so the archived copy shows exactly what was sent).
 */
import { escapeHtml } from "../../src/format/escape-html";
import type { Block, ReportDocument } from "./document";

const FONT = "font-family:'DejaVu Sans',Arial,Helvetica,sans-serif";
const INK = "#1f2933";
const MUTED = "#616e7c";

function block(b: Block, imageSrc: (id: string) => string): string {
  switch (b.kind) {
    case "heading":
      return `<h2 style="${FONT};font-size:17px;color:${INK};margin:26px 0 8px;border-bottom:1px solid #d9e2ec;padding-bottom:4px">${escapeHtml(b.text)}</h2>`;
    case "paragraph":
      return `<p style="${FONT};font-size:14px;line-height:1.5;color:${INK};margin:8px 0">${escapeHtml(b.text)}</p>`;
    case "warning":
      return `<p style="${FONT};font-size:14px;line-height:1.5;color:#7c2d12;background:#fff4e5;border-left:4px solid #e69f00;padding:8px 12px;margin:12px 0">${escapeHtml(b.text)}</p>`;
    case "note":
      return `<p style="${FONT};font-size:12px;line-height:1.4;color:${MUTED};margin:6px 0">${escapeHtml(b.text)}</p>`;
    case "list":
      return `<ul style="${FONT};font-size:14px;line-height:1.5;color:${INK};margin:8px 0;padding-left:20px">${b.items
        .map((i) => `<li style="margin:4px 0">${escapeHtml(i)}</li>`)
        .join("")}</ul>`;
    case "figures": {
      // Tiles as inline blocks, not table cells: a row of four that no longer fits a phone's
      // screen wraps to two per row instead of pushing the mail sideways. Each takes its share of
      // the 600 px mail and at least 140 px (four in a row at 600 px, two on a phone); font-size 0 on the row removes the gaps between them.
      const width = Math.floor(100 / Math.max(1, b.items.length));
      const tiles = b.items
        .map(
          (f) =>
            `<div style="display:inline-block;vertical-align:top;box-sizing:border-box;width:${width}%;min-width:140px;${FONT};background:#f0f4f8;padding:8px;border:4px solid #ffffff"><div style="font-size:12px;color:${MUTED}">${escapeHtml(f.label)}</div><div style="font-size:18px;font-weight:bold;color:${INK};margin-top:2px;white-space:nowrap">${escapeHtml(f.value)}</div>${f.note ? `<div style="font-size:12px;color:${MUTED};margin-top:2px">${escapeHtml(f.note)}</div>` : ""}</div>`,
        )
        .join("");
      return `<div style="font-size:0;margin:8px 0">${tiles}</div>`;
    }
    case "table": {
      const align = (i: number) => b.align?.[i] ?? (i === 0 ? "left" : "right");
      const head = b.columns
        .map(
          (c, i) =>
            `<th align="${align(i)}" style="${FONT};font-size:12px;color:${MUTED};font-weight:bold;padding:4px 6px;border-bottom:1px solid #bcccdc">${escapeHtml(c)}</th>`,
        )
        .join("");
      const rows = b.rows
        .map(
          (r) =>
            `<tr>${r
              .map(
                (cell, i) =>
                  `<td align="${align(i)}" style="${FONT};font-size:13px;color:${INK};padding:4px 6px;border-bottom:1px solid #eef2f6">${escapeHtml(cell)}</td>`,
              )
              .join("")}</tr>`,
        )
        .join("");
      // A table wider than a phone's screen scrolls inside its own box (in the mail clients that
      // allow it; the others show it whole) instead of widening the whole mail.
      // A box that scrolls sideways on a phone takes the keyboard focus, so it scrolls without a mouse.
      return `<div tabindex="0" style="overflow-x:auto;margin:8px 0"><table width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
    }
    case "link":
      return `${b.caption ? `<p style="${FONT};font-size:13px;color:${MUTED};margin:12px 0 2px">${escapeHtml(b.caption)}</p>` : ""}<p style="${FONT};font-size:14px;line-height:1.5;color:${INK};margin:4px 0 8px">${escapeHtml(b.text)} <a href="${escapeHtml(b.href)}" style="color:#1d4ed8">${escapeHtml(b.href)}</a></p>`;
    case "charts":
      return b.charts
        .map(
          (c) =>
            `<figure style="margin:12px 0"><figcaption style="${FONT};font-size:13px;color:${MUTED};margin-bottom:4px">${escapeHtml(c.title)}</figcaption><img src="${escapeHtml(imageSrc(c.id))}" alt="${escapeHtml(`${c.title}: ${c.summary}`)}" width="566" style="width:100%;max-width:566px;height:auto;display:block;border:0"></figure>`,
        )
        .join("");
  }
}

/**
 * The mail's frame: 600 px at most, fluid below. Fixed table layout, so that no block's widest
 * content (a data table's figures) can widen the frame past a phone's screen.
 */
export function renderHtml(doc: ReportDocument, imageSrc: (id: string) => string): string {
  const body = doc.blocks.map((b) => block(b, imageSrc)).join("\n");
  return `<!doctype html>
<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(doc.subject)}</title></head>
<body style="margin:0;padding:0;background:#f5f7fa">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f7fa;table-layout:fixed"><tr><td align="center" style="padding:8px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;width:100%;background:#ffffff;border:1px solid #d9e2ec;table-layout:fixed"><tr><td style="padding:16px">
<div style="${FONT};font-size:12px;color:${MUTED};letter-spacing:0.04em">▲ CAIRN</div>
<h1 style="${FONT};font-size:22px;color:${INK};margin:4px 0 2px">${escapeHtml(doc.title)}</h1>
<p style="${FONT};font-size:14px;color:${MUTED};margin:0 0 12px">${escapeHtml(doc.subtitle)}</p>
${body}
<p style="${FONT};font-size:11px;color:${MUTED};margin:24px 0 0;border-top:1px solid #d9e2ec;padding-top:8px">${escapeHtml(doc.footer)}</p>
</td></tr></table>
</td></tr></table>
</body></html>
`;
}
