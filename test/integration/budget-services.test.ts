/**
 * The budget services over a real SQLite store: one validation for the page and the command
 * line (decimal comma, "%", 1000 % cap, 12-digit account), errors as keys in both languages,
 * the display currency by default, edit in place, unknown scopes confirmed, the actor recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBudget } from "../../src/services/create-budget";
import { deleteBudget } from "../../src/services/delete-budget";
import { serviceErrorText } from "../../src/services/error-words";
import { ServiceInputError } from "../../src/services/errors";
import { updateBudget } from "../../src/services/update-budget";
import { listAudit } from "../../src/store/audit-log";
import { listBudgets } from "../../src/store/budgets";
import { upsertCostLines } from "../../src/store/cost-lines";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { line, unestimated } from "../helpers/lines";

const opened = openSqliteStore(":memory:");
const deps = { store: opened.store, now: () => new Date("2026-11-18T10:00:00Z"), displayCurrency: "EUR" as const };
afterAll(() => opened.close());

beforeAll(async () => {
  await upsertCostLines(
    opened.store,
    unestimated([
      line({
        day: "2026-11-02",
        pipeline: "website",
        service: "Amazon Simple Storage Service",
        accountId: "111122223333",
      }),
    ]),
    "2026-11-18T06:00:00Z",
  );
});

async function refusal(input: Record<string, unknown>): Promise<ServiceInputError> {
  try {
    await createBudget(deps, { name: "x", amount: "10", actor: "t", ...input } as never);
  } catch (error) {
    if (error instanceof ServiceInputError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe("budget services", () => {
  it.each([
    [{ amount: "0" }, "amount", "amountNotPositive"],
    [{ amount: "abc" }, "amount", "amountNotNumber"],
    [{ amount: "12,5,1" }, "amount", "amountNotNumber"],
    [{ currency: "CHF" }, "currency", "currencyInvalid"],
    [{ scopeKind: "region", scopeValue: "eu-west-3" }, "scopeKind", "scopeInvalid"],
    [{ scopeKind: "account", scopeValue: "12" }, "scopeValue", "accountId"],
    [{ scopeKind: "service", scopeValue: "" }, "scopeValue", "scopeValueMissing"],
    [{ periodKind: "week" }, "periodKind", "periodInvalid"],
    [{ periodKind: "custom" }, "from", "periodNeedsDays"],
    [{ periodKind: "custom", from: "2026-07-01", to: "2026-06-01" }, "to", "periodToBeforeFrom"],
    [{ from: "2026-07-01" }, "from", "periodDaysOnlyCustom"],
    [{ from: "2026-13-01", periodKind: "custom", to: "2026-12-01" }, "from", "dayInvalid"],
    [{ thresholds: "50,lots" }, "thresholds", "thresholdInvalid"],
    [{ thresholds: "50,1200" }, "thresholds", "thresholdTooHigh"],
    [{ thresholds: "" }, "thresholds", "thresholdsEmpty"],
    [{ name: "  " }, "name", "nameEmpty"],
    [{ scopeKind: "pipeline", scopeValue: "websit" }, "scopeValue", "scopeUnknown"],
  ])("%j is refused on %s with %s", async (input, field, key) => {
    const error = await refusal(input);
    expect(error.field).toBe(field);
    expect(error.key).toBe(key);
    // English for the command line, the same key in French for pages.
    expect(error.message).toBe(serviceErrorText(error.key ?? "nameEmpty", error.params, "en"));
    expect(serviceErrorText(error.key ?? "nameEmpty", error.params, "fr")).not.toBe(error.message);
  });

  it("reports every field's problem at once", async () => {
    const error = await refusal({ amount: "abc", thresholds: "lots", currency: "CHF" });
    expect(error.issues.map((i) => [i.field, i.key])).toEqual([
      ["amount", "amountNotNumber"],
      ["currency", "currencyInvalid"],
      ["thresholds", "thresholdInvalid"],
    ]);
  });

  it("takes amounts and thresholds as people type them, in the display currency by default", async () => {
    const saved = await createBudget(deps, {
      name: "Labo",
      amount: "1 234,5",
      thresholds: "50 %, 80%, forecast:100, 12.5",
      scopeKind: "account",
      scopeValue: "111122223333",
      actor: "boss@example.org",
    });
    expect(saved).toEqual({
      unknownScope: false,
      budget: {
        name: "Labo",
        amount: 1234.5,
        currency: "EUR",
        periodKind: "month",
        customPeriod: null,
        scopeKind: "account",
        scopeValue: "111122223333",
        thresholds: [
          { kind: "actual", ratio: 0.5 },
          { kind: "actual", ratio: 0.8 },
          { kind: "forecast", ratio: 1 },
          { kind: "actual", ratio: 0.125 },
        ],
      },
    });
    expect((await listAudit(opened.store))[0]).toMatchObject({
      actor: "boss@example.org",
      action: "create-budget",
      subject: "Labo",
      at: "2026-11-18T10:00:00.000Z",
    });
    const dup = await refusal({ name: "Labo" });
    expect([dup.field, dup.key, dup.message]).toEqual([
      "name",
      "nameTaken",
      'a budget named "Labo" exists already: change it instead',
    ]);
  });

  it("keeps an unknown scope only when confirmed, and says so", async () => {
    const saved = await createBudget(deps, {
      name: "Typo",
      amount: 5,
      scopeKind: "pipeline",
      scopeValue: "websit",
      confirmUnknownScope: true,
      actor: "a",
    });
    expect(saved.unknownScope).toBe(true);
    // Known values pass without confirmation (the untagged pipeline included).
    for (const [scopeKind, scopeValue] of [
      ["pipeline", "website"],
      ["service", "Amazon Simple Storage Service"],
    ] as const) {
      const ok = await createBudget(deps, { name: scopeValue, amount: 5, scopeKind, scopeValue, actor: "a" });
      expect(ok.unknownScope).toBe(false);
    }
  });

  it("edits in place (name included), keeps what is not given, re-validates the result", async () => {
    await createBudget(deps, {
      name: "Saison",
      amount: "750",
      currency: "USD",
      periodKind: "custom",
      from: "2026-06-01",
      to: "2026-09-30",
      actor: "a",
    });
    const updated = await updateBudget(deps, { of: "Saison", amount: "800", name: "Saison 2026", actor: "b" });
    expect(updated.budget).toMatchObject({
      name: "Saison 2026",
      amount: 800,
      currency: "USD",
      customPeriod: { from: "2026-06-01", to: "2026-10-01" },
    });
    const names = (await listBudgets(opened.store)).map((b) => b.name);
    expect(names).toContain("Saison 2026");
    expect(names).not.toContain("Saison");
    expect((await listAudit(opened.store))[0]).toMatchObject({
      actor: "b",
      action: "update-budget",
      subject: "Saison",
    });
    // Leaving the custom period drops its days.
    const monthly = await updateBudget(deps, { of: "Saison 2026", periodKind: "month", actor: "b" });
    expect(monthly.budget.customPeriod).toBeNull();
    // The unknown scope kept earlier is not questioned again by an edit that leaves it alone.
    expect((await updateBudget(deps, { of: "Typo", amount: "6", actor: "b" })).unknownScope).toBe(false);
    await expect(updateBudget(deps, { of: "Saison 2026", name: "Labo", actor: "b" })).rejects.toMatchObject({
      key: "nameTaken",
    });
    await expect(updateBudget(deps, { of: "nope", amount: "1", actor: "b" })).rejects.toMatchObject({
      key: "budgetMissing",
    });
    await expect(updateBudget(deps, { of: "Saison 2026", thresholds: "2000", actor: "b" })).rejects.toMatchObject({
      field: "thresholds",
      key: "thresholdTooHigh",
    });
  });

  it("deletes by name, and says when there is none", async () => {
    await deleteBudget(deps, { name: "Typo", actor: "a" });
    expect((await listAudit(opened.store))[0]).toMatchObject({ actor: "a", action: "delete-budget", subject: "Typo" });
    expect((await listBudgets(opened.store)).map((b) => b.name)).not.toContain("Typo");
    await expect(deleteBudget(deps, { name: "Typo", actor: "a" })).rejects.toMatchObject({ key: "budgetMissing" });
  });
});
