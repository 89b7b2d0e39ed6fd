/**
 * The Workers composition root: `fetch` serves the same Hono app as `cairn serve`, over D1;
 * `scheduled` runs the job(s) of the job table whose cron fired, through the same handlers as
 * `cairn serve` (src/jobs/handlers.ts) with the Worker's adapters. Static files (the
 * dashboard's own and chart.js) are served by wrangler's `[assets]` before this code runs.
 */
import { drizzle } from "drizzle-orm/d1";
import type { Hono } from "hono";
import { createApp } from "../web/app";
import { buildJobHandlers } from "./jobs/handlers";
import { jobsForCron, jobTableFor } from "./jobs/job-table";
import * as schema from "./store/schema/index";
import type { Store } from "./store/store";
import { type WorkerEnv, workerConfig } from "./worker/env";
import { athenaClient, workerJobDeps } from "./worker/job-deps";

interface ScheduledEvent {
  cron: string;
  scheduledTime: number;
}

interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

export function d1Store(env: WorkerEnv): Extract<Store, { kind: "d1" }> {
  return { kind: "d1", db: drizzle(env.DB, { schema }) };
}

// One app per isolate and environment: building the router per request would waste CPU.
const apps = new WeakMap<object, Hono>();

function appFor(env: WorkerEnv): Hono {
  let app = apps.get(env);
  if (!app) {
    const store = d1Store(env);
    const config = workerConfig(env);
    const now = () => new Date();
    app = createApp({
      store,
      config,
      now,
      // Cloudflare gives the client's address in a header it sets itself.
      auth: { clientAddress: (c) => c.req.header("cf-connecting-ip") },
      // The admin's "collect now" runs the same step a cron run would.
      collectNow: () => buildJobHandlers(workerJobDeps(store, config, env, now)).collect(),
      athena: () => athenaClient(env),
    });
    apps.set(env, app);
  }
  return app;
}

/**
 * Runs the jobs on `event.cron`. The clock starts at the time the cron fired, so a run's "today"
 * is the day it was scheduled for, and advances with the runtime's clock.
 */
export async function runScheduled(event: ScheduledEvent, env: WorkerEnv, log: (line: string) => void): Promise<void> {
  const config = workerConfig(env);
  const jobs = jobsForCron(event.cron, jobTableFor(config));
  if (jobs.length === 0) {
    throw new Error(`no job of the job table runs on "${event.cron}": wrangler.toml's crons and the job table differ`);
  }
  const started = Date.now();
  const now = () => new Date(event.scheduledTime + (Date.now() - started));
  const handlers = buildJobHandlers(workerJobDeps(d1Store(env), config, env, now));
  const failures: string[] = [];
  for (const job of jobs) {
    try {
      log(`[${job.name}] ${await handlers[job.name]()}`);
    } catch (error) {
      const message = `[${job.name}] failed: ${(error as Error).message}`;
      log(message);
      failures.push(message);
    }
  }
  // A failed job fails the invocation, so Cloudflare's cron log shows it.
  if (failures.length > 0) throw new Error(failures.join("\n"));
}

export default {
  fetch(request: Request, env: WorkerEnv): Response | Promise<Response> {
    return appFor(env).fetch(request, env);
  },
  async scheduled(event: ScheduledEvent, env: WorkerEnv, ctx: WaitUntil): Promise<void> {
    void ctx;
    await runScheduled(event, env, (line) => console.log(line));
  },
};
