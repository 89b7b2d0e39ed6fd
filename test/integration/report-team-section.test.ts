/**
 * The monthly report's "Ce que l'équipe a fait": a finding marked done (with its realised
 * saving) and the month's upkeep hours reach the report; over budget, the lines behind the
 * overrun and the finding that would fix most of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMonthlyReport } from "../../reports/monthly/build";
import { eachDay } from "../../src/days";
import { gatherMonthlyFacts } from "../../src/jobs/report-monthly-facts";
import type { CostLine } from "../../src/model";
import { addUpkeep } from "../../src/services/add-upkeep";
import { changeFindingState } from "../../src/services/change-finding-state";
import { saveBudget } from "../../src/store/budgets";
import { upsertCostLines } from "../../src/store/cost-lines";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { line, unestimated } from "../helpers/lines";

const SBX = "444455556666";
const lines: CostLine[] = [];
// A NAT gateway from Sept 20 (October's overrun), stopped after Nov 5; a gp2 volume all along.
for (const day of eachDay("2026-09-01", "2026-12-01")) {
  const ec2 = { day, service: "EC2 - Other", accountId: SBX, pipeline: "" };
  if (day >= "2026-09-20" && day <= "2026-11-05") {
    lines.push(line({ ...ec2, usageType: "EUW3-NatGateway-Hours", usageAmount: 24, unblendedCostUsd: 1.248 }));
  }
  lines.push(
    line({
      ...ec2,
      usageType: "EUW3-EBS:VolumeUsage.gp2",
      usageUnit: "GB-Mo",
      usageAmount: 200 / 30,
      unblendedCostUsd: 0.77,
    }),
  );
}
const opened = openSqliteStore(":memory:");
const text = (doc: ReturnType<typeof buildMonthlyReport>) => JSON.stringify(doc.blocks);
beforeAll(async () => {
  await upsertCostLines(opened.store, unestimated(lines), "2026-12-01T00:00:00Z");
});
afterAll(() => opened.close());

describe("monthly report team section", () => {
  it("over budget in October: names the NAT gateway's rise and the finding that fixes it", async () => {
    await saveBudget(
      opened.store,
      {
        name: "all",
        amount: 30,
        currency: "USD",
        periodKind: "month",
        customPeriod: null,
        scopeKind: "all",
        scopeValue: "",
        thresholds: [],
      },
      "2026-09-01T00:00:00Z",
    );
    const facts = await gatherMonthlyFacts(opened.store, {
      month: "2026-10",
      today: "2026-11-02",
      currency: "USD",
      ceMaxRequests: 300,
      factorSet: "cairn-2026",
    });
    const doc = text(buildMonthlyReport(facts, { lang: "fr", madeOn: "2026-11-02" }));
    expect(doc).toContain("Ce que l'équipe a fait");
    expect(doc).toContain("Ce qui explique le dépassement du budget");
    expect(doc).toContain("EUW3-NatGateway-Hours");
    expect(doc).toMatch(
      /L'optimisation qui en corrigerait le plus\s: supprimer la passerelle NAT inactive du compte 444455556666 en eu-west-3, et libérer son adresse IP Elastic \(37,44.\$US par mois\)\./,
    );
  });

  it("in November: the finding done (by whom, realised saving) and the upkeep hours", async () => {
    const now = () => new Date("2026-11-06T10:00:00Z");
    await changeFindingState(
      { store: opened.store, now },
      {
        findingId: `nat-idle|${SBX}|eu-west-3|NAT gateway (1) in account ${SBX}`,
        action: "done",
        doneOn: "2026-11-05",
        actor: "camille@example.org",
      },
    );
    await addUpkeep(
      { store: opened.store, now },
      {
        day: "2026-11-06",
        pipeline: "temperatures",
        hours: 3,
        person: "Camille",
        what: "NAT removal",
        volunteered: true,
        actor: "t",
      },
    );
    const facts = await gatherMonthlyFacts(opened.store, {
      month: "2026-11",
      today: "2026-12-02",
      currency: "USD",
      ceMaxRequests: 300,
      factorSet: "cairn-2026",
      upkeepHourValueUsd: 40,
    });
    const doc = text(buildMonthlyReport(facts, { lang: "fr", madeOn: "2026-12-02" }));
    expect(doc).toMatch(/Supprimer la passerelle NAT inactive[^"]*Fait le[^"]*par camille@example.org/);
    // 24 h x $0.052 a day stopped: $37.44 a month realised, still measuring (25 of 28 days).
    expect(doc).toMatch(/Économie réalisée\s: 37,44/);
    expect(doc).toContain("mesure en cours");
    expect(doc).toMatch(
      /Heures d'entretien du mois\s: temperatures 3,0 h \(dont 3,0 h bénévoles, valant 120,00.\$US\)/,
    );
  });
});
