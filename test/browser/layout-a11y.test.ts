/**
 * Every page of the demo at 1366 and 360 px wide, in French and in English: nothing wider than
 * the screen (no sideways scrolling of the page), no serious or critical axe-core violation
 * (WCAG 2.2 A/AA rules), the phone navigation folding behind its button, and the field error
 * flow of the budget form, the settings forms and the explorer's dates. Screenshots of every
 * page at both widths go to test-artifacts/screenshots/ (layout-<locale>-<width>-<page>.png).
 * flow of the budget form, the upkeep form and the explorer's dates. Screenshots of every page at both widths
 * go to test-artifacts/screenshots/ (layout-<locale>-<width>-<page>.png).
 */
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_GPU_INSTANCE } from "../../collectors/demo/metrics";
import { NAV } from "../../web/nav";
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
const AXE = createRequire(import.meta.url).resolve("axe-core");

/** Thirteen months back from today: the explorer's longest range, drawn month by month. */
const yearAgo = new Date(Date.UTC(new Date().getUTCFullYear() - 1, new Date().getUTCMonth(), 1))
  .toISOString()
  .slice(0, 10);

/**
 * Every page of the navigation (a page added there is checked too), the explorer's widest table,
 * its longest range by day and by account (named), and the overview with its taxes. (The demo's
 * archived reports, /reports/:id, are the mails as sent: checked for width by a test of their
 * own below.) And one resource's page (the demo's GPU instance, the month its
 * FOCUS export covers).
 */
const PAGES = [
  ...NAV.map((entry) => entry.path),
  "/costs?groupBy=pipeline&thenBy=service&compare=previous",
  `/resources/${DEMO_GPU_INSTANCE}`,
  `/costs?groupBy=day&from=${yearAgo}`,
  "/costs?groupBy=account",
  "/?taxes=show",
  // A budget's edit form, filled in place.
  `/budgets?edit=${encodeURIComponent("Site web — mensuel")}`,
];

/**
 * Tick labels of a chart's axis that run into each other: pairs of neighbouring labels whose
 * boxes, as chart.js laid them out, overlap or come within 4 px.
 */
async function overlappingTicks(page: Page, canvasId: string, axis: "x" | "y"): Promise<string[]> {
  return page.evaluate(
    ([id, ax]) => {
      type Item = { label: string | string[]; options: { translation: [number, number] }; font: { string: string } };
      const canvas = document.getElementById(id as string) as HTMLCanvasElement | null;
      const Chart = (window as unknown as { Chart: { getChart: (c: HTMLCanvasElement) => unknown } }).Chart;
      const chart = canvas
        ? (Chart.getChart(canvas) as {
            ctx: CanvasRenderingContext2D;
            scales: Record<string, { getLabelItems: () => Item[] }>;
          })
        : null;
      const scale = chart?.scales[ax as string];
      if (!chart || !scale) return [`no ${ax} axis on #${id}`];
      const boxes = scale.getLabelItems().map((item) => {
        chart.ctx.font = item.font.string;
        const text = Array.isArray(item.label) ? item.label.join(" ") : String(item.label);
        const width = chart.ctx.measureText(text).width;
        const [x] = item.options.translation;
        return { text, from: x - width / 2, to: x + width / 2 };
      });
      const out: string[] = [];
      for (let i = 1; i < boxes.length; i++) {
        const a = boxes[i - 1];
        const b = boxes[i];
        // Touching labels read as one ("100 $US150 $US"): at least a few pixels between them.
        if (a && b && b.from < a.to + 4) out.push(`${a.text} / ${b.text}`);
      }
      return out;
    },
    [canvasId, axis],
  );
}
const WIDTHS = [1366, 360] as const;

async function chartsDrawn(page: Page) {
  if ((await page.locator("canvas[data-chart]").count()) === 0) return;
  await page.waitForFunction(
    () => [...document.querySelectorAll("canvas[data-chart]")].every((c) => (c as HTMLElement).dataset.drawn),
    undefined,
    { timeout: 15_000 },
  );
}

/** How far the page reaches beyond the screen, and which elements do it. */
async function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 1 && r.width > 0) {
        // Only the outermost offender of a branch: a scroll box's content is fine.
        let inside = false;
        for (let p = el.parentElement; p; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden") inside = true;
        }
        if (!inside) culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${el.className}`);
      }
    }
    return { excess: document.documentElement.scrollWidth - width, culprits: culprits.slice(0, 5) };
  });
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<unknown> } }).axe;
    return (await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    })) as { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

for (const locale of ["fr", "en"] as const) {
  describe.skipIf(!status.available)(`every page in ${locale} at 1366 and 360 px`, () => {
    let browser: Browser;
    let server: RunningServer;
    let base: string;
    const where = tempDatabase();
    /** A page of this locale's browser at a given screen size (bypassing CSP so axe can be injected). */
    const openPage = (width: number, height: number) =>
      browser.newPage({ viewport: { width, height }, locale: `${locale}-FR`, bypassCSP: true });

    beforeAll(async () => {
      [server, browser] = await Promise.all([
        startServer(where, { demo: true, env: { CAIRN_LOCALE: locale } }),
        launchChromium(),
      ]);
      // The demo signs a browser on localhost in as its admin.
      base = `http://localhost:${server.port}`;
    });
    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      cleanup(where.dir);
    });

    for (const width of WIDTHS) {
      describe(`at ${width} px`, () => {
        let page: Page;
        beforeAll(async () => {
          page = await openPage(width, 900);
        });
        afterAll(async () => page?.close());

        it.each(PAGES)(
          "%s: nothing wider than the screen, no serious axe violation",
          { timeout: 120_000 },
          async (path) => {
            const res = await page.goto(`${base}${path}`);
            expect(res?.status(), path).toBe(200);
            await chartsDrawn(page);
            const name = path === "/" ? "overview" : path.slice(1).replace(/[/?&=,]+/g, "-") || "overview";
            await page.screenshot({ path: screenshotPath(`layout-${locale}-${width}-${name}`), fullPage: true });
            const o = await overflow(page);
            expect({ path, excess: Math.max(0, o.excess), culprits: o.excess > 0 ? o.culprits : [] }).toEqual({
              path,
              excess: 0,
              culprits: [],
            });
            expect(await seriousViolations(page)).toEqual([]);
          },
        );
      });
    }

    it("shows each archived report mail within a phone's width (tiles wrap, nothing sideways)", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/reports`);
      const links = await page.$$eval("a[href^='/reports/']", (as) =>
        [...new Set(as.map((a) => a.getAttribute("href") ?? ""))].filter((h) => /^\/reports\/\d+$/.test(h)),
      );
      // The demo archives its last weekly and monthly reports.
      expect(links.length).toBeGreaterThanOrEqual(2);
      for (const href of links) {
        const res = await page.goto(`${base}${href}`);
        expect(res?.status(), href).toBe(200);
        const o = await overflow(page);
        await page.screenshot({ path: screenshotPath(`report-mail-${locale}-360-${href.slice(9)}`), fullPage: true });
        expect({ href, axe: await seriousViolations(page) }).toEqual({ href, axe: [] });
        expect({ href, excess: Math.max(0, o.excess), culprits: o.excess > 0 ? o.culprits : [] }).toEqual({
          href,
          excess: 0,
          culprits: [],
        });
      }
      await page.close();
    });

    it("keeps the cost-by-pipeline chart's amounts apart on a phone", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/`);
      await chartsDrawn(page);
      // Horizontal bars: the amounts are on the x axis, under the bars.
      expect(await overlappingTicks(page, "chart-pipelines", "x")).toEqual([]);
      await page.locator("#chart-pipelines").scrollIntoViewIfNeeded();
      await page.screenshot({ path: screenshotPath(`overview-pipelines-${locale}-360`), fullPage: false });
      await page.close();
    });

    it("shows each alert as a card on a phone, its subject across the card", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/alerts`);
      const subjects = page.locator("#alerts-table tbody th[scope=row]");
      expect(await subjects.count()).toBeGreaterThan(0);
      const box = await subjects.first().boundingBox();
      // Not squeezed beside the date column into one word per line.
      expect(box?.width ?? 0).toBeGreaterThan(250);
      await page.close();
    });

    it("folds the navigation behind its button on a phone", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/`);
      const toggle = page.locator(".nav-toggle");
      expect(await toggle.isVisible()).toBe(true);
      expect(await page.locator("#site-nav a[href='/costs']").isVisible()).toBe(false);
      const headerHeight = await page.locator("header.top").evaluate((h) => h.getBoundingClientRect().height);
      expect(headerHeight).toBeLessThan(140);
      await toggle.click();
      expect(await toggle.getAttribute("aria-expanded")).toBe("true");
      expect(await page.locator("#site-nav a[href='/costs']").isVisible()).toBe(true);
      await page.goto(`${base}/`);
      await page.setViewportSize({ width: 1366, height: 900 });
      expect(await toggle.isVisible()).toBe(false);
      expect(await page.locator("#site-nav a[href='/costs']").isVisible()).toBe(true);
      await page.close();
    });

    it("shows a refused budget's errors beside its fields, keeps what was typed, then saves it", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/budgets`);
      await page.fill("#budget-name", "Essai");
      await page.fill("#budget-amount", "douze");
      await page.fill("#budget-thresholds", "50,5000");
      await Promise.all([page.waitForLoadState("load"), page.click("#budget-form button[type=submit]")]);
      expect(await page.inputValue("#budget-amount")).toBe("douze");
      expect(await page.inputValue("#budget-name")).toBe("Essai");
      const amountError = (await page.locator("#budget-amount-error").textContent()) ?? "";
      expect(amountError).toContain(locale === "fr" ? "doit être un nombre" : "must be a number");
      expect(await page.locator("#budget-thresholds-error").textContent()).toContain("5000");
      expect(await page.getAttribute("#budget-amount", "aria-invalid")).toBe("true");
      expect(await seriousViolations(page)).toEqual([]);
      expect((await overflow(page)).excess).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`form-errors-${locale}-360`), fullPage: true });
      await page.fill("#budget-amount", "12,5");
      await page.fill("#budget-thresholds", "80");
      await Promise.all([page.waitForURL(`${base}/budgets`), page.click("#budget-form button[type=submit]")]);
      expect(await page.locator("#budgets-table").textContent()).toContain("Essai");
      // Deleting asks first.
      await page.click(`#budgets-table a[href*="delete=Essai"]`);
      expect(await page.locator("#confirm-delete").isVisible()).toBe(true);
      await Promise.all([page.waitForURL(`${base}/budgets`), page.click("#confirm-delete button[type=submit]")]);
      expect(await page.locator("#budgets-table").textContent()).not.toContain("Essai");
      await page.close();
    });

    it("opens the coverage detail on keyboard focus, inside a phone's screen", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/carbon`);
      const tip = page.locator("#carbon-coverage-detail");
      expect(await tip.isVisible()).toBe(false);
      await page.focus("#carbon-coverage .tip-button");
      expect(await tip.isVisible()).toBe(true);
      const box = await tip.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      await page.screenshot({ path: screenshotPath(`coverage-tip-${locale}-360`), fullPage: false });
      await page.close();
    });

    it("shows an edited budget's errors beside its fields, keeps what was typed, and leaves the budget as it was", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/budgets?edit=${encodeURIComponent("Site web — mensuel")}`);
      expect(await page.inputValue("#budget-name")).toBe("Site web — mensuel");
      await page.fill("#budget-amount", "cinquante");
      await Promise.all([page.waitForLoadState("load"), page.click("#budget-form button[type=submit]")]);
      expect(await page.inputValue("#budget-amount")).toBe("cinquante");
      expect(await page.locator("#budget-amount-error").textContent()).toContain(
        locale === "fr" ? "doit être un nombre" : "must be a number",
      );
      expect(await page.getAttribute("#budget-amount", "aria-invalid")).toBe("true");
      expect(await seriousViolations(page)).toEqual([]);
      expect((await overflow(page)).excess).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`form-edit-errors-${locale}-360`), fullPage: true });
      // The budget itself is unchanged.
      expect(await page.locator("#budgets-table").textContent()).toContain(locale === "fr" ? "50,00" : "50.00");
      await page.close();
    });

    it("shows the settings forms' errors beside their fields, keeps what was typed, and saves nothing", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/settings`);
      // The tables' rows (none when a table is empty: then it is a sentence, not a table).
      const rows = await page.locator("#rates-table tbody tr").count();
      const plannedRows = await page.locator("#planned-table tbody tr").count();
      await page.fill("#rate-month", "2026-13");
      await page.fill("#rate-value", "quatre-vingt");
      await Promise.all([page.waitForLoadState("load"), page.click("#rate-form button[type=submit]")]);
      expect(await page.inputValue("#rate-value")).toBe("quatre-vingt");
      expect(await page.locator("#rate-value-error").textContent()).toBe(
        locale === "fr" ? "doit être un nombre" : "must be a number",
      );
      expect(await page.getAttribute("#rate-value", "aria-invalid")).toBe("true");
      expect(await page.getAttribute("#rate-value", "aria-describedby")).toBe("rate-value-error");
      expect(await page.locator("#form-errors a[href='#rate-month']").count()).toBe(1);
      expect(await page.locator("#rates-table tbody tr").count()).toBe(rows);
      expect(await seriousViolations(page)).toEqual([]);
      expect((await overflow(page)).excess).toBeLessThanOrEqual(0);

      await page.fill("#planned-name", "Campagne");
      await page.fill("#planned-from", "2026-06-10");
      await page.fill("#planned-to", "2026-06-01");
      await Promise.all([page.waitForLoadState("load"), page.click("#planned-form button[type=submit]")]);
      expect(await page.inputValue("#planned-name")).toBe("Campagne");
      expect(await page.inputValue("#planned-to")).toBe("2026-06-01");
      expect(await page.locator("#planned-to-error").textContent()).toBe(
        locale === "fr" ? "ne doit pas précéder le premier jour" : "must not be before the first day",
      );
      expect(await page.getAttribute("#planned-to", "aria-invalid")).toBe("true");
      expect(await page.locator("#planned-table tbody tr").count()).toBe(plannedRows);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`form-settings-errors-${locale}-360`), fullPage: true });
      await page.close();
    });

    it("shows a refused upkeep entry's errors beside its fields, keeps what was typed, then adds it", async () => {
      const page = await openPage(360, 740);
      await page.goto(`${base}/tuning`);
      await page.fill("#u-pipeline", "temperatures");
      await page.fill("#u-hours", "2");
      await page.fill("#u-what", "Sonde réparée");
      // Nobody named: the server refuses (the form leaves checking to it, as the budget's).
      await Promise.all([page.waitForLoadState("load"), page.click("#upkeep-form button[type=submit]")]);
      expect(await page.locator("#u-person-error").textContent()).toContain(
        locale === "fr" ? "doit nommer qui l'a fait" : "must name who did it",
      );
      expect(await page.getAttribute("#u-person", "aria-invalid")).toBe("true");
      expect(await page.getAttribute("#u-person", "aria-describedby")).toBe("u-person-error");
      expect(await page.inputValue("#u-what")).toBe("Sonde réparée");
      expect(await page.inputValue("#u-hours")).toBe("2");
      expect(await page.inputValue("#u-pipeline")).toBe("temperatures");
      expect(await page.locator("#form-errors a[href='#u-person']").isVisible()).toBe(true);
      expect(await page.locator("#upkeep-entries li", { hasText: "Sonde réparée" }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      expect((await overflow(page)).excess).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`form-upkeep-errors-${locale}-360`), fullPage: true });
      await page.fill("#u-person", "Camille");
      await Promise.all([page.waitForURL(/\/tuning#upkeep$/), page.click("#upkeep-form button[type=submit]")]);
      expect(await page.locator("#upkeep-entries").textContent()).toContain("Sonde réparée");
      await page.close();
    });

    it("asks before removing an upkeep entry: refused, the entry stays; agreed, it goes", async () => {
      const page = await openPage(1366, 900);
      await page.goto(`${base}/tuning`);
      const what = `Entrée à retirer ${locale}`;
      await page.fill("#u-pipeline", "website");
      await page.fill("#u-hours", "1");
      await page.fill("#u-person", "Lou");
      await page.fill("#u-what", what);
      await Promise.all([page.waitForURL(/\/tuning#upkeep$/), page.click("#upkeep-form button[type=submit]")]);
      const entry = page.locator("#upkeep-entries li", { hasText: what });
      expect(await entry.count()).toBe(1);
      const questions: string[] = [];
      let agree = false;
      page.on("dialog", (dialog) => {
        questions.push(dialog.message());
        void (agree ? dialog.accept() : dialog.dismiss());
      });
      await entry.locator("button[type=submit]").click();
      expect(questions).toHaveLength(1);
      expect(questions[0]).toMatch(
        locale === "fr"
          ? /^Supprimer cette entrée d'entretien \(.*Lou\)\u00a0\?$/
          : /^Remove this upkeep entry \(.*Lou\)\?$/,
      );
      await page.reload();
      expect(await entry.count()).toBe(1);
      agree = true;
      await Promise.all([page.waitForURL(/\/tuning/), entry.locator("button[type=submit]").click()]);
      await page.waitForLoadState("load");
      expect(questions).toHaveLength(2);
      expect(await entry.count()).toBe(0);
      await page.close();
    });

    it("keeps a bad explorer date in its field with the error beside it", async () => {
      const page = await openPage(360, 740);
      const res = await page.goto(`${base}/costs?from=2026-11-10&to=2026-11-01`);
      expect(res?.status()).toBe(400);
      expect(await page.locator("#f-to-error").isVisible()).toBe(true);
      expect(await page.inputValue("#f-to")).toBe("2026-11-01");
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  });
}
