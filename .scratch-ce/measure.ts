import { demoLikeRecords } from "../test/helpers/cost-explorer-dataset";
import { harness } from "../test/helpers/cost-explorer-harness";
import { startFakeCostExplorer } from "../test/helpers/fake-cost-explorer";
const records = demoLikeRecords({ from: "2025-06-01", to: "2026-07-20" });
console.log("records", records.length);
for (const pageSize of [500, 1000, 2000, 5000, 100000]) {
  const fake = await startFakeCostExplorer({ dataset: { records, estimated: (d) => d >= "2026-06-01" }, pageSize });
  const h = harness(fake, "2026-07-15T06:00:00Z");
  const t = Date.now();
  const b = await h.run();
  const ms = Date.now() - t;
  h.clock.now = new Date("2026-07-16T06:00:00Z");
  const d1 = await h.run(); // June not final yet: June + trailing
  fake.setDataset({ records, estimated: (d) => d >= "2026-07-01" });
  h.clock.now = new Date("2026-07-16T18:00:00Z");
  await h.run();
  h.clock.now = new Date("2026-07-17T06:00:00Z");
  const d2 = await h.run(); // trailing only
  const lines = (h.opened.sqlite.prepare("select count(*) n from cost_lines").get() as any).n;
  console.log(`pageSize ${pageSize}: backfill ${b.window.from}..${b.window.to} ${b.requests} req $${b.requestCostUsd} (${ms} ms, ${b.rowsWritten} rows) | daily w/ prev month ${d1.requests} req | daily trailing ${d2.requests} req | lines ${lines}`);
  h.opened.close(); await fake.close();
}
