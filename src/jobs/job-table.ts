/**
 * The one job table: which job runs on which cron (UTC). The Node scheduler and the Workers
 * `scheduled` handler both read it, and wrangler.toml's cron triggers must equal it. Each cron
 * can be changed in the configuration (CAIRN_COLLECT_CRON, CAIRN_WEEKLY_REPORT_CRON,
 * CAIRN_MONTHLY_REPORT_CRON); on Workers, wrangler.toml's triggers must then say the same.
 */
export type JobName = "collect" | "weekly-report" | "monthly-report";

export interface ScheduledJob {
  name: JobName;
  /** Five-field cron, UTC. */
  cron: string;
  description: string;
}

/** The default table (and the one wrangler.toml ships with). */
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

/** The crons the configuration may set, by job. */
export interface JobCronSettings {
  CAIRN_COLLECT_CRON?: string | undefined;
  CAIRN_WEEKLY_REPORT_CRON?: string | undefined;
  CAIRN_MONTHLY_REPORT_CRON?: string | undefined;
}

const SETTING_OF: Partial<Record<JobName, keyof JobCronSettings>> = {
  collect: "CAIRN_COLLECT_CRON",
  "weekly-report": "CAIRN_WEEKLY_REPORT_CRON",
  "monthly-report": "CAIRN_MONTHLY_REPORT_CRON",
};

/** The job table with the configured crons in place of the defaults. */
export function jobTableFor(settings: JobCronSettings): ScheduledJob[] {
  return JOB_TABLE.map((job) => {
    const key = SETTING_OF[job.name];
    const cron = key ? settings[key] : undefined;
    return cron ? { ...job, cron } : { ...job };
  });
}

/** The jobs of the table that run on `cron`, in table order (a Worker's cron trigger names them). */
export function jobsForCron(cron: string, table: readonly ScheduledJob[] = JOB_TABLE): ScheduledJob[] {
  return table.filter((job) => job.cron === cron);
}
