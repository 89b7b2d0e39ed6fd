/**
 * One set of figures: over many generated datasets, data days and both currencies, the
 * overview, the budgets page, the explorer total, the API, the weekly and monthly report facts
 * and the budget alert email print the same cents for the same month and data day, and every
 * printed "spent - budget" is the difference of the two printed figures. The expected figures
 * are computed here independently, in integer ten-thousandths of a dollar.
 */
import { afterEach, describe, expect, it } from "vitest";
import { mulberry32 } from "../../collectors/demo/prng";
import { buildAlertEmail } from "../../reports/alerts/alert-email";
import { buildMonthlyReport } from "../../reports/monthly/build";
import { evaluateAlerts } from "../../src/analysis/alert-rules/index";
import { addDays, addMonths, daysInMonth, firstDayOfMonth } from "../../src/days";
import { formatMoney } from "../../src/format/numbers";
import { gatherMonthlyFacts } from "../../src/jobs/report-monthly-facts";
import { gatherWeeklyFacts, mondayOf } from "../../src/jobs/report-weekly-facts";
import type { Currency, Month } from "../../src/model";
import { saveBudget } from "../../src/store/budgets";
import { upsertCostLines } from "../../src/store/cost-lines";
import { setRate } from "../../src/store/currency-rates";
import { gatherAlertInputs } from "../../src/store/read/alert-inputs";
import { loadPeriodFacts } from "../../src/store/read/period-facts";
import { line, unestimated } from "../helpers/lines";
import { webFixture } from "../helpers/web";

const round2 = (n: number) => Math.round(n * 100) / 100;
/** A printed amount back to a number: `€1,234.56` -> 1234.56, `−€3.00` -> -3. */
const parse = (text: string) => Number(text.replace(/[−-]/, "-").replace(/[^\d.-]/g, ""));

interface Case {
  seed: number;
  month: Month;
  dataDay: string;
  display: Currency;
  budgetCurrency: Currency;
  budgetAmount: number;
}

function makeCase(seed: number): Case {
  const rng = mulberry32(seed * 7919 + 13);
  const months = ["2026-02", "2026-03", "2026-10", "2026-11", "2027-01"];
  const month = months[Math.floor(rng() * months.length)] as Month;
  // A data day whose week ends in the same month, so the weekly report speaks of this month.
  const days = Array.from({ length: daysInMonth(month) }, (_, i) => addDays(firstDayOfMonth(month), i)).filter(
    (d) => addDays(mondayOf(d), 6) < firstDayOfMonth(addMonths(month, 1)) && d >= addDays(firstDayOfMonth(month), 2),
  );
  const dataDay = days[Math.floor(rng() * days.length)] as string;
  return {
    seed,
    month,
    dataDay,
    display: rng() < 0.5 ? "USD" : "EUR",
    budgetCurrency: rng() < 0.5 ? "USD" : "EUR",
    budgetAmount: Math.round((50 + rng() * 900) * 100) / 100,
  };
}

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

describe("every surface prints the same figures for the same month and data day", () => {
  const cases = Array.from({ length: 24 }, (_, i) => makeCase(i + 1));
  it.each(cases)("case $seed: $month to $dataDay in $display, budget in $budgetCurrency", async (k) => {
    const now = new Date(`${addDays(k.dataDay, 1)}T10:00:00Z`);
    const fixture = webFixture({ CAIRN_CURRENCY: k.display, CAIRN_LOCALE: "en" }, now);
    close = fixture.close;
    const rng = mulberry32(k.seed);
    // Rates for every month a surface shows (the monthly report's twelve months and a year back).
    const rates = new Map<Month, number>();
    for (let i = -13; i <= 1; i += 1) {
      const m = addMonths(k.month, i);
      const rate = Math.round((0.8 + rng() * 0.19) * 10_000) / 10_000;
      rates.set(m, rate);
      await setRate(
        fixture.store,
        { month: m, currency: "EUR", ratePerUsd: rate, source: "manual" },
        { currentMonth: "2020-01", at: now.toISOString() },
      );
    }
    // Lines from the previous month's first day to the data day, in ten-thousandths of a dollar.
    const lines = [];
    let monthUnits = 0;
    for (let d = firstDayOfMonth(addMonths(k.month, -1)); d <= k.dataDay; d = addDays(d, 1)) {
      const n = 1 + Math.floor(rng() * 3);
      for (let j = 0; j < n; j += 1) {
        const units = Math.floor(rng() * 300_000);
        if (d >= firstDayOfMonth(k.month)) monthUnits += units;
        lines.push(
          line({
            day: d,
            pipeline: ["temperatures", "website", ""][j % 3] as string,
            service: j % 2 === 0 ? "AWS Lambda" : "Amazon Simple Storage Service",
            usageType: `type-${j}`,
            unblendedCostUsd: units / 10_000,
            amortizedCostUsd: units / 10_000,
          }),
        );
      }
    }
    await upsertCostLines(fixture.store, unestimated(lines), now.toISOString());
    await saveBudget(
      fixture.store,
      {
        name: "All AWS",
        amount: k.budgetAmount,
        currency: k.budgetCurrency,
        periodKind: "month",
        customPeriod: null,
        scopeKind: "all",
        scopeValue: "",
        thresholds: [{ kind: "actual", ratio: 0.01 }],
      },
      now.toISOString(),
    );

    // Independent expectations.
    const rate = k.display === "EUR" ? (rates.get(k.month) as number) : 1;
    const spent = round2((monthUnits / 10_000) * rate);
    const eurRate = rates.get(k.month) as number;
    const budget =
      k.budgetCurrency === k.display
        ? k.budgetAmount
        : k.display === "EUR"
          ? round2(k.budgetAmount * eurRate)
          : round2(k.budgetAmount / eurRate);
    const money = (n: number) => formatMoney(n, k.display, "en");

    // The facts themselves.
    const facts = await loadPeriodFacts(fixture.store, { month: k.month, display: k.display });
    expect(facts.dataDay).toBe(k.dataDay);
    expect(facts.currency).toBe(k.display);
    expect(facts.spent).toEqual({ amount: spent, currency: k.display });
    expect(facts.budget?.amount).toEqual({ amount: budget, currency: k.display });
    expect(facts.budget?.difference.amount).toBe(round2(spent - budget));
    const forecast = facts.forecast?.amount.amount;
    if (forecast === undefined) throw new Error("no forecast");

    // Overview tiles: month to date, budget, forecast and its gap to the budget.
    const viewer = await fixture.signIn("viewer");
    const overview = await (await viewer.request("/")).text();
    const tiles = [...overview.matchAll(/<div class="tile-value">([^<]*)<\/div>/g)].map((m) => m[1]);
    expect(tiles.slice(0, 3)).toEqual([money(spent), money(budget), money(forecast)]);
    const gap = /(?:over budget by|left in the budget) ([^ ·<]+)/.exec(overview)?.[1] ?? "";
    expect(parse(gap)).toBe(Math.abs(round2(parse(money(forecast)) - parse(money(budget)))));

    // Budgets page: the same budget and spend.
    const budgets = await (await viewer.request("/budgets")).text();
    const row = /<tr><th scope="row">All AWS<\/th>([\s\S]*?)<\/tr>/.exec(budgets)?.[1] ?? "";
    expect(row).toContain(money(budget));
    expect(row).toContain(money(spent));

    // Explorer total and the API, for the month to the data day.
    const range = `from=${firstDayOfMonth(k.month)}&to=${addDays(k.dataDay, 1)}`;
    const explorer = await (await viewer.request(`/costs?${range}&groupBy=service`)).text();
    expect(explorer).toContain(`data-cost="${spent.toFixed(2)}" data-currency="${k.display}"`);
    const token = await fixture.token("viewer");
    const api = (await (
      await fixture.app.request(`/api/v1/costs?${range}&groupBy=pipeline&currency=${k.display}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { currency: string; total: { cost: number; costUsd: number } };
    expect(api.currency).toBe(k.display);
    expect(api.total.cost).toBe(spent);

    // Weekly report facts: the week of the data day, one data day for every table.
    const weekly = await gatherWeeklyFacts(fixture.store, {
      week: mondayOf(k.dataDay),
      now,
      currency: k.display,
      ceMaxRequests: 300,
    });
    expect(weekly.dataDay).toBe(k.dataDay);
    expect(weekly.monthToDate).toBe(spent);
    expect(weekly.forecast?.amount).toBe(forecast);
    const weeklyBudget = weekly.budgets.find((s) => s.budget.name === "All AWS");
    expect([weeklyBudget?.amount, weeklyBudget?.spent, weeklyBudget?.currency]).toEqual([budget, spent, k.display]);

    // Monthly report facts and its printed summary: spent - budget is the difference printed.
    const monthly = await gatherMonthlyFacts(fixture.store, {
      month: k.month,
      today: addDays(k.dataDay, 1),
      currency: k.display,
      ceMaxRequests: 300,
      factorSet: "cairn-2026",
    });
    expect(monthly.total).toBe(spent);
    const overall = monthly.budgets.find((b) => b.overall);
    expect([overall?.amount, overall?.spent]).toEqual([budget, spent]);
    const doc = buildMonthlyReport(monthly, { lang: "en", madeOn: addDays(k.dataDay, 1) });
    const summary = doc.blocks.find((b) => b.kind === "paragraph");
    const text = summary && "text" in summary ? summary.text : "";
    const over = /cost (\S+), (\S+) over the budget of (\S+) /.exec(text);
    if (spent > budget) {
      if (!over) throw new Error(`no overrun sentence in: ${text}`);
      expect(round2(parse(over[1] as string) - parse(over[3] as string))).toBe(parse(over[2] as string));
    } else expect(text).toContain(`within the budget of ${money(budget)}`);

    // The budget alert email.
    const inputs = await gatherAlertInputs(fixture.store, {
      now,
      display: k.display,
      ceMaxRequests: 300,
      lookbackDays: 7,
      sources: ["cost-explorer"],
    });
    const alert = evaluateAlerts(inputs).find((a) => a.rule === "budget-threshold");
    if (alert?.facts.rule !== "budget-threshold") throw new Error("no budget alert");
    expect(alert.facts.data).toMatchObject({ currency: k.display, amount: budget, spent });
    const email = buildAlertEmail(alert, { locale: "en", publicUrl: "http://localhost:8787" });
    expect(email.text).toContain(money(budget));
    expect(email.text).toContain(money(spent));
  });
});
