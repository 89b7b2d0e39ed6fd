/** The budgets and alerts pages over a real store, signed in as a viewer and as an admin. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eachDay } from "../../src/days";
import { listBudgets, saveBudget } from "../../src/store/budgets";
import { upsertCostLines } from "../../src/store/cost-lines";
import { claimNotification, enqueue, markAttemptFailed } from "../../src/store/notifications";
import { line, unestimated } from "../helpers/lines";
import { webFixture } from "../helpers/web";

const fixture = webFixture({ CAIRN_LOCALE: "en" });
afterAll(() => fixture.close());

beforeAll(async () => {
  // $10 a day from Nov 1 to Nov 17 (the fixture's today is Nov 18) on a $200 monthly budget.
  await upsertCostLines(
    fixture.store,
    unestimated(eachDay("2026-11-01", "2026-11-18").map((day) => line({ day, unblendedCostUsd: 10 }))),
    "2026-11-18T06:00:00Z",
  );
  await saveBudget(
    fixture.store,
    {
      name: "Labo <b>",
      amount: 200,
      currency: "USD",
      periodKind: "month",
      customPeriod: null,
      scopeKind: "all",
      scopeValue: "",
      thresholds: [{ kind: "actual", ratio: 0.8 }],
    },
    "2026-11-01T00:00:00Z",
  );
  await enqueue(
    fixture.store,
    [
      {
        key: "k1",
        channel: "email",
        kind: "budget-threshold",
        recipients: ["a@example.org"],
        subject: "Budget Labo: 85% spent",
        bodyText: "t",
        bodyHtml: "<p>h</p>",
        payload: null,
      },
      {
        key: "k2",
        channel: "webhook",
        kind: "anomaly",
        recipients: [],
        subject: "Cost spike <script>",
        bodyText: "t",
        bodyHtml: null,
        payload: null,
      },
      {
        key: "k3",
        channel: "email",
        kind: "budget-threshold",
        recipients: [],
        subject: "covered one",
        bodyText: "t",
        bodyHtml: null,
        payload: null,
        status: "covered",
      },
    ],
    "2026-11-18T07:00:00Z",
  );
  const [row] = fixture.sqlite.prepare("select id from notifications where key = 'k2'").all() as { id: number }[];
  const at = "2026-11-18T07:00:00.000Z";
  await claimNotification(fixture.store, row?.id ?? 0, { token: "t1", at, leaseUntil: "2026-11-18T07:15:00.000Z" });
  await markAttemptFailed(fixture.store, row?.id ?? 0, "t1", "HTTP 502: bad gateway");
});

describe("budgets page", () => {
  it("lists each budget with its spend and forecast bars, names escaped", async () => {
    const viewer = await fixture.signIn("viewer");
    const res = await viewer.request("/budgets");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Labo &lt;b&gt;");
    expect(html).not.toContain("Labo <b>");
    // 170 of 200 spent; forecast 300 (13 more days at $10).
    expect(html).toMatch(/<meter[^>]*value="0.85"/);
    // Amount and percentage each kept on one line (never "85" / "%" on two lines on a phone).
    expect(html).toContain('<span class="nowrap">US$170.00</span> <span class="nowrap">(85%)</span>');
    expect(html).toContain('<span class="nowrap">US$300.00</span> <span class="nowrap">(150%)</span>');
    expect(html).toContain('id="viewer-note"');
    expect(html).not.toContain('id="budget-form"');
  });

  it("lets an admin add and remove a budget; refuses viewers and bad input", async () => {
    const admin = await fixture.signIn("admin", "boss@example.org");
    const page = await (await admin.request("/budgets")).text();
    expect(page).toContain('id="budget-form"');
    expect(page).toContain(`name="_csrf" value="${admin.csrfToken}"`);
    const form = {
      name: "Saison",
      amount: "750",
      currency: "EUR",
      periodKind: "custom",
      from: "2026-06-01",
      to: "2026-09-30",
      scopeKind: "pipeline",
      scopeValue: "camera-traps",
      thresholds: "50,90,forecast:100",
    };
    // "camera-traps" matches no pipeline seen: asked to confirm first, with what was typed kept.
    const unconfirmed = await admin.request("/budgets", { form });
    expect(unconfirmed.status).toBe(400);
    const asked = await unconfirmed.text();
    expect(asked).toMatch(/id="budget-scope-value-error">“camera-traps” matches no pipeline Cairn has seen/);
    expect(asked).toContain('name="confirmUnknownScope"');
    expect(asked).toMatch(/id="budget-amount"[^>]*value="750"/);
    const saved = await admin.request("/budgets", { form: { ...form, confirmUnknownScope: "yes" } });
    expect(saved.status).toBe(303);
    expect((await listBudgets(fixture.store)).find((b) => b.name === "Saison")).toEqual({
      name: "Saison",
      amount: 750,
      currency: "EUR",
      periodKind: "custom",
      customPeriod: { from: "2026-06-01", to: "2026-10-01" },
      scopeKind: "pipeline",
      scopeValue: "camera-traps",
      thresholds: [
        { kind: "actual", ratio: 0.5 },
        { kind: "actual", ratio: 0.9 },
        { kind: "forecast", ratio: 1 },
      ],
    });
    const bad = await admin.request("/budgets", { form: { ...form, name: "Autre", thresholds: "lots" } });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toMatch(/id="budget-thresholds-error">“lots” is not a percentage/);
    expect(badHtml).toMatch(/<input id="budget-thresholds" name="thresholds" value="lots" aria-invalid="true"/);
    expect(badHtml).toContain('<a href="#budget-thresholds">Alert thresholds</a>');
    // Edit in place: the form comes filled in, and a rename keeps one budget.
    const edit = await (await admin.request(`/budgets?edit=${encodeURIComponent("Saison")}`)).text();
    expect(edit).toContain('<input type="hidden" name="of" value="Saison"/>');
    expect(edit).toMatch(/id="budget-to"[^>]*value="2026-09-30"/);
    const changed = await admin.request("/budgets", {
      form: { ...form, of: "Saison", name: "Saison 2026", amount: "12,5" },
    });
    expect(changed.status).toBe(303);
    expect((await listBudgets(fixture.store)).map((b) => [b.name, b.amount])).toEqual([
      ["Labo <b>", 200],
      ["Saison 2026", 12.5],
    ]);
    const viewer = await fixture.signIn("viewer", "v2@example.org");
    expect((await viewer.request("/budgets/delete", { form: { name: "Saison 2026", confirm: "yes" } })).status).toBe(
      403,
    );
    // Deleting asks first: the link opens a confirmation, an unconfirmed POST deletes nothing.
    const ask = await (await admin.request("/budgets?delete=Saison%202026")).text();
    expect(ask).toMatch(/id="confirm-delete"[\s\S]*Delete the budget “Saison 2026”\?[\s\S]*name="confirm" value="yes"/);
    expect((await admin.request("/budgets/delete", { form: { name: "Saison 2026" } })).status).toBe(200);
    expect((await listBudgets(fixture.store)).length).toBe(2);
    expect((await admin.request("/budgets/delete", { form: { name: "Saison 2026", confirm: "yes" } })).status).toBe(
      303,
    );
    expect((await listBudgets(fixture.store)).map((b) => b.name)).toEqual(["Labo <b>"]);
  });
});

describe("alerts page", () => {
  it("shows each message's delivery state, attempts and error, escaped; covered keys hidden", async () => {
    const viewer = await fixture.signIn("viewer", "v3@example.org");
    const html = await (await viewer.request("/alerts")).text();
    expect(html).toContain("Budget Labo: 85% spent");
    expect(html).toContain("Cost spike &lt;script&gt;");
    expect(html).toContain("HTTP 502: bad gateway");
    expect(html).toMatch(
      /data-key="k2"[\s\S]*?<td data-label="Delivery">queued<\/td><td data-label="Attempts">1<\/td>/,
    );
    expect(html).not.toContain("covered one");
    expect(html).toContain('id="pending-note"');
  });
});
