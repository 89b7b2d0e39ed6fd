/**
 * The demo's archive (issue 16, point 6): loading the demo runs the real report and alert jobs
 * over its data, so the Reports page holds the last weekly and monthly reports and the Alerts
 * page the alerts of the demo's story (the budget at 109 %), addressed to nobody real.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { estimateLines } from "../../src/carbon/estimate";
import { DEMO_RECIPIENT, writeDemoStory } from "../../src/jobs/demo-story";
import { loadDemo } from "../../src/jobs/load-demo";
import { recentNotifications } from "../../src/store/notifications";
import { listReports } from "../../src/store/reports";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");

describe("the demo's story in the archive", () => {
  let fixture: ReturnType<typeof webFixture>;
  let viewer: SignedIn;
  beforeAll(async () => {
    fixture = webFixture({ CAIRN_LOCALE: "fr" }, NOW);
    const deps = { store: fixture.store, now: () => NOW };
    await loadDemo(
      { ...deps, estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }) },
      { onlyIfEmpty: false },
    );
    await writeDemoStory({ ...deps, renderers: nodeRenderers }, fixture.config);
    viewer = await fixture.signIn("viewer");
  }, 120_000);
  afterAll(() => fixture.close());

  it("archives last week's and last month's reports, built by the report job", async () => {
    const reports = await listReports(fixture.store);
    expect(reports.map((r) => [r.kind, r.period]).sort()).toEqual([
      ["monthly", "2026-10"],
      ["weekly", "2026-11-09"],
    ]);
    const html = await (await viewer.request("/reports")).text();
    expect(html).not.toContain('id="reports-empty"');
    expect(html).toMatch(/octobre 2026/);
  });

  it("records the alerts the story raises, the budget over 100 % among them, sent to no real address", async () => {
    const rows = await recentNotifications(fixture.store, 50);
    expect(rows.length).toBeGreaterThan(0);
    // Every row is addressed to the demo's reserved address only.
    expect(new Set(rows.map((r) => String(r.recipients)))).toEqual(new Set([DEMO_RECIPIENT]));
    expect(rows.some((r) => r.kind.startsWith("budget"))).toBe(true);
    // The Lambda loop of mid-October, as one incident.
    expect(rows.filter((r) => r.kind === "incident").map((r) => r.subject)).toEqual([
      // Raised by the run of 13 October, which saw the data up to the 12th.
      expect.stringMatching(/^Incident de coût\u00a0: AWS Lambda dans la chaîne temperatures, 12 octobre,/),
    ]);
    const html = await (await viewer.request("/alerts")).text();
    expect(html).not.toContain('id="no-alert"');
    expect(html).toMatch(/Budget AWS — total mensuel/);
  });

  it("judges each budget as of the replayed day: October's 50, 80 and 100 % alerts each on the day it was crossed", async () => {
    const rows = await recentNotifications(fixture.store, 500);
    const months: Record<string, number> = { septembre: 9, octobre: 10, novembre: 11 };
    const october = (threshold: number) => {
      const key = `budget-threshold|budget:AWS — total mensuel|2026-10|actual-${threshold}`;
      const row = rows.find((r) => r.key === key);
      if (!row) throw new Error(`no row ${key}`);
      return row;
    };
    const seen = new Set<string>();
    for (const [threshold, below] of [
      [50, 80],
      [80, 100],
      [100, 1000],
    ] as const) {
      const row = october(threshold);
      // Sent by its own run (not covered by a higher threshold crossed the same day).
      expect(row.status).toBe("sent");
      const m = /: (\d+)\u00a0% consommé au (\d+)(?:er)? (\p{L}+)$/u.exec(row.subject);
      if (!m) throw new Error(`unexpected subject ${row.subject}`);
      const [pct, day, month] = [Number(m[1]), Number(m[2]), months[m[3] as string]];
      expect(pct).toBeGreaterThanOrEqual(threshold);
      expect(pct).toBeLessThan(below);
      expect(month).toBe(10);
      // Raised the day after the last day it counts (the data AWS had then), not at the month's end.
      const asOf = `2026-10-${String(day).padStart(2, "0")}`;
      expect(row.createdAt.slice(0, 10)).toBe(new Date(Date.parse(asOf) + 86_400_000).toISOString().slice(0, 10));
      seen.add(row.subject);
    }
    expect(seen.size).toBe(3);
    // The forecast warning of early October: the month ended at 117 %, and the month's tax posted
    // on the 1st is counted once, not as every day's habit (which made it "292 %").
    const forecast = rows.find((r) => r.key === "budget-forecast|budget:AWS — total mensuel|2026-10|forecast-100");
    const forecastPct = Number(/prévision à (\d+)\u00a0%/.exec(forecast?.subject ?? "")?.[1]);
    expect(forecastPct).toBeGreaterThanOrEqual(100);
    expect(forecastPct).toBeLessThan(140);
    // No two messages sent say the same thing.
    const sent = rows.filter((r) => r.status === "sent").map((r) => r.subject);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it("merges thresholds crossed in one run as the rules intend: the highest is sent, the lower ones are covered by it", async () => {
    const rows = await recentNotifications(fixture.store, 500);
    const sentKeys = new Set(rows.filter((r) => r.status === "sent").map((r) => r.key));
    for (const row of rows.filter((r) => r.status === "covered")) {
      const by = (row.payload as { coveredBy?: string }).coveredBy ?? "";
      // The covering alert was sent in the same run, for the same budget and period.
      expect(sentKeys.has(by)).toBe(true);
      const covering = rows.find((r) => r.key === by);
      expect(covering?.createdAt).toBe(row.createdAt);
      expect(by.split("|").slice(1, 3)).toEqual(row.key.split("|").slice(1, 3));
    }
    // A budget threshold is never both sent and covered.
    const covered = rows.filter((r) => r.status === "covered").map((r) => r.key);
    expect(covered.filter((k) => sentKeys.has(k))).toEqual([]);
    // The Alerts page lists each message once: covered rows are not shown as copies of their cover.
    const html = await (await viewer.request("/alerts")).text();
    const subjects = [...html.matchAll(/<th scope="row" class="text">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(subjects.length).toBeGreaterThan(0);
    expect(new Set(subjects).size).toBe(subjects.length);
  });

  it("says on the Alerts, Reports and Data health pages that these are the demo's", async () => {
    const alerts = await (await viewer.request("/alerts")).text();
    expect(alerts).toContain('id="demo-note"');
    expect(alerts).toContain("écrite (démo, non envoyée)");
    // Never "Envoyé le" beside an alert that was not sent.
    expect(alerts).toContain('<th scope="col">Écrite le</th>');
    expect(alerts).not.toContain("Envoyé le");
    const reports = await (await viewer.request("/reports")).text();
    expect(reports).toContain("aucun courriel n&#39;est parti");
    const admin = await fixture.signIn("admin");
    const runs = await (await admin.request("/runs")).text();
    expect(runs).toMatch(
      /id="collect-unavailable">La collecte ne peut pas être lancée\u00a0: cette base contient les chiffres fictifs de la démo/,
    );
    const post = await admin.request("/runs/collect", { form: {} });
    expect(post.status).toBe(503);
    expect(await post.text()).toContain("chiffres fictifs de la démo");
  });

  it("running it again adds nothing: each report and alert is written once", async () => {
    const before = [(await listReports(fixture.store)).length, (await recentNotifications(fixture.store, 500)).length];
    await writeDemoStory({ store: fixture.store, now: () => NOW, renderers: nodeRenderers }, fixture.config);
    const after = [(await listReports(fixture.store)).length, (await recentNotifications(fixture.store, 500)).length];
    expect(after).toEqual(before);
  });
});

describe("signing out of the demo", () => {
  it("explains on the sign-in page that this machine is signed straight back in", async () => {
    const fixture = webFixture({ CAIRN_LOCALE: "fr" }, NOW, {
      auth: { demoAutoSignIn: true, clientAddress: () => "127.0.0.1" },
    });
    const page = await (await fixture.app.request("/signin", { headers: { host: "localhost:8787" } })).text();
    expect(page).toContain('id="demo-signed-out"');
    expect(page).toContain("page vous reconnecte donc aussitôt");
    // Not on a server without --demo.
    const plain = webFixture({ CAIRN_LOCALE: "fr" }, NOW, { auth: { clientAddress: () => "127.0.0.1" } });
    const other = await (await plain.app.request("/signin", { headers: { host: "localhost:8787" } })).text();
    expect(other).not.toContain("demo-signed-out");
    fixture.close();
    plain.close();
  });
});
