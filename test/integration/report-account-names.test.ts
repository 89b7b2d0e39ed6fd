/**
 * Account names in what Cairn sends (issue 16, point 6): the monthly report for the directors
 * (HTML mail, text and PDF), the weekly report, the alert emails and the CLI's lists show a named
 * account as "Name (id)", never its bare id, in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport } from "../../reports/mail/smtp";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { DEFAULT_THRESHOLDS } from "../../src/analysis/budget-status";
import { adviseCommand } from "../../src/cli/advise";
import { budgetCommand } from "../../src/cli/budget";
import type { CliContext, CliServices } from "../../src/cli/command";
import { sourcesCommand } from "../../src/cli/sources";
import { loadConfig } from "../../src/config";
import { alertsArgsFromConfig, runAlerts } from "../../src/jobs/alerts";
import { reportArgsFromConfig, runReport } from "../../src/jobs/report";
import { saveBudget } from "../../src/store/budgets";
import type { OpenedStore } from "../../src/store/open-sqlite";
import { readPdf } from "../helpers/pdf-text";
import { openDemoStore, squash } from "../helpers/report-demo";
import { startSmtp, type TestSmtp } from "../helpers/smtp";

const NOW = new Date("2026-11-28T09:00:00.000Z");
/** The demo's sandbox account (the demo calls it "aarc-sandbox"), named here. */
const SANDBOX = "444455556666";
const env = (locale: "fr" | "en") => ({
  CAIRN_LOCALE: locale,
  CAIRN_ACCOUNT_NAMES: `${SANDBOX}=Bac à sable`,
  CAIRN_MAIL_FROM: "cairn@aarc.example.org",
  CAIRN_ALERT_TO: "tresorier@aarc.example.org",
  CAIRN_PUBLIC_URL: "https://cairn.example.org",
});

/** A 12-digit id not inside a "(…)" label. */
const BARE_ID = /(?<![\d(])\d{12}(?![\d)])/;

let opened: OpenedStore;
let smtp: TestSmtp;
beforeAll(async () => {
  opened = await openDemoStore(NOW);
  smtp = await startSmtp();
  await saveBudget(
    opened.store,
    {
      name: "Bac à sable",
      amount: 5,
      currency: "USD",
      periodKind: "month",
      customPeriod: null,
      scopeKind: "account",
      scopeValue: SANDBOX,
      thresholds: DEFAULT_THRESHOLDS.map((t) => ({ ...t })),
    },
    NOW.toISOString(),
  );
}, 60_000);
afterAll(async () => {
  opened.close();
  await smtp.close();
});

describe("the monthly report names the accounts", () => {
  for (const [locale, sentence] of [
    ["fr", `du compte Bac à sable (${SANDBOX})`],
    ["en", `of account Bac à sable (${SANDBOX})`],
  ] as const) {
    it(`in its HTML mail, text and PDF (${locale})`, async () => {
      const summary = await runReport(
        { store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
        reportArgsFromConfig(loadConfig(env(locale)), "monthly", false),
      );
      const r = summary.rendered;
      if (!r?.pdf) throw new Error("no PDF");
      const pdf = readPdf(r.pdf);
      for (const [what, text] of [
        ["mail", r.mailHtml],
        ["archive", r.archiveHtml],
        ["text", r.text],
        ...(pdf ? [["pdf", pdf.text]] : []),
      ] as const) {
        expect(squash(text), what).toContain(sentence);
        expect(squash(text).match(BARE_ID), what).toBeNull();
      }
      // Still one page for the directors.
      if (pdf) expect(pdf.pages).toBe(1);
    });
  }

  it("shows no bare id in the weekly report either", async () => {
    const summary = await runReport(
      { store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      { ...reportArgsFromConfig(loadConfig(env("fr")), "weekly", false), pdf: true },
    );
    const r = summary.rendered;
    if (!r) throw new Error("not rendered");
    for (const text of [r.mailHtml, r.text]) expect(squash(text).match(BARE_ID)).toBeNull();
  });
});

describe("the alert emails name the accounts", () => {
  it("a budget on one account says which, by name and id", async () => {
    const config = loadConfig(env("fr"));
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${smtp.port}`, from: "cairn@aarc.example.org" });
    await runAlerts(
      { store: opened.store, now: () => NOW, mail: transport, webhook: null },
      alertsArgsFromConfig(config, true),
    );
    const sandbox = smtp.messages.filter((m) => m.subject?.startsWith("Budget Bac à sable"));
    expect(sandbox.length).toBeGreaterThan(0);
    for (const m of sandbox) {
      expect(squash(m.text ?? "")).toContain(`compte Bac à sable (${SANDBOX})`);
      expect(squash(m.html || "")).toContain(`compte Bac à sable (${SANDBOX})`);
    }
    for (const m of smtp.messages) expect(squash(`${m.subject} ${m.text}`).match(BARE_ID)).toBeNull();
  });
});

function cli(locale: "fr" | "en", lines: string[]): CliContext {
  return {
    config: loadConfig(env(locale)),
    openStore: () => opened.store,
    now: () => NOW,
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    interactive: false,
    services: {} as CliServices,
  };
}

describe("the CLI names the accounts", () => {
  it("cairn advise: findings and their evidence", async () => {
    const lines: string[] = [];
    expect(await adviseCommand.run(cli("fr", lines), { json: false }, [])).toBe(0);
    const out = squash(lines.join("\n"));
    expect(out).toContain(`Supprimer la passerelle NAT inactive du compte Bac à sable (${SANDBOX}) en eu-west-3`);
    // A finding's id keeps the bare id: it is what `cairn advise done ID` takes.
    const said = lines.flatMap((l) => l.split("\n")).map((l) => l.replace(/ · id\s?: .*$/, ""));
    expect(squash(said.join("\n")).match(BARE_ID)).toBeNull();
  });

  it("cairn sources: the accounts two sources cover", async () => {
    const lines: string[] = [];
    expect(await sourcesCommand.run(cli("fr", lines), {}, [])).toBe(0);
    const out = squash(lines.join("\n"));
    expect(out).toMatch(/(Bac à sable \(444455556666\)|aarc-production \(111122223333\))/);
    expect(out.match(BARE_ID)).toBeNull();
  });

  it("cairn budget list: an account's budget", async () => {
    const lines: string[] = [];
    expect(await budgetCommand.run(cli("en", lines), {}, ["list"])).toBe(0);
    const out = squash(lines.join("\n"));
    expect(out).toContain(`Bac à sable (${SANDBOX})`);
    expect(out.match(BARE_ID)).toBeNull();
  });
});
