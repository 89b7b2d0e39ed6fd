/**
 * The one job table: which job runs on which cron (UTC). The Node scheduler and the Workers
 * `scheduled` handler both read it, and wrangler.toml's cron triggers must equal it.
 */
export type JobName = "collect" | "alerts" | "weekly-report" | "monthly-report";

export interface ScheduledJob {
  name: JobName;
  /** Five-field cron, UTC. */
  cron: string;
  description: string;
}

export const JOB_TABLE: readonly ScheduledJob[] = [
  { name: "collect", cron: "15 5,17 * * *", description: "Collect cost and usage twice a day, then evaluate alerts" },
];
