import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ReportDocument } from "../../reports/render/document";
import { archiveReport, claimReportForSending, markReportSent } from "../../src/store/reports";
import { ARCHIVED_REPORT_CSP } from "../../web/pages/reports";
import { renderReport } from "../helpers/render-report";
import { webFixture } from "../helpers/web";

let fixture: ReturnType<typeof webFixture>;
beforeEach(() => {
  fixture = webFixture();
});
afterEach(() => fixture.close());

const doc: ReportDocument = {
  kind: "monthly",
  period: "2026-10",
  lang: "fr",
  subject: "Cairn : coût et carbone AWS, octobre 2026",
  title: "Coût et carbone AWS, octobre 2026",
  subtitle: "Rapport mensuel",
  provisional: true,
  footer: "Cairn",
  blocks: [
    { kind: "figures", items: [{ label: "Dépensé", value: "1 234,56 €" }] },
    {
      kind: "charts",
      charts: [
        {
          id: "c1",
          title: "Coût",
          summary: "résumé",
          config: {
            type: "bar",
            data: { labels: ["a"], datasets: [{ label: "x", data: [1] }] },
            options: {},
            cairn: { kind: "money", locale: "fr-FR", currency: "EUR" },
          },
        },
      ],
    },
  ],
};

describe("reports page", () => {
  it("lists the archive and shows each report as sent, its PDF and its text", async () => {
    const at = "2026-11-03T06:30:00.000Z";
    const r = await renderReport(doc, { pdf: true, createdAt: at });
    const archived = await archiveReport(fixture.store, {
      kind: "monthly",
      period: "2026-10",
      lang: "fr",
      subject: doc.subject,
      html: r.archiveHtml,
      text: r.text,
      pdf: r.pdf,
      provisional: true,
      createdAt: at,
    });
    if (!archived) throw new Error("not archived");
    const claim = { token: "first", at, leaseUntil: "2026-11-03T06:45:00.000Z" };
    expect(await claimReportForSending(fixture.store, archived.id, claim)).not.toBeNull();
    expect(await claimReportForSending(fixture.store, archived.id, { ...claim, token: "second" })).toBeNull();
    await markReportSent(fixture.store, archived.id, "first", at);

    const viewer = await fixture.signIn("viewer");
    const list = await (await viewer.request("/reports")).text();
    // The French page sets its no-break spaces (the archived report itself stays as sent).
    expect(list).toContain(doc.subject.replace(" :", "\u00a0:"));
    // Dates written out, not ISO.
    expect(list).toContain("3 novembre 2026 à 6\u00a0h\u00a030 UTC");
    expect(list).toContain("<td>octobre 2026</td>");
    expect(list).toContain("provisoires");
    expect(list).toContain(`href="/reports/${archived.id}/pdf"`);

    const shown = await viewer.request(`/reports/${archived.id}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toBe(r.archiveHtml);
    // The report keeps its own inline styles, and still may run no script at all.
    expect(shown.headers.get("content-security-policy")).toBe(ARCHIVED_REPORT_CSP);
    expect((await viewer.request("/reports")).headers.get("content-security-policy")).toContain("script-src 'self'");

    const pdf = await viewer.request(`/reports/${archived.id}/pdf`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).equals(Buffer.from(r.pdf ?? []))).toBe(true);
    expect(await (await viewer.request(`/reports/${archived.id}/text`)).text()).toBe(r.text);
    expect((await viewer.request("/reports/999")).status).toBe(404);
  });

  it("needs sign-in", async () => {
    const response = await fixture.app.request("/reports");
    expect([302, 303, 401]).toContain(response.status);
  });

  it("says when nothing was sent yet", async () => {
    const viewer = await fixture.signIn("viewer");
    expect(await (await viewer.request("/reports")).text()).toContain('id="reports-empty"');
  });
});
