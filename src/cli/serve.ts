import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono } from "hono";
import { createApp } from "../../web/app";
import { clientAddressOf } from "../../web/auth/client-address";
import { ensureDemoUser } from "../../web/auth/demo";
import { nodeAssetRoutes } from "../../web/node-assets";
import { writeDemoStory } from "../jobs/demo-story";
import { jobTableFor } from "../jobs/job-table";
import { loadDemo } from "../jobs/load-demo";
import { type JobHandlers, startScheduler } from "../jobs/scheduler";
import { holdsDemoData } from "../store/read/demo-data";
import { closeAbandonedRuns } from "../store/runs";
import { CliFailure, type Command, UsageError } from "./command";

export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the dashboard and API, and run the scheduled jobs",
  usage: `Usage: cairn serve [--port N] [--host ADDRESS] [--demo]

  --port N        port to listen on (default: CAIRN_PORT, else 8787)
  --host ADDRESS  address to bind (default: CAIRN_HOST, else 127.0.0.1, this machine only);
                  to serve others, put a reverse proxy with HTTPS in front (see the README)
  --demo     load the demo dataset first if the database has no cost data yet; create a
             demo admin (printed) if there is no user; sign in a browser on this machine
             (localhost only) automatically. Never use --demo on a server others can reach.

Serves the dashboard on http://localhost:PORT and runs the jobs of the job table
(collection twice a day, then alerts; reports on their days). Stop with Ctrl-C.`,
  options: { port: { type: "string" }, host: { type: "string" }, demo: { type: "boolean" } },
  async run(ctx, values) {
    let port = ctx.config.CAIRN_PORT;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new UsageError(`--port must be a whole number from 1 to 65535, got ${JSON.stringify(values.port)}`);
      }
    }
    const host = typeof values.host === "string" && values.host !== "" ? values.host : ctx.config.CAIRN_HOST;
    // The demo signs in any browser on this machine automatically: never on an address others reach.
    if (values.demo === true && !isLoopback(host)) {
      throw new UsageError(
        `--demo only serves on a loopback address (127.0.0.1, ::1, localhost), got --host ${host}: the demo signs visitors in without a password`,
      );
    }
    const store = ctx.openStore();
    // What a process that died left behind: runs still "running", days whose rollup it did not refresh.
    const interrupted = await closeAbandonedRuns(store, ctx.now());
    if (interrupted > 0)
      ctx.out(`${interrupted} collection run(s) left running by a stopped process were closed as interrupted.`);
    if (values.demo === true) {
      const result = await loadDemo({ store, now: ctx.now, estimate: ctx.services.estimate }, { onlyIfEmpty: true });
      if (result.loaded) {
        const story = await writeDemoStory(
          { store, now: ctx.now, renderers: ctx.services.reportRenderers },
          ctx.config,
        );
        ctx.out(
          `Loaded the demo dataset: ${result.lines} cost lines; the reports ${story.reports.join(" and ")} and ${story.alerts} alert message(s) of its story archived.`,
        );
      }
    }
    if (values.demo === true) {
      const demoUser = await ensureDemoUser({ store, now: ctx.now });
      if (demoUser) ctx.out(`Created the demo admin ${demoUser.email} with password ${demoUser.password}`);
      ctx.out("Demo mode: a browser on this machine (localhost) is signed in as the demo admin automatically.");
    }
    // What the scheduler runs here: the whole job table, less collection on a demo database.
    const handlers: Partial<JobHandlers> = { ...ctx.services.jobHandlers(store) };
    if (await holdsDemoData(store)) {
      // Real AWS figures must not be mixed into the demo's fictional ones.
      delete handlers.collect;
      ctx.out("This database holds the demo dataset: AWS collection is not scheduled (use another CAIRN_DB).");
    }
    const collect = handlers.collect;
    const app = new Hono();
    app.route("/", nodeAssetRoutes());
    app.route(
      "/",
      createApp({
        store,
        config: ctx.config,
        now: ctx.now,
        auth: {
          clientAddress: (c) =>
            clientAddressOf(
              getConnInfo(c).remote.address,
              c.req.header("x-forwarded-for"),
              ctx.config.CAIRN_TRUSTED_PROXIES,
            ),
          demoAutoSignIn: values.demo === true,
        },
        ...(collect ? { collectNow: collect } : {}),
        ...(ctx.services.athena ? { athena: ctx.services.athena } : {}),
      }),
    );
    const scheduler = startScheduler(handlers, ctx.out, jobTableFor(ctx.config));
    const server = serve({ fetch: app.fetch, port, hostname: host });
    await new Promise<void>((resolve, reject) => {
      server.once("listening", resolve);
      server.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          error.code === "EADDRINUSE"
            ? new CliFailure(`port ${port} is already in use; choose another with --port`)
            : error,
        ),
      );
    });
    const shown = host.includes(":") ? `[${host}]` : host;
    ctx.out(`Cairn is serving http://${shown}:${port} (database ${ctx.config.CAIRN_DB}).`);
    for (const job of scheduler.describe()) {
      ctx.out(`  job ${job.name} on "${job.cron}" UTC, next at ${job.next?.toISOString() ?? "never"}`);
    }
    await new Promise<void>((resolve) => {
      const stop = () => {
        scheduler.stop();
        server.close(() => resolve());
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    return 0;
  },
};

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine reaches. */
export function isLoopback(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h) || h === "::ffff:127.0.0.1";
}
