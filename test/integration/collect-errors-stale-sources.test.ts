/**
 * Failures said in the reader's language, and a stale-data alert over every configured source.
 *
 * 1. Every recorded error kind reads, on the Data health page and the overview, as a sentence in
 *    the reader's locale naming what to do; the recorded text (AWS's English) follows as detail.
 *    Two kinds come from real failures (a network failure of CloudWatch, a throttled Cost
 *    Explorer through the local fake); the others are recorded runs.
 * 2. With a clock: Cost Explorer collects fine, CloudWatch (regions configured) never succeeds.
 *    Nothing fires before 36 hours after CloudWatch's first attempt; after, one alert for
 *    CloudWatch alone arrives by real SMTP, in French, saying what its failure means; once only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCloudWatchClientFactory } from "../../collectors/cloudwatch/client";
import { createSmtpTransport } from "../../reports/mail/smtp";
import { loadConfig } from "../../src/config";
import { COLLECT_ERROR_KINDS, COLLECT_ERROR_WORDS } from "../../src/format/collect-error-words";
import { alertsArgsFromConfig, runAlerts } from "../../src/jobs/alerts";
import { collectCostExplorer } from "../../src/jobs/collect";
import { collectCloudWatch } from "../../src/jobs/collect-cloudwatch";
import { configuredSources } from "../../src/jobs/health";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { finishRun, startRun } from "../../src/store/runs";
import { demoLikeRecords } from "../helpers/cost-explorer-dataset";
import { DEFAULT_ARGS, testClient } from "../helpers/cost-explorer-harness";
import { type FakeCostExplorer, startFakeCostExplorer } from "../helpers/fake-cost-explorer";
import { freePort, startSmtp, type TestSmtp } from "../helpers/smtp";
import { webFixture } from "../helpers/web";

const T0 = new Date("2026-07-20T05:15:00.000Z");
const hoursAfter = (h: number) => new Date(T0.getTime() + h * 3_600_000);
/** HTML text as read: entities decoded, tags gone, spaces of any kind as one. */
const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/[\s\u00a0\u202f]+/g, " ");
const oneLine = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ");

/** A CloudWatch factory whose endpoint is a closed port on 127.0.0.1: a real network failure. */
async function unreachableCloudWatch() {
  const port = await freePort();
  return createCloudWatchClientFactory({
    sdk: {
      endpoint: `http://127.0.0.1:${port}`,
      credentials: { accessKeyId: "AKIDCAIRNTEST", secretAccessKey: "cairn-test-secret" },
      maxAttempts: 1,
    },
  });
}

describe("every recorded error kind, in the reader's locale, with what to do", () => {
  it("each kind has its own sentence in French and in English", () => {
    for (const kind of COLLECT_ERROR_KINDS) {
      expect(COLLECT_ERROR_WORDS.fr[kind]).not.toBe(COLLECT_ERROR_WORDS.en[kind]);
      expect(COLLECT_ERROR_WORDS.fr[kind].length).toBeGreaterThan(40);
    }
    expect(new Set(COLLECT_ERROR_KINDS.map((k) => COLLECT_ERROR_WORDS.fr[k])).size).toBe(COLLECT_ERROR_KINDS.length);
  });

  it.each(["fr", "en"] as const)(
    "real failures and every recorded kind on /runs and the overview (%s)",
    async (locale) => {
      const fixture = webFixture({ CAIRN_LOCALE: locale, CAIRN_CLOUDWATCH_REGIONS: "eu-west-3" }, T0);
      const fake = await startFakeCostExplorer({ dataset: { records: [], estimated: () => false } });
      try {
        // A real CloudWatch network failure: the newest CloudWatch run, so the health notice says it.
        const cw = await collectCloudWatch(
          { store: fixture.store, cloudWatch: await unreachableCloudWatch(), now: () => T0 },
          { regions: ["eu-west-3"] },
        );
        expect(cw).toMatchObject({ status: "failed", errorKind: "network" });
        // A real Cost Explorer throttling (the fake refuses every attempt).
        fake.fail({ operation: "GetDimensionValues", kind: "throttling", times: 10 });
        const ce = await collectCostExplorer(
          { store: fixture.store, costExplorer: testClient(fake.endpoint, 2), now: () => T0 },
          DEFAULT_ARGS,
        );
        expect(ce).toMatchObject({ status: "failed", errorKind: "throttled" });
      } finally {
        await fake.close();
      }
      // Every other kind, as recorded runs of an unconfigured source (they show on /runs only).
      for (const [i, kind] of COLLECT_ERROR_KINDS.entries()) {
        const at = new Date(T0.getTime() - (i + 1) * 60_000).toISOString();
        const id = await startRun(fixture.store, { source: "focus", startedAt: at });
        await finishRun(fixture.store, id, {
          finishedAt: at,
          status: "failed",
          error: `RawAwsText${i}: something in AWS's English`,
          errorKind: kind,
        });
      }
      const w = COLLECT_ERROR_WORDS[locale];
      const admin = await fixture.signIn("admin");
      const runs = visible(await (await admin.request("/runs")).text());
      for (const [i, kind] of COLLECT_ERROR_KINDS.entries()) {
        // The sentence first, then the recorded text labelled as the detail.
        expect(runs).toContain(
          `${oneLine(w[kind])} ${oneLine(w.detail)}${locale === "fr" ? " : " : ": "}RawAwsText${i}`,
        );
      }
      expect(runs).toContain(oneLine(w.network));
      expect(runs).toContain(oneLine(w.throttled));
      // The overview's health notice: each configured source's failure, said the same way.
      const overview = visible(await (await admin.request("/")).text());
      expect(overview).toContain(oneLine(w.network));
      expect(overview).toContain(oneLine(w.throttled));
      // AWS's own words only after the label that says they are the detail.
      expect(overview).toContain(
        `${oneLine(w.network)} ${oneLine(w.detail)}${locale === "fr" ? " : " : ": "}Could not reach`,
      );
      fixture.close();
    },
  );
});

describe("the stale-data alert watches every configured source (with a clock)", () => {
  let smtp: TestSmtp;
  let fake: FakeCostExplorer;
  const opened = openSqliteStore(":memory:");
  const config = loadConfig({
    CAIRN_LOCALE: "fr",
    CAIRN_CLOUDWATCH_REGIONS: "eu-west-3",
    CAIRN_MAIL_FROM: "cairn@example.org",
    CAIRN_ALERT_TO: "tresorier@example.org",
    CAIRN_PUBLIC_URL: "https://cairn.example.org",
  });
  beforeAll(async () => {
    smtp = await startSmtp();
    fake = await startFakeCostExplorer({
      dataset: {
        records: demoLikeRecords({ from: "2025-07-01", to: "2026-07-24" }),
        estimated: (d) => d >= "2026-07-01",
      },
      pageSize: 5000,
    });
  });
  afterAll(async () => {
    await smtp.close();
    await fake.close();
    opened.close();
  });

  it("fires for CloudWatch alone, 36 hours after its first attempt, once, in French with what to do", async () => {
    expect(configuredSources(config)).toEqual(["cost-explorer", "cloudwatch"]);
    const clock = { now: T0 };
    const store = opened.store;
    const cloudWatch = await unreachableCloudWatch();
    const deps = {
      store,
      now: () => clock.now,
      mail: createSmtpTransport({ url: `smtp://127.0.0.1:${smtp.port}`, from: "cairn@example.org" }),
      webhook: null,
    };
    const args = alertsArgsFromConfig(config, true);
    /** Both collections at the clock's time, as the scheduler runs them, then the alerts. */
    const collectAndAlert = async (h: number) => {
      clock.now = hoursAfter(h);
      const ce = await collectCostExplorer(
        { store, costExplorer: testClient(fake.endpoint), now: () => clock.now },
        DEFAULT_ARGS,
      );
      expect(ce.status).toBe("succeeded");
      const cw = await collectCloudWatch({ store, cloudWatch, now: () => clock.now }, { regions: ["eu-west-3"] });
      expect(cw.status).toBe("failed");
      return runAlerts(deps, args);
    };
    const stale = (s: Awaited<ReturnType<typeof runAlerts>>) => s.fresh.filter((a) => a.rule === "stale-data");

    expect(stale(await collectAndAlert(0))).toEqual([]);
    expect(stale(await collectAndAlert(12))).toEqual([]);
    expect(stale(await collectAndAlert(35.5))).toEqual([]);
    const due = stale(await collectAndAlert(36.5));
    expect(due.map((a) => a.key)).toEqual(["stale-data|cloudwatch|never|36h"]);
    // Once: the next runs hold the same alert but send nothing new.
    expect(stale(await collectAndAlert(48))).toEqual([]);

    const mails = smtp.messages.filter((m) => m.subject?.includes("CloudWatch"));
    expect(mails).toHaveLength(1);
    const mail = mails[0];
    expect(oneLine(mail?.subject ?? "")).toBe("Données périmées : aucune collecte réussie pour l'instant (CloudWatch)");
    const text = oneLine(mail?.text ?? "");
    expect(text).toContain(oneLine(COLLECT_ERROR_WORDS.fr.network));
    expect(text).toContain("Première tentative");
    expect(text).toContain("20 juillet 2026 à 5 h 15 UTC");
    expect(text).toContain("https://cairn.example.org/runs");
    // Cost Explorer, fresh all along, never alerted.
    expect(smtp.messages.some((m) => m.subject?.includes("Cost Explorer"))).toBe(false);
  });
});
