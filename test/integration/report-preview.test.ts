/**
 * The report preview (`/reports/preview`): this month's directors' report as it reads now, with
 * the team's work done on the Tuning page (a finding marked done, upkeep logged), neither
 * archived nor sent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eachDay } from "../../src/days";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { listReports } from "../../src/store/reports";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const SBX = "444455556666";
const ID = `nat-idle|${SBX}|eu-west-3|NAT gateway (1) in account ${SBX}`;
const lines: CostLine[] = [];
for (const day of eachDay("2026-09-01", "2026-11-18")) {
  const ec2 = { day, service: "EC2 - Other", accountId: SBX, pipeline: "", usageUnit: "Hrs" };
  if (day <= "2026-11-10")
    lines.push(line({ ...ec2, usageType: "EUW3-NatGateway-Hours", usageAmount: 24, unblendedCostUsd: 1.248 }));
  lines.push(line({ day, pipeline: "temperatures", usageType: "EUW3-Lambda-GB-Second", unblendedCostUsd: 2 }));
}

const fixture = webFixture({ CAIRN_LOCALE: "fr", CAIRN_UPKEEP_HOUR_VALUE: "30" }, new Date("2026-11-18T10:00:00Z"));
let admin: SignedIn;
let viewer: SignedIn;
beforeAll(async () => {
  await upsertCostLines(fixture.store, unestimated(lines), "2026-11-18T00:00:00Z");
  admin = await fixture.signIn("admin", "camille@aarc.example.org");
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

const plain = (s: string) => s.replaceAll("&#39;", "'").replace(/\s/g, " ");

describe("report preview", () => {
  it("shows the finding marked done and the upkeep logged on the Tuning page, and stores nothing", async () => {
    const before = plain(await (await viewer.request("/reports/preview")).text());
    expect(before).toContain("Ce que l'équipe a fait");
    expect(before).toContain(
      "Aucune optimisation n'a été marquée comme faite et aucune heure d'entretien n'a été consignée ce mois-ci.",
    );

    const done = await admin.request("/tuning/findings", {
      method: "POST",
      form: { findingId: ID, action: "done", doneOn: "2026-11-10", asOf: "2026-11-10" },
    });
    expect(done.status).toBe(303);
    const upkeep = await admin.request("/tuning/upkeep", {
      method: "POST",
      form: {
        day: "2026-11-12",
        pipeline: "temperatures",
        hours: "2",
        person: "Camille",
        what: "sondes",
        volunteered: "yes",
      },
    });
    expect(upkeep.status).toBe(303);

    const res = await viewer.request("/reports/preview");
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    expect(html).toContain("novembre 2026");
    expect(html).toContain("Fait le 10 novembre 2026 par camille@aarc.example.org");
    // 2 h at the default 30 an hour.
    expect(html).toContain("Heures d'entretien du mois : temperatures 2,0 h (dont 2,0 h bénévoles, valant 60,00 $US)");
    expect(await listReports(fixture.store)).toEqual([]);
  });

  it("takes another month, and names the parameter when it is not one", async () => {
    expect((await viewer.request("/reports/preview?period=2026-10")).status).toBe(200);
    const bad = await viewer.request("/reports/preview?period=octobre");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toBe("period: must be a month YYYY-MM");
  });

  it("is linked from the Reports page", async () => {
    expect(await (await viewer.request("/reports")).text()).toContain('href="/reports/preview"');
  });
});
