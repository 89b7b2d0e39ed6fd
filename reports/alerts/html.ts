/** HTML for emails: every value escaped, a plain frame that reads well in any mail client. Pure. */
import { escapeHtml } from "../../src/format/escape-html";

export interface EmailBlock {
  heading: string;
  intro: string;
  /** Label and value pairs, shown as a table. */
  figures: [string, string][];
  note?: string;
  link: { href: string; label: string };
  /** A second link under the first (an incident's page, where it is acknowledged). */
  extraLink?: { href: string; label: string };
  footer: string;
}

export function renderHtml(block: EmailBlock, lang: string): string {
  const e = escapeHtml;
  const rows = block.figures
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;font-weight:normal;color:#555">${e(label)}</th><td style="padding:4px 0"><strong>${e(value)}</strong></td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="${e(lang)}"><head><meta charset="utf-8"><title>${e(block.heading)}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1a1a1a;max-width:600px;margin:0 auto;padding:16px">
<h1 style="font-size:20px;margin:0 0 12px">${e(block.heading)}</h1>
<p>${e(block.intro)}</p>
<table role="presentation" style="border-collapse:collapse;margin:12px 0">${rows}</table>
${block.note ? `<p style="color:#555">${e(block.note)}</p>` : ""}
<p><a href="${e(block.link.href)}" style="color:#0b5cad">${e(block.link.label)}</a></p>
${block.extraLink ? `<p><a href="${e(block.extraLink.href)}" style="color:#0b5cad">${e(block.extraLink.label)}</a></p>` : ""}
<p style="color:#777;font-size:12px;margin-top:24px">${e(block.footer)}</p>
</body></html>`;
}

export function renderText(block: EmailBlock): string {
  const width = Math.max(0, ...block.figures.map(([l]) => l.length));
  return [
    block.heading,
    "",
    block.intro,
    "",
    ...block.figures.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    ...(block.note ? ["", block.note] : []),
    "",
    block.link.label,
    block.link.href,
    ...(block.extraLink ? ["", block.extraLink.label, block.extraLink.href] : []),
    "",
    "--",
    block.footer,
  ].join("\n");
}
