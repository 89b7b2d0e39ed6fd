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
  // 06:00 UTC is 07:00 (winter) or 08:00 (summer) in Paris, after the morning collection.
  { name: "weekly-report", cron: "0 6 * * 1", description: "Weekly budget report, Monday morning (Paris)" },
  // From the 3rd to the 10th: sent once, as soon as AWS has settled the month (or on the 10th, provisional).
  {
    name: "monthly-report",
    cron: "30 6 3-10 * *",
    description: "Monthly directors' report, once the month has settled",
  },
];
