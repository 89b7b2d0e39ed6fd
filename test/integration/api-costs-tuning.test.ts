/** The tuning parameters of `/api/v1/costs` and its CSV, with figures computed in the test. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/days";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const fixture = webFixture();
const lines: CostLine[] = [];
// Sept 1 - Oct 31: NAT hours 1.2/day all along, NAT bytes 0.1/day, gp2 volume 0.5/day from Oct 1;
// a tax line on each 1st; a credit on Oct 15; amortised = unblended except a commitment line.
for (let d = 0; d < 61; d++) {
  const day = addDays("2026-09-01", d);
  const ec2 = { service: "EC2 - Other", pipeline: "", accountId: "222222222222" };
  lines.push(line({ ...ec2, day, usageType: "EUW3-NatGateway-Hours", unblendedCostUsd: 1.2, amortizedCostUsd: 1.2 }));
  lines.push(line({ ...ec2, day, usageType: "EUW3-NatGateway-Bytes", unblendedCostUsd: 0.1, amortizedCostUsd: 0.1 }));
  if (day >= "2026-10-01") {
    lines.push(
      line({ ...ec2, day, usageType: "EUW3-EBS:VolumeUsage.gp2", unblendedCostUsd: 0.5, amortizedCostUsd: 0.5 }),
    );
  }
  lines.push(line({ day, unblendedCostUsd: 2, amortizedCostUsd: 1.5 }));
}
lines.push(line({ day: "2026-10-01", service: "Tax", usageType: "Tax", unblendedCostUsd: 9, amortizedCostUsd: 9 }));
lines.push(line({ day: "2026-10-15", usageType: "Credit", unblendedCostUsd: -4, amortizedCostUsd: -4 }));

let viewer: SignedIn;
beforeAll(async () => {
  await upsertCostLines(fixture.store, unestimated(lines), "2026-11-18T09:00:00Z");
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

interface Row {
  key: string;
  costUsd: number;
  previousCostUsd?: number;
  children?: Row[];
}
const json = async (path: string) => {
  const res = await viewer.request(path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as { rows: Row[]; total: Row; series: { bucket: string; costUsd: number }[] };
};
const oct = "from=2026-10-01&to=2026-11-01";

describe("/api/v1/costs tuning parameters", () => {
  it("breaks EC2 - Other down by usage type", async () => {
    const body = await json(`/api/v1/costs?${oct}&groupBy=usageType&service=EC2%20-%20Other`);
    expect(body.rows.map((r) => [r.key, Math.round(r.costUsd * 100) / 100])).toEqual([
      ["EUW3-NatGateway-Hours", 37.2],
      ["EUW3-EBS:VolumeUsage.gp2", 15.5],
      ["EUW3-NatGateway-Bytes", 3.1],
    ]);
  });

  it("groups on two levels, service then usage type, with sub-rows that add up", async () => {
    const body = await json(`/api/v1/costs?${oct}&groupBy=service,usageType`);
    const ec2 = body.rows.find((r) => r.key === "EC2 - Other");
    expect(ec2?.costUsd).toBeCloseTo(31 * 1.8, 6);
    expect(ec2?.children?.map((c) => c.key)).toEqual([
      "EUW3-NatGateway-Hours",
      "EUW3-EBS:VolumeUsage.gp2",
      "EUW3-NatGateway-Bytes",
    ]);
    expect(body.total.costUsd).toBeCloseTo(31 * 1.8 + 31 * 2 + 9 - 4, 6);
  });

  it("buckets by month", async () => {
    const body = await json("/api/v1/costs?from=2026-09-01&to=2026-11-01&groupBy=day&granularity=month");
    expect(body.rows.map((r) => r.key)).toEqual(["2026-09", "2026-10"]);
    expect(body.rows[0]?.costUsd).toBeCloseTo(30 * 3.3, 6);
    expect(body.rows[1]?.costUsd).toBeCloseTo(31 * 3.8 + 9 - 4, 6);
    expect(body.series.map((s) => s.bucket)).toEqual(["2026-09", "2026-10"]);
  });

  it("compares with the previous period of the same length", async () => {
    // Oct 2-31 (30 days) against Sept 2 - Oct 1: the gp2 volume is new, NAT hours unchanged.
    const body = await json("/api/v1/costs?from=2026-10-02&to=2026-11-01&groupBy=usageType&compare=previous");
    const gp2 = body.rows.find((r) => r.key === "EUW3-EBS:VolumeUsage.gp2");
    expect(gp2?.costUsd).toBeCloseTo(30 * 0.5, 6);
    expect(gp2?.previousCostUsd).toBeCloseTo(0.5, 6);
    const nat = body.rows.find((r) => r.key === "EUW3-NatGateway-Hours");
    expect(nat?.previousCostUsd).toBeCloseTo(30 * 1.2, 6);
    const tax = body.rows.find((r) => r.key === "Tax");
    expect([tax?.costUsd, tax?.previousCostUsd]).toEqual([0, 9]);
    expect(body.total.previousCostUsd).toBeCloseTo(30 * 3.3 + 0.5 + 9, 6);
  });

  it("filters by charge type and reads amortised cost", async () => {
    const tax = await json(`/api/v1/costs?${oct}&groupBy=service&chargeType=tax`);
    expect(tax.total.costUsd).toBe(9);
    const credit = await json(`/api/v1/costs?${oct}&groupBy=service&chargeType=credit`);
    expect(credit.total.costUsd).toBe(-4);
    const amortised = await json(`/api/v1/costs?${oct}&groupBy=service&chargeType=usage&costType=amortised`);
    expect(amortised.total.costUsd).toBeCloseTo(31 * 1.8 + 31 * 1.5, 6);
  });

  it.each([
    ["groupBy=service,usageType,region", "groupBy"],
    ["groupBy=usage", "groupBy"],
    ["groupBy=service,service", "groupBy"],
    ["granularity=week", "granularity"],
    ["compare=yes", "compare"],
    ["chargeType=refund", "chargeType"],
    ["costType=blended", "costType"],
    ["usageTypes=x", "usageTypes"],
  ])("rejects %s naming %s", async (query, parameter) => {
    const res = await viewer.request(`/api/v1/costs?${oct}&${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { parameter: string; message: string } };
    expect(body.error.parameter).toBe(parameter);
    expect(body.error.message).toMatch(new RegExp(`^${parameter}: `));
  });

  it("CSV follows: one line per sub-row with both keys, the comparison, and the total", async () => {
    const res = await viewer.request(
      "/api/v1/costs.csv?from=2026-10-02&to=2026-11-01&groupBy=service,usageType&service=EC2%20-%20Other&compare=previous",
    );
    expect(res.status).toBe(200);
    expect((await res.text()).split("\r\n")).toEqual([
      "service,usageType,cost_usd,previous_cost_usd,change_usd,share_percent,co2e_kg",
      "EC2 - Other,EUW3-NatGateway-Hours,36.00,36.00,0.00,66.7,0.000",
      "EC2 - Other,EUW3-EBS:VolumeUsage.gp2,15.00,0.50,14.50,27.8,0.000",
      "EC2 - Other,EUW3-NatGateway-Bytes,3.00,3.00,0.00,5.6,0.000",
      "Total,,54.00,39.50,14.50,100.0,0.000",
      "",
    ]);
  });

  it("the explorer page shows the two-level table with expandable groups and the comparison", async () => {
    const res = await viewer.request(`/costs?${oct}&groupBy=service&thenBy=usageType&compare=previous`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-expand="group-1"');
    expect(html).toContain('data-parent="group-1"');
    expect(html).toContain("EUW3-NatGateway-Hours");
    expect(html).toContain("/static/explorer.js");
    expect(html).toMatch(/groupBy=service%2CusageType/);
  });
});
