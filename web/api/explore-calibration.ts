/**
 * The explorer's query with CAIRN_CARBON_CALIBRATION=aws applied: the calibration of the period's
 * months, so the CO2e of every row (page, JSON and CSV alike) is calibrated to AWS's figures.
 */

import { loadCalibration } from "../../src/store/read/carbon-calibration";
import type { ExploreQuery } from "../../src/store/read/cost-explorer";
import type { WebDeps } from "../deps";

export async function withCalibration<Q extends ExploreQuery>(deps: WebDeps, query: Q): Promise<Q> {
  const calibration = await loadCalibration(deps.store, deps.config.CAIRN_CARBON_CALIBRATION, query.period);
  return calibration ? { ...query, calibration } : query;
}
