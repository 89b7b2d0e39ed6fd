import { describe, expect, it } from "vitest";
import { athenaCostUsd, billedBytes } from "../../collectors/athena/cost";
import { periodsOf } from "../../collectors/athena/sql";
import { ConfigError, loadConfig } from "../../src/config";
import { trailingPeriods } from "../../src/jobs/collect-athena";

describe("Athena settings", () => {
  it("take a Glue database.table, an s3:// output, a workgroup and a monthly cap", () => {
    const c = loadConfig({
      CAIRN_ATHENA_TABLE: "cur.focus_export",
      CAIRN_ATHENA_OUTPUT: "s3://results-bucket/athena/",
    });
    expect([c.CAIRN_ATHENA_TABLE, c.CAIRN_ATHENA_OUTPUT, c.CAIRN_ATHENA_WORKGROUP, c.CAIRN_ATHENA_MAX_USD]).toEqual([
      "cur.focus_export",
      "s3://results-bucket/athena/",
      "primary",
      5,
    ]);
  });

  it("refuse a table that is not database.table, an output that is not s3://, and one without the other", () => {
    expect(() =>
      loadConfig({ CAIRN_ATHENA_TABLE: "focus_export; DROP", CAIRN_ATHENA_OUTPUT: "s3://results-bucket/p/" }),
    ).toThrow(/CAIRN_ATHENA_TABLE.*database\.table/);
    expect(() => loadConfig({ CAIRN_ATHENA_TABLE: "cur.focus", CAIRN_ATHENA_OUTPUT: "/tmp/results" })).toThrow(
      /CAIRN_ATHENA_OUTPUT.*s3:\/\//,
    );
    expect(() => loadConfig({ CAIRN_ATHENA_TABLE: "cur.focus" })).toThrow(ConfigError);
    expect(() => loadConfig({ CAIRN_ATHENA_OUTPUT: "s3://results-bucket/p/" })).toThrow(/CAIRN_ATHENA_TABLE/);
    expect(() => loadConfig({ CAIRN_ATHENA_MAX_USD: "-1" })).toThrow(/CAIRN_ATHENA_MAX_USD/);
  });
});

describe("what an Athena query costs", () => {
  const MB = 1024 * 1024;
  it("is $5 per TB scanned, each query rounded up to the MB with a 10 MB minimum", () => {
    expect(billedBytes(0)).toBe(10 * MB);
    expect(billedBytes(3 * MB)).toBe(10 * MB);
    expect(billedBytes(10 * MB + 1)).toBe(11 * MB);
    expect(athenaCostUsd(1024 ** 4)).toBe(5);
    expect(athenaCostUsd(0)).toBeCloseTo((10 * MB * 5) / 1024 ** 4, 15);
  });
});

describe("the periods a collection and a view read", () => {
  it("re-read the open month, and the previous one while its lines are estimates (through the 5th)", () => {
    expect(trailingPeriods(new Date("2026-03-05T23:00:00Z"))).toEqual(["2026-02", "2026-03"]);
    expect(trailingPeriods(new Date("2026-03-06T00:00:00Z"))).toEqual(["2026-03"]);
    expect(trailingPeriods(new Date("2026-01-02T05:15:00Z"))).toEqual(["2025-12", "2026-01"]);
  });

  it("name the months a range of days overlaps, to exclusive", () => {
    expect(periodsOf("2026-01-10", "2026-02-20")).toEqual(["2026-01", "2026-02"]);
    expect(periodsOf("2026-02-01", "2026-03-01")).toEqual(["2026-02"]);
    expect(periodsOf("2025-12-31", "2026-01-02")).toEqual(["2025-12", "2026-01"]);
  });
});
