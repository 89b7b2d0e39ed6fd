/**
 * A property of the store, over generated datasets where Cost Explorer and FOCUS overlap in
 * every way (whole months, partial months, days only one source has, accounts only one source
 * covers), then rewritten (Cost Explorer windows re-read, FOCUS months removed): no total ever
 * counts an (account, day) from two sources, and every total equals the lines of the source the
 * rule picks, computed here independently from the generated lines.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addDays, addMonths, firstDayOfMonth, monthOf } from "../../src/days";
import type { CostLine } from "../../src/model";
import { replaceCostLines, upsertCostLines } from "../../src/store/cost-lines";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { costsBy } from "../../src/store/read/costs";
import { exportLinePages } from "../../src/store/read/export-lines";
import { readDb } from "../../src/store/store";
import { rng } from "../helpers/cost-explorer-dataset";
import { line, unestimated } from "../helpers/lines";

const ACCOUNTS = ["111111111111", "222222222222", "333333333333"];
const MONTHS = ["2026-07", "2026-08", "2026-09"];
const SERVICES = ["AWS Lambda", "Amazon Simple Storage Service", "EC2 - Other"];

function lastDay(month: string) {
  return addDays(firstDayOfMonth(addMonths(month, 1)), -1);
}

/** Lines of one source for one (account, day), 1 to 3 of them. */
function linesOf(random: () => number, day: string, accountId: string, source: CostLine["source"]): CostLine[] {
  const n = 1 + Math.floor(random() * 3);
  return Array.from({ length: n }, (_, i) =>
    line({
      day,
      accountId,
      source,
      service: SERVICES[i] as string,
      usageType: `U${i}`,
      unblendedCostUsd: Math.round((0.5 + random() * 10) * 100) / 100,
    }),
  );
}

function generate(seed: number): CostLine[] {
  const random = rng(seed);
  const out: CostLine[] = [];
  for (const month of MONTHS) {
    // Per month, FOCUS is absent, partial (a stretch of days) or whole; Cost Explorer likewise.
    const focusShape = Math.floor(random() * 3);
    const ceShape = Math.floor(random() * 3);
    const cut = 5 + Math.floor(random() * 20);
    for (let day = firstDayOfMonth(month); monthOf(day) === month; day = addDays(day, 1)) {
      const dom = Number(day.slice(8));
      for (const accountId of ACCOUNTS) {
        if (random() < 0.1) continue; // a day with no spend at all
        const focus = focusShape === 2 || (focusShape === 1 && dom <= cut);
        const ce = ceShape === 2 || (ceShape === 1 && dom > cut / 2) || (!focus && random() < 0.5);
        if (focus && random() < 0.95) out.push(...linesOf(random, day, accountId, "focus"));
        if (ce && accountId !== "333333333333") out.push(...linesOf(random, day, accountId, "cost-explorer"));
      }
    }
  }
  return out;
}

/** The rule, written independently: per (account, day), which source counts. */
function expectedCounted(lines: readonly CostLine[]): CostLine[] {
  const focusLastDays = new Set(
    lines.filter((l) => l.source === "focus" && l.day === lastDay(monthOf(l.day))).map((l) => monthOf(l.day)),
  );
  const sourcesOf = new Map<string, Set<string>>();
  for (const l of lines) {
    const k = `${l.accountId}|${l.day}`;
    sourcesOf.set(k, (sourcesOf.get(k) ?? new Set()).add(l.source));
  }
  const focusMonths = new Set(lines.filter((l) => l.source === "focus").map((l) => `${l.accountId}|${monthOf(l.day)}`));
  return lines.filter((l) => {
    const month = monthOf(l.day);
    const complete = focusLastDays.has(month) && focusMonths.has(`${l.accountId}|${month}`);
    const present = sourcesOf.get(`${l.accountId}|${l.day}`) ?? new Set();
    const counted = complete ? "focus" : present.has("cost-explorer") ? "cost-explorer" : "focus";
    return l.source === counted;
  });
}

let opened: OpenedStore;
beforeEach(() => {
  opened = openSqliteStore(":memory:");
});
afterEach(() => opened.close());

const PERIOD = { from: "2026-07-01", to: "2026-10-01" };
const round2 = (n: number) => Math.round(n * 100) / 100;

async function check(stored: readonly CostLine[]) {
  const db = readDb(opened.store);
  const counted = expectedCounted(stored);
  const expectedTotal = round2(counted.reduce((s, l) => s + l.unblendedCostUsd, 0));
  for (const groupBy of ["day", "account", "source", "service"] as const) {
    const report = await costsBy(db, { period: PERIOD, groupBy });
    expect({ groupBy, total: round2(report.total.costUsd), lines: report.total.lines }).toEqual({
      groupBy,
      total: expectedTotal,
      lines: counted.length,
    });
  }
  // A month read from cost_monthly and a ragged period read from cost_daily agree too.
  const ragged = await costsBy(db, { period: { from: "2026-07-15", to: "2026-09-10" }, groupBy: "account" });
  const raggedExpected = counted.filter((l) => l.day >= "2026-07-15" && l.day < "2026-09-10");
  expect(round2(ragged.total.costUsd)).toBe(round2(raggedExpected.reduce((s, l) => s + l.unblendedCostUsd, 0)));
  // No (account, day) in the rollup from two sources.
  const doubled = opened.sqlite
    .prepare("SELECT day, account_id FROM cost_daily GROUP BY day, account_id HAVING count(DISTINCT source) > 1")
    .all();
  expect(doubled).toEqual([]);
  // The export counts the same lines.
  let exported = 0;
  let exportedLines = 0;
  const seen = new Map<string, string>();
  for await (const page of exportLinePages(db, PERIOD, 97)) {
    for (const l of page) {
      exported += l.unblendedCostUsd;
      exportedLines += 1;
      const k = `${l.accountId}|${l.day}`;
      expect(seen.get(k) ?? l.source).toBe(l.source);
      seen.set(k, l.source);
    }
  }
  expect([round2(exported), exportedLines]).toEqual([expectedTotal, counted.length]);
}

describe("no total counts an (account, day) from two sources", () => {
  it.each(Array.from({ length: 12 }, (_, i) => 1000 + i * 37))("generated dataset %i, then rewritten", async (seed) => {
    let stored = generate(seed);
    await upsertCostLines(opened.store, unestimated(stored), "2026-10-02T00:00:00Z");
    await check(stored);

    // Cost Explorer re-reads a window straddling two months: its lines there are replaced.
    const random = rng(seed + 1);
    const from = addDays("2026-07-20", Math.floor(random() * 20));
    const to = addDays(from, 5 + Math.floor(random() * 20));
    const reread = stored
      .filter((l) => l.source === "cost-explorer" && l.day >= from && l.day < to && random() < 0.8)
      .map((l) => ({ ...l, unblendedCostUsd: round2(l.unblendedCostUsd * 1.1) }));
    await replaceCostLines(opened.store, { from, to, source: "cost-explorer" }, unestimated(reread), "t2");
    stored = [...stored.filter((l) => !(l.source === "cost-explorer" && l.day >= from && l.day < to)), ...reread];
    await check(stored);

    // A FOCUS month taken out: Cost Explorer counts again there.
    const month = MONTHS[Math.floor(random() * MONTHS.length)] as string;
    const mFrom = firstDayOfMonth(month);
    const mTo = firstDayOfMonth(addMonths(month, 1));
    await replaceCostLines(opened.store, { from: mFrom, to: mTo, source: "focus" }, [], "t3");
    stored = stored.filter((l) => !(l.source === "focus" && l.day >= mFrom && l.day < mTo));
    await check(stored);
  });
});
