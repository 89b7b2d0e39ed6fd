/** The pure parts of the FOCUS reader: CSV records across chunk boundaries, cell values, file plans. */
import { describe, expect, it } from "vitest";
import { CsvFileError, csvRecordBatches } from "../../collectors/csv-records";
import { type FocusObject, fileVersionKey, planFiles } from "../../collectors/focus/plan-files";
import { dayOf, numberOf, tagValue, textOf } from "../../collectors/focus/values";

async function records(chunks: string[], maxRecordChars?: number) {
  async function* source() {
    yield* chunks;
  }
  const out: { fields: string[]; line: number }[] = [];
  const options = { wanted: null, ...(maxRecordChars === undefined ? {} : { maxRecordChars }) };
  for await (const batch of csvRecordBatches(source(), options)) out.push(...batch);
  return out;
}

describe("csvRecordBatches", () => {
  const text = 'a,b,c\r\n1,"x, ""quoted""",3\n2,"line\nbreak",\n\n4,,"last"\r';
  const expected = [
    { fields: ["a", "b", "c"], line: 1 },
    { fields: ["1", 'x, "quoted"', "3"], line: 2 },
    { fields: ["2", "line\nbreak", ""], line: 3 },
    { fields: ["4", "", "last"], line: 6 },
  ];

  it("reads quotes, doubled quotes, line breaks in fields, CRLF and a last line ended by a lone CR", async () => {
    expect(await records([text])).toEqual(expected);
  });

  it("gives the same records whatever the chunk boundaries", async () => {
    for (let size = 1; size <= 7; size++) {
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      expect(await records(chunks)).toEqual(expected);
    }
  });

  it("refuses a file whose last record has no line break (truncated), whatever the chunks", async () => {
    for (const cut of ["a,b\n1,2\n3,", 'a,b\n1,2\n3,"unfinished', "a,b\n1,2\n34"]) {
      for (const size of [1, 3, 64]) {
        const chunks: string[] = [];
        for (let i = 0; i < cut.length; i += size) chunks.push(cut.slice(i, i + size));
        const error = await records(chunks).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CsvFileError);
        expect((error as CsvFileError).line).toBe(3);
        expect((error as Error).message).toMatch(/ends in the middle of the record at line 3.*truncated/);
      }
    }
  });

  it("refuses a record longer than the cap, at the line it starts, without reading on", async () => {
    const long = `a,b\n1,2\n"${"x".repeat(5000)}`;
    const chunks: string[] = [];
    for (let i = 0; i < long.length; i += 100) chunks.push(long.slice(i, i + 100));
    let pulled = 0;
    async function* source() {
      for (const c of chunks) {
        pulled++;
        yield c;
      }
      yield ",2\n";
    }
    const error = await (async () => {
      for await (const _ of csvRecordBatches(source(), { wanted: null, maxRecordChars: 1000 }));
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as Error).message).toBe(
      "line 3: a record longer than 1,000 characters: not a FOCUS export, or a damaged file",
    );
    expect(pulled).toBeLessThan(15);
  });

  it("drops a byte-order mark", async () => {
    expect(await records(["\uFEFFa,b\n1,2\n"])).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
    ]);
  });
});

describe("FOCUS cell values", () => {
  it.each([
    ["2024-09-01 00:00:00", "2024-09-01"],
    ["2024-09-30T23:00:00Z", "2024-09-30"],
    ["2024-09-30T23:00:00.000+00:00", "2024-09-30"],
    ["2024-09-30T23:30:00-02:00", "2024-10-01"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29 00:00:00", undefined],
    ["yesterday", undefined],
    ["NULL", null],
    ["", null],
  ])("dayOf(%j) is %j", (input, day) => {
    expect(dayOf(input)).toBe(day);
  });

  it("reads Parquet timestamps", () => {
    expect(dayOf(new Date("2026-01-05T23:59:59Z"))).toBe("2026-01-05");
  });

  it.each([
    ["0.00000080000", 0.0000008],
    ["-1.5", -1.5],
    ["1e-3", 0.001],
    [2.5, 2.5],
    ["NULL", null],
    ["12,5", undefined],
    ["abc", undefined],
  ])("numberOf(%j) is %j", (input, value) => {
    expect(numberOf(input)).toBe(value);
  });

  it("reads Parquet INT64 values (bigint)", () => {
    expect(numberOf(BigInt(7))).toBe(7);
  });

  it("keeps account ids as strings with their leading zeros", () => {
    expect(textOf(" 011111111111 ")).toBe("011111111111");
  });

  it.each([
    ['{"pipeline": "temperatures", "env": "prod"}', "temperatures"],
    ['{"user:pipeline": "camera-traps"}', "camera-traps"],
    ['{"env": "prod"}', ""],
    ["not json but mentions pipeline", ""],
    [{ pipeline: "website" }, "website"],
    [[{ key: "pipeline", value: "website" }], "website"],
    [null, ""],
  ])("tagValue(%j) is %j", (tags, value) => {
    expect(tagValue(tags, "pipeline")).toBe(value);
  });
});

describe("planFiles", () => {
  const at = (h: number) => new Date(Date.UTC(2026, 1, 1, h));
  const obj = (name: string, etag: string, hour: number): FocusObject => ({
    name,
    dir: name.slice(0, name.lastIndexOf("/")),
    etag,
    sizeBytes: 10,
    lastModified: at(hour),
  });
  const jan1 = obj("s3://b/x/BILLING_PERIOD=2026-01/part-1.csv.gz", "e1", 1);
  const jan2 = obj("s3://b/x/BILLING_PERIOD=2026-01/part-2.csv.gz", "e2", 1);
  const feb = obj("s3://b/x/BILLING_PERIOD=2026-02/part-1.parquet", "e3", 2);
  const manifest = obj("s3://b/x/BILLING_PERIOD=2026-02/Manifest.json", "e4", 2);

  it("reads everything the first time, data files only", () => {
    expect(planFiles([jan1, jan2, feb, manifest], new Set()).read).toEqual([jan1, jan2, feb]);
  });

  it("re-reads the whole folder of a changed file, and only it", () => {
    const seen = new Set([
      fileVersionKey(jan1.name, "e1"),
      fileVersionKey(jan2.name, "e2"),
      fileVersionKey(feb.name, "old"),
    ]);
    const plan = planFiles([jan1, jan2, feb], seen);
    expect(plan.read).toEqual([feb]);
    expect(plan.unchanged).toEqual([jan1, jan2]);
  });

  it("keeps only the newest version folder of a billing period", () => {
    const v1 = obj("s3://b/x/BILLING_PERIOD=2026-01/v1/part-1.csv", "a", 1);
    const v2 = obj("s3://b/x/BILLING_PERIOD=2026-01/v2/part-1.csv", "b", 5);
    const plan = planFiles([v2, v1], new Set());
    expect(plan.read).toEqual([v2]);
    expect(plan.superseded).toEqual([v1]);
  });
});
