import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS, DEMO_PRICES, DEMO_REGION_PREFIXES, generateDemoLines } from "../../collectors/demo/index";
import { PROBE_GB_PER_YEAR, PROBE_OBJECT_BYTES } from "../../collectors/demo/series-temperatures";
import { addDays, eachDay, monthOf } from "../../src/days";
import type { CostLine } from "../../src/model";

const TODAY = "2026-03-15";
const lines = generateDemoLines({ today: TODAY });
const usageLines = lines.filter((l) => l.service !== "Tax");
const taxLines = lines.filter((l) => l.service === "Tax");

const key = (l: CostLine) => [l.day, l.accountId, l.service, l.region, l.usageType, l.pipeline].join("|");

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function monthTotal(all: readonly CostLine[], month: string): number {
  return all.filter((l) => monthOf(l.day) === month).reduce((s, l) => s + l.unblendedCostUsd, 0);
}

describe("generateDemoLines: determinism", () => {
  it("gives identical lines for the same day", () => {
    expect(generateDemoLines({ today: TODAY })).toEqual(lines);
  });

  it("only extends when today moves on within the month (estimated figures aside)", () => {
    const later = generateDemoLines({ today: "2026-03-22" });
    const laterByKey = new Map(later.map((l) => [key(l), l]));
    const changed = lines.filter((line) => {
      const again = laterByKey.get(key(line));
      if (!again) return true;
      if (line.service === "Tax" && monthOf(line.day) === "2026-03") return false; // taxed month-to-date
      // An estimated line may lose its flag later; its figures stay.
      const same = { ...again, estimated: line.estimated };
      return JSON.stringify(same) !== JSON.stringify(line) || (!line.estimated && again.estimated);
    });
    expect(changed.map(key)).toEqual([]);
    expect(later.length).toBeGreaterThan(lines.length);
  });

  it("keeps the natural key unique", () => {
    expect(new Set(lines.map(key)).size).toBe(lines.length);
  });
});

describe("generateDemoLines: coverage", () => {
  it("covers 14 months, from the 1st thirteen months back to yesterday, every day", () => {
    const days = new Set(lines.map((l) => l.day));
    expect([...days].sort()[0]).toBe("2025-02-01");
    expect([...days].sort().at(-1)).toBe("2026-03-14");
    for (const day of eachDay("2025-02-01", TODAY)) expect(days.has(day), day).toBe(true);
    expect(new Set(lines.map((l) => monthOf(l.day))).size).toBe(14);
    expect(days.has(TODAY)).toBe(false);
  });

  it("has no open month on the 1st and ends with the previous month", () => {
    const onFirst = generateDemoLines({ today: "2026-04-01" });
    const days = onFirst.map((l) => l.day).sort();
    expect(days[0]).toBe("2025-03-01");
    expect(days.at(-1)).toBe("2026-03-31");
  });

  it("uses both accounts, the three pipelines plus untagged, and the expected regions and services", () => {
    expect(new Set(lines.map((l) => l.accountId))).toEqual(new Set(DEMO_ACCOUNTS.map((a) => a.accountId)));
    expect(new Set(lines.map((l) => l.pipeline))).toEqual(new Set(["temperatures", "camera-traps", "website", ""]));
    expect(new Set(lines.map((l) => l.region))).toEqual(
      new Set(["eu-west-3", "eu-west-1", "eu-north-1", "us-east-1", "global"]),
    );
    expect(new Set(lines.map((l) => l.service))).toEqual(
      new Set([
        "AWS Lambda",
        "AWS Step Functions",
        "Amazon Simple Storage Service",
        "Amazon Relational Database Service",
        "Amazon Elastic Compute Cloud - Compute",
        "EC2 - Other",
        "Amazon Elastic Container Service",
        "AmazonCloudWatch",
        "Amazon Simple Email Service",
        "AWS Data Transfer",
        "Tax",
      ]),
    );
    expect(lines.filter((l) => l.source !== "demo")).toEqual([]);
  });

  it("marks the open month and the last three days estimated, nothing older", () => {
    const wrong = lines.filter((l) => l.estimated !== (monthOf(l.day) === "2026-03" || l.day >= addDays(TODAY, -3)));
    expect(wrong.map(key)).toEqual([]);
    expect(lines.some((l) => l.estimated)).toBe(true);
    const earlyInMonth = generateDemoLines({ today: "2026-03-02" });
    expect(earlyInMonth.filter((l) => l.day === "2026-02-27").every((l) => l.estimated)).toBe(true);
    expect(earlyInMonth.filter((l) => l.day === "2026-02-26").some((l) => l.estimated)).toBe(false);
  });
});

describe("generateDemoLines: prices and units", () => {
  const prices = new Map(DEMO_PRICES.map((p) => [`${p.service}|${p.usageType}`, p]));

  it("prices every usage line as usage x unit price, in the unit of its usage type", () => {
    const wrong = usageLines.filter((l) => {
      const price = prices.get(`${l.service}|${l.usageType}`);
      return (
        !price ||
        l.usageUnit !== price.usageUnit ||
        !(Math.abs(l.unblendedCostUsd - l.usageAmount * price.unitPriceUsd) < 1e-9) ||
        l.amortizedCostUsd !== l.unblendedCostUsd
      );
    });
    expect(wrong.map(key)).toEqual([]);
  });

  it("matches hand-computed lines", () => {
    // Two website tasks of 0.25 vCPU all day: 12 vCPU-hours at $0.04656.
    const fargate = usageLines.find(
      (l) => l.day === "2026-01-10" && l.pipeline === "website" && l.usageType === "EUW3-Fargate-vCPU-Hours:perCPU",
    );
    expect(fargate?.usageAmount).toBe(12);
    expect(fargate?.unblendedCostUsd).toBeCloseTo(0.55872, 10);
    // The forgotten 200 GB gp2 volume: 200/31 GB-Mo a day in January at $0.116.
    const gp2 = usageLines.find((l) => l.day === "2026-01-10" && l.usageType === "EUW3-EBS:VolumeUsage.gp2");
    expect(gp2?.usageAmount).toBe(6.451613);
    expect(gp2?.unblendedCostUsd).toBeCloseTo(0.748387108, 9);
    expect(gp2?.usageUnit).toBe("GB-Mo");
  });

  it("gives every usage type the prefix of its region", () => {
    const others = Object.values(DEMO_REGION_PREFIXES).filter((p) => p !== "");
    const wrong = usageLines.filter((l) => {
      const prefix = DEMO_REGION_PREFIXES[l.region];
      if (prefix === undefined) return true;
      return prefix ? !l.usageType.startsWith(prefix) : others.some((p) => l.usageType.startsWith(p));
    });
    expect(wrong.map(key)).toEqual([]);
    expect(usageLines.some((l) => l.region === "us-east-1")).toBe(true);
  });

  it("has no NaN, infinite or negative figure, and no empty line", () => {
    const wrong = lines.filter(
      (l) =>
        ![l.unblendedCostUsd, l.amortizedCostUsd, l.usageAmount].every((n) => Number.isFinite(n) && n >= 0) ||
        !(l.unblendedCostUsd > 0),
    );
    expect(wrong.map(key)).toEqual([]);
  });

  it("rounds usage to 1e-6 and cost to 1e-10", () => {
    const wrong = lines.filter(
      (l) =>
        !(Math.abs(l.usageAmount * 1e6 - Math.round(l.usageAmount * 1e6)) < 1e-3) ||
        !(Math.abs(l.unblendedCostUsd * 1e10 - Math.round(l.unblendedCostUsd * 1e10)) < 1e-2),
    );
    expect(wrong.map(key)).toEqual([]);
  });
});

describe("generateDemoLines: tax", () => {
  it("books 20% VAT per account on the 1st of each month, global, without usage", () => {
    expect(taxLines.length).toBe(14 * 2);
    for (const t of taxLines) {
      expect(t.day.endsWith("-01")).toBe(true);
      expect(t).toMatchObject({ region: "global", usageType: "Tax", usageUnit: "N/A", usageAmount: 0, pipeline: "" });
      const taxable = usageLines
        .filter((l) => l.accountId === t.accountId && monthOf(l.day) === monthOf(t.day))
        .reduce((s, l) => s + l.unblendedCostUsd, 0);
      expect(t.unblendedCostUsd).toBeCloseTo(taxable * 0.2, 6);
    }
  });
});

describe("generateDemoLines: story", () => {
  it("shows the runaway Lambda loop on the 12th and 13th of last month, > 3x the median", () => {
    const series = usageLines.filter((l) => l.pipeline === "temperatures" && l.usageType === "EUW3-Lambda-GB-Second");
    const med = median(series.map((l) => l.unblendedCostUsd));
    const loop = series.filter((l) => l.unblendedCostUsd > 3 * med).map((l) => l.day);
    expect(loop).toEqual(["2026-02-12", "2026-02-13"]);
    // It stands out in the day's Lambda total too.
    const lambdaByDay = new Map<string, number>();
    for (const l of usageLines.filter((x) => x.service === "AWS Lambda")) {
      lambdaByDay.set(l.day, (lambdaByDay.get(l.day) ?? 0) + l.unblendedCostUsd);
    }
    const lambdaMedian = median([...lambdaByDay.values()]);
    expect(lambdaByDay.get("2026-02-12")).toBeGreaterThan(3 * lambdaMedian);
  });

  it("runs GPU spot instances only in the June-September season, and summer costs more", () => {
    const gpu = usageLines.filter((l) => l.usageType === "EUW3-SpotUsage:g4dn.xlarge");
    expect(gpu.length).toBeGreaterThan(100);
    for (const l of gpu) expect(["06", "07", "08", "09"]).toContain(l.day.slice(5, 7));
    expect(monthTotal(lines, "2025-07")).toBeGreaterThan(monthTotal(lines, "2025-11") * 1.25);
  });

  it("stays within a small organisation's budget: 250-650 USD for every closed month", () => {
    for (let m = 2; m <= 14; m++) {
      const month = monthOf(addDays("2025-01-15", 31 * (m - 1)));
      if (month >= "2026-03") break;
      const total = monthTotal(lines, month);
      expect(total, month).toBeGreaterThan(250);
      expect(total, month).toBeLessThan(650);
    }
  });

  it("starts the sandbox NAT gateway on the 20th of last month", () => {
    const nat = usageLines.filter((l) => l.usageType === "EUW3-NatGateway-Hours").map((l) => l.day);
    expect(nat[0]).toBe("2026-02-20");
    expect(nat.every((d) => d >= "2026-02-20")).toBe(true);
  });
});

describe("generateDemoLines: the probes' data is the size their uploads write", () => {
  const temps = (usageType: string) =>
    usageLines.filter(
      (l) =>
        l.pipeline === "temperatures" && l.service === "Amazon Simple Storage Service" && l.usageType === usageType,
    );
  const monthGb = (usageType: string, month: string) =>
    temps(usageType)
      .filter((l) => monthOf(l.day) === month)
      .reduce((s, l) => s + l.usageAmount, 0);

  it("grows the raw bucket by what 9,000 objects of 4 kB a day add, and replicates the same bytes", () => {
    // The uploads of a year: median daily PUTs (the loop days aside) x 4 kB x 365 = 13.1 GB.
    const puts = temps("EUW3-Requests-Tier1").map((l) => l.usageAmount);
    const yearGb = (median(puts) * PROBE_OBJECT_BYTES * 365) / 1e9;
    expect(yearGb).toBeCloseTo(PROBE_GB_PER_YEAR, 0);
    // GB-months of February 2026 against February 2025: one year of uploads apart.
    const growth = monthGb("EUW3-TimedStorage-ByteHrs", "2026-02") - monthGb("EUW3-TimedStorage-ByteHrs", "2025-02");
    expect(growth).toBeGreaterThan(yearGb * 0.95);
    expect(growth).toBeLessThan(yearGb * 1.05);
    // The Ireland replica holds the same bytes (a few hours behind), and the month's replication
    // transfer is the month's new bytes.
    const source = monthGb("EUW3-TimedStorage-ByteHrs", "2026-02");
    const replica = monthGb("EU-TimedStorage-SIA-ByteHrs", "2026-02");
    expect(source - replica).toBeGreaterThan(0);
    expect(source - replica).toBeLessThan(1);
    const transferred = temps("EUW3-EU-AWS-Out-Bytes")
      .filter((l) => monthOf(l.day) === "2026-02")
      .reduce((s, l) => s + l.usageAmount, 0);
    expect(transferred).toBeCloseTo((yearGb * 28) / 365, 0);
    // Around a hundred GB in all: a probe network's raw readings, not a photo archive.
    expect(source).toBeGreaterThan(50);
    expect(source).toBeLessThan(150);
  });
});
