/**
 * Every mail and report of the demo in French, as a director reads it (issue 16, point 2): the
 * weekly and monthly reports (archived HTML, text part and PDF) written by the real report job,
 * and every kind of alert email (the story's budget thresholds, forecast and incident, plus a
 * spike, a new service, stale data and the request cap). No English word from the pages' leak
 * list, no raw backtick, French typography (a no-break space before : ; ! ? % and inside « »),
 * days and months written out, one name for untagged spend, and the sentences the review fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAlertEmail } from "../../reports/alerts/alert-email";
import { nodeRenderers } from "../../reports/render/node-renderers";
import type { Alert } from "../../src/analysis/alert-rules/alert";
import { estimateLines } from "../../src/carbon/estimate";
import { writeDemoStory } from "../../src/jobs/demo-story";
import { loadDemo } from "../../src/jobs/load-demo";
import { recentNotifications } from "../../src/store/notifications";
import { getReport, listReports } from "../../src/store/reports";
import { readPdf } from "../helpers/pdf-text";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");
const fixture = webFixture({ CAIRN_LOCALE: "fr" }, NOW);

/** English that has no business in a French mail (AWS's own names aside). */
const LEAKS = [
  "location-based",
  "market-based",
  "untagged",
  "unassigned",
  "non attribué",
  "Forecast",
  "Spent",
  "forecast",
  "Budget exceeded",
  "Total cost",
  "per month",
  "No data",
  "Amounts in",
  "Covered by",
];

/** Written-out French: no "sept." or "oct." for a month, no ISO day. */
const ABBREVIATED = /\b(janv|févr|avr|juil|sept|oct|nov|déc)\.|\b\d{4}-\d{2}-\d{2}\b/g;

function htmlText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/** What reads wrong in a French text, line by line (empty lists when all is well). */
function frenchProblems(text: string) {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^https?:/.test(l));
  return {
    leaks: LEAKS.filter((leak) => text.includes(leak)),
    backticks: text.match(/`[^`\n]*`?/g) ?? [],
    // A plain space before : ; ! ? % » or after « (the line may break there), or no space at all.
    badSpace: lines.filter((l) => / [:;!?%»]|« /.test(l)),
    glued: lines.filter((l) => /\p{L}[:;!?](\s|$)/u.test(l.replace(/https?:\S+/g, ""))),
    abbreviated: text.replace(/https?:\S+/g, "").match(ABBREVIATED) ?? [],
    // A time of day is "23 h 00" in French, not "23:00".
    clock: text.replace(/https?:\S+/g, "").match(/\b\d{1,2}:\d{2}\b/g) ?? [],
  };
}
const CLEAN = { leaks: [], backticks: [], badSpace: [], glued: [], abbreviated: [], clock: [] };

beforeAll(async () => {
  await loadDemo(
    {
      store: fixture.store,
      now: () => NOW,
      estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
    },
    { onlyIfEmpty: false },
  );
  await writeDemoStory({ store: fixture.store, now: () => NOW, renderers: nodeRenderers }, fixture.config);
}, 180_000);
afterAll(() => fixture.close());

async function archived(kind: "weekly" | "monthly") {
  const summary = (await listReports(fixture.store)).find((r) => r.kind === kind);
  if (!summary) throw new Error(`no ${kind} report archived`);
  const row = await getReport(fixture.store, summary.id);
  if (!row) throw new Error("report vanished");
  return row;
}

describe("the demo's reports in French", () => {
  it.each(["weekly", "monthly"] as const)(
    "%s: the subject, the HTML, the text and the PDF read as French",
    async (kind) => {
      const row = await archived(kind);
      expect({ part: "subject", ...frenchProblems(row.subject) }).toEqual({ part: "subject", ...CLEAN });
      expect({ part: "html", ...frenchProblems(htmlText(row.html)) }).toEqual({ part: "html", ...CLEAN });
      expect({ part: "text", ...frenchProblems(row.text) }).toEqual({ part: "text", ...CLEAN });
      if (row.pdf) {
        const pdf = readPdf(row.pdf);
        // pdftotext keeps the no-break spaces; lines of the PDF may wrap anywhere, so only words are checked.
        if (pdf) expect(LEAKS.filter((leak) => pdf.text.includes(leak))).toEqual([]);
      }
    },
  );

  it("the weekly report: one word for the week before, spikes named as in the monthly, freshness said plainly", async () => {
    const { text } = await archived("weekly");
    expect(text).not.toContain("Semaine passée");
    expect(text).not.toContain("semaine passée");
    expect(text).not.toMatch(/^Anomalies$/m);
    expect(text).toMatch(/^Pics inhabituels$/m);
    expect(text).not.toMatch(/il y a 0,0\u00a0h/);
    // No parentheses inside parentheses.
    expect(text).not.toMatch(/\([^()]*\([^()]*\)\)/);
    expect(text).toContain("Prévision de fin de mois");
  });

  it("the monthly report: months written out, a difference said in words, the pages' names for the two CO2e methods", async () => {
    const { text } = await archived("monthly");
    expect(text).toContain("Par rapport à septembre 2026");
    expect(text).toMatch(/C'est 58,81\u00a0\$US de moins qu'en septembre 2026/);
    expect(text).not.toMatch(/C'est [−+]/);
    expect(text).not.toContain("par localisation");
    expect(text).not.toContain("méthode par marché");
    expect(text).toContain("«\u202fréseau local\u202f»");
    expect(text).not.toMatch(/\) \(/);
    expect(text).not.toMatch(/ : [A-Z]\p{Ll}/u);
    // One colon per sentence.
    expect(text).not.toMatch(/: \p{L}[^:.\n]*: /u);
  });
});

const OTHER_KINDS: Alert[] = [
  {
    key: "anomaly|service:AWS Lambda|2026-10-12|robust",
    rule: "anomaly",
    severity: "warning",
    path: "/?service=AWS%20Lambda",
    covers: [],
    facts: {
      rule: "anomaly",
      data: {
        dimension: "service",
        value: "AWS Lambda",
        day: "2026-10-12",
        days: ["2026-10-12", "2026-10-13"],
        currency: "USD",
        cost: 13.67,
        expected: 1.69,
        excess: 11.98,
      },
    },
  },
  {
    key: "new-service|service:Amazon SageMaker|-|first-seen",
    rule: "new-service",
    severity: "info",
    path: "/?service=Amazon%20SageMaker",
    covers: [],
    facts: {
      rule: "new-service",
      data: { service: "Amazon SageMaker", firstDay: "2026-11-15", currency: "EUR", costSoFar: 4.2 },
    },
  },
  {
    key: "stale-data|cost-explorer|2026-11-16T23:00:00.000Z|36h",
    rule: "stale-data",
    severity: "warning",
    path: "/runs",
    covers: [],
    facts: {
      rule: "stale-data",
      data: {
        source: "cost-explorer",
        lastSuccessAt: "2026-11-16T23:00:00.000Z",
        firstAttemptAt: "2026-10-01T05:15:00.000Z",
        ageHours: 37,
        staleAfterHours: 36,
        errorKind: null,
        error: null,
      },
    },
  },
  {
    key: "request-cap|cost-explorer|2026-11|300",
    rule: "request-cap",
    severity: "warning",
    path: "/",
    covers: [],
    facts: { rule: "request-cap", data: { month: "2026-11", used: 300, cap: 300, refused: false } },
  },
];

describe("every kind of alert email in French", () => {
  it("the story's alerts (budget thresholds, forecast, incident): subject, text and HTML", async () => {
    const rows = (await recentNotifications(fixture.store, 500)).filter((r) => r.status !== "covered");
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["budget-threshold", "budget-forecast", "incident"]));
    for (const r of rows) {
      // The alert's key, a technical identifier quoted in the footer, is not prose.
      const text = `${r.subject}\n${r.bodyText}\n${htmlText(r.bodyHtml ?? "")}`.replaceAll(r.key, "");
      expect({ key: r.key, ...frenchProblems(text) }).toEqual({ key: r.key, ...CLEAN });
    }
  });

  it.each(OTHER_KINDS.map((a) => [a.rule, a] as const))("%s: subject, text and HTML", (_rule, alert) => {
    const email = buildAlertEmail(alert, { locale: "fr", publicUrl: "https://cairn.example.org" });
    const text = `${email.subject}\n${email.text}\n${htmlText(email.html)}`.replaceAll(alert.key, "");
    expect({ rule: alert.rule, ...frenchProblems(text) }).toEqual({ rule: alert.rule, ...CLEAN });
  });
});
