import { serve } from "@hono/node-server";
import { getConnInfo } from "@hono/node-server/conninfo";
import { Hono } from "hono";
import { createApp } from "../../web/app";
import { ensureDemoUser } from "../../web/auth/demo";
import { nodeAssetRoutes } from "../../web/node-assets";
import { jobTableFor } from "../jobs/job-table";
import { holdsDemoData, loadDemo } from "../jobs/load-demo";
import { type JobHandlers, startScheduler } from "../jobs/scheduler";
import { CliFailure, type Command, UsageError } from "./command";

export const serveCommand: Command = {
  name: "serve",
  summary: "Serve the dashboard and API, and run the scheduled jobs",
  usage: `Usage: cairn serve [--port N] [--demo]

  --port N   port to listen on (default: CAIRN_PORT, else 8787)
  --demo     load the demo dataset first if the database has no cost data yet; create a
             demo admin (printed) if there is no user; sign in a browser on this machine
             (localhost only) automatically. Never use --demo on a server others can reach.

Serves the dashboard on http://localhost:PORT and runs the jobs of the job table
(collection twice a day, then alerts; reports on their days). Stop with Ctrl-C.`,
  options: { port: { type: "string" }, demo: { type: "boolean" } },
  async run(ctx, values) {
    let port = ctx.config.CAIRN_PORT;
    if (values.port !== undefined) {
      port = Number(values.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) {
        throw new UsageError(`--port must be a whole number from 1 to 65535, got ${JSON.stringify(values.port)}`);
      }
    }
    const store = ctx.openStore();
    if (values.demo === true) {
      const result = await loadDemo({ store, now: ctx.now, estimate: ctx.services.estimate }, { onlyIfEmpty: true });
      if (result.loaded) ctx.out(`Loaded the demo dataset: ${result.lines} cost lines.`);
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
        auth: { clientAddress: (c) => getConnInfo(c).remote.address, demoAutoSignIn: values.demo === true },
        ...(collect ? { collectNow: collect } : {}),
      }),
    );
    const scheduler = startScheduler(handlers, ctx.out, jobTableFor(ctx.config));
    const server = serve({ fetch: app.fetch, port, hostname: "0.0.0.0" });
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
    ctx.out(`Cairn is serving http://localhost:${port} (database ${ctx.config.CAIRN_DB}).`);
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
