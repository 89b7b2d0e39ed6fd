/**
 * Reconciliation of two sources over one account and month, with a difference over 1%: the
 * services that explain it are named, on the data health page and by `cairn sources` (the real
 * executable), in French and English; `cairn sources --remove-focus` takes the month out.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../src/days";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { sourceComparisons } from "../../src/store/read/reconciliation";
import { readDb } from "../../src/store/store";
import { runCairn } from "../helpers/cli";
import { line, unestimated } from "../helpers/lines";

let dir: string;
let db: string;
const ACCOUNT = "111111111111";

/** September of one account from both sources: S3 and Lambda agree; the export bills 40 more for RDS. */
function month(source: CostLine["source"]): CostLine[] {
  const out: CostLine[] = [];
  for (let d = 0; d < 30; d++) {
    const day = addDays("2026-09-01", d);
    out.push(line({ day, accountId: ACCOUNT, source, service: "AWS Lambda", usageType: "L", unblendedCostUsd: 2 }));
    out.push(
      line({
        day,
        accountId: ACCOUNT,
        source,
        service: "Amazon Simple Storage Service",
        usageType: "S",
        unblendedCostUsd: 1,
      }),
    );
    out.push(
      line({
        day,
        accountId: ACCOUNT,
        source,
        service: "Amazon Relational Database Service",
        usageType: "R",
        unblendedCostUsd: source === "focus" && d < 10 ? 7 : 3,
      }),
    );
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cairn-sources-cli-"));
  db = join(dir, "cairn.db");
  const opened = openSqliteStore(db);
  await upsertCostLines(
    opened.store,
    unestimated([...month("cost-explorer"), ...month("focus")]),
    "2026-10-05T00:00:00Z",
  );
  opened.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cairn = (args: string[], locale = "en") =>
  runCairn(args, { cwd: dir, env: { CAIRN_DB: db, CAIRN_LOCALE: locale } });

describe("cairn sources", () => {
  it("flags a difference over 1% with the services that explain it", async () => {
    const opened = openSqliteStore(db);
    try {
      const [c] = await sourceComparisons(readDb(opened.store));
      // Cost Explorer: 30 × 6 = 180; FOCUS: 180 + 10 × 4 = 220.
      expect(c).toMatchObject({
        accountId: ACCOUNT,
        month: "2026-09",
        first: { source: "focus", costUsd: 220, days: 30 },
        second: { source: "cost-explorer", costUsd: 180, days: 30 },
        differenceUsd: 40,
        flagged: true,
        countedSource: "focus",
        services: [{ service: "Amazon Relational Database Service", firstUsd: 130, secondUsd: 90, differenceUsd: 40 }],
      });
      expect(c?.differencePercent).toBeCloseTo((40 / 180) * 100, 9);
    } finally {
      opened.close();
    }
  });

  it("prints the same table as the data health page, in English and French", () => {
    const en = cairn(["sources"]);
    expect(en.stderr).toBe("");
    expect(en.status).toBe(0);
    expect(en.stdout).toContain("Sources compared");
    expect(en.stdout).toMatch(
      /111111111111\s+September 2026\s+focus US\$220\.00\s+cost-explorer US\$180\.00\s+\+US\$40\.00 \(\+22\.22\u00a0%\) !\s+focus\s+Amazon Relational Database Service \+US\$40\.00/,
    );
    const fr = cairn(["sources"], "fr");
    expect(fr.status).toBe(0);
    expect(fr.stdout).toContain("Sources comparées");
    expect(fr.stdout).toContain("septembre 2026");
    expect(fr.stdout).toContain("+22,22\u00a0%");
  }, 180_000);

  it("refuses a malformed month, then removes the FOCUS month so Cost Explorer counts again", () => {
    const bad = cairn(["sources", "--remove-focus", "2026-9"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--remove-focus must be a month YYYY-MM");
    const removed = cairn(["sources", "--remove-focus", "2026-09"]);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain("Removed 90 FOCUS cost line(s) of September 2026");
    const after = cairn(["sources", "--json"]);
    const body = JSON.parse(after.stdout) as {
      sources: { source: string; countedCostUsd: number }[];
      comparisons: unknown[];
    };
    expect(body.comparisons).toEqual([]);
    expect(body.sources).toEqual([expect.objectContaining({ source: "cost-explorer", countedCostUsd: 180 })]);
  }, 180_000);
});
