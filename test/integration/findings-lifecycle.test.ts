/**
 * A finding's life on the Tuning page and through the service: viewers read, admins snooze,
 * dismiss (with a reason), mark done (by whom, on a date); after "done" the realised saving is
 * measured from the lines, then frozen once four weeks have passed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, eachDay } from "../../src/days";
import type { CostLine } from "../../src/model";
import { freezeRealisedSavings } from "../../src/services/freeze-realised-savings";
import { upsertCostLines } from "../../src/store/cost-lines";
import { readFindingState } from "../../src/store/finding-states";
import { loadFindingBoard } from "../../src/store/read/finding-board";
import { readDb } from "../../src/store/store";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const SBX = "444455556666";
const DONE_ON = "2026-10-25";
const NAT_PER_DAY = 24 * 0.052;
const ID = `nat-idle|${SBX}|eu-west-3|NAT gateway (1) in account ${SBX}`;
// The NAT gateway ran from Sept 1 through the done day, then stopped; a gp2 volume stays.
const lines: CostLine[] = [];
for (const day of eachDay("2026-09-01", "2026-12-01")) {
  const ec2 = { day, service: "EC2 - Other", accountId: SBX, pipeline: "", usageUnit: "Hrs" };
  if (day <= DONE_ON) {
    lines.push(line({ ...ec2, usageType: "EUW3-NatGateway-Hours", usageAmount: 24, unblendedCostUsd: NAT_PER_DAY }));
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

const fixture = webFixture({ CAIRN_LOCALE: "en" }, new Date("2026-10-26T09:00:00Z"));
let admin: SignedIn;
let viewer: SignedIn;
beforeAll(async () => {
  await upsertCostLines(fixture.store, unestimated(lines), "2026-12-01T00:00:00Z");
  admin = await fixture.signIn("admin");
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

const post = (who: SignedIn, form: Record<string, string>) =>
  who.request("/tuning/findings", { method: "POST", form: { findingId: ID, ...form } });

describe("finding lifecycle", () => {
  it("viewers read the finding and its command, without forms, and cannot change it", async () => {
    const html = await (await viewer.request("/tuning")).text();
    expect(html).toContain(`data-finding-id="${ID}"`);
    expect(html).toContain("aws ec2 delete-nat-gateway --region eu-west-3");
    expect(html).not.toContain('data-action="done"');
    expect((await post(viewer, { action: "done" })).status).toBe(403);
  });

  it("refuses a dismissal without a reason and a snooze in the past, naming the field", async () => {
    const dismiss = await post(admin, { action: "dismiss", reason: "" });
    expect(dismiss.status).toBe(400);
    expect(await dismiss.text()).toMatch(/id="finding-\d+-reason-error"[^>]*>a dismissal needs a reason/);
    const snooze = await post(admin, { action: "snooze", until: "2026-10-01" });
    expect(snooze.status).toBe(400);
    expect(await snooze.text()).toMatch(/id="finding-\d+-until-error"[^>]*>must be after today/);
  });

  it("snoozes, reopens, then marks done by whom and when", async () => {
    expect((await post(admin, { action: "snooze", until: "2026-11-15" })).status).toBe(303);
    let html = await (await admin.request("/tuning")).text();
    expect(html).toMatch(/id="snoozed-findings"[\s\S]*NAT gateway/);
    expect((await post(admin, { action: "reopen" })).status).toBe(303);
    expect((await post(admin, { action: "done", doneOn: DONE_ON })).status).toBe(303);
    html = await (await admin.request("/tuning")).text();
    expect(html).toMatch(/id="done-findings"[\s\S]*Delete the idle NAT gateway[\s\S]*admin@example.org/);
    expect(html).toContain("not measured yet");
    const state = await readFindingState(readDb(fixture.store), ID);
    expect(state).toMatchObject({ status: "done", doneOn: DONE_ON, changedBy: "admin@example.org" });
  });

  it("measures the realised saving while four weeks pass, then freezes it", async () => {
    const db = readDb(fixture.store);
    const twoWeeks = await loadFindingBoard(db, "2026-10-26", addDays(DONE_ON, 14));
    const measuring = twoWeeks.done[0]?.realised;
    expect(measuring).toMatchObject({ daysMeasured: 13, final: false });
    expect(measuring?.monthlyUsd).toBeCloseTo(NAT_PER_DAY * 30, 1);
    const now = () => new Date("2026-11-30T00:00:00Z");
    expect(await freezeRealisedSavings({ store: fixture.store, now })).toBe(1);
    const frozen = (await readFindingState(db, ID))?.realised;
    expect(frozen).toMatchObject({ daysMeasured: 28, final: true, lowUsd: frozen?.highUsd });
    // A later restatement of the lines no longer moves the frozen figure.
    await upsertCostLines(
      fixture.store,
      unestimated([
        line({
          day: "2026-11-01",
          service: "EC2 - Other",
          accountId: SBX,
          pipeline: "",
          usageType: "EUW3-NatGateway-Hours",
          unblendedCostUsd: 50,
        }),
      ]),
      "2026-12-02T00:00:00Z",
    );
    const later = await loadFindingBoard(db, "2026-10-26", "2026-12-01");
    expect(later.done[0]?.realised?.monthlyUsd).toBe(frozen?.monthlyUsd);
  });
});
