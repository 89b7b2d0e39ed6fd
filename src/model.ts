/**
 * Domain types shared by every layer. Nothing here does I/O or imports anything.
 * Units are in the names: costUsd, energyKwh, co2eGrams; days are UTC `YYYY-MM-DD` strings.
 */

/** A UTC calendar day, `YYYY-MM-DD`. */
export type Day = string;

/** A UTC calendar month, `YYYY-MM`. */
export type Month = string;

/** A half-open range of days: `from` inclusive, `to` exclusive. */
export interface Period {
  from: Day;
  to: Day;
}

/** Where a cost line came from. */
export type CostSource = "cost-explorer" | "focus" | "demo" | "import";
export const COST_SOURCES: readonly CostSource[] = ["cost-explorer", "focus", "demo", "import"];

/**
 * One day of one usage type of one service, in one account and region, for one pipeline tag
 * value. This is the unit every collector produces and every view aggregates.
 */
export interface CostLine {
  day: Day;
  accountId: string;
  service: string;
  /** AWS region code (`eu-west-3`), or `global` for charges with no region. */
  region: string;
  usageType: string;
  /** Value of the pipeline tag; the empty string for untagged spend. */
  pipeline: string;
  unblendedCostUsd: number;
  amortizedCostUsd: number;
  usageAmount: number;
  usageUnit: string;
  /** True while AWS may still restate the figure (open month, recent days). */
  estimated: boolean;
  source: CostSource;
}

/** The dimensions a cost view can be grouped by. */
export type GroupBy = "day" | "service" | "region" | "pipeline" | "account" | "source";
export const GROUP_BYS: readonly GroupBy[] = ["day", "service", "region", "pipeline", "account", "source"];

/** How an estimate was obtained: every carbon figure carries one. */
export type EstimateMethod =
  | "measured-utilisation"
  | "default-utilisation"
  | "instance-table"
  | "coefficient"
  | "cost-ratio"
  | "excluded";

/** What kind of physical resource a usage line consumes. */
export type UsageClass =
  | "compute"
  | "gpu"
  | "memory"
  | "storage"
  | "network"
  | "serverless"
  | "cost-ratio"
  | "excluded";

/**
 * How much of the cost has a physical carbon estimate, a cost-ratio proxy, is excluded (tax,
 * fees, credits) or has no footprint yet. Costs are absolute values (a credit counts as excluded
 * spend, not as a negative); shares are 0..1 of `totalCostUsd` (0 when there is no cost).
 */
export interface CarbonCoverage {
  totalCostUsd: number;
  physicalCostUsd: number;
  proxyCostUsd: number;
  excludedCostUsd: number;
  unestimatedCostUsd: number;
  physicalShare: number;
  proxyShare: number;
  excludedShare: number;
  unestimatedShare: number;
  /** Physical share of the cost that is not excluded: the figure the dashboard headlines. */
  physicalShareOfIncluded: number;
}

/** Energy and emissions estimated for one cost line. */
export interface Footprint {
  usageClass: UsageClass;
  method: EstimateMethod;
  /** Name and version of the factor set, e.g. `cairn-2026`. */
  factorSet: string;
  energyKwh: number;
  cpuKwh: number;
  memoryKwh: number;
  storageKwh: number;
  networkKwh: number;
  gpuKwh: number;
  /** Location-based, scope 2 (energy x grid intensity). */
  co2eGrams: number;
  /** Market-based, scope 2. */
  marketCo2eGrams: number;
  /** Manufacturing share, scope 3; never turned into kWh. */
  embodiedCo2eGrams: number;
  /**
   * The range of the estimate: every uncertain input (utilisation, redundancy, network
   * coefficient, grid year-to-year spread) at its low or high bound; low <= central <= high.
   * CO2e bounds are location-based like `co2eGrams`.
   */
  energyKwhLow: number;
  energyKwhHigh: number;
  co2eGramsLow: number;
  co2eGramsHigh: number;
  /** Why this class and method were chosen, in a sentence. */
  reason: string;
  /** The fallback taken when a factor was missing (a region, an instance type), if any. */
  fallback: string | null;
  /** CPU utilisation used (0..1), when the method depends on one. */
  utilisation: number | null;
}

export type Currency = "USD" | "EUR";
export type Locale = "fr" | "en";

export type BudgetPeriodKind = "month" | "year" | "custom";
export type BudgetScopeKind = "all" | "pipeline" | "service" | "account";

/** A threshold: a share of the budget (1 = 100%), on actual spend or on the forecast. */
export interface BudgetThreshold {
  kind: "actual" | "forecast";
  ratio: number;
}

export interface Budget {
  name: string;
  amount: number;
  currency: Currency;
  periodKind: BudgetPeriodKind;
  /** For custom periods only: the budget's own range. */
  customPeriod: Period | null;
  scopeKind: BudgetScopeKind;
  /** The pipeline, service or account id; empty for `all`. */
  scopeValue: string;
  thresholds: BudgetThreshold[];
}

/**
 * One day of one CloudWatch metric for one resource in one region: the day's datapoints
 * (hourly, or the one daily value of S3 storage) folded into an average, the lowest and highest
 * datapoint, their sum, how many there were and how many sat at the day's minimum.
 */
export interface MetricDay {
  day: Day;
  region: string;
  namespace: string;
  metricName: string;
  stat: string;
  /** `Name=Value` pairs sorted by name, joined with `;`. */
  dimensions: string;
  resourceId: string;
  instanceType: string | null;
  unit: string;
  average: number;
  minimum: number;
  maximum: number;
  sum: number;
  samples: number;
  samplesAtMinimum: number;
  /** CloudWatch answered PartialData for it and the gap was not filled. */
  partial: boolean;
}
