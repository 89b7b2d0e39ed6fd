/**
 * AWS's carbon emissions export, built from the documented columns (Data Exports user guide,
 * "Carbon emissions columns"), imported as CSV and as Parquet, locally and from an S3 on
 * 127.0.0.1: each month replaced whole (twice is once), bad rows named with file and line.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { S3Client } from "@aws-sdk/client-s3";
import { parquetWriteBuffer } from "hyparquet-writer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importCarbonExport, isCarbonExportTarget } from "../../src/jobs/import-carbon-export";
import { readAwsCarbon } from "../../src/store/aws-carbon";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { startFakeS3 } from "../helpers/fake-s3";

const HEADER = [
  "last_refresh_timestamp",
  "location",
  "model_version",
  "payer_account_id",
  "usage_account_id",
  "product_code",
  "region_code",
  "total_lbm_emissions_value",
  "total_lbm_emissions_unit",
  "total_mbm_emissions_value",
  "total_mbm_emissions_unit",
  "usage_period_start",
  "usage_period_end",
];

type Row = Record<(typeof HEADER)[number], string>;

const row = (
  month: string,
  product: string,
  region: string,
  lbm: string,
  mbm: string,
  refresh = "2026-03-21T00:00:00Z",
): Row => ({
  last_refresh_timestamp: refresh,
  location: region === "" ? "Global" : "EU (Paris)",
  model_version: "v3.0.0",
  payer_account_id: "999999999999",
  usage_account_id: "111111111111",
  product_code: product,
  region_code: region,
  total_lbm_emissions_value: lbm,
  total_lbm_emissions_unit: "MTCO2e",
  total_mbm_emissions_value: mbm,
  total_mbm_emissions_unit: "MTCO2e",
  usage_period_start: `${month}-01T00:00:00Z`,
  usage_period_end: `${month}-28T00:00:00Z`,
});

const ROWS: Row[] = [
  row("2026-01", "AmazonEC2", "eu-west-3", "0.0012", "0.0001"),
  row("2026-01", "AmazonS3", "eu-west-1", "0.0030", "0"),
  row("2026-02", "AmazonEC2", "eu-west-3", "0.0010", "0.0001"),
  row("2026-02", "AWSLambda", "", "0.0002", "0"),
];

const csv = (rows: Row[]) =>
  [HEADER.join(","), ...rows.map((r) => HEADER.map((h) => r[h]).join(","))].join("\n") + "\n";

function parquet(rows: Row[]): ArrayBuffer {
  const text = (h: string) => ({ name: h, data: rows.map((r) => r[h] as string), type: "STRING" as const });
  const num = (h: string) => ({ name: h, data: rows.map((r) => Number(r[h])), type: "DOUBLE" as const });
  const time = (h: string) => ({
    name: h,
    data: rows.map((r) => new Date(r[h] as string)),
    type: "TIMESTAMP" as const,
  });
  return parquetWriteBuffer({
    columnData: [
      time("last_refresh_timestamp"),
      text("location"),
      text("model_version"),
      text("payer_account_id"),
      text("usage_account_id"),
      text("product_code"),
      text("region_code"),
      num("total_lbm_emissions_value"),
      text("total_lbm_emissions_unit"),
      num("total_mbm_emissions_value"),
      text("total_mbm_emissions_unit"),
      time("usage_period_start"),
      time("usage_period_end"),
    ],
    rowGroupSize: 2,
  });
}

let dir: string;
let opened: OpenedStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cairn-carbon-export-"));
  opened = openSqliteStore(":memory:");
});
afterEach(() => {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const now = () => new Date("2026-03-25T08:00:00Z");
const write = (name: string, body: string | ArrayBuffer) => {
  const path = join(dir, name);
  writeFileSync(path, typeof body === "string" ? body : Buffer.from(body));
  return path;
};

/** Grams by month, location and market, from what is stored. */
async function stored() {
  const figures = await readAwsCarbon(opened.store, "2026-01", "2026-12");
  const byMonth = new Map<string, [number, number, number]>();
  for (const f of figures) {
    const m = byMonth.get(f.month) ?? [0, 0, 0];
    byMonth.set(f.month, [m[0] + f.locationCo2eGrams, m[1] + f.marketCo2eGrams, m[2] + 1]);
  }
  return Object.fromEntries(
    [...byMonth].map(([k, [l, m, n]]) => [k, { l: Math.round(l * 1000) / 1000, m: Math.round(m * 1000) / 1000, n }]),
  );
}

// January: 0.0012 + 0.0030 t = 4,200 g location, 100 g market; February: 1,200 g and 100 g.
const EXPECTED = { "2026-01": { l: 4200, m: 100, n: 2 }, "2026-02": { l: 1200, m: 100, n: 2 } };

describe("import of AWS's carbon emissions export", () => {
  it("reads a CSV twice: nothing doubled; a refresh replaces its month whole", async () => {
    const path = write("carbon-2026.csv", csv(ROWS));
    expect(await isCarbonExportTarget(path)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const s = await importCarbonExport({ store: opened.store, now }, { target: path, maxErrors: 0 });
      expect(s.status).toBe("ok");
      expect(s.files).toEqual([{ file: path, rows: 4, badRows: 0 }]);
    }
    expect(await stored()).toEqual(EXPECTED);
    // AWS restates February only: February is replaced, January stays.
    const refresh = write(
      "carbon-feb.csv",
      csv([row("2026-02", "AmazonEC2", "eu-west-3", "0.0020", "0", "2026-04-21T00:00:00Z")]),
    );
    await importCarbonExport({ store: opened.store, now }, { target: refresh, maxErrors: 0 });
    expect(await stored()).toEqual({ "2026-01": EXPECTED["2026-01"], "2026-02": { l: 2000, m: 0, n: 1 } });
  });

  it("reads Parquet (typed columns) twice, like CSV", async () => {
    const path = write("carbon-00001.snappy.parquet", parquet(ROWS));
    expect(await isCarbonExportTarget(path)).toBe(true);
    await importCarbonExport({ store: opened.store, now }, { target: path, maxErrors: 0 });
    await importCarbonExport({ store: opened.store, now }, { target: path, maxErrors: 0 });
    expect(await stored()).toEqual(EXPECTED);
    const figures = await readAwsCarbon(opened.store, "2026-02", "2026-03");
    expect(figures.find((f) => f.productCode === "AWSLambda")?.regionCode).toBe("global");
  });

  it("names bad rows with file and line, and writes nothing past the limit", async () => {
    const bad = [...ROWS];
    bad[2] = { ...ROWS[2], total_lbm_emissions_value: "n/a" } as Row;
    const path = write("bad.csv", csv(bad));
    const refused = await importCarbonExport({ store: opened.store, now }, { target: path, maxErrors: 0 });
    expect(refused.status).toBe("failed");
    expect(refused.errors[0]).toEqual({
      file: path,
      unit: "line",
      position: 4,
      message: 'total_lbm_emissions_value is not a number ("n/a")',
    });
    expect(await stored()).toEqual({});
    const tolerated = await importCarbonExport({ store: opened.store, now }, { target: path, maxErrors: 1 });
    expect(tolerated.status).toBe("ok");
    expect((await stored())["2026-02"]?.n).toBe(1);
  });

  it("is told apart from a FOCUS file", async () => {
    const focus = write("focus.csv", "BilledCost,ChargePeriodStart,ServiceName\n1,2026-01-01,AWS Lambda\n");
    expect(await isCarbonExportTarget(focus)).toBe(false);
  });

  it("reads s3:// (CSV streamed, Parquet through a temporary file)", async () => {
    const s3 = await startFakeS3();
    const client = new S3Client({
      endpoint: s3.endpoint,
      forcePathStyle: true,
      region: "eu-west-3",
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" },
    });
    try {
      s3.put("exports", "carbon/data/jan.csv", csv(ROWS.slice(0, 2)), new Date("2026-03-21T00:00:00Z"));
      s3.put(
        "exports",
        "carbon/data/feb.parquet",
        Buffer.from(parquet(ROWS.slice(2))),
        new Date("2026-03-21T00:00:00Z"),
      );
      const target = "s3://exports/carbon/data/";
      expect(await isCarbonExportTarget(target, client)).toBe(true);
      for (let i = 0; i < 2; i++) {
        const s = await importCarbonExport({ store: opened.store, now, s3: client }, { target, maxErrors: 0 });
        expect(s.status).toBe("ok");
      }
      expect(await stored()).toEqual(EXPECTED);
    } finally {
      client.destroy();
      await s3.close();
    }
  });
});
