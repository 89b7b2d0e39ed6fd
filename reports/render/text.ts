/** A report document as plain text: the mail's text part, readable in any client. */
import type { Block, ReportDocument } from "./document";

function pad(text: string, width: number, align: "left" | "right"): string {
  const n = Math.max(0, width - [...text].length);
  return align === "left" ? text + " ".repeat(n) : " ".repeat(n) + text;
}

function block(b: Block, colon: string): string {
  switch (b.kind) {
    case "heading":
      return `\n${b.text}\n${"-".repeat([...b.text].length)}`;
    case "paragraph":
    case "note":
      return b.text;
    case "warning":
      return `! ${b.text}`;
    case "list":
      return b.items.map((i) => `- ${i}`).join("\n");
    case "figures":
      return b.items.map((f) => `${f.label}${colon}${f.value}${f.note ? ` (${f.note})` : ""}`).join("\n");
    case "table": {
      const all = [b.columns, ...b.rows];
      const widths = b.columns.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? "")].length)));
      const align = (i: number) => b.align?.[i] ?? (i === 0 ? "left" : "right");
      const line = (r: string[]) =>
        r
          .map((c, i) => pad(c, widths[i] ?? 0, align(i)))
          .join("  ")
          .trimEnd();
      return [line(b.columns), ...b.rows.map(line)].join("\n");
    }
    case "link":
      return `${b.caption ? `${b.caption}\n` : ""}${b.text} ${b.href}`;
    case "charts":
      return b.charts.map((c) => `${c.title}${colon}${c.summary}`).join("\n");
  }
}

export function renderText(doc: ReportDocument): string {
  const parts = [
    `${doc.title}`,
    doc.subtitle,
    // French: a no-break space before the colon, so a line never starts with it.
    ...doc.blocks.map((b) => block(b, doc.lang === "fr" ? "\u00a0: " : ": ")),
    "",
    doc.footer,
  ];
  return `${parts.join("\n\n").replace(/\n{3,}/g, "\n\n")}\n`;
}
