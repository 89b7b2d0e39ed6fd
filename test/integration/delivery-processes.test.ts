/**
 * Delivery under overlap, crashes and a stalled mail server, with real processes: two
 * `cairn alerts --send` at once, a `cairn report monthly --send` killed mid-send, an SMTP
 * server that stops answering after the message's data, and one so slow that a run reaches its
 * send-time bound (CAIRN_MAIL_RUN_SECONDS).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { enqueue, type NewNotification } from "../../src/store/notifications";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { startCairn } from "../helpers/cli";
import { startSmtp, type TestSmtp, until } from "../helpers/smtp";

const servers: TestSmtp[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.release();
    await s.close();
  }
});

const FROM = "cairn@aarc.example.org";

async function setup(queued: number) {
  const dir = mkdtempSync(join(tmpdir(), "cairn-delivery-"));
  const db = join(dir, "cairn.db");
  const opened = openSqliteStore(db);
  const items: NewNotification[] = Array.from({ length: queued }, (_, i) => ({
    key: `budget-threshold:test:${i}`,
    channel: "email",
    kind: "budget-threshold",
    recipients: ["tresorier@aarc.example.org"],
    subject: `Alerte ${i}`,
    bodyText: `alerte ${i}`,
    bodyHtml: `<p>alerte ${i}</p>`,
    payload: null,
  }));
  await enqueue(opened.store, items, new Date().toISOString());
  opened.close();
  const env = (smtpPort: number, extra: Record<string, string> = {}) => ({
    CAIRN_DB: db,
    CAIRN_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    CAIRN_MAIL_FROM: FROM,
    CAIRN_ALERT_TO: "tresorier@aarc.example.org",
    CAIRN_REPORT_TO: "direction@aarc.example.org",
    ...extra,
  });
  const sql = (text: string) => {
    const raw = new Database(db);
    try {
      return raw.prepare(text).all() as Record<string, unknown>[];
    } finally {
      raw.close();
    }
  };
  return { dir, db, env, sql };
}

describe("delivery from real processes", { timeout: 180_000 }, () => {
  it("delivers each queued alert once when two `cairn alerts --send` overlap", async () => {
    const s = await setup(3);
    const smtp = await startSmtp(0, [], { hold: true });
    servers.push(smtp);
    const first = startCairn(["alerts", "--send"], { cwd: s.dir, env: s.env(smtp.port) });
    // The first sender is in the middle of its first message when the second starts.
    await until(() => smtp.held() >= 1);
    const second = startCairn(["alerts", "--send"], { cwd: s.dir, env: s.env(smtp.port) });
    await until(async () => second.child.exitCode !== null || smtp.held() >= 2);
    smtp.release();
    await Promise.all([first.done, second.done]);
    const subjects = smtp.messages.map((m) => m.subject).filter((x) => x?.startsWith("Alerte"));
    expect(subjects.sort()).toEqual(["Alerte 0", "Alerte 1", "Alerte 2"]);
    expect(s.sql("SELECT DISTINCT status FROM notifications WHERE key LIKE 'budget-threshold:test:%'")).toEqual([
      { status: "sent" },
    ]);
  });

  it("keeps a monthly report whose sender was killed mid-send unsent, and retries it with the same Message-ID", async () => {
    const s = await setup(0);
    const stalled = await startSmtp(0, [], { hold: true });
    servers.push(stalled);
    const args = ["report", "monthly", "--period", "2026-10", "--send"];
    const dying = startCairn(args, { cwd: s.dir, env: s.env(stalled.port) });
    await until(() => stalled.held() >= 1);
    dying.child.kill("SIGKILL");
    await dying.done;
    const [row] = s.sql("SELECT sent_at, sending_until FROM reports");
    expect(row?.sent_at).toBeNull();
    expect(row?.sending_until).not.toBeNull();
    const firstId = stalled.received[0]?.messageId;
    expect(firstId).toMatch(/^<cairn\.report\.monthly\.2026-10\.fr\.\d+@aarc\.example\.org>$/);

    // The claim of the dead sender expires; the next run sends the report, recognisably the same one.
    s.sql("UPDATE reports SET sending_until = '2000-01-01T00:00:00.000Z' RETURNING id");
    const smtp = await startSmtp();
    servers.push(smtp);
    const retry = startCairn(args, { cwd: s.dir, env: s.env(smtp.port) });
    const done = await retry.done;
    expect(done.stderr).toBe("");
    expect(done.stdout).toMatch(/sent and archived/);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.messageId).toBe(firstId);
    expect(s.sql("SELECT sent_at IS NOT NULL AS sent FROM reports")).toEqual([{ sent: 1 }]);
  });

  it("gives up on a mail server that stalls after the data within the SMTP timeout; the alert stays queued", async () => {
    const s = await setup(1);
    const smtp = await startSmtp(0, [], { hold: true });
    servers.push(smtp);
    const run = startCairn(["alerts", "--send"], {
      cwd: s.dir,
      env: s.env(smtp.port, { CAIRN_SMTP_TIMEOUT_SECONDS: "1" }),
    });
    // Without the timeouts in the transport options the process waits ten minutes per message.
    const killer = setTimeout(() => run.child.kill("SIGKILL"), 60_000);
    const done = await run.done;
    clearTimeout(killer);
    expect(done.signal).toBeNull();
    expect(done.status).toBe(1);
    expect(done.stdout).toMatch(/non remis \(email\) budget-threshold:test:0: smtp: .*[Tt]imeout/);
    expect(s.sql("SELECT status, attempts FROM notifications WHERE key = 'budget-threshold:test:0'")).toEqual([
      { status: "queued", attempts: 1 },
    ]);
  });

  it("starts no new delivery once the run has sent for CAIRN_MAIL_RUN_SECONDS; the rest waits for the next run", async () => {
    const s = await setup(3);
    const smtp = await startSmtp(0, [], { hold: true });
    servers.push(smtp);
    const run = startCairn(["alerts", "--send"], {
      cwd: s.dir,
      env: s.env(smtp.port, { CAIRN_MAIL_RUN_SECONDS: "1", CAIRN_SMTP_TIMEOUT_SECONDS: "600" }),
    });
    // The server takes its time over the first message: longer than the run may spend sending.
    await until(() => smtp.held() >= 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    smtp.release();
    const done = await run.done;
    expect(done.stderr).toBe("");
    expect(done.status).toBe(0);
    // The message under way was delivered; none was started after the bound.
    expect(smtp.received).toHaveLength(1);
    expect(done.stdout).toMatch(/1 message\(s\) envoyé\(s\), 0 en échec, 2 encore en file/);
    expect(s.sql("SELECT status, count(*) AS n FROM notifications GROUP BY status ORDER BY status")).toEqual([
      { status: "queued", n: 2 },
      { status: "sent", n: 1 },
    ]);
    // The next run sends the rest.
    const next = startCairn(["alerts", "--send"], { cwd: s.dir, env: s.env(smtp.port) });
    expect((await next.done).status).toBe(0);
    expect(smtp.received).toHaveLength(3);
  });
});
