/**
 * Alerts by email end to end: the demo dataset, the real rules and outbox, nodemailer talking
 * to a real SMTP server on 127.0.0.1, and what arrives parsed with mailparser.
 */
import { afterAll, describe, expect, it } from "vitest";
import { demoBudgets, generateDemoLines } from "../../collectors/demo/index";
import { demoStory } from "../../collectors/demo/story";
import { createSmtpTransport } from "../../reports/mail/smtp";
import { DEFAULT_THRESHOLDS } from "../../src/analysis/budget-status";
import { alertsCommand } from "../../src/cli/alerts";
import type { CliContext, CliServices } from "../../src/cli/command";
import { loadConfig } from "../../src/config";
import { runAlerts } from "../../src/jobs/alerts";
import { loadDemo } from "../../src/jobs/load-demo";
import { saveBudget } from "../../src/store/budgets";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { incidents, notifications } from "../../src/store/schema/index";
import { readDb, type Store } from "../../src/store/store";
import { freePort, startSmtp, type TestSmtp } from "../helpers/smtp";

const NOW = new Date("2026-11-14T08:00:00Z");
const now = () => NOW;
const FROM = "cairn@aarc.example.org";
const TO = "tresorier@aarc.example.org";
const env = {
  CAIRN_LOCALE: "fr",
  CAIRN_CURRENCY: "USD",
  CAIRN_MAIL_FROM: FROM,
  CAIRN_ALERT_TO: TO,
  CAIRN_PUBLIC_URL: "https://cairn.example.org",
};
const config = loadConfig(env);
const opened: { close: () => void }[] = [];
const servers: TestSmtp[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
  for (const o of opened) o.close();
});

/** Spaces of any kind (French uses narrow no-break spaces in "52 %") as plain spaces. */
const plain = (s: string) => s.replace(/\s/g, " ");

async function demoStore(): Promise<Store> {
  const o = openSqliteStore(":memory:");
  opened.push(o);
  await loadDemo(
    { store: o.store, now, estimate: (lines) => lines.map((line) => ({ line, footprint: null })) },
    { onlyIfEmpty: false },
  );
  // A budget whose name needs escaping in HTML, already well over.
  await saveBudget(
    o.store,
    {
      name: "R&D <labo>",
      amount: 50,
      currency: "USD",
      periodKind: "month",
      customPeriod: null,
      scopeKind: "all",
      scopeValue: "",
      thresholds: DEFAULT_THRESHOLDS.map((t) => ({ ...t })),
    },
    NOW.toISOString(),
  );
  return o.store;
}

function context(store: Store, port: number, lines: string[]): CliContext {
  const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: FROM });
  return {
    config,
    openStore: () => store,
    now,
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    interactive: false,
    services: { mailTransport: () => transport, webhook: () => null } as unknown as CliServices,
  };
}

/** What the demo should raise on NOW, computed from the generator, not from Cairn's code. */
function expectedSubjects(): RegExp[] {
  const monthSpend = generateDemoLines({ today: "2026-11-14" })
    .filter((l) => l.day >= "2026-11-01" && l.day < "2026-11-14")
    .reduce((s, l) => s + l.unblendedCostUsd, 0);
  expect(monthSpend).toBeGreaterThan(0);
  const [loopDay] = demoStory("2026-11-14").anomalyDays;
  expect(loopDay).toBe("2026-10-12");
  const overall = demoBudgets("2026-11-14").find((b) => b.scopeKind === "all")?.amount ?? 0;
  const pct = (amount: number) => Math.round((monthSpend / amount) * 100);
  // The story: the month's overall budget is half spent by the 13th, heading over.
  expect(pct(overall)).toBeGreaterThanOrEqual(50);
  expect(pct(overall)).toBeLessThan(80);
  return [
    new RegExp(`^Budget AWS — total mensuel : ${pct(overall)} % consommé au 13 novembre$`),
    /^Budget AWS — total mensuel : prévision à 1\d\d % en fin de période \(au 13 novembre\)$/,
    new RegExp(`^Budget R&D <labo> : ${pct(50)} % consommé au 13 novembre$`),
    // One spike, one incident: the loop was seen by Lambda, S3 and the pipeline, and mailed once.
    /^Incident de coût : AWS Lambda dans la chaîne temperatures, 12 octobre – 13 octobre, .+ au-dessus de l'habituel$/,
  ];
}

async function outbox(store: Store) {
  return readDb(store).select().from(notifications).orderBy(notifications.id);
}

describe("alerts by SMTP on the demo data", () => {
  it("prints without storing, delivers the expected alerts once, and nothing the second time", async () => {
    const store = await demoStore();
    const smtp = await startSmtp();
    servers.push(smtp);
    const expected = expectedSubjects();

    const dry: string[] = [];
    expect(await alertsCommand.run(context(store, smtp.port, dry), { days: "40" }, [])).toBe(0);
    // CAIRN_LOCALE=fr: the summary is French too, not English beside French subjects.
    expect(dry[0]).toMatch(/^4 alerte\(s\) en cours, dont 4 nouvelle\(s\) \(seraient envoyées\)/);
    expect(await outbox(store)).toEqual([]);
    expect(smtp.messages).toEqual([]);

    const first: string[] = [];
    expect(await alertsCommand.run(context(store, smtp.port, first), { send: true, days: "40" }, [])).toBe(0);
    expect(first[0]).toMatch(/4 message\(s\) envoyé\(s\), 0 en échec, 0 encore en file/);
    const subjects = smtp.messages.map((m) => plain(m.subject ?? "")).sort();
    expect(subjects).toHaveLength(4);
    for (const re of expected)
      expect(
        subjects.filter((s) => re.test(s)),
        String(re),
      ).toHaveLength(1);

    for (const m of smtp.messages) {
      expect(m.from?.value[0]?.address).toBe(FROM);
      expect((Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value.map((v) => v.address))).toEqual([TO]);
      expect(m.text).toContain("https://cairn.example.org/");
      expect(m.html).toContain('href="https://cairn.example.org/');
    }
    const rd = smtp.messages.find((m) => m.subject?.includes("R&D"));
    expect(rd?.html).toContain("R&amp;D &lt;labo&gt;");
    expect(rd?.html).not.toContain("<labo>");
    expect(rd?.text).toContain("Budget R&D <labo>");
    expect(rd?.text).toContain("https://cairn.example.org/budgets");
    const spike = smtp.messages.find((m) => m.subject?.includes("AWS Lambda"));
    expect(plain(spike?.text ?? "")).toContain("du 12 octobre 2026 au 13 octobre 2026");
    expect(plain(spike?.text ?? "")).toMatch(/Type d'usage qui a le plus bougé +EUW3-Lambda-GB-Second/);
    // The link opens the explorer on the incident's days and usage type; the second, the Incidents page.
    expect(spike?.html).toContain(
      'href="https://cairn.example.org/costs?from=2026-10-12&amp;to=2026-10-14&amp;groupBy=service%2Cpipeline&amp;compare=previous&amp;usageType=EUW3-Lambda-GB-Second"',
    );
    expect(spike?.text).toContain("https://cairn.example.org/incidents");
    const recorded = await readDb(store).select().from(incidents);
    expect(recorded.map((i) => [i.firstDay, i.lastDay, i.service, i.pipeline, i.usageType, i.status])).toEqual([
      ["2026-10-12", "2026-10-13", "AWS Lambda", "temperatures", "EUW3-Lambda-GB-Second", "open"],
    ]);

    const rows = await outbox(store);
    const main = rows.filter((r) => r.status !== "covered");
    expect(main.map((r) => r.status)).toEqual(Array(4).fill("sent"));
    expect(main.every((r) => r.attempts === 1 && r.sentAt !== null && r.lastError === null)).toBe(true);
    // Lower thresholds crossed at the same time are recorded as covered, never sent later.
    expect(
      rows
        .filter((r) => r.status === "covered")
        .map((r) => r.key)
        .sort(),
    ).toEqual([
      "budget-forecast|budget:R&D <labo>|2026-11|forecast-100",
      "budget-threshold|budget:R&D <labo>|2026-11|actual-50",
      "budget-threshold|budget:R&D <labo>|2026-11|actual-80",
    ]);

    const second: string[] = [];
    expect(await alertsCommand.run(context(store, smtp.port, second), { send: true, days: "40" }, [])).toBe(0);
    expect(second[0]).toMatch(/^4 alerte\(s\) en cours, dont 0 nouvelle\(s\) ; 0 message\(s\) envoyé/);
    expect(smtp.messages).toHaveLength(4);
    expect(await readDb(store).select().from(incidents)).toHaveLength(1);
  });

  it("with the mail server down nothing is lost: queued, attempts recorded, delivered once it is back", async () => {
    const store = await demoStore();
    const port = await freePort();
    const deps = {
      store,
      now,
      mail: createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: FROM }),
      webhook: null,
    };
    const args = {
      send: true,
      locale: "fr" as const,
      currency: "USD" as const,
      publicUrl: "https://cairn.example.org",
      alertTo: [TO],
      ceMaxRequests: 300,
      sources: ["cost-explorer"],
      lookbackDays: 40,
    };

    const down1 = await runAlerts(deps, args);
    expect(down1.fresh).toHaveLength(4);
    expect(down1.sent).toBe(0);
    expect(down1.failures.length).toBeGreaterThan(0);
    expect(down1.failures[0]?.error).toMatch(/ECONNREFUSED/);
    expect(down1.pending).toBe(4);

    const down2 = await runAlerts(deps, args);
    expect(down2.fresh).toEqual([]);
    expect(down2.pending).toBe(4);
    const queued = (await outbox(store)).filter((r) => r.status === "queued");
    expect(queued).toHaveLength(4);
    const tried = queued.filter((r) => r.attempts > 0);
    expect(tried.length).toBeGreaterThan(0);
    expect(tried[0]?.attempts).toBe(2);
    expect(tried[0]?.lastError).toMatch(/ECONNREFUSED/);

    const smtp = await startSmtp(port);
    servers.push(smtp);
    const back = await runAlerts(deps, args);
    expect(back).toMatchObject({ sent: 4, failures: [], pending: 0 });
    expect(new Set(smtp.messages.map((m) => m.subject)).size).toBe(4);

    const again = await runAlerts(deps, args);
    expect(again).toMatchObject({ sent: 0, pending: 0, fresh: [] });
    expect(smtp.messages).toHaveLength(4);
    const rows = (await outbox(store)).filter((r) => r.status !== "covered");
    expect(rows.every((r) => r.status === "sent" && r.lastError === null)).toBe(true);
  });
});
