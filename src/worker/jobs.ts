/**
 * The Worker's handlers for the job table: which function a cron trigger runs. The cron that
 * fired names the job(s); a job the Worker has no handler for is reported, never silently
 * dropped.
 */
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { COST_EXPLORER_REGION } from "../../collectors/cost-explorer/client";
import { createMailTransport, createWebhookFromConfig } from "../../reports/mail/factory";
import { MailError, type MailTransport } from "../../reports/mail/transport";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { estimateLines } from "../carbon/estimate";
import type { Config } from "../config";
import { alertsArgsFromConfig, describeAlertsSummary, runAlerts } from "../jobs/alerts";
import { JOB_TABLE, type JobName, type ScheduledJob } from "../jobs/job-table";
import { type ReportKind, reportJobHandlers } from "../jobs/report";
import type { Store } from "../store/store";
import { collectStep, describeStep } from "./collect-steps";
import { awsCredentials, stringBindings, type WorkerEnv } from "./env";

export interface JobContext {
  store: Store;
  config: Config;
  env: WorkerEnv;
  now: () => Date;
}

export type WorkerJob = (ctx: JobContext) => Promise<string>;

/** Raised when a job ran and failed: the cron invocation is then marked failed. */
export class JobFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobFailed";
  }
}

export function costExplorerClient(env: WorkerEnv): CostExplorerClient {
  const credentials = awsCredentials(env);
  if ("missing" in credentials) {
    throw new JobFailed(
      `Cannot reach Cost Explorer: set the secrets ${credentials.missing.join(", ")} (npx wrangler secret put NAME).`,
    );
  }
  const endpoint = env.AWS_ENDPOINT_URL_COST_EXPLORER || env.AWS_ENDPOINT_URL;
  return new CostExplorerClient({ region: COST_EXPLORER_REGION, credentials, ...(endpoint ? { endpoint } : {}) });
}

const collect: WorkerJob = async ({ store, config, env, now }) => {
  const step = await collectStep(
    {
      store,
      costExplorer: costExplorerClient(env),
      now,
      estimate: (lines) => estimateLines(lines, { factorSet: config.CAIRN_FACTOR_SET }),
    },
    {
      pipelineTag: config.CAIRN_PIPELINE_TAG,
      maxRequestsPerMonth: config.CAIRN_CE_MAX_REQUESTS,
      backfillMonths: config.CAIRN_BACKFILL_MONTHS,
      trailingDays: config.CAIRN_TRAILING_DAYS,
    },
  );
  const line = describeStep(step);
  // Alerts run after every collection, failed or not: stale data and the cap are alerts too.
  const alerts = await runAlerts(
    { store, now, mail: workerMailTransport(config, env), webhook: createWebhookFromConfig(config) },
    alertsArgsFromConfig(config, true),
  );
  const text = `${line} | alerts: ${describeAlertsSummary(alerts)}`;
  if (step.summary.status === "failed") throw new JobFailed(text);
  return text;
};

/** Mail on Workers goes through SES over HTTPS; SMTP needs sockets the Worker does not open. */
export function workerMailTransport(config: Config, env: WorkerEnv): MailTransport | null {
  return createMailTransport(config, {
    ses: () => {
      const credentials = awsCredentials(env);
      if ("missing" in credentials) {
        throw new MailError("ses", `set the secrets ${credentials.missing.join(", ")} to send mail through SES`);
      }
      const strings = stringBindings(env);
      const endpoint = strings.AWS_ENDPOINT_URL_SES || strings.AWS_ENDPOINT_URL;
      return new SESv2Client({
        region: strings.AWS_REGION || "eu-west-3",
        credentials,
        ...(endpoint ? { endpoint } : {}),
      });
    },
    smtp: () => {
      throw new MailError("smtp", "SMTP is not available on Workers: set CAIRN_MAIL_TRANSPORT=ses");
    },
  });
}

/**
 * The weekly and monthly reports, as under Node but without canvas or pdfkit: the email links
 * each chart to its dashboard page and says where the PDF is; the archive keeps the report.
 */
function reportJob(kind: ReportKind): WorkerJob {
  return ({ store, config, env, now }) => {
    const jobs = reportJobHandlers({
      store,
      now,
      config,
      mail: () => workerMailTransport(config, env),
      renderers: NO_RENDERERS,
    });
    return kind === "weekly" ? jobs["weekly-report"]() : jobs["monthly-report"]();
  };
}

export const WORKER_JOBS: Partial<Record<JobName, WorkerJob>> = {
  collect,
  "weekly-report": reportJob("weekly"),
  "monthly-report": reportJob("monthly"),
};

/** The jobs of the job table on `cron`, in table order. */
export function jobsForCron(cron: string, table: readonly ScheduledJob[] = JOB_TABLE): ScheduledJob[] {
  return table.filter((job) => job.cron === cron);
}
