import { describe, expect, it } from "vitest";
import { buildAlertEmail } from "../../reports/alerts/alert-email";
import type { Alert } from "../../src/analysis/alert-rules/alert";
import { escapeHtml } from "../../src/format/escape-html";

const plain = (s: string) => s.replace(/[^\S\n]/g, " ");

const budgetAlert: Alert = {
  key: "budget-threshold|budget:camera-traps|2026-11|actual-80",
  rule: "budget-threshold",
  severity: "warning",
  path: "/budgets",
  covers: [],
  facts: {
    rule: "budget-threshold",
    data: {
      budgetName: "camera-traps",
      scopeKind: "pipeline",
      scopeValue: "camera-traps",
      periodFrom: "2026-11-01",
      periodTo: "2026-12-01",
      asOfDay: "2026-11-18",
      currency: "EUR",
      amount: 500,
      spent: 410,
      difference: -90,
      spentRatio: 0.82,
      forecast: 690.5,
      forecastRatio: 1.381,
      thresholdRatio: 0.8,
      thresholdKind: "actual",
    },
  },
};

const ctx = (locale: "fr" | "en") => ({ locale, publicUrl: "https://cairn.example.org/" });

const INCIDENT_CASE: [string, Alert, string, string] = [
  "incident over two days",
  {
    key: "incident|AWS Lambda/temperatures|2026-10-12|robust",
    rule: "incident",
    severity: "warning",
    path: "/costs?from=2026-10-12&to=2026-10-14&groupBy=service%2Cpipeline&compare=previous&usageType=EUW3-Lambda-GB-Second",
    covers: [],
    facts: {
      rule: "incident",
      data: {
        incident: {
          key: "incident|AWS Lambda/temperatures|2026-10-12|robust",
          firstDay: "2026-10-12",
          lastDay: "2026-10-13",
          days: ["2026-10-12", "2026-10-13"],
          service: "AWS Lambda",
          pipeline: "temperatures",
          usageType: "EUW3-Lambda-GB-Second",
          costUsd: 98,
          expectedUsd: 17,
          excessUsd: 81,
          drivers: [
            { service: "AWS Lambda", pipeline: "temperatures", usageType: "EUW3-Lambda-GB-Second", excessUsd: 48 },
            { service: "Amazon S3", pipeline: "temperatures", usageType: "EUW3-Requests-Tier1", excessUsd: 11 },
          ],
          members: ["pipeline:temperatures", "service:AWS Lambda"],
        },
        currency: "USD",
        cost: 98,
        expected: 17,
        excess: 81,
        driverExcess: [48, 11],
      },
    },
  },
  "Incident de coût : AWS Lambda dans la chaîne temperatures, 12 octobre – 13 octobre, 81,00 $US au-dessus de l'habituel",
  "Cost incident: AWS Lambda in the temperatures pipeline, 12 October – 13 October, US$81.00 above usual",
];

describe("alert emails", () => {
  it.each([
    ["fr" as const, "Budget camera-traps : 82 % consommé au 18 novembre"],
    ["en" as const, "Budget camera-traps: 82% spent as of 18 November"],
  ])("budget threshold subject in %s", (locale, subject) => {
    expect(plain(buildAlertEmail(budgetAlert, ctx(locale)).subject)).toBe(subject);
  });

  it("French body: figures in the configured currency, the period, the scope, the link", () => {
    const email = buildAlertEmail(budgetAlert, ctx("fr"));
    const text = plain(email.text);
    expect(text).toMatch(/^ {2}Budget +500,00 €$/m);
    expect(text).toMatch(/^ {2}Dépensé à ce jour +410,00 € \(82 %\)$/m);
    expect(text).toMatch(/^ {2}Prévu en fin de période +690,50 € \(138 %\)$/m);
    expect(text).toMatch(/^ {2}Période +1er novembre 2026 – 30 novembre 2026$/m);
    expect(text).toMatch(/^ {2}Périmètre +chaîne camera-traps$/m);
    expect(text).toContain("Ouvrir dans Cairn\nhttps://cairn.example.org/budgets");
    expect(email.link).toBe("https://cairn.example.org/budgets");
    expect(email.html).toContain('<html lang="fr">');
    expect(email.html).toContain('href="https://cairn.example.org/budgets"');
  });

  it("escapes every value in HTML", () => {
    const hostile: Alert = {
      ...budgetAlert,
      facts: {
        rule: "budget-threshold",
        data: { ...budgetAlert.facts.data, budgetName: `<img src=x onerror="alert(1)">&` },
      } as Alert["facts"],
    };
    const html = buildAlertEmail(hostile, ctx("en")).html;
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;");
    expect(escapeHtml(`'"<>&`)).toBe("&#39;&quot;&lt;&gt;&amp;");
  });

  it.each<[string, Alert, string, string]>([
    [
      "spike over two days",
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
      "Pic de coût : AWS Lambda, 13,67 $US sur 2 jours à partir du 12 octobre (attendu 1,69 $US)",
      "Cost spike: AWS Lambda, US$13.67 over 2 days from 12 October (expected US$1.69)",
    ],
    INCIDENT_CASE,
    [
      "new service",
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
      "Nouveau service AWS : Amazon SageMaker (depuis le 15 novembre)",
      "New AWS service: Amazon SageMaker (since 15 November)",
    ],
    [
      "stale data",
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
      "Données périmées : aucune collecte réussie depuis 37 h (Cost Explorer)",
      "Stale data: no successful collection for 37 h (Cost Explorer)",
    ],
    [
      "request cap",
      {
        key: "request-cap|cost-explorer|2026-11|300",
        rule: "request-cap",
        severity: "warning",
        path: "/",
        covers: [],
        facts: { rule: "request-cap", data: { month: "2026-11", used: 300, cap: 300, refused: false } },
      },
      "Plafond de requêtes Cost Explorer atteint (novembre 2026, 300/300)",
      "Cost Explorer request cap reached (November 2026, 300/300)",
    ],
  ])("%s: subjects in French and English", (_name, alert, fr, en) => {
    expect(plain(buildAlertEmail(alert, ctx("fr")).subject)).toBe(fr);
    expect(plain(buildAlertEmail(alert, ctx("en")).subject)).toBe(en);
    expect(buildAlertEmail(alert, ctx("en")).webhookText).toContain(`https://cairn.example.org${alert.path}`);
  });

  it("an incident's email names what moved, its days, the other moved cells, and links to the Incidents page", () => {
    const [, alert] = INCIDENT_CASE;
    const fr = buildAlertEmail(alert, ctx("fr"));
    expect(plain(fr.text)).toContain(
      "AWS Lambda dans la chaîne temperatures a coûté 81,00 $US de plus que d'habitude du 12 octobre 2026 au 13 octobre 2026",
    );
    expect(plain(fr.text)).toMatch(/A aussi bougé +EUW3-Requests-Tier1 \(Amazon S3\) \+11,00 \$US/);
    expect(fr.text).toContain("https://cairn.example.org/incidents");
    expect(fr.html).toContain('href="https://cairn.example.org/incidents"');
    const en = buildAlertEmail(alert, ctx("en"));
    expect(en.text).toContain("Usage type that moved most  EUW3-Lambda-GB-Second");
    expect(en.link).toBe(`https://cairn.example.org${alert.path}`);
  });
});
