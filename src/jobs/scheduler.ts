/**
 * The in-process scheduler of `cairn serve`: one cron per job of the job table, UTC, never two
 * runs of the same job at once. A job without a handler here (collection on a demo database) is
 * not scheduled.
 */
import { Cron } from "croner";
import { JOB_TABLE, type JobName, type ScheduledJob } from "./job-table";

/** Every job of the table, bound to its dependencies (src/jobs/handlers.ts builds them). */
export type JobHandlers = Record<JobName, () => Promise<string>>;

export interface Scheduler {
  stop: () => void;
  /** Jobs scheduled, with their next run, for the startup message. */
  describe: () => { name: JobName; cron: string; next: Date | null }[];
}

export function startScheduler(
  handlers: Partial<JobHandlers>,
  log: (line: string) => void,
  table: readonly ScheduledJob[] = JOB_TABLE,
): Scheduler {
  const crons = table.flatMap((job) => {
    const handler = handlers[job.name];
    if (!handler) return [];
    const cron = new Cron(job.cron, { timezone: "UTC", protect: true }, async () => {
      try {
        log(`[${job.name}] ${await handler()}`);
      } catch (error) {
        log(`[${job.name}] failed: ${(error as Error).message}`);
      }
    });
    return [{ job, cron }];
  });
  return {
    stop: () => {
      for (const { cron } of crons) cron.stop();
    },
    describe: () => crons.map(({ job, cron }) => ({ name: job.name, cron: job.cron, next: cron.nextRun() })),
  };
}
