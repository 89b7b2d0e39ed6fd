import { describe, expect, it } from "vitest";
import { applyBudgetOptions, newBudget, parseScope, parseThresholds } from "../../src/cli/budget-args";
import { UsageError } from "../../src/cli/command";

describe("budget options", () => {
  it.each([
    [
      "50,80,100,forecast:100",
      [
        { kind: "actual", ratio: 0.5 },
        { kind: "actual", ratio: 0.8 },
        { kind: "actual", ratio: 1 },
        { kind: "forecast", ratio: 1 },
      ],
    ],
    [
      "90%, forecast:110",
      [
        { kind: "actual", ratio: 0.9 },
        { kind: "forecast", ratio: 1.1 },
      ],
    ],
  ])("thresholds %s", (text, expected) => {
    expect(parseThresholds(text)).toEqual(expected);
  });

  it.each([
    ["all", { scopeKind: "all", scopeValue: "" }],
    ["pipeline:camera-traps", { scopeKind: "pipeline", scopeValue: "camera-traps" }],
    ["pipeline:", { scopeKind: "pipeline", scopeValue: "" }],
    ["service:Amazon Simple Storage Service", { scopeKind: "service", scopeValue: "Amazon Simple Storage Service" }],
    ["account:111122223333", { scopeKind: "account", scopeValue: "111122223333" }],
  ])("scope %s", (text, expected) => {
    expect(parseScope(text)).toEqual(expected);
  });

  it.each([
    [{ amount: "0" }, "--amount must be a positive number"],
    [{ amount: "abc" }, "--amount must be a positive number"],
    [{ currency: "CHF" }, "--currency must be USD or EUR"],
    [{ scope: "region:eu-west-3" }, "--scope must be all"],
    [{ scope: "account:12" }, "12-digit account id"],
    [{ period: "week" }, "--period must be month, year or custom"],
    [{ period: "custom" }, "a custom period needs --from and --to"],
    [{ period: "custom", from: "2026-07-01", to: "2026-06-01" }, "--to must not be before --from"],
    [{ from: "2026-07-01" }, "--from and --to go with --period custom"],
    [{ thresholds: "50,lots" }, "--thresholds takes percentages"],
    [{ thresholds: "" }, "--thresholds needs at least one"],
  ])("%j is refused as bad usage", (values, message) => {
    expect(() => applyBudgetOptions(newBudget("x"), values)).toThrow(UsageError);
    expect(() => applyBudgetOptions(newBudget("x"), values)).toThrow(message);
  });

  it("a custom period's --to is its last day (stored half-open); amounts take a decimal comma", () => {
    const b = applyBudgetOptions(newBudget("g"), {
      amount: "1234,5",
      period: "custom",
      from: "2026-06-01",
      to: "2026-09-30",
    });
    expect(b).toMatchObject({
      amount: 1234.5,
      periodKind: "custom",
      customPeriod: { from: "2026-06-01", to: "2026-10-01" },
    });
    expect(applyBudgetOptions(b, { period: "month" }).customPeriod).toBeNull();
  });
});
