import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSmtpTransport } from "../../reports/mail/smtp";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { loadConfig } from "../../src/config";
import { type ReportArgs, reportJobHandlers, runReport } from "../../src/jobs/report";
import type { OpenedStore } from "../../src/store/open-sqlite";
import { findReport } from "../../src/store/reports";
import { openDemoStore, squash, sumCost } from "../helpers/report-demo";
import { startSmtp, type TestSmtp } from "../helpers/smtp";

// A Monday morning, Paris time: the report covers Monday 16 to Sunday 22 November.
const NOW = new Date("2026-11-23T06:00:00.000Z");
let opened: OpenedStore;
let smtp: TestSmtp;

beforeAll(async () => {
  opened = await openDemoStore(NOW);
  smtp = await startSmtp();
});
afterAll(async () => {
  opened.close();
  await smtp.close();
});

const args: ReportArgs = {
  kind: "weekly",
  lang: "fr",
  currency: "USD",
  send: true,
  to: ["budget@example.org"],
  ceMaxRequests: 300,
  factorSet: "cairn-2026",
};

const usd = (n: number) =>
  new Intl.NumberFormat("fr-FR", { style: "currency", currency: "USD", minimumFractionDigits: 2 }).format(n);

describe("weekly report through a real SMTP server", () => {
  it("arrives once, with the week's figures and its chart attachments", async () => {
    const mail = createSmtpTransport({ url: `smtp://127.0.0.1:${smtp.port}`, from: "cairn@example.org" });
    const deps = { store: opened.store, now: () => NOW, mail, renderers: nodeRenderers };
    const first = await runReport(deps, args);
    expect(first.outcome).toBe("sent");
    expect(first.period).toBe("2026-11-16");
    const second = await runReport(deps, args);
    expect(second.outcome).toBe("already-sent");
    expect(smtp.messages).toHaveLength(1);

    const message = smtp.messages[0];
    if (!message) throw new Error("no message");
    const week = sumCost(opened, "2026-11-16", "2026-11-23");
    const before = sumCost(opened, "2026-11-09", "2026-11-16");
    const website = sumCost(opened, "2026-11-16", "2026-11-23", "pipeline = ?", ["website"]);
    const mtd = sumCost(opened, "2026-11-01", "2026-11-23");
    expect(squash(message.subject ?? "")).toBe(
      squash(`Cairn hebdo : ${usd(week)} dépensés, semaine du 16 novembre 2026`),
    );
    for (const needle of [usd(week), usd(before), usd(website), usd(mtd), "22 novembre 2026"]) {
      expect(squash(message.text ?? "")).toContain(squash(needle));
      expect(squash(String(message.html))).toContain(squash(needle));
    }
    const images = message.attachments.filter((a) => a.contentType === "image/png");
    expect(images.map((a) => a.cid).sort()).toEqual(["weekly-burn@cairn", "weekly-daily@cairn"]);
    for (const image of images) expect(image.content.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(String(message.html)).toContain("cid:weekly-daily@cairn");

    const archived = await findReport(opened.store, "weekly", "2026-11-16", "fr");
    expect(archived?.sentAt).toBe(NOW.toISOString());
    expect(archived?.html).toContain("data:image/png;base64,");

    // The scheduler's job finds it sent and sends nothing more.
    const config = loadConfig({ CAIRN_REPORT_TO: "budget@example.org", CAIRN_LOCALE: "fr" });
    const jobs = reportJobHandlers({
      store: opened.store,
      now: () => NOW,
      config,
      mail: () => mail,
      renderers: nodeRenderers,
    });
    expect(await jobs["weekly-report"]()).toBe("weekly report 2026-11-16 (fr): already sent, not sent again");
    expect(smtp.messages).toHaveLength(1);
    const silent = reportJobHandlers({
      store: opened.store,
      now: () => NOW,
      config,
      mail: () => null,
      renderers: nodeRenderers,
    });
    expect(await silent["weekly-report"]()).toBe("weekly report skipped: no mail transport configured");
  });
});
