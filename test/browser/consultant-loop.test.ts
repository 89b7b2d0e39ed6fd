/**
 * The consultant's loop in Debian's Chromium on the demo: an admin marks a tuning finding done on
 * the Tuning page, logs upkeep with the page's form, and the report preview then shows both; the
 * cost incident of the demo's Lambda loop is acknowledged on the Incidents page. Screenshots of
 * the Tuning page, the report preview and the October report go to test-artifacts/screenshots/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password";
import { runAlerts } from "../../src/jobs/alerts";
import { openSqliteStore } from "../../src/store/open-sqlite";
import { saveUser } from "../../src/store/users";
import {
  chromiumStatus,
  cleanup,
  launchChromium,
  type RunningServer,
  screenshotPath,
  startServer,
  tempDatabase,
} from "./harness";

const status = chromiumStatus();
const ADMIN = { email: "camille@aarc.example.org", password: "consultante-mot-de-passe-1" };

describe.skipIf(!status.available)("the consultant's loop in Chromium", () => {
  let browser: Browser;
  let server: RunningServer;
  let base: string;
  let page: Page;
  const errors: string[] = [];
  const where = tempDatabase();

  beforeAll(async () => {
    const opened = openSqliteStore(where.db);
    await saveUser(
      opened.store,
      { email: ADMIN.email, role: "admin", passwordHash: await hashPassword(ADMIN.password) },
      new Date().toISOString(),
    );
    opened.close();
    [server, browser] = await Promise.all([
      startServer(where, { demo: true, env: { CAIRN_LOCALE: "fr", CAIRN_UPKEEP_HOUR_VALUE: "30" } }),
      launchChromium(),
    ]);
    base = `http://127.0.0.1:${server.port}`;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
    });
    await page.goto(`${base}/`);
    await page.fill("#email", ADMIN.email);
    await page.fill("#password", ADMIN.password);
    await page.click("form.stack button[type=submit]");
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe("/");
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    cleanup(where.dir);
  });

  it("marks the sandbox's idle NAT gateway done on the Tuning page", async () => {
    await page.goto(`${base}/tuning`);
    const card = page.locator('article.finding[data-kind="nat-idle"]');
    expect(await card.count()).toBe(1);
    const id = await card.getAttribute("data-finding-id");
    await card.locator('button[data-action="done"]').click();
    await page.waitForLoadState("load");
    const done = page.locator(`#done-findings tr[data-finding-id="${id}"]`);
    expect(await done.count()).toBe(1);
    expect(await done.textContent()).toContain(ADMIN.email);
    expect(await page.locator('article.finding[data-kind="nat-idle"]').count()).toBe(0);
  });

  it("logs upkeep with the page's form", async () => {
    await page.fill("#u-pipeline", "temperatures");
    await page.fill("#u-hours", "2.5");
    await page.fill("#u-person", "Camille");
    await page.fill("#u-what", "Passerelle NAT supprimée, sondes vérifiées");
    await page.click("#upkeep-form button[type=submit]");
    await page.waitForLoadState("load");
    expect(await page.locator("#upkeep-entries").textContent()).toContain("Passerelle NAT supprimée");
    // 2.5 h at CAIRN_UPKEEP_HOUR_VALUE 30 = 75,00 $US of upkeep in the temperatures pipeline.
    expect(
      (await page.locator('#ownership-table tr[data-pipeline="temperatures"]').textContent())?.replace(/\s/g, " "),
    ).toContain("75,00 $US");
    await page.screenshot({ path: screenshotPath("tuning-fr-after-done-and-upkeep"), fullPage: true });
  });

  it("the report preview shows both", async () => {
    await page.goto(`${base}/reports`);
    await page.click("#report-preview");
    await page.waitForLoadState("load");
    const text = (await page.locator("body").textContent())?.replace(/\s/g, " ") ?? "";
    expect(text).toContain("Ce que l'équipe a fait");
    expect(text).toMatch(new RegExp(`Fait le \\d+ \\S+ 2026 par ${ADMIN.email.replaceAll(".", "\\.")}`));
    expect(text).toContain("Heures d'entretien du mois : temperatures 2,5 h (dont 2,5 h bénévoles, valant 75,00 $US)");
    await page.screenshot({ path: screenshotPath("report-preview-fr-this-month"), fullPage: true });
    await page.goto(`${base}/reports/preview?period=2026-10`);
    expect(await page.locator("h1").textContent()).toContain("octobre 2026");
    await page.screenshot({ path: screenshotPath("report-preview-fr-october"), fullPage: true });
  });

  it("acknowledges the demo's cost incident on the Incidents page", async () => {
    // The demo schedules no collection, so no alert run: evaluate them as `cairn alerts --send`
    // would, looking back far enough to reach last month's Lambda loop.
    const opened = openSqliteStore(where.db);
    try {
      await runAlerts(
        { store: opened.store, now: () => new Date(), mail: null, webhook: null },
        {
          send: true,
          locale: "fr",
          currency: "USD",
          publicUrl: base,
          alertTo: [],
          ceMaxRequests: 300,
          lookbackDays: 62,
          sources: ["cost-explorer"],
        },
      );
    } finally {
      opened.close();
    }
    await page.goto(`${base}/incidents`);
    const rows = page.locator("#incidents-table tbody tr");
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator("#incidents-table").textContent()).toContain("EUW3-Lambda-GB-Second");
    await rows.first().locator('button[data-action="ack"]').click();
    await page.waitForLoadState("load");
    expect(await page.locator("#incidents-table tbody tr").first().textContent()).toContain("pris en charge");
    await page.screenshot({ path: screenshotPath("incidents-fr"), fullPage: true });
    expect(errors).toEqual([]);
  });
});
