/**
 * SES v2 and the webhook against local servers on 127.0.0.1: the SDK signs (SigV4, checked by
 * recomputing the signature) and speaks SES's REST JSON protocol (POST /v2/email/outbound-emails).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailTransport, createWebhookFromConfig } from "../../reports/mail/factory";
import { createSesClient } from "../../reports/mail/ses-client";
import { createSmtpTransport } from "../../reports/mail/smtp";
import { MailError } from "../../reports/mail/transport";
import { loadConfig } from "../../src/config";
import { eachDay } from "../../src/days";
import { runAlerts } from "../../src/jobs/alerts";
import { saveBudget } from "../../src/store/budgets";
import { upsertCostLines } from "../../src/store/cost-lines";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { finishRun, startRun } from "../../src/store/runs";
import { notifications } from "../../src/store/schema/index";
import { readDb } from "../../src/store/store";
import { type FakeSes, type SesReceived, startFakeSes } from "../helpers/fake-ses";
import { line, unestimated } from "../helpers/lines";

const SECRET = "local-test-secret-key";
const credentials = { accessKeyId: "AKIDLOCALTEST", secretAccessKey: SECRET };

/** What the fake webhook answers next; the SES endpoint has its own mode (setMode). */
let mode: "ok" | "rejected" | "down" = "ok";
let ses: FakeSes;
let received: SesReceived[] = [];
const hooks: Record<string, unknown>[] = [];

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      resolve(typeof a === "object" && a ? `http://127.0.0.1:${a.port}` : "");
    }),
  );
}

/** Sets what both local servers answer next. */
function setMode(next: typeof mode): void {
  mode = next;
  ses.setMode(next === "rejected" ? "rejected" : "ok");
}

const webhook = createServer(async (req, res) => {
  const raw = await readBody(req);
  if (mode === "down") {
    res.writeHead(502, { "content-type": "text/plain" });
    res.end("bad gateway");
    return;
  }
  hooks.push({ contentType: req.headers["content-type"], ...JSON.parse(raw.toString("utf8")) });
  res.writeHead(200, { "content-type": "text/plain" });
  res.end("ok");
});

let sesUrl = "";
let hookUrl = "";
beforeAll(async () => {
  ses = await startFakeSes({ secretAccessKey: SECRET });
  received = ses.received;
  sesUrl = ses.endpoint;
  hookUrl = await listen(webhook);
});
afterAll(async () => {
  await ses.close();
  webhook.close();
});

function sesTransport() {
  const config = loadConfig({ CAIRN_MAIL_TRANSPORT: "ses", CAIRN_MAIL_FROM: "cairn@aarc.example.org" });
  const t = createMailTransport(config, {
    ses: () => createSesClient({ endpoint: sesUrl }, { region: "eu-west-3", credentials, maxAttempts: 1 }),
    smtp: createSmtpTransport,
  });
  if (!t) throw new Error("no transport");
  return t;
}

describe("SES v2 transport", () => {
  it("sends a signed SendEmail with Simple content, attachments included", async () => {
    setMode("ok");
    received.length = 0;
    const pdf = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55, 0, 255]);
    const out = await sesTransport().send({
      to: ["tresorier@aarc.example.org", "direction@aarc.example.org"],
      subject: "Budget camera-traps : 82 % consommé au 18 novembre",
      text: "texte",
      html: "<p>html</p>",
      attachments: [{ filename: "rapport.pdf", contentType: "application/pdf", content: pdf }],
    });
    expect(out.id).toBe("local-1");
    const [r] = received;
    expect(r?.auth).toMatchObject({ ok: true, accessKeyId: "AKIDLOCALTEST", region: "eu-west-3", service: "ses" });
    expect(r?.method).toBe("POST");
    expect(r?.url).toBe("/v2/email/outbound-emails");
    expect(r?.body).toMatchObject({
      FromEmailAddress: "cairn@aarc.example.org",
      Destination: { ToAddresses: ["tresorier@aarc.example.org", "direction@aarc.example.org"] },
      Content: {
        Simple: {
          Subject: { Data: "Budget camera-traps : 82 % consommé au 18 novembre", Charset: "UTF-8" },
          Body: { Text: { Data: "texte", Charset: "UTF-8" }, Html: { Data: "<p>html</p>", Charset: "UTF-8" } },
          Attachments: [
            {
              FileName: "rapport.pdf",
              ContentType: "application/pdf",
              RawContent: Buffer.from(pdf).toString("base64"),
            },
          ],
        },
      },
    });
  });

  it("turns an SES refusal into a MailError naming it", async () => {
    setMode("rejected");
    await expect(sesTransport().send({ to: ["x@example.org"], subject: "s", text: "t", html: "h" })).rejects.toThrow(
      new MailError("ses", "MessageRejected: Email address is not verified."),
    );
    setMode("ok");
  });

  it("delivers alerts through SES and the webhook once, keeping refused ones queued", async () => {
    const { store, close } = openSqliteStore(":memory:");
    try {
      const now = () => new Date("2026-11-14T08:00:00Z");
      // $10 a day since November 1st on a $100 monthly budget: 130 % spent.
      await upsertCostLines(
        store,
        unestimated(eachDay("2026-11-01", "2026-11-14").map((day) => line({ day, unblendedCostUsd: 10 }))),
        "2026-11-14T07:00:00Z",
      );
      const run = await startRun(store, { source: "cost-explorer", startedAt: "2026-11-14T07:00:00Z" });
      await finishRun(store, run, { finishedAt: "2026-11-14T07:01:00Z", status: "succeeded" });
      await saveBudget(
        store,
        {
          name: "Labo",
          amount: 100,
          currency: "USD",
          periodKind: "month",
          customPeriod: null,
          scopeKind: "all",
          scopeValue: "",
          thresholds: [{ kind: "actual", ratio: 1 }],
        },
        "2026-11-01T00:00:00Z",
      );
      const deps = {
        store,
        now,
        mail: sesTransport(),
        webhook: createWebhookFromConfig(loadConfig({ CAIRN_WEBHOOK_URL: `${hookUrl}/hooks/abc` })),
      };
      const args = {
        send: true,
        locale: "en" as const,
        currency: "USD" as const,
        publicUrl: "http://localhost:8787",
        alertTo: ["t@aarc.example.org"],
        ceMaxRequests: 300,
        sources: ["cost-explorer"],
      };

      setMode("rejected");
      received.length = 0;
      hooks.length = 0;
      const refused = await runAlerts(deps, args);
      expect(refused.failures.map((f) => f.channel).sort()).toEqual(["email"]);
      expect(refused).toMatchObject({ sent: 1, pending: 1 });
      expect(hooks).toHaveLength(1);
      expect(hooks[0]).toMatchObject({
        contentType: "application/json",
        subject: "Budget Labo: 130% spent as of 13 November",
        key: "budget-threshold|budget:Labo|2026-11|actual-100",
        link: "http://localhost:8787/budgets",
      });
      expect(String(hooks[0]?.text)).toContain("Budget Labo: 130% spent as of 13 November");
      expect(String(hooks[0]?.text)).toContain("http://localhost:8787/budgets");
      const [queued] = await readDb(store).select().from(notifications).where(eq(notifications.channel, "email"));
      expect(queued).toMatchObject({ status: "queued", attempts: 1 });
      expect(queued?.lastError).toContain("MessageRejected");

      setMode("ok");
      const back = await runAlerts(deps, args);
      expect(back).toMatchObject({ sent: 1, pending: 0, failures: [] });
      const sent = received.filter((r) => r.auth.ok && r.url === "/v2/email/outbound-emails");
      const last = sent[sent.length - 1]?.body as {
        Content: { Simple: { Subject: { Data: string }; Body: { Html: { Data: string } } } };
      };
      expect(last.Content.Simple.Subject.Data).toBe("Budget Labo: 130% spent as of 13 November");
      expect(last.Content.Simple.Body.Html.Data).toContain('href="http://localhost:8787/budgets"');

      const again = await runAlerts(deps, args);
      expect(again).toMatchObject({ sent: 0, pending: 0, fresh: [] });
      expect(hooks).toHaveLength(1);
    } finally {
      close();
    }
  });

  it("a webhook that answers 5xx leaves the message queued", async () => {
    setMode("down");
    const hook = createWebhookFromConfig(loadConfig({ CAIRN_WEBHOOK_URL: `${hookUrl}/x` }));
    await expect(
      hook?.post({ text: "t", subject: "s", key: "k", rule: "r", severity: "info", link: "l" }),
    ).rejects.toThrow(/HTTP 502/);
    setMode("ok");
  });
});
