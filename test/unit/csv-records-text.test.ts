import { describe, expect, it } from "vitest";
import { CsvFileError, csvRecordBatches, csvRecordsOfText } from "../../collectors/csv-records";

async function streamed(text: string): Promise<{ fields: string[]; line: number }[]> {
  const out: { fields: string[]; line: number }[] = [];
  async function* one() {
    yield text;
  }
  for await (const batch of csvRecordBatches(one())) out.push(...batch);
  return out;
}

describe("csvRecordsOfText: the in-memory face of the one CSV reader", () => {
  it("reads quotes, doubled quotes, line breaks inside quotes and a BOM like the stream", async () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\n\n"two\nlines",z\n';
    const whole = csvRecordsOfText(text);
    expect(whole).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["x, y", 'say "hi"'], line: 2 },
      { fields: ["two\nlines", "z"], line: 4 },
    ]);
    expect(whole).toEqual(await streamed(text));
  });

  it("accepts a last record without a line break (a file typed by hand)", () => {
    expect(csvRecordsOfText("a,b\n1,2")).toEqual([
      { fields: ["a", "b"], line: 1 },
      { fields: ["1", "2"], line: 2 },
    ]);
  });

  it("refuses a quote that is never closed, naming its line", () => {
    expect(() => csvRecordsOfText('a,b\n1,"2\n3,4\n')).toThrow(CsvFileError);
    expect(() => csvRecordsOfText('a,b\n1,"2\n3,4\n')).toThrow(/line 2: a quoted field is not closed/);
  });
});
