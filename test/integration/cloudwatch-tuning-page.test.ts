import { afterEach, describe, expect, it } from "vitest";
import { generateDemoLines } from "../../collectors/demo/index";
import { DEMO_NOTEBOOK_INSTANCE } from "../../collectors/demo/metrics";
import { estimateLines } from "../../src/carbon/estimate";
import { demoMetrics, writeDemoMetrics } from "../../src/jobs/load-demo-metrics";
import { upsertCostLines } from "../../src/store/cost-lines";
import { webFixture } from "../helpers/web";

let fixture: ReturnType<typeof webFixture> | null = null;
afterEach(() => fixture?.close());

describe("the tuning page", () => {
  it("shows the demo's findings, largest saving first, in the configured language", async () => {
    const today = "2026-11-28";
    fixture = webFixture({ CAIRN_LOCALE: "en" }, new Date(`${today}T09:00:00Z`));
    const { rows, lookup } = demoMetrics(today);
    await upsertCostLines(
      fixture.store,
      estimateLines(generateDemoLines({ today }), { factorSet: "cairn-2026", utilisation: lookup }),
      `${today}T00:00:00Z`,
    );
    await writeDemoMetrics(fixture.store, rows, today, { runId: null, collectedAt: `${today}T00:00:00Z` });
    const { request } = await fixture.signIn("viewer");
    const res = await request("/tuning");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Tuning: what to change");
    expect(html).toContain('href="/tuning"');
    // The sandbox's idle NAT gateway saves the most, then the demo's Aurora floor (1 ACU
    // against a load that often needs 0.5).
    expect(html).toMatch(/id="finding-1" data-kind="nat-idle"/);
    expect(html).toMatch(/id="finding-2" data-kind="aurora-min-capacity"/);
    expect(html).toMatch(/id="finding-3" data-kind="lambda-growth"/);
    expect(html).toContain(`Move ${DEMO_NOTEBOOK_INSTANCE} to a smaller size`);
    expect(html).toContain("Move the Standard storage of aarc-camera-traps to Glacier Instant Retrieval");
    const order = [...html.matchAll(/data-kind="([a-z0-9-]+)"/g)].map((m) => m[1]);
    // The smaller ones follow, the forgotten gp2 volume (~$4.64 a month) among them.
    expect(order.indexOf("ebs-gp2")).toBeGreaterThan(2);
  });

  it("says when no metric is stored, and needs sign-in", async () => {
    fixture = webFixture({ CAIRN_LOCALE: "fr" }, new Date("2026-11-28T09:00:00Z"));
    expect((await fixture.app.request("/tuning")).status).not.toBe(200);
    const { request } = await fixture.signIn("viewer");
    const html = await (await request("/tuning?asOf=2026-10-01")).text();
    expect(html).toContain("Optimisation\u00a0: que changer");
    expect(html).toContain("Aucune métrique CloudWatch");
    expect(html).toContain('value="2026-10-01"');
  });
});
