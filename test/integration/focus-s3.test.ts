/**
 * `cairn import s3://bucket/prefix/` against an S3 on 127.0.0.1 speaking the REST XML protocol:
 * every page is listed, only folders with something new are read the second time, and of two
 * version folders of one billing period only the newer counts.
 */
import { gzipSync } from "node:zlib";
import { S3Client } from "@aws-sdk/client-s3";
import { asc, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importFocus } from "../../src/jobs/import-focus";
import type { CostLine } from "../../src/model";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { costLines } from "../../src/store/schema/index";
import { type FakeS3, startFakeS3 } from "../helpers/fake-s3";
import { focusCsv, focusRow } from "../helpers/focus-rows";

const estimate = (lines: CostLine[]) => lines.map((line) => ({ line, footprint: null }));
const BUCKET = "billing";
const PREFIX = "focus/cairn-export/data/";

let s3: FakeS3;
let client: S3Client;
let opened: OpenedStore;
beforeEach(async () => {
  s3 = await startFakeS3({ pageSize: 2 });
  client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: "eu-west-3",
    credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "secret" },
  });
  opened = openSqliteStore(":memory:");
});
afterEach(async () => {
  client.destroy();
  opened.close();
  await s3.close();
});

const run = () =>
  importFocus(
    { store: opened.store, now: () => new Date("2026-03-10T12:00:00Z"), estimate, s3: client },
    { target: `s3://${BUCKET}/${PREFIX}`, pipelineTag: "pipeline", maxErrors: 0 },
  );

const month = (m: string, cost: string, extra: Partial<ReturnType<typeof focusRow>> = {}) =>
  focusRow({
    BilledCost: cost,
    BillingPeriodStart: `${m}-01T00:00:00Z`,
    ChargePeriodStart: `${m}-10T00:00:00Z`,
    ...extra,
  });

function monthly() {
  return opened.store.db
    .select({
      month: sql<string>`substr(${costLines.day}, 1, 7)`,
      cost: sql<number>`round(sum(${costLines.unblendedCostUsd}), 6)`,
    })
    .from(costLines)
    .groupBy(sql`1`)
    .orderBy(asc(sql`1`))
    .all();
}

const gets = () => s3.requests.filter((r) => r.operation === "GetObject").map((r) => r.key);

describe("FOCUS import from S3", () => {
  it("reads every file the first time and only folders with new files afterwards", async () => {
    const t0 = new Date("2026-02-02T06:00:00Z");
    s3.put(
      BUCKET,
      `${PREFIX}BILLING_PERIOD=2026-01/cairn-export-00001.csv.gz`,
      gzipSync(focusCsv([month("2026-01", "3")])),
      t0,
    );
    s3.put(
      BUCKET,
      `${PREFIX}BILLING_PERIOD=2026-01/cairn-export-00002.csv.gz`,
      gzipSync(focusCsv([month("2026-01", "4", { ServiceName: "Amazon S3" })])),
      t0,
    );
    s3.put(BUCKET, `${PREFIX}BILLING_PERIOD=2026-02/cairn-export-00001.csv`, focusCsv([month("2026-02", "10")]), t0);
    s3.put(BUCKET, `${PREFIX}BILLING_PERIOD=2026-02/cairn-export-Manifest.json`, "{}", t0);
    s3.put(BUCKET, "elsewhere/other.csv", focusCsv([month("2026-02", "1000")]), t0);

    const first = await run();
    expect(first.status).toBe("succeeded");
    expect(gets().sort()).toEqual([
      `${PREFIX}BILLING_PERIOD=2026-01/cairn-export-00001.csv.gz`,
      `${PREFIX}BILLING_PERIOD=2026-01/cairn-export-00002.csv.gz`,
      `${PREFIX}BILLING_PERIOD=2026-02/cairn-export-00001.csv`,
    ]);
    // Four objects under the prefix, two per page.
    expect(s3.requests.filter((r) => r.operation === "ListObjectsV2")).toHaveLength(2);
    expect(monthly()).toEqual([
      { month: "2026-01", cost: 7 },
      { month: "2026-02", cost: 10 },
    ]);

    s3.requests.length = 0;
    const second = await run();
    expect(gets()).toEqual([]);
    expect(second.unchangedFiles).toBe(3);
    expect(second.files).toEqual([]);
    expect(monthly()).toEqual([
      { month: "2026-01", cost: 7 },
      { month: "2026-02", cost: 10 },
    ]);

    // AWS rewrites February's file: only February's folder is read again, and it replaces February.
    s3.requests.length = 0;
    s3.put(
      BUCKET,
      `${PREFIX}BILLING_PERIOD=2026-02/cairn-export-00001.csv`,
      focusCsv([month("2026-02", "12")]),
      new Date("2026-02-03T06:00:00Z"),
    );
    const third = await run();
    expect(gets()).toEqual([`${PREFIX}BILLING_PERIOD=2026-02/cairn-export-00001.csv`]);
    expect(third.unchangedFiles).toBe(2);
    expect(monthly()).toEqual([
      { month: "2026-01", cost: 7 },
      { month: "2026-02", cost: 12 },
    ]);
  });

  it("reads only the newest version folder of a billing period", async () => {
    s3.put(
      BUCKET,
      `${PREFIX}BILLING_PERIOD=2026-01/20260201T0600/part-00001.csv`,
      focusCsv([month("2026-01", "3")]),
      new Date("2026-02-01T06:00:00Z"),
    );
    s3.put(
      BUCKET,
      `${PREFIX}BILLING_PERIOD=2026-01/20260202T0600/part-00001.csv`,
      focusCsv([month("2026-01", "5")]),
      new Date("2026-02-02T06:00:00Z"),
    );
    const summary = await run();
    expect(summary.supersededFiles).toBe(1);
    expect(gets()).toEqual([`${PREFIX}BILLING_PERIOD=2026-01/20260202T0600/part-00001.csv`]);
    expect(monthly()).toEqual([{ month: "2026-01", cost: 5 }]);
  });
});
