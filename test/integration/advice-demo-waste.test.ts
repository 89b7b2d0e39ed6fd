/** On the demo, the waste detectors find the sandbox's idle NAT gateway and forgotten gp2 volume. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_SANDBOX_ACCOUNT } from "../../collectors/demo/accounts";
import { advise } from "../../src/analysis/advice/index";
import type { OpenedStore } from "../../src/store/open-sqlite";
import { loadAdviceInput } from "../../src/store/read/advice";
import { readDb } from "../../src/store/store";
import { openDemoStore } from "../helpers/report-demo";

let opened: OpenedStore;
beforeAll(async () => {
  opened = await openDemoStore(new Date("2026-11-18T10:00:00Z"));
});
afterAll(() => opened.close());

describe("demo waste", () => {
  it("finds the sandbox's NAT gateway and gp2 volume at the end of October", async () => {
    const findings = advise(await loadAdviceInput(readDb(opened.store), "2026-11-01"));
    const nat = findings.find((f) => f.kind === "nat-idle");
    const gp2 = findings.find((f) => f.kind === "ebs-gp2");
    expect(nat).toMatchObject({ accountId: DEMO_SANDBOX_ACCOUNT, region: "eu-west-3" });
    expect(gp2).toMatchObject({ accountId: DEMO_SANDBOX_ACCOUNT, region: "eu-west-3" });
    // 24 NAT hours a day at the demo's $0.052, a month of 30 days, plus its few GB.
    expect(nat?.savingRange.lowUsd).toBeCloseTo(24 * 0.052 * 30, 1);
    // 200 GB from $0.116 to $0.0928 per GB-month.
    expect(gp2?.monthlySavingUsd).toBeCloseTo(200 * (0.116 - 0.0928), 1);
  });
});
