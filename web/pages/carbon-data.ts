/**
 * What the carbon page shows, gathered from the carbon read models: 13 months of CO2e, the chosen
 * period's totals by service, region and pipeline, its coverage, and the region what-if. Also the
 * coverage of a filtered cost selection, for the cost explorer's total line.
 */

import type { Reconciliation } from "../../src/carbon/calibrate";
import { type PipelineWhatIf, regionWhatIf, WHAT_IF_REGIONS } from "../../src/carbon/what-if";
import { monthsEndingAt } from "../../src/charts/carbon-charts";
import { addDays, addMonths, firstDayOfMonth, isValidDay, monthOf, toDay } from "../../src/days";
import type { CarbonCoverage, Month, Period } from "../../src/model";
import {
  type CarbonGroupRow,
  type CarbonMonthRow,
  type CarbonTotalsRow,
  carbonBy,
  carbonByMonth,
  carbonCoverage,
  carbonTotals,
} from "../../src/store/read/carbon";
import { awsReconciliation, calibratedCarbon } from "../../src/store/read/carbon-aws";
import { type CarbonCosts, carbonCostsInCurrency } from "../../src/store/read/carbon-costs";
import { whatIfInputs } from "../../src/store/read/carbon-what-if";
import { BadParameter } from "../api/params";
import type { WebDeps } from "../deps";

export const CARBON_MONTHS = 13;
const PARAMS = ["from", "to"] as const;

/** `from` and `to` (UTC days, `to` exclusive); default: the current month so far. */
export function parseCarbonQuery(query: Record<string, string>, now: Date): Period {
  for (const name of Object.keys(query)) {
    if (!(PARAMS as readonly string[]).includes(name)) {
      throw new BadParameter(name, `unknown parameter; expected one of ${PARAMS.join(", ")}`);
    }
  }
  for (const name of PARAMS) {
    const value = query[name];
    if (value !== undefined && !isValidDay(value))
      throw new BadParameter(name, "must be a date YYYY-MM-DD", "dateInvalid");
  }
  const today = toDay(now);
  const from = query.from ?? firstDayOfMonth(monthOf(today));
  const to = query.to ?? addDays(today, 1);
  if (from >= to) throw new BadParameter("to", `must be after from (${from}); to is exclusive`, "toNotAfterFrom");
  return { from, to };
}

export interface CarbonPageData {
  period: Period;
  /** The 13 months of the monthly chart, oldest first, ending with the current month. */
  months: Month[];
  byMonth: CarbonMonthRow[];
  totals: CarbonTotalsRow;
  coverage: CarbonCoverage;
  byService: CarbonGroupRow[];
  byRegion: CarbonGroupRow[];
  byPipeline: CarbonGroupRow[];
  whatIf: PipelineWhatIf[];
  whatIfRegions: readonly string[];
  /** AWS's imported figures beside Cairn's, for the 13 months (empty when none imported). */
  reconciliation: Reconciliation[];
  /** Set with CAIRN_CARBON_CALIBRATION=aws: the share of the period's CO2e that is AWS's figure. */
  calibratedShare: number | null;
  /** The tables' cost column, in the display currency (USD when a month has no rate). */
  costs: CarbonCosts;
}

export async function loadCarbon(deps: WebDeps, period: Period): Promise<CarbonPageData> {
  const store = deps.store;
  const current = monthOf(toDay(deps.now()));
  const months = monthsEndingAt(current, CARBON_MONTHS);
  const monthsPeriod = { from: firstDayOfMonth(months[0] ?? current), to: firstDayOfMonth(addMonths(current, 1)) };
  const [byMonth, totals, coverage, byService, byRegion, byPipeline, inputs] = await Promise.all([
    carbonByMonth(store, monthsPeriod),
    carbonTotals(store, period),
    carbonCoverage(store, period),
    carbonBy(store, period, "service"),
    carbonBy(store, period, "region"),
    carbonBy(store, period, "pipeline"),
    whatIfInputs(store, period),
  ]);
  const reconciliation = await awsReconciliation(store, monthsPeriod);
  const costs = await carbonCostsInCurrency(store, period, deps.config.CAIRN_CURRENCY);
  const calibrated =
    deps.config.CAIRN_CARBON_CALIBRATION === "aws" ? await calibratedCarbon(store, period, monthsPeriod) : null;
  if (calibrated) {
    return {
      period,
      months,
      byMonth: calibrated.byMonth,
      totals: calibrated.totals,
      coverage,
      byService: calibrated.byService,
      byRegion: calibrated.byRegion,
      byPipeline: calibrated.byPipeline,
      whatIf: regionWhatIf(inputs, WHAT_IF_REGIONS),
      whatIfRegions: WHAT_IF_REGIONS,
      reconciliation,
      calibratedShare: calibrated.calibratedShare,
      costs,
    };
  }
  return {
    period,
    months,
    byMonth,
    totals,
    coverage,
    byService,
    byRegion,
    byPipeline,
    whatIf: regionWhatIf(inputs, WHAT_IF_REGIONS),
    whatIfRegions: WHAT_IF_REGIONS,
    reconciliation,
    calibratedShare: null,
    costs,
  };
}
