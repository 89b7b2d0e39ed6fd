/**
 * `cairn collect --source athena`: the months of --from/--to read on Athena, what each query
 * scanned and cost printed with the month's spending against the cap; a run the cap stops exits
 * with the reason; without the settings, it says which to set.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { athenaCostUsd } from "../../collectors/athena/cost";
import { collectCommand } from "../../src/cli/collect";
import type { CliContext } from "../../src/cli/command";
import { loadConfig } from "../../src/config";
import type { CostLine } from "../../src/model";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { type AthenaHarness, focusMonth, OUTPUT, startAthenaHarness, TABLE } from "../helpers/athena-harness";

let harness: AthenaHarness;
let opened: OpenedStore;
beforeEach(async () => {
  harness = await startAthenaHarness([...focusMonth("2026-06"), ...focusMonth("2026-07").slice(0, 50)]);
  opened = openSqliteStore(":memory:");
});
afterEach(async () => {
  opened.close();
  await harness.close();
});

function context(env: Record<string, string>) {
  const out: string[] = [];
  const ctx: CliContext = {
    config: loadConfig({ CAIRN_DB: ":memory:", ...env }),
    openStore: () => opened.store,
    now: () => new Date("2026-07-15T06:00:00Z"),
    out: (t) => out.push(t),
    err: () => undefined,
    interactive: false,
    services: {
      athena: () => harness.clients,
      costExplorer: () => {
        throw new Error("Cost Explorer was asked");
      },
      cloudWatch: () => {
        throw new Error("CloudWatch was asked");
      },
      estimate: (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null })),
      jobHandlers: () => ({}),
    } as unknown as CliContext["services"],
  };
  return { ctx, out };
}

const configured = { CAIRN_ATHENA_TABLE: TABLE, CAIRN_ATHENA_OUTPUT: OUTPUT, CAIRN_ATHENA_WORKGROUP: "cairn" };

describe("cairn collect --source athena", () => {
  it("reads the months asked on Athena and prints bytes scanned, cost and the month's spending", async () => {
    const { ctx, out } = context(configured);
    expect(await collectCommand.run(ctx, { source: "athena", from: "2026-06-01", to: "2026-07-15" }, [])).toBe(0);
    expect(harness.fake.queries.map((q) => [q.workgroup, q.partitions])).toEqual([
      ["cairn", ["2026-06"]],
      ["cairn", ["2026-07"]],
    ]);
    expect(out[0]).toMatch(/^Athena 2026-06: \d+ groups read, 0\.0 MB scanned \(\$0\.000048\)$/);
    expect(out).toContain(
      `Athena: ${(opened.sqlite.prepare("SELECT count(*) AS n FROM cost_lines").get() as { n: number }).n} cost lines written`,
    );
    expect(out.at(-1)).toMatch(
      /^Athena this month: 2 queries, 0\.0 MB scanned, \$0\.000095 of CAIRN_ATHENA_MAX_USD \$5\.00$/,
    );
  });

  it("fails with the cap's reason when the month's spending leaves no room", async () => {
    const { ctx } = context({ ...configured, CAIRN_ATHENA_MAX_USD: String(athenaCostUsd(0) / 2) });
    await expect(collectCommand.run(ctx, { source: "athena" }, [])).rejects.toThrow(/would pass CAIRN_ATHENA_MAX_USD/);
    expect(harness.fake.queries).toHaveLength(0);
  });

  it("--source all leaves Cost Explorer out when Athena collects the costs, and says so", async () => {
    const { ctx, out } = context(configured);
    expect(await collectCommand.run(ctx, { source: "all", from: "2026-07-01", to: "2026-07-15" }, [])).toBe(0);
    expect(out[0]).toBe(
      "Cost Explorer: off: Athena collects the costs from the FOCUS export (CAIRN_ATHENA_TABLE); set CAIRN_CE_WITH_ATHENA=1 to run Cost Explorer too",
    );
    expect(harness.fake.queries.map((q) => q.partitions)).toEqual([["2026-07"]]);
    // Asked by name, it runs (here: the stand-in client that refuses to be asked).
    await expect(collectCommand.run(ctx, { source: "cost-explorer" }, [])).rejects.toThrow("Cost Explorer was asked");
  });

  it("says which settings to set when Athena is not configured", async () => {
    const { ctx } = context({});
    await expect(collectCommand.run(ctx, { source: "athena" }, [])).rejects.toThrow(
      /set CAIRN_ATHENA_TABLE and CAIRN_ATHENA_OUTPUT/,
    );
  });
});
