import { describe, expect, it } from "vitest";
import { EQUIVALENTS, equivalentsOf, roundForReading } from "../../reports/equivalents";
import { changeText, daysText, signedPercent } from "../../reports/monthly/build";
import { rankChanges } from "../../reports/monthly/facts";
import { renderText } from "../../reports/render/text";
import { pickMovers } from "../../reports/weekly/facts";
import { escapeHtml } from "../../src/format/escape-html";
import { fill } from "../../src/format/fill";
import { formatDay, formatMoney } from "../../src/format/numbers";
import { reportPeriod } from "../../src/jobs/report";
import { mondayOf } from "../../src/jobs/report-weekly-facts";

const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("French formats", () => {
  it.each([
    [1234.56, "EUR", `1${NNBSP}234,56${NBSP}€`],
    [0.5, "EUR", `0,50${NBSP}€`],
    [1234567.891, "EUR", `1${NNBSP}234${NNBSP}567,89${NBSP}€`],
  ] as const)("formatMoney(%s, %s) = %s", (amount, currency, expected) => {
    expect(formatMoney(amount, currency, "fr")).toBe(expected);
  });
  it("dates read 18 novembre 2026", () => {
    expect(formatDay("2026-11-18", "fr")).toBe("18 novembre 2026");
    expect(formatDay("2026-11-18", "en")).toBe("18 November 2026");
  });
  it.each([
    [110, 100, `+10,00${NBSP}€ (+10${NBSP}%)`],
    [90, 100, `−10,00${NBSP}€ (−10${NBSP}%)`],
    [5, 0, `+5,00${NBSP}€`],
    [100.001, 100, `+0,00${NBSP}€ (0${NBSP}%)`],
  ])("changeText(%s, %s)", (cur, prev, expected) => {
    expect(changeText(cur, prev, "EUR", "fr")).toBe(expected);
  });
  it("a change rounding to zero has no sign", () => {
    expect(signedPercent(-0.004, "fr")).toBe(`0${NBSP}%`);
    expect(signedPercent(0.126, "en")).toBe("+13%");
  });
});

describe("everyday equivalents", () => {
  it("every equivalent carries a source and a year", () => {
    for (const e of EQUIVALENTS) {
      expect(e.source).toMatch(/ADEME/);
      expect(e.year).toBeGreaterThanOrEqual(2020);
      expect(e.co2eGramsPerUnit).toBeGreaterThan(0);
    }
  });
  it("divides the mass by each factor, rounded for reading", () => {
    // 4 360 g: 4360 / 218 = 20 km by car; 4360 / 2.93 = 1488.05 -> 1 490 km by TGV;
    // 4360 / 7260 = 0.6005 -> 0.6 beef meals; 4360 / 510 = 8.549 -> 8.5 vegetarian meals.
    const lines = equivalentsOf(4360, "fr");
    expect(lines.map((l) => l.amountText)).toEqual(["20 km", `1${NNBSP}490 km`, "0,6", "8,5"]);
    // A tile reads label then figure: "repas végétariens 8,5", never "végétariens 8,5 repas".
    expect(lines.map((l) => l.unitText)).toEqual([
      "en voiture thermique",
      "en TGV",
      "repas avec du bœuf",
      "repas végétariens",
    ]);
    expect(equivalentsOf(4360, "en").map((l) => `${l.unitText}: ${l.amountText}`)).toEqual([
      "by petrol or diesel car: 20 km",
      "by TGV high-speed train: 1,490 km",
      "meals with beef: 0.6",
      "vegetarian meals: 8.5",
    ]);
    expect(lines[0]?.text).toBe("20 km en voiture thermique");
    // Below one meal, a fraction in words, never "0,6 repas avec du bœuf".
    expect(equivalentsOf(3630, "fr")[2]?.text).toBe("la moitié d'un repas avec du bœuf");
    expect(equivalentsOf(4800, "fr")[2]?.text).toBe("les deux tiers d'un repas avec du bœuf");
    expect(equivalentsOf(4800, "en")[2]?.text).toBe("two thirds of a meal with beef");
    expect(equivalentsOf(500, "fr")[2]?.text).toBe("moins d'un cinquième d'un repas avec du bœuf");
    expect(equivalentsOf(4360, "fr")[3]?.text).toBe("8,5 repas végétariens");
  });
  it.each([
    [1488.05, 1490, 0],
    [20, 20, 0],
    [8.549, 8.5, 1],
    [0.6005, 0.6, 2],
  ])("roundForReading(%s) = %s", (value, rounded, digits) => {
    expect(roundForReading(value)).toEqual({ value: rounded, digits });
  });
});

describe("periods", () => {
  it.each([
    ["2026-11-23", "2026-11-23"],
    ["2026-11-22", "2026-11-16"],
    ["2026-11-18", "2026-11-16"],
    ["2026-03-01", "2026-02-23"],
  ])("mondayOf(%s) = %s", (day, monday) => {
    expect(mondayOf(day)).toBe(monday);
  });
  it.each([
    ["monthly", "2026-11-03", undefined, "2026-10"],
    ["monthly", "2026-01-03", undefined, "2025-12"],
    ["monthly", "2026-11-03", "2026-08", "2026-08"],
    ["weekly", "2026-11-23", undefined, "2026-11-16"],
    ["weekly", "2026-11-25", "2026-11-04", "2026-11-02"],
  ] as const)("reportPeriod(%s, %s, %s) = %s", (kind, today, given, expected) => {
    expect(reportPeriod(kind, today, given)).toBe(expected);
  });
  it("refuses a malformed period", () => {
    expect(() => reportPeriod("monthly", "2026-11-03", "2026-13")).toThrow(/YYYY-MM/);
    expect(() => reportPeriod("weekly", "2026-11-03", "last week")).toThrow(/YYYY-MM-DD/);
  });
});

describe("changes and movers", () => {
  it("ranks pairs by the size of their change and attaches service spikes", () => {
    const changes = rankChanges(
      [
        { pipeline: "a", service: "S3", amount: 10 },
        { pipeline: "a", service: "EC2", amount: 50 },
        { pipeline: "b", service: "Lambda", amount: 30 },
        { pipeline: "b", service: "SES", amount: 1.5 },
      ],
      [
        { pipeline: "a", service: "S3", amount: 30 },
        { pipeline: "a", service: "EC2", amount: 45 },
        { pipeline: "b", service: "Lambda", amount: 5 },
        { pipeline: "b", service: "SES", amount: 1 },
        { pipeline: "c", service: "RDS", amount: 8 },
      ],
      [
        {
          dimension: "service",
          value: "Lambda",
          day: "2026-10-12",
          days: ["2026-10-12", "2026-10-13"],
          currency: "EUR",
          cost: 20,
          expected: 2,
          excess: 18,
        },
      ],
    );
    expect(changes.map((c) => [c.pipeline, c.service, c.delta])).toEqual([
      ["b", "Lambda", 25],
      ["a", "S3", -20],
      ["c", "RDS", -8],
    ]);
    expect(changes[0]?.spikeDays).toEqual(["2026-10-12", "2026-10-13"]);
    expect(changes[1]?.spikeDays).toEqual([]);
  });
  it("picks weekly movers above the threshold only", () => {
    const movers = pickMovers([
      { key: "EC2", cost: 10, previous: 4 },
      { key: "S3", cost: 5, previous: 5.5 },
      { key: "RDS", cost: 1, previous: 9 },
    ]);
    expect(movers.map((m) => [m.key, m.delta])).toEqual([
      ["RDS", -8],
      ["EC2", 6],
    ]);
  });
});

describe("rendering helpers", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("{a} et {b}", { a: 1 })).toBe("1 et {b}");
  });
  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  });
  it("aligns text tables and uses the French colon", () => {
    const text = renderText({
      kind: "weekly",
      period: "2026-11-16",
      lang: "fr",
      subject: "s",
      title: "T",
      subtitle: "st",
      provisional: false,
      footer: "f",
      blocks: [
        { kind: "figures", items: [{ label: "Total", value: "12,00 €" }] },
        {
          kind: "table",
          columns: ["Chaîne", "Coût"],
          rows: [
            ["web", "1,00 €"],
            ["températures", "10,00 €"],
          ],
        },
      ],
    });
    // A no-break space before the colon, so a line never starts with it.
    expect(text).toContain("Total\u00a0: 12,00 €");
    expect(text).toContain("Chaîne           Coût\nweb            1,00 €\ntempératures  10,00 €");
  });
});

describe("days in a sentence", () => {
  it.each([
    [["2026-10-12"], "fr", "12 octobre 2026"],
    [["2026-10-12", "2026-10-13"], "fr", "12 et 13 octobre 2026"],
    [["2026-10-12", "2026-10-13", "2026-10-14"], "en", "12, 13 and 14 October 2026"],
    [["2026-10-31", "2026-11-01"], "fr", "31 octobre 2026 et 1er novembre 2026"],
  ] as const)("daysText(%j, %s) = %s", (days, lang, expected) => {
    expect(daysText([...days], lang)).toBe(expected);
  });
});
