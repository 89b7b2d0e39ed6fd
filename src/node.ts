/**
 * The Node composition root and `cairn` command line: reads `.env` and the environment (the
 * only place besides the config schema that does), builds the real clients, database and
 * clock, and runs one command. Exit status: 0 success, 1 explained failure, 2 bad usage.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseArgs, parseEnv } from "node:util";
import { createAthenaClient } from "../collectors/athena/client";
import { createCloudWatchClientFactory } from "../collectors/cloudwatch/client";
import { createCostExplorerClient } from "../collectors/cost-explorer/client";
import { createS3Client } from "../collectors/focus/s3-client";
import { createOrganizationsClient } from "../collectors/organizations/client";
import { createMailTransport, createWebhookFromConfig } from "../reports/mail/factory";
import { createSesClient } from "../reports/mail/ses-client";
import { createSmtpTransport } from "../reports/mail/smtp";
import { nodeRenderers } from "../reports/render/node-renderers";
import { type CliContext, CliFailure, type CliServices, type Command, UsageError } from "./cli/command";
import { COMMANDS } from "./cli/commands";
import { demoCommand } from "./cli/demo";
import { migrateCommand } from "./cli/migrate";
import { serveCommand } from "./cli/serve";
import { terminalSafe } from "./cli/terminal-text";
import { thisProcess } from "./cli/this-process";
import { type Config, ConfigError, loadConfig } from "./config";
import { buildJobHandlers, configuredEstimate, NODE_RUNTIME } from "./jobs/handlers";
import { DemoRefusedError } from "./jobs/load-demo";
import { scheduledFocusImport } from "./jobs/scheduled-focus-import";
import { DatabaseFileError, describeDatabaseFailure, StoreRefusedError } from "./store/errors";
import { type OpenedStore, openSqliteStore } from "./store/open-sqlite";
import type { Store } from "./store/store";

const ALL_COMMANDS: Command[] = [serveCommand, demoCommand, migrateCommand, ...COMMANDS];

function globalHelp(): string {
  const width = Math.max(...ALL_COMMANDS.map((c) => c.name.length));
  return `Cairn: cost and carbon of your AWS pipelines.

Usage: cairn <command> [options]     (cairn <command> --help for its options)

Commands:
${ALL_COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Configuration comes from environment variables and a .env file (see README).`;
}

/** `.env` fills in what the environment does not set; the environment wins. */
function environment(): Record<string, string | undefined> {
  const fromFile = existsSync(".env") ? parseEnv(readFileSync(".env", "utf8")) : {};
  return { ...fromFile, ...process.env };
}

function buildServices(config: Config, env: Record<string, string | undefined>): CliServices {
  const once = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => {
      value ??= make();
      return value;
    };
  };
  const estimate = configuredEstimate(config);
  const cloudWatch = createCloudWatchClientFactory({ roleArn: config.CAIRN_AWS_ROLE_ARN });
  const costExplorer = once(() => createCostExplorerClient({ roleArn: config.CAIRN_AWS_ROLE_ARN }));
  const athena = once(() => createAthenaClient({ roleArn: config.CAIRN_AWS_ROLE_ARN }));
  const organizations = once(() => createOrganizationsClient({ roleArn: config.CAIRN_AWS_ROLE_ARN }));
  const mailTransport = once(() =>
    createMailTransport(config, {
      ses: () => createSesClient({ endpoint: env.AWS_ENDPOINT_URL_SES }),
      smtp: createSmtpTransport,
    }),
  );
  const webhook = once(() => createWebhookFromConfig(config));
  const s3 = once(() => createS3Client({ forcePathStyle: config.CAIRN_S3_FORCE_PATH_STYLE }));
  const processes = thisProcess();
  return {
    estimate,
    costExplorer,
    athena,
    organizations,
    cloudWatch,
    s3,
    mailTransport,
    webhook,
    reportRenderers: nodeRenderers,
    processes,
    jobHandlers: (store) =>
      buildJobHandlers({
        runtime: NODE_RUNTIME,
        store,
        now: () => new Date(),
        config,
        estimate,
        costExplorer,
        cloudWatch,
        mail: mailTransport,
        webhook,
        renderers: nodeRenderers,
        processes,
        athena,
        organizations,
        ...(config.CAIRN_FOCUS_EXPORT
          ? {
              focusImport: () =>
                scheduledFocusImport(
                  { store, now: () => new Date(), estimate, s3 },
                  {
                    target: config.CAIRN_FOCUS_EXPORT as string,
                    pipelineTag: config.CAIRN_PIPELINE_TAG,
                    maxErrors: config.CAIRN_IMPORT_MAX_ERRORS,
                  },
                ),
            }
          : {}),
      }),
  };
}

async function main(argv: string[]): Promise<number> {
  const out = (text: string) => process.stdout.write(`${terminalSafe(text)}\n`);
  const err = (text: string) => process.stderr.write(`${terminalSafe(text)}\n`);
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? err : out)(globalHelp());
    return name === undefined ? 2 : 0;
  }
  const command = ALL_COMMANDS.find((c) => c.name === name);
  if (!command) {
    err(`cairn: unknown command "${name}"\n\n${globalHelp()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    out(command.usage);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: command.options,
      allowPositionals: command.positionals === true,
      strict: true,
    });
  } catch (error) {
    err(`cairn ${name}: ${(error as Error).message}\n\n${command.usage}`);
    return 2;
  }

  const env = environment();
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 1;
    }
    throw error;
  }

  let opened: OpenedStore | null = null;
  const ctx: CliContext = {
    config,
    openStore: (): Store => {
      opened ??= openSqliteStore(config.CAIRN_DB);
      return opened.store;
    },
    now: () => new Date(),
    out,
    err,
    interactive: process.stderr.isTTY === true,
    services: buildServices(config, env),
  };
  try {
    return await command.run(ctx, parsed.values, parsed.positionals);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`cairn ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (
      error instanceof CliFailure ||
      error instanceof StoreRefusedError ||
      error instanceof DatabaseFileError ||
      error instanceof DemoRefusedError
    ) {
      err(`cairn ${name}: ${error.message}`);
      return 1;
    }
    // The database file failing mid-command (disk full, damaged pages): named, no stack trace.
    const file = describeDatabaseFailure(error, config.CAIRN_DB);
    if (file) {
      err(`cairn ${name}: ${file.message}`);
      return 1;
    }
    err(`cairn ${name}: unexpected error: ${(error as Error).stack ?? String(error)}`);
    return 1;
  } finally {
    (opened as OpenedStore | null)?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
