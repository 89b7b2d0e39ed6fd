import type { Config } from "../config";

/** The collector's settings from the configuration, for the CLI and the scheduler alike. */
export function collectArgsFromConfig(config: Config) {
  return {
    pipelineTag: config.CAIRN_PIPELINE_TAG,
    maxRequestsPerMonth: config.CAIRN_CE_MAX_REQUESTS,
    backfillMonths: config.CAIRN_BACKFILL_MONTHS,
    trailingDays: config.CAIRN_TRAILING_DAYS,
    resources: config.CAIRN_CE_RESOURCES,
  };
}
