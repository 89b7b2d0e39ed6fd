/** Report emails fit a phone: nothing wider than 600 px, everything fluid (100 % up to a max). */
import { describe, expect, it } from "vitest";
import type { ReportDocument } from "../../reports/render/document";
import { renderHtml } from "../../reports/render/html";

const doc = {
  kind: "monthly",
  period: "2026-10",
  lang: "fr",
  subject: "s",
  title: "t",
  subtitle: "st",
  provisional: false,
  footer: "f",
  blocks: [
    { kind: "figures", items: [{ label: "a", value: "1" }] },
    { kind: "charts", charts: [{ id: "c1", title: "Coût", summary: "s" }] },
  ],
} as unknown as ReportDocument;

describe("report email width", () => {
  it("never asks for more than 600 px, and every fixed width is also fluid", () => {
    const html = renderHtml(doc, (id) => `cid:${id}`);
    const widths = [...html.matchAll(/width="(\d+)"/g)].map((m) => Number(m[1]));
    const maxWidths = [...html.matchAll(/max-width:(\d+)px/g)].map((m) => Number(m[1]));
    expect(widths.length).toBeGreaterThan(0);
    expect(Math.max(...widths, ...maxWidths)).toBeLessThanOrEqual(600);
    // The image is the content box's width: 600 minus padding and border on both sides.
    expect(html).toMatch(/<img[^>]*width="566" style="width:100%;max-width:566px/);
    expect(html).toContain('style="max-width:600px;width:100%');
  });
});
