/** Reading Cost Explorer pages: exact amounts, Estimated flags, and refusal of malformed answers. */
import { describe, expect, it } from "vitest";
import { CostExplorerError, describeFailure } from "../../collectors/cost-explorer/errors";
import { addPage, emptyResult } from "../../collectors/cost-explorer/parse";

const group = (keys: string[], amount = "1.5", unit = "USD") => ({
  Keys: keys,
  Metrics: {
    UnblendedCost: { Amount: amount, Unit: unit },
    AmortizedCost: { Amount: amount, Unit: unit },
    UsageQuantity: { Amount: "3", Unit: "Hrs" },
  },
});
const page = (groups: unknown[], estimated: boolean | undefined = false, day = "2026-07-01") => ({
  ResultsByTime: [{ TimePeriod: { Start: day, End: "2026-07-02" }, Groups: groups, Estimated: estimated }],
});

describe("addPage", () => {
  it("reads groups, and days split across pages", () => {
    const r = emptyResult();
    const seen = new Set<string>();
    addPage(r, page([group(["S3", "A"], "0.0000001234")], true) as never, "GetCostAndUsage", seen);
    addPage(r, page([group(["S3", "B"])], false) as never, "GetCostAndUsage", seen);
    expect(r.pages).toBe(2);
    expect(r.rows.map((x) => [x.keys[1], x.unblendedCostUsd, x.usageAmount, x.usageUnit, x.estimated])).toEqual([
      ["A", 1.234e-7, 3, "Hrs", true],
      ["B", 1.5, 3, "Hrs", false],
    ]);
    expect(r.estimatedByDay.get("2026-07-01")).toBe(true);
  });

  it("takes a day without the Estimated flag as estimated", () => {
    const r = emptyResult();
    const body = { ResultsByTime: [{ TimePeriod: { Start: "2026-07-01", End: "2026-07-02" }, Groups: [] }] };
    addPage(r, body, "GetCostAndUsage", new Set());
    expect(r.estimatedByDay.get("2026-07-01")).toBe(true);
  });

  const BAD: [string, unknown, RegExp][] = [
    ["no ResultsByTime", {}, /no ResultsByTime/],
    ["a bad day", page([], false, "2026-13-01"), /time period/],
    ["an amount that is not a number", page([group(["S3", "A"], "1,5")]), /UnblendedCost amount "1,5"/],
    ["a cost in another currency", page([group(["S3", "A"], "1.5", "EUR")]), /a cost in EUR, not USD/],
    ["one group key", page([{ Keys: ["S3"], Metrics: {} }]), /group keys/],
    ["a group twice", page([group(["S3", "A"]), group(["S3", "A"])]), /given twice/],
  ];
  for (const [name, body, message] of BAD) {
    it(`refuses ${name}`, () => {
      const run = () => addPage(emptyResult(), body as never, "GetCostAndUsage", new Set());
      expect(run).toThrow(CostExplorerError);
      expect(run).toThrow(message);
    });
  }
});

describe("describeFailure", () => {
  it("names sts:AssumeRole when the role cannot be assumed", () => {
    const error = Object.assign(
      new Error(
        "User: arn:aws:iam::1:user/x is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::2:role/cairn",
      ),
      {
        name: "AccessDenied",
        $metadata: { httpStatusCode: 403 },
      },
    );
    const failure = describeFailure(error, "GetDimensionValues");
    expect(failure.kind).toBe("access-denied");
    expect(failure.message).toMatch(/may not call sts:AssumeRole/);
  });
});
