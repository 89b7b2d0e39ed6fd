/**
 * Mail never delays collection: the scheduler of `cairn serve` (src/jobs/scheduler.ts) runs its
 * collect job while the mail server stalls (it takes the message's data and never answers,
 * timeouts far away). The collection itself (Cost Explorer's lines, its run, the lock) completes
 * before any mail is attempted, and another collection ("Collect now", the CLI) can run at once
 * while the scheduled job's alerts still wait on the server. The job's alerts stage is bounded
 * on its own (SMTP timeouts, CAIRN_MAIL_RUN_SECONDS: delivery-processes.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { createSmtpTransport } from "../../reports/mail/smtp";
import { NO_RENDERERS } from "../../reports/render/renderers";
import { estimateLines } from "../../src/carbon/estimate";
import { loadConfig } from "../../src/config";
import { buildJobHandlers, NODE_RUNTIME } from "../../src/jobs/handlers";
import { startScheduler } from "../../src/jobs/scheduler";
import { enqueue } from "../../src/store/notifications";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { lineCount, testClient } from "../helpers/cost-explorer-harness";
import { FAKE_ACCESS_KEY, FAKE_SECRET_KEY, type FakeCloudWatch, startFakeCloudWatch } from "../helpers/fake-cloudwatch";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { startSmtp, type TestSmtp, until } from "../helpers/smtp";

const FROM = "cairn@aarc.example.org";
let ce: FakeCostExplorer;
let cw: FakeCloudWatch;
let smtp: TestSmtp;
let opened: OpenedStore;

beforeEach(async () => {
  const today = new Date().toISOString().slice(0, 10);
  ce = await startFakeCostExplorer({
    dataset: {
      records: demoLikeRecords({ from: `${today.slice(0, 7)}-01`, to: today, seed: 5 }),
      estimated: () => true,
    },
  });
  cw = await startFakeCloudWatch({ metrics: [] });
  smtp = await startSmtp(0, [], { hold: true });
  opened = openSqliteStore(":memory:");
});
afterEach(async () => {
  smtp.release();
  await smtp.close();
  await ce.close();
  await cw.close();
  opened.close();
});

function handlers() {
  const config = loadConfig({
    CAIRN_BACKFILL_MONTHS: "1",
    CAIRN_MAIL_TRANSPORT: "smtp",
    CAIRN_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    CAIRN_MAIL_FROM: FROM,
    CAIRN_ALERT_TO: "tresorier@aarc.example.org",
  });
  const mail = createSmtpTransport({ url: `smtp://127.0.0.1:${smtp.port}`, from: FROM, timeoutMs: 600_000 });
  return buildJobHandlers({
    runtime: NODE_RUNTIME,
    store: opened.store,
    now: () => new Date(),
    config,
    estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }),
    costExplorer: () => testClient(ce.endpoint),
    cloudWatch: createCloudWatchClientFactory({
      sdk: { endpoint: cw.url, credentials: { accessKeyId: FAKE_ACCESS_KEY, secretAccessKey: FAKE_SECRET_KEY } },
    }),
    mail: () => mail,
    webhook: () => null,
    renderers: NO_RENDERERS,
  });
}

const sql = (text: string) => opened.sqlite.prepare(text).all() as Record<string, unknown>[];

describe("mail never delays collection", { timeout: 120_000 }, () => {
  it("completes a scheduled collection, and lets another run, while the mail server stalls", async () => {
    // An alert waits in the queue: the collect job's alerts stage will send it to the stalled server.
    await enqueue(
      opened.store,
      [
        {
          key: "budget-threshold:test:0",
          channel: "email",
          kind: "budget-threshold",
          recipients: ["tresorier@aarc.example.org"],
          subject: "Alerte 0",
          bodyText: "alerte 0",
          bodyHtml: "<p>alerte 0</p>",
          payload: null,
        },
      ],
      new Date().toISOString(),
    );
    const jobs = handlers();
    const log: string[] = [];
    // The real scheduler, its collect job every second.
    const scheduler = startScheduler({ collect: jobs.collect }, (line) => log.push(line), [
      { name: "collect", cron: "* * * * * *", description: "every second, for the test" },
    ]);
    try {
      await until(() => smtp.held() >= 1);
      // The scheduled job is stuck on the mail server, and its collection is done and stored.
      expect(smtp.messages).toHaveLength(0);
      expect(sql("SELECT status FROM collection_runs WHERE source = 'cost-explorer'")).toEqual([
        { status: "succeeded" },
      ]);
      expect(sql("SELECT count(*) AS n FROM collection_runs WHERE status = 'running'")).toEqual([{ n: 0 }]);
      expect(lineCount(opened)).toBeGreaterThan(0);
      expect(sql("SELECT count(*) AS n FROM job_locks")).toEqual([{ n: 0 }]);
      // Another collection runs to its end meanwhile (the alert is the stalled sender's claim).
      const now = await jobs.collect();
      expect(now).toMatch(/^cost explorer: /);
      expect(smtp.held()).toBe(1);
      expect(smtp.messages).toHaveLength(0);
      expect(sql("SELECT status FROM collection_runs WHERE source = 'cost-explorer' ORDER BY id")).toEqual([
        { status: "succeeded" },
        { status: "succeeded" },
      ]);
    } finally {
      scheduler.stop();
    }
    smtp.release();
    await until(() => log.some((l) => l.startsWith("[collect] ")));
    expect(smtp.messages.map((m) => m.subject)).toEqual(["Alerte 0"]);
  });
});
