// The monthly report's cron in workerd: figures from D1, mailed through SES v2 (a local endpoint
// on 127.0.0.1 started by global-setup.ts, checking SigV4). No canvas and no pdfkit on Workers:
// the email links each chart to its dashboard page, has no PDF and says where the report is;
// the report is archived (without PDF) and sent once.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../src/config";
import { eachDay } from "../../src/days";
import { buildJobHandlers } from "../../src/jobs/handlers";
import { JOB_TABLE } from "../../src/jobs/job-table";
import { upsertCostLines } from "../../src/store/cost-lines";
import worker, { d1Store } from "../../src/worker";
import { workerJobDeps } from "../../src/worker/job-deps";
import { line, unestimated } from "../helpers/lines";

const PUBLIC_URL = "https://cairn.example.org";
const sesEndpoint = inject("sesEndpoint");
const monthlyCron = JOB_TABLE.find((job) => job.name === "monthly-report")?.cron ?? "missing";

// What `wrangler.toml`'s [vars] and the secrets would add for reports mailed through SES.
const reportEnv = {
  ...env,
  CAIRN_MAIL_TRANSPORT: "ses",
  CAIRN_MAIL_FROM: "cairn@aarc.example.org",
  CAIRN_REPORT_TO: "direction@aarc.example.org",
  CAIRN_PUBLIC_URL: PUBLIC_URL,
  CAIRN_LOCALE: "fr",
  AWS_ENDPOINT_URL_SES: sesEndpoint,
};

interface SesMessage {
  url: string;
  auth: { ok: boolean; service?: string };
  body: {
    Destination?: { ToAddresses?: string[] };
    Content?: {
      Simple?: {
        Subject: { Data: string };
        Body: { Text: { Data: string }; Html: { Data: string } };
        Attachments?: { FileName: string }[];
      };
    };
  };
}

async function sesMessages(): Promise<SesMessage[]> {
  const all = (await (await fetch(`${sesEndpoint}/_received`)).json()) as SesMessage[];
  return all.filter((m) => m.url === "/v2/email/outbound-emails");
}

async function fire(cron: string, scheduledAt: string): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(
    createScheduledController({ cron, scheduledTime: Date.parse(scheduledAt) }),
    reportEnv as never,
    ctx,
  );
  await waitOnExecutionContext(ctx);
}

const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ");

describe("reports on Workers", () => {
  it("runs every job of the job table, through the same handlers as Node", () => {
    const handlers = buildJobHandlers(
      workerJobDeps(d1Store(env as never), loadConfig({}), env as never, () => new Date()),
    );
    expect(Object.keys(handlers).sort()).toEqual(JOB_TABLE.map((job) => job.name).sort());
  });

  it("mails the monthly report through SES with dashboard links for charts and no PDF, once", async () => {
    const store = d1Store(env as never);
    // October 2026, settled (no estimated line): two pipelines on every day of the month.
    const days = eachDay("2026-10-01", "2026-11-01");
    const lines = days.flatMap((day) => [
      line({ day, pipeline: "temperatures", unblendedCostUsd: 4, amortizedCostUsd: 4 }),
      line({
        day,
        pipeline: "camera-traps",
        service: "Amazon S3",
        usageType: "EUW3-TimedStorage-ByteHrs",
        unblendedCostUsd: 2.5,
        amortizedCostUsd: 2.5,
        usageUnit: "GB-Mo",
        usageAmount: 10,
      }),
    ]);
    await upsertCostLines(store, unestimated(lines), "2026-11-02T05:15:00.000Z");

    const before = (await sesMessages()).length;
    await fire(monthlyCron, "2026-11-03T06:30:00.000Z");
    const sent = (await sesMessages()).slice(before);
    expect(sent).toHaveLength(1);
    const [mail] = sent;
    expect(mail?.auth).toMatchObject({ ok: true, service: "ses" });
    const simple = mail?.body.Content?.Simple;
    expect(mail?.body.Destination?.ToAddresses).toEqual(["direction@aarc.example.org"]);
    expect(simple?.Subject.Data).toMatch(/octobre 2026/);
    // No chart image and no PDF: nothing attached at all.
    expect(simple?.Attachments ?? []).toEqual([]);
    const html = simple?.Body.Html.Data ?? "";
    const text = simple?.Body.Text.Data ?? "";
    expect(html).not.toContain("<img");
    expect(html).not.toContain("cid:");
    // Where each chart stood: the sentence and the link to its dashboard page.
    for (const path of ["/costs", "/budgets"]) {
      expect(html).toContain(`Les graphiques sont sur le tableau de bord : <a href="${PUBLIC_URL}${path}"`);
      expect(text).toContain(`Les graphiques sont sur le tableau de bord : ${PUBLIC_URL}${path}`);
    }
    expect(html).toContain(`<a href="${PUBLIC_URL}/reports"`);
    expect(squash(text)).toContain("Le PDF n'est pas joint à ce courriel");
    expect(squash(text)).toContain(
      `page Rapports du tableau de bord, d'où vous pouvez le télécharger ou l'enregistrer en PDF : ${PUBLIC_URL}/reports`,
    );
    // The month's total: 31 days x (4 + 2.50) USD = 201.50, in French format.
    expect(squash(text)).toContain("201,50");

    // Archived once, without PDF, marked sent; the next day's run sends nothing more.
    await fire(monthlyCron, "2026-11-04T06:30:00.000Z");
    expect((await sesMessages()).length).toBe(before + 1);
    const { results } = await env.DB.prepare(
      "SELECT kind, period, lang, pdf, sent_at, provisional, html FROM reports",
    ).all<{
      kind: string;
      period: string;
      lang: string;
      pdf: unknown;
      sent_at: string | null;
      provisional: number;
      html: string;
    }>();
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ kind: "monthly", period: "2026-10", lang: "fr", pdf: null, provisional: 0 });
    expect(results[0]?.sent_at).toMatch(/^2026-11-03T06:30/);
    expect(results[0]?.html).toContain(`${PUBLIC_URL}/costs`);
  });
});
