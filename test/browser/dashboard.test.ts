/**
 * The dashboard in Debian's Chromium against the real server on demo data: sign in, every
 * page opens without console errors and with every chart drawn, a filter changes the figures
 * exactly as the API says, viewers cannot reach admin actions, the demo mode signs a local
 * browser in. Screenshots go to test-artifacts/screenshots/.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../src/auth/password";
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
if (!status.available) {
  if (process.env.CI === "true") {
    describe("browser", () => {
      it("needs Chromium on CI", () => {
        throw new Error(status.reason);
      });
    });
  } else {
    console.log(`browser tests skipped: ${status.reason}`);
  }
}

const ADMIN = { email: "consultant@example.org", password: "consultant-password-1" };
const VIEWER = { email: "director@example.org", password: "director-password-1" };

/** Collects console errors and page errors for a page's whole life. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

async function signIn(page: Page, base: string, who: { email: string; password: string }) {
  await page.goto(`${base}/`);
  expect(new URL(page.url()).pathname).toBe("/signin");
  await page.fill("#email", who.email);
  await page.fill("#password", who.password);
  await page.click("form.stack button[type=submit]");
  await page.waitForLoadState("load");
  if (new URL(page.url()).pathname !== "/") {
    throw new Error(`sign-in failed at ${page.url()}: ${await page.locator("main").textContent()}`);
  }
}

/** Every canvas with a chart has been drawn by chart.js (app.js sets data-drawn). */
async function expectChartsDrawn(page: Page) {
  const count = await page.locator("canvas[data-chart]").count();
  if (count > 0) {
    await page.waitForFunction(
      () => [...document.querySelectorAll("canvas[data-chart]")].every((c) => (c as HTMLElement).dataset.drawn),
      undefined,
      { timeout: 15_000 },
    );
  }
  const states = await page.$$eval("canvas[data-chart]", (cs) =>
    cs.map((c) => `${c.id}=${(c as HTMLElement).dataset.drawn}`),
  );
  expect(states.filter((s) => !s.endsWith("=true"))).toEqual([]);
  return count;
}

describe.skipIf(!status.available)("dashboard in Chromium", () => {
  let browser: Browser;
  let server: RunningServer;
  let base: string;
  const where = tempDatabase();

  beforeAll(async () => {
    // Users first (as `cairn user add` would), then `cairn serve --demo`, which loads the demo
    // data and, since users exist, creates no demo user and signs nobody in automatically.
    const opened = openSqliteStore(where.db);
    const at = new Date().toISOString();
    await saveUser(
      opened.store,
      { email: ADMIN.email, role: "admin", passwordHash: await hashPassword(ADMIN.password) },
      at,
    );
    await saveUser(
      opened.store,
      { email: VIEWER.email, role: "viewer", passwordHash: await hashPassword(VIEWER.password) },
      at,
    );
    opened.close();
    [server, browser] = await Promise.all([
      startServer(where, { demo: true, env: { CAIRN_LOCALE: "fr" } }),
      launchChromium(),
    ]);
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    cleanup(where.dir);
  });

  describe("as an admin", () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
      page = await context.newPage();
      errors = watchErrors(page);
      await signIn(page, base, ADMIN);
    });
    afterAll(async () => context?.close());

    it("shows the overview with every chart drawn", async () => {
      expect(await page.locator("h1").textContent()).toBeTruthy();
      expect(await expectChartsDrawn(page)).toBeGreaterThanOrEqual(3);
      expect(await page.locator(".userbox").textContent()).toContain(ADMIN.email);
      await page.screenshot({ path: screenshotPath("overview-fr-desktop"), fullPage: true });
    });

    it("opens every page of the navigation without console errors, charts drawn", async () => {
      const links = await page.$$eval("header nav a", (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(links).toEqual(expect.arrayContaining(["/", "/costs", "/runs", "/settings", "/methodology"]));
      for (const path of links) {
        const response = await page.goto(`${base}${path}`);
        expect(response?.status(), path).toBe(200);
        await expectChartsDrawn(page);
        await page.screenshot({
          path: screenshotPath(`page${path === "/" ? "-overview" : path.replace(/\//g, "-")}`),
          fullPage: true,
        });
      }
      expect(errors).toEqual([]);
    });

    it("changes the figures when a filter changes, exactly as the API and the CSV say", async () => {
      await page.goto(`${base}/costs`);
      const allTotal = Number(await page.getAttribute("#explorer-total", "data-cost-usd"));
      const services = await page.$$eval("#f-service option", (os) =>
        os.map((o) => (o as HTMLOptionElement).value).filter((v) => v),
      );
      expect(services.length).toBeGreaterThan(1);
      await page.selectOption("#f-service", services[0] ?? "");
      await page.selectOption("#f-groupBy", "day");
      await Promise.all([page.waitForURL(/service=/), page.click("form.filters button[type=submit]")]);
      await expectChartsDrawn(page);
      const shown = Number(await page.getAttribute("#explorer-total", "data-cost-usd"));
      expect(shown).toBeLessThan(allTotal);
      const csvHref = (await page.getAttribute("#csv-link", "href")) ?? "";
      const apiQuery = csvHref.split("?")[1] ?? "";
      expect(apiQuery).toContain(`service=${encodeURIComponent(services[0] ?? "").replace(/%20/g, "+")}`);
      const api = await context.request.get(`${base}/api/v1/costs?${apiQuery}`);
      expect(api.status()).toBe(200);
      const body = (await api.json()) as { total: { costUsd: number }; rows: { key: string; costUsd: number }[] };
      expect(body.total.costUsd).toBeCloseTo(shown, 2);
      const tableRows = await page.locator("#explorer-table tbody tr").count();
      expect(tableRows).toBe(body.rows.length);
      const csv = await (await context.request.get(`${base}${csvHref}`)).text();
      const lines = csv.trim().split("\r\n");
      expect(lines).toHaveLength(body.rows.length + 2);
      expect(lines.at(-1)?.split(",")[1]).toBe(shown.toFixed(2));
      await page.screenshot({ path: screenshotPath("costs-filtered"), fullPage: true });
      expect(errors).toEqual([]);
    });

    it("sees and uses the admin forms", async () => {
      await page.goto(`${base}/settings`);
      await page.fill("#rate-month", "2026-01");
      await page.fill("#rate-value", "0.9123");
      await Promise.all([page.waitForURL(`${base}/settings`), page.click("#rate-form button[type=submit]")]);
      expect(await page.locator("#rates-table").textContent()).toContain("0,9123");
      expect(await page.locator("form[action='/runs/collect'], #rate-form").count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    });
  });

  describe("as a viewer", () => {
    let context: BrowserContext;
    let page: Page;
    let errors: string[];
    beforeAll(async () => {
      context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: "fr-FR", isMobile: true });
      page = await context.newPage();
      errors = watchErrors(page);
      await signIn(page, base, VIEWER);
    });
    afterAll(async () => context?.close());

    it("reads the overview on a phone", async () => {
      await expectChartsDrawn(page);
      await page.screenshot({ path: screenshotPath("overview-fr-phone"), fullPage: true });
      expect(errors).toEqual([]);
    });

    it("cannot see or reach admin actions", async () => {
      await page.goto(`${base}/settings`);
      expect(await page.locator(".admin-action").count()).toBe(0);
      expect(await page.locator("#viewer-note").count()).toBe(1);
      await page.goto(`${base}/runs`);
      expect(await page.locator("form[action='/runs/collect']").count()).toBe(0);
      // Even with the session's own CSRF token, the server refuses.
      const csrf = (await page.getAttribute("form.userbox input[name=_csrf]", "value")) ?? "";
      for (const [path, form] of [
        ["/settings/rates", { month: "2026-02", currency: "EUR", ratePerUsd: "0.9", _csrf: csrf }],
        ["/runs/collect", { _csrf: csrf }],
      ] as const) {
        const res = await context.request.post(`${base}${path}`, { form, headers: { origin: base }, maxRedirects: 0 });
        expect(res.status(), path).toBe(403);
      }
      expect(errors).toEqual([]);
    });

    it("signs out", async () => {
      await Promise.all([page.waitForURL(/\/signin/), page.click("form.userbox button")]);
      await page.goto(`${base}/costs`);
      expect(new URL(page.url()).pathname).toBe("/signin");
    });
  });
});

describe.skipIf(!status.available)("npm start's demo mode in Chromium", () => {
  it("opens straight onto the overview on localhost, with the demo admin made and printed", async () => {
    const where = tempDatabase();
    const [server, browser] = await Promise.all([
      startServer(where, { demo: true, env: { CAIRN_LOCALE: "en" } }),
      launchChromium(),
    ]);
    try {
      expect(server.output()).toMatch(/Created the demo admin demo@cairn\.localhost with password \S{16}/);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors = watchErrors(page);
      await page.goto(`http://localhost:${server.port}/`);
      expect(new URL(page.url()).pathname).toBe("/");
      expect(await page.locator(".userbox").textContent()).toContain("demo@cairn.localhost");
      await expectChartsDrawn(page);
      await page.screenshot({ path: screenshotPath("overview-en-demo"), fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.stop();
      cleanup(where.dir);
    }
  });
});
