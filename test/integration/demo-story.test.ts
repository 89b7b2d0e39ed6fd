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
      expect.stringMatching(/^Incident de coût : AWS Lambda dans la chaîne temperatures, 12 octobre – 13 octobre/),
    ]);
    const html = await (await viewer.request("/alerts")).text();
    expect(html).not.toContain('id="no-alert"');
    expect(html).toMatch(/Budget AWS — total mensuel/);
  });

  it("says on the Alerts, Reports and Data health pages that these are the demo's", async () => {
    const alerts = await (await viewer.request("/alerts")).text();
    expect(alerts).toContain('id="demo-note"');
    expect(alerts).toContain("écrite (démo, non envoyée)");
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
