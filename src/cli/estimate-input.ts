/**
 * Reads usage lines for `cairn estimate FILE` from CSV or JSON. Columns (any case, `_` or `-`
 * ignored): day, service (Cost Explorer or FOCUS names), region, usageType, usageAmount,
 * usageUnit, optional cost, account and pipeline; FOCUS spellings are accepted too (ChargePeriodStart,
 * ServiceName, RegionId, x_UsageType, ConsumedQuantity, ConsumedUnit, BilledCost). Other columns
 * are ignored. Every problem is reported with its line (CSV) or item (JSON) number.
 */
import { CsvFileError, csvRecordsOfText } from "../../collectors/csv-records";
import type { CostLine } from "../model";

type Field = "day" | "service" | "region" | "usageType" | "usageAmount" | "usageUnit" | "cost" | "account" | "pipeline";

const ALIASES: Readonly<Record<string, Field>> = {
  day: "day",
  date: "day",
  chargeperiodstart: "day",
  usagestartdate: "day",
  service: "service",
  servicename: "service",
  region: "region",
  regionid: "region",
  regioncode: "region",
  usagetype: "usageType",
  xusagetype: "usageType",
  usageamount: "usageAmount",
  usagequantity: "usageAmount",
  consumedquantity: "usageAmount",
  usageunit: "usageUnit",
  unit: "usageUnit",
  consumedunit: "usageUnit",
  cost: "cost",
  costusd: "cost",
  unblendedcost: "cost",
  unblendedcostusd: "cost",
  billedcost: "cost",
  account: "account",
  accountid: "account",
  subaccountid: "account",
  pipeline: "pipeline",
};

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "InputError";
  }
}

const MAX_PROBLEMS = 20;

const normal = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

function toLine(get: (f: Field) => unknown, where: string, problems: string[]): CostLine | null {
  const text = (f: Field) => {
    const v = get(f);
    return v === undefined || v === null ? "" : String(v).trim();
  };
  const mine: string[] = [];
  const rawDay = text("day");
  const day = rawDay.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    mine.push(`day must be YYYY-MM-DD, got ${JSON.stringify(rawDay)}`);
  }
  const service = text("service");
  if (!service) mine.push("service is empty");
  const usageType = text("usageType");
  if (!usageType) mine.push("usageType is empty");
  const usageUnit = text("usageUnit");
  if (!usageUnit) mine.push("usageUnit is empty");
  const amountText = text("usageAmount");
  const usageAmount = Number(amountText);
  if (amountText === "" || !Number.isFinite(usageAmount))
    mine.push(`usageAmount must be a number, got ${JSON.stringify(amountText)}`);
  const costText = text("cost");
  const cost = costText === "" ? 0 : Number(costText);
  if (!Number.isFinite(cost)) mine.push(`cost must be a number, got ${JSON.stringify(costText)}`);
  if (mine.length > 0) {
    problems.push(`${where}: ${mine.join("; ")}`);
    return null;
  }
  return {
    day,
    accountId: text("account"),
    service,
    region: text("region") || "global",
    usageType,
    pipeline: text("pipeline"),
    unblendedCostUsd: cost,
    amortizedCostUsd: cost,
    usageAmount,
    usageUnit,
    estimated: false,
    source: "import",
  };
}

/** RFC 4180 records, each with the (1-based) line it starts on, by the one CSV reader. */
function readCsv(text: string): { lineNo: number; cells: string[] }[] {
  try {
    return csvRecordsOfText(text).map((r) => ({ lineNo: r.line, cells: r.fields }));
  } catch (error) {
    if (error instanceof CsvFileError) throw new InputError([error.message]);
    throw error;
  }
}

function fromCsv(text: string): CostLine[] {
  const records = readCsv(text);
  const head = records[0];
  if (!head) throw new InputError(["line 1: the file is empty"]);
  const columns = new Map<Field, number>();
  head.cells.forEach((h, i) => {
    const f = ALIASES[normal(h)];
    if (f && !columns.has(f)) columns.set(f, i);
  });
  const missing = (["day", "service", "usageType", "usageAmount", "usageUnit"] as Field[]).filter(
    (f) => !columns.has(f),
  );
  if (missing.length) throw new InputError([`line ${head.lineNo}: missing column(s) ${missing.join(", ")}`]);
  const problems: string[] = [];
  const lines: CostLine[] = [];
  for (const r of records.slice(1)) {
    const l = toLine(
      (f) => (columns.has(f) ? r.cells[columns.get(f) as number] : undefined),
      `line ${r.lineNo}`,
      problems,
    );
    if (l) lines.push(l);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length) throw new InputError(problems);
  return lines;
}

function fromJson(text: string): CostLine[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError([`not valid JSON: ${(error as Error).message}`]);
  }
  const items = Array.isArray(data) ? data : (data as { lines?: unknown })?.lines;
  if (!Array.isArray(items)) throw new InputError(['JSON input must be an array of objects (or {"lines": [...]})']);
  const problems: string[] = [];
  const lines: CostLine[] = [];
  items.forEach((item, i) => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (typeof item !== "object" || item === null) {
      problems.push(`item ${i + 1}: not an object`);
      return;
    }
    const byField = new Map<Field, unknown>();
    for (const [k, v] of Object.entries(item)) {
      const f = ALIASES[normal(k)];
      if (f && !byField.has(f)) byField.set(f, v);
    }
    const l = toLine((f) => byField.get(f), `item ${i + 1}`, problems);
    if (l) lines.push(l);
  });
  if (problems.length) throw new InputError(problems);
  return lines;
}

/** JSON when the name ends in .json or the text starts with `[` or `{`; CSV otherwise. */
export function parseUsageFile(name: string, text: string): CostLine[] {
  const t = text.replace(/^\uFEFF/, "").trimStart();
  return name.toLowerCase().endsWith(".json") || t.startsWith("[") || t.startsWith("{") ? fromJson(t) : fromCsv(text);
}
