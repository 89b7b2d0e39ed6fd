/**
 * The Worker's adapters for the one job table (src/jobs/handlers.ts): AWS clients built from the
 * secrets (Workers have no default credential chain), mail through SES over HTTPS (no SMTP
 * sockets), no chart or PDF renderers (the reports say so and link to the dashboard), and the
 * clock. The jobs themselves are the same functions `cairn serve` runs.
 */
import { AthenaClient } from "@aws-sdk/client-athena";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SESv2Client } from "@aws-sdk/client-sesv2";
import { CLOUDWATCH_MAX_ATTEMPTS, type CloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { COST_EXPLORER_REGION } from "../../collectors/cost-explorer/client";
import { ORGANIZATIONS_REGION } from "../../collectors/organizations/client";
import { createMailTransport, createWebhookFromConfig } from "../../reports/mail/factory";
import { MailError, type MailTransport } from "../../reports/mail/transport";
import { NO_RENDERERS } from "../../reports/render/renderers";
import type { Config } from "../config";
import { configuredEstimate, type JobDeps, WORKERS_RUNTIME } from "../jobs/handlers";
import type { Store } from "../store/store";
import { awsCredentials, stringBindings, type WorkerEnv } from "./env";

/** The secrets, or a failure that names the ones to set. */
function credentialsOrThrow(env: WorkerEnv, what: string) {
  const credentials = awsCredentials(env);
  if ("missing" in credentials) {
    throw new Error(
      `Cannot reach ${what}: set the secrets ${credentials.missing.join(", ")} (npx wrangler secret put NAME).`,
    );
  }
  return credentials;
}

export function costExplorerClient(env: WorkerEnv): CostExplorerClient {
  const credentials = credentialsOrThrow(env, "Cost Explorer");
  const strings = stringBindings(env);
  const endpoint = strings.AWS_ENDPOINT_URL_COST_EXPLORER || strings.AWS_ENDPOINT_URL;
  return new CostExplorerClient({ region: COST_EXPLORER_REGION, credentials, ...(endpoint ? { endpoint } : {}) });
}

/** AWS Organizations (global, us-east-1), for account names; over HTTPS like the others. */
export function organizationsClient(env: WorkerEnv): OrganizationsClient {
  const credentials = credentialsOrThrow(env, "AWS Organizations");
  const strings = stringBindings(env);
  const endpoint = strings.AWS_ENDPOINT_URL_ORGANIZATIONS || strings.AWS_ENDPOINT_URL;
  return new OrganizationsClient({ region: ORGANIZATIONS_REGION, credentials, ...(endpoint ? { endpoint } : {}) });
}

/** Athena in the configured region (AWS_REGION), with the secrets' credentials, over HTTPS. */
export function athenaClient(env: WorkerEnv): AthenaClient {
  const credentials = credentialsOrThrow(env, "Athena");
  const strings = stringBindings(env);
  const endpoint = strings.AWS_ENDPOINT_URL_ATHENA || strings.AWS_ENDPOINT_URL;
  return new AthenaClient({
    region: strings.AWS_REGION || "eu-west-3",
    credentials,
    ...(endpoint ? { endpoint } : {}),
  });
}

/** One CloudWatch client per region, as under Node, with the secrets' credentials. */
export function cloudWatchClients(env: WorkerEnv): CloudWatchClientFactory {
  const clients = new Map<string, CloudWatchClient>();
  return (region) => {
    const known = clients.get(region);
    if (known) return known;
    const strings = stringBindings(env);
    const endpoint = strings.AWS_ENDPOINT_URL_CLOUDWATCH || strings.AWS_ENDPOINT_URL;
    const client = new CloudWatchClient({
      region,
      maxAttempts: CLOUDWATCH_MAX_ATTEMPTS,
      credentials: credentialsOrThrow(env, "CloudWatch"),
      ...(endpoint ? { endpoint } : {}),
    });
    clients.set(region, client);
    return client;
  };
}

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

/** The job table's dependencies on Workers. */
export function workerJobDeps(store: Store, config: Config, env: WorkerEnv, now: () => Date): JobDeps {
  return {
    runtime: WORKERS_RUNTIME,
    store,
    now,
    config,
    estimate: configuredEstimate(config),
    costExplorer: () => costExplorerClient(env),
    athena: () => athenaClient(env),
    organizations: () => organizationsClient(env),
    cloudWatch: cloudWatchClients(env),
    mail: () => workerMailTransport(config, env),
    webhook: () => createWebhookFromConfig(config),
    renderers: NO_RENDERERS,
  };
}
