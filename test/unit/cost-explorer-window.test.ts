/** Which days a Cost Explorer run reads, and which months it may call final. */
import { describe, expect, it } from "vitest";
import { type CollectState, finalMonths, planWindow } from "../../src/jobs/collect-window";

const DONE = (collectedTo: string, finalThrough: string | null): CollectState => ({
  backfilledFrom: "2025-06-01",
  collectedTo,
  finalThrough,
});

const CASES: {
  name: string;
  today: string;
  state: CollectState;
  from?: string;
  to?: string;
  expected: [string, string, string];
}[] = [
  {
    name: "first run: 13 whole months and this one",
    today: "2026-07-15",
    state: { backfilledFrom: null, collectedTo: null, finalThrough: null },
    expected: ["2025-06-01", "2026-07-15", "backfill"],
  },
  {
    name: "previous month not final yet: re-read it whole",
    today: "2026-07-16",
    state: DONE("2026-07-15", "2026-05"),
    expected: ["2026-06-01", "2026-07-16", "incremental"],
  },
  {
    name: "previous month final: the trailing days only",
    today: "2026-07-16",
    state: DONE("2026-07-15", "2026-06"),
    expected: ["2026-07-13", "2026-07-16", "incremental"],
  },
  {
    name: "after days without a successful run: from where the last one stopped",
    today: "2026-07-16",
    state: DONE("2026-07-02", "2026-06"),
    expected: ["2026-07-02", "2026-07-16", "incremental"],
  },
  {
    name: "early in the month the trailing days reach back",
    today: "2026-07-02",
    state: DONE("2026-07-01", "2026-06"),
    expected: ["2026-06-29", "2026-07-02", "incremental"],
  },
  {
    name: "January re-reads December",
    today: "2026-01-10",
    state: DONE("2026-01-09", "2025-11"),
    expected: ["2025-12-01", "2026-01-10", "incremental"],
  },
  {
    name: "--from alone",
    today: "2026-07-16",
    state: DONE("2026-07-15", "2026-06"),
    from: "2026-03-01",
    expected: ["2026-03-01", "2026-07-16", "override"],
  },
  {
    name: "--to alone",
    today: "2026-07-16",
    state: DONE("2026-07-15", "2026-06"),
    to: "2026-07-15",
    expected: ["2026-07-13", "2026-07-15", "override"],
  },
  {
    name: "--from and --to",
    today: "2026-07-16",
    state: DONE("2026-07-15", "2026-06"),
    from: "2026-01-01",
    to: "2026-02-01",
    expected: ["2026-01-01", "2026-02-01", "override"],
  },
];

describe("planWindow", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const w = planWindow({
        today: c.today,
        state: c.state,
        backfillMonths: 13,
        trailingDays: 3,
        from: c.from,
        to: c.to,
      });
      expect([w.from, w.to, w.kind]).toEqual(c.expected);
    });
  }
  it("honours CAIRN_BACKFILL_MONTHS", () => {
    const w = planWindow({
      today: "2026-07-15",
      state: { backfilledFrom: null, collectedTo: null, finalThrough: null },
      backfillMonths: 1,
      trailingDays: 3,
    });
    expect(w.from).toBe("2026-06-01");
  });
  it("refuses an empty window", () => {
    expect(() =>
      planWindow({
        today: "2026-07-16",
        state: DONE("2026-07-15", "2026-06"),
        backfillMonths: 13,
        trailingDays: 3,
        from: "2026-07-10",
        to: "2026-07-10",
      }),
    ).toThrow(/empty/);
  });
});

describe("finalMonths", () => {
  const days = (from: string, to: string) => {
    const out: string[] = [];
    for (let t = Date.parse(from); t < Date.parse(to); t += 86_400_000)
      out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };
  it("names the whole months with every day answered and none estimated", () => {
    const map = new Map(days("2026-04-10", "2026-07-15").map((d) => [d, d >= "2026-07-01"] as const));
    expect(finalMonths({ from: "2026-04-10", to: "2026-07-15" }, map)).toEqual(["2026-05", "2026-06"]);
  });
  it("does not call final a month with an estimated or missing day", () => {
    const map = new Map<string, boolean>(days("2026-05-01", "2026-07-01").map((d) => [d, false]));
    map.set("2026-05-20", true);
    map.delete("2026-06-11");
    expect(finalMonths({ from: "2026-05-01", to: "2026-07-01" }, map)).toEqual([]);
  });
});
