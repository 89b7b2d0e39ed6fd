/**
 * Tuning advice: what to change, the evidence for it, what was assumed, and what it would save
 * a month in money and CO2e. Every rule is a pure function of the stored metrics and estimated
 * cost lines of a window ending (exclusive) at `asOf`.
 */
import type { Day, MetricDay } from "../../model";
import type { EstimatedLine } from "../../store/cost-lines";

export type FindingKind =
  | "ec2-idle"
  | "ec2-underused"
  | "aurora-min-capacity"
  | "lambda-growth"
  | "s3-colder-class"
  | "region-move"
  | "nat-idle"
  | "ipv4-idle"
  | "ipv4-attached"
  | "ebs-gp2"
  | "ebs-unattached"
  | "snapshots-growing"
  | "s3-rarely-read";

export type Confidence = "high" | "medium" | "low";

/** A line group the finding rests on: which usage type, where, on how many days, for how much. */
export interface EvidenceLines {
  accountId: string;
  region: string;
  usageType: string;
  firstDay: string;
  lastDay: string;
  days: number;
  costUsd: number;
}

export interface Finding {
  kind: FindingKind;
  /** Instance id, cluster, function, bucket or pipeline. */
  resource: string;
  region: string;
  /** What to do, in a sentence. */
  action: string;
  /** Measured facts, each a sentence with its figures. */
  evidence: string[];
  /** What the saving takes for granted. */
  assumptions: string[];
  /** The same action, evidence and assumptions in French (commands and AWS names as they are). */
  fr?: { action: string; evidence: string[]; assumptions: string[] };
  monthlySavingUsd: number;
  monthlySavingCo2eGrams: number;
  /**
   * The fields below are filled for every finding by `advise()` (./complete.ts gives the older
   * rules theirs): a stable id for its life (open, snoozed, done...), the account, the range of
   * the saving, how sure Cairn is, the exact action, and the usage types whose cost should fall.
   */
  id?: string;
  accountId?: string;
  confidence?: Confidence;
  savingRange?: { lowUsd: number; highUsd: number; lowCo2eGrams: number; highCo2eGrams: number };
  /** An AWS CLI command or a console path, with placeholders in <angle brackets>. */
  command?: string;
  usageTypes?: string[];
  lines?: EvidenceLines[];
}

export type CompleteFinding = Required<Omit<Finding, "lines" | "fr">> & Pick<Finding, "lines" | "fr">;

export interface AdviceInput {
  /** First day after the window (exclusive end). */
  asOf: Day;
  /** Metrics and lines of the 28 days before `asOf` (the Lambda rule compares two fortnights). */
  metrics: readonly MetricDay[];
  lines: readonly EstimatedLine[];
}

/** A month, for turning a window's figures into monthly ones. */
export const DAYS_PER_MONTH = 30;
/** The window most rules judge on. */
export const WINDOW_DAYS = 14;

export const round2 = (n: number) => Math.round(n * 100) / 100;
export const pct = (n: number) => `${(Math.round(n * 10) / 10).toFixed(1)}%`;
export const kg = (grams: number) => `${(grams / 1000).toFixed(grams < 10_000 ? 2 : 1)} kg CO2e`;
/** Dollars with 2 decimals, or more for unit prices under a dollar. */
export const usd = (n: number, digits = 2) =>
  `$${n.toFixed(n !== 0 && Math.abs(n) < 0.1 ? Math.max(digits, 4) : digits)}`;
/** Grams with 2 significant digits under 10 g. */
export const grams = (g: number) => `${g >= 10 ? Math.round(g) : Number(g.toPrecision(2))} g`;

/** Cost and operational CO2e (location-based, plus embodied) of a set of lines, with their usage. */
export interface LineTotals {
  costUsd: number;
  co2eGrams: number;
  usage: number;
}

export function totals(lines: readonly EstimatedLine[]): LineTotals {
  let costUsd = 0;
  let co2eGrams = 0;
  let usage = 0;
  for (const { line, footprint } of lines) {
    costUsd += line.unblendedCostUsd;
    usage += line.usageAmount;
    if (footprint) co2eGrams += footprint.co2eGrams + footprint.embodiedCo2eGrams;
  }
  return { costUsd, co2eGrams, usage };
}
