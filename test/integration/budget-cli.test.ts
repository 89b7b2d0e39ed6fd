/** `cairn budget ...` and `cairn alerts` through the real executable: output and exit codes. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { runCairn } from "../helpers/cli";

const dir = mkdtempSync(join(tmpdir(), "cairn-budget-"));
const env = { CAIRN_DB: join(dir, "cairn.db"), CAIRN_LOCALE: "en" };
const cairn = (...args: string[]) => runCairn(args, { cwd: dir, env });

// Each command is a real process (a couple of seconds each on a busy machine).
const SLOW = 240_000;

describe("cairn budget", () => {
  it("adds, lists, changes and removes budgets with clear errors and exit codes", { timeout: SLOW }, () => {
    const added = cairn(
      "budget",
      "add",
      "Pièges photo",
      "--amount",
      "750",
      "--currency",
      "EUR",
      "--period",
      "custom",
      "--from",
      "2026-06-01",
      "--to",
      "2026-09-30",
      "--scope",
      "pipeline:camera-traps",
    );
    // Nothing is collected yet: the pipeline matches nothing seen, kept with a warning.
    expect(added.stderr).toContain('warning: pipeline "camera-traps" matches nothing Cairn has seen');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain(
      'Budget "Pièges photo" added: €750.00 per 2026-06-01..2026-09-30, scope pipeline:camera-traps, thresholds 50,80,100,forecast:100.',
    );

    const dup = cairn("budget", "add", "Pièges photo", "--amount", "10");
    expect(dup.status).toBe(1);
    expect(dup.stderr).toContain("exists already");

    for (const [args, message] of [
      [["budget", "add", "x", "--amount", "3", "--currency", "CHF"], "--currency must be USD or EUR"],
      [["budget", "add", "x", "--amount", "3", "--scope", "account:12"], "--scope must be a 12-digit AWS account id"],
      [["budget", "add", "x", "--amount", "3", "--thresholds", "50,1200%"], "--thresholds “1200%” is above 1000 %"],
      [["budget", "add", "x", "--amount", "abc"], "--amount must be a number"],
      [["budget", "add", "x"], "budget add needs --amount"],
      [["budget", "frob"], 'unknown verb "frob"'],
    ] as [string[], string][]) {
      const r = cairn(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(message);
    }

    const set = cairn(
      "budget",
      "set",
      "Pièges photo",
      "--amount",
      "800",
      "--thresholds",
      "90 %,forecast:100",
      "--by",
      "ana",
    );
    expect(set.status).toBe(0);
    // The decimal comma, as on the page; the display currency (USD here) by default.
    const comma = cairn("budget", "add", "Petit", "--amount", "12,5");
    expect(comma.stdout).toContain('Budget "Petit" added: US$12.50 per month');
    expect(cairn("budget", "rm", "Petit").status).toBe(0);
    expect(cairn("budget", "set", "nope", "--amount", "1").status).toBe(1);

    const list = cairn("budget", "list");
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^NAME +AMOUNT +PERIOD +SCOPE +SPENT +FORECAST +THRESHOLDS$/m);
    expect(list.stdout).toMatch(
      // A EUR budget in a USD display with no rate: shown as entered, and said so.
      /^Pièges photo +€800\.00 \(no rate for 2026-09\) +2026-06-01\.\.2026-09-30 +pipeline:camera-traps +.+ 90,forecast:100$/m,
    );

    expect(cairn("budget", "rm", "Pièges photo").status).toBe(0);
    const gone = cairn("budget", "rm", "Pièges photo");
    expect(gone.status).toBe(1);
    expect(gone.stderr).toContain('no budget named "Pièges photo"');
  });

  it("declares, lists and removes planned activities", { timeout: SLOW }, () => {
    const add = cairn(
      "budget",
      "plan",
      "add",
      "Campagne de terrain",
      "--from",
      "2026-07-01",
      "--to",
      "2026-07-15",
      "--scope",
      "pipeline:camera-traps",
    );
    expect(add.status).toBe(0);
    const id = /Planned activity (\d+)/.exec(add.stdout)?.[1];
    expect(id).toBeDefined();
    const list = cairn("budget", "plan", "list");
    expect(list.stdout).toMatch(
      new RegExp(`^${id} +Campagne de terrain +2026-07-01 +2026-07-15 +pipeline:camera-traps$`, "m"),
    );
    expect(cairn("budget", "plan", "add", "x", "--from", "2026-07-15", "--to", "2026-07-01").status).toBe(2);
    expect(cairn("budget", "plan", "rm", String(id)).status).toBe(0);
    expect(cairn("budget", "plan", "rm", String(id)).status).toBe(1);
  });
});

describe("cairn alerts", () => {
  it("prints what it would send, and refuses --send with nowhere to send", { timeout: SLOW }, () => {
    // A collection was first tried two days ago and has never succeeded: the stale-data alert is due.
    const opened = openSqliteStore(env.CAIRN_DB);
    const tried = new Date(Date.now() - 48 * 3_600_000).toISOString();
    opened.sqlite
      .prepare(
        "INSERT INTO collection_runs (source, status, started_at, finished_at, error) VALUES ('cost-explorer', 'failed', ?, ?, 'no credentials')",
      )
      .run(tried, tried);
    opened.close();
    const dry = cairn("alerts");
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain("1 alert(s) hold, 1 new (would be sent)");
    expect(dry.stdout).toContain("Stale data: no successful collection yet");
    const send = cairn("alerts", "--send");
    expect(send.status).toBe(1);
    expect(send.stderr).toContain("nowhere to deliver alerts");
    expect(cairn("alerts", "--days", "0").status).toBe(2);
  });
});
