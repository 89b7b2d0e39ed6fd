/**
 * A FOCUS import that reads for longer than a run lease keeps its run alive: a collection
 * started meanwhile (which closes runs whose lease ran out as "interrupted") must not close it.
 * The import's clock is the test's: each progress call moves it on by two minutes, so the
 * import "reads" for far longer than the five-minute lease.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, it } from "vitest";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { closeAbandonedRuns } from "../../src/store/runs";
import { useFocusImportFixture } from "../helpers/focus-import-fixture";
import { focusCsv, focusRow } from "../helpers/focus-rows";

const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));
const fx = useFocusImportFixture("cairn-focus-lease");

it("renews its run's lease while it reads, so a collection started meanwhile does not close it", async () => {
  // About 6,000 rows: the file streams in many chunks, each one a progress call.
  const rows = Array.from({ length: 6000 }, (_, i) =>
    focusRow({
      BilledCost: "0.01",
      ResourceId: `i-${i}`,
      ChargePeriodStart: `2026-01-${String((i % 28) + 1).padStart(2, "0")}T00:00:00Z`,
    }),
  );
  const path = join(fx.dir, "export.csv");
  await writeFile(path, focusCsv(rows));

  let clock = new Date("2026-03-10T12:00:00Z").getTime();
  const closedDuringImport: number[] = [];
  const pending: Promise<void>[] = [];
  const summary = await importFocus(
    {
      store: fx.opened.store,
      now: () => new Date(clock),
      estimate,
      onProgress: () => {
        clock += 2 * 60_000;
        // Another process starts a collection now: it closes runs whose lease ran out.
        pending.push(closeAbandonedRuns(fx.opened.store, new Date(clock)).then((n) => void closedDuringImport.push(n)));
      },
    },
    { target: path, pipelineTag: "pipeline", maxErrors: 0 },
  );
  await Promise.all(pending);

  expect(summary.status).toBe("succeeded");
  // The file really did read for longer than a lease (five minutes) by the import's clock.
  expect(closedDuringImport.length).toBeGreaterThan(4);
  expect(closedDuringImport.every((n) => n === 0)).toBe(true);
  const run = fx.opened.sqlite.prepare("select status, error from collection_runs where source = 'focus'").get();
  expect(run).toEqual({ status: "succeeded", error: null });
});
