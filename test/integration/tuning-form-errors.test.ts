/**
 * The Tuning page's forms (a finding's state, an upkeep entry and its removal) refuse bad input
 * as the budget form does: the page again (400), each error beside its field in the reader's
 * language, what was typed kept, nothing written. Schema errors and the services' own refusals
 * take the same path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eachDay } from "../../src/days";
import type { CostLine } from "../../src/model";
import { upsertCostLines } from "../../src/store/cost-lines";
import { readFindingState } from "../../src/store/finding-states";
import { readDb } from "../../src/store/store";
import { listUpkeep } from "../../src/store/upkeep";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const SBX = "444455556666";
const ID = `nat-idle|${SBX}|eu-west-3|NAT gateway (1) in account ${SBX}`;
// An idle NAT gateway all along: one open finding on the page.
const lines: CostLine[] = eachDay("2026-09-01", "2026-10-26").map((day) =>
  line({
    day,
    service: "EC2 - Other",
    accountId: SBX,
    pipeline: "temperatures",
    usageType: "EUW3-NatGateway-Hours",
    usageUnit: "Hrs",
    usageAmount: 24,
    unblendedCostUsd: 24 * 0.052,
  }),
);

const WORDS = {
  en: {
    number: "must be a number",
    person: "must name who did it",
    future: "must not be in the future",
    reason: "a dismissal needs a reason",
    after: "must be after today",
    noEntry: "no upkeep entry 999",
    noFinding: "no finding nope",
  },
  fr: {
    number: "doit être un nombre",
    person: "doit nommer qui l'a fait",
    future: "ne doit pas être dans le futur",
    reason: "écarter un constat demande une raison",
    after: "doit être postérieure à aujourd'hui",
    noEntry: "aucune entrée d'entretien n°\u00a0999",
    noFinding: "aucun constat «\u202fnope\u202f»",
  },
} as const;

/** The page's HTML with its escaped apostrophes back, to compare with the words. */
async function pageOf(res: Response): Promise<string> {
  return (await res.text()).replace(/&#39;/g, "'");
}

/** The text of the element with this id. */
function textOf(html: string, id: string): string | undefined {
  return html.match(new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</`))?.[1];
}

/** The attributes of the input with this id. */
function inputOf(html: string, id: string): string {
  return html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0] ?? "";
}

/** The part of the page that is this finding's card. */
function cardOf(html: string, findingId: string): string {
  const start = html.indexOf(`data-finding-id="${findingId}"`);
  return start < 0 ? "" : html.slice(start, html.indexOf("</article>", start));
}

for (const locale of ["en", "fr"] as const) {
  describe(`the Tuning page's forms refuse bad input beside the field (${locale})`, () => {
    const w = WORDS[locale];
    const fixture = webFixture({ CAIRN_LOCALE: locale }, new Date("2026-10-26T09:00:00Z"));
    let admin: SignedIn;
    beforeAll(async () => {
      await upsertCostLines(fixture.store, unestimated(lines), "2026-10-26T00:00:00Z");
      admin = await fixture.signIn("admin");
    });
    afterAll(() => fixture.close());

    const upkeep = (form: Record<string, string>) =>
      admin.request("/tuning/upkeep", {
        method: "POST",
        form: {
          day: "2026-10-20",
          pipeline: "temperatures",
          hours: "3",
          person: "Camille",
          what: "Probe firmware",
          volunteered: "yes",
          ...form,
        },
      });
    const finding = (form: Record<string, string>) =>
      admin.request("/tuning/findings", { method: "POST", form: { findingId: ID, ...form } });

    it("upkeep: schema errors beside each field, what was typed kept, nothing written", async () => {
      const res = await upkeep({ hours: "beaucoup", person: "", what: "Sonde réparée", volunteered: "" });
      expect(res.status).toBe(400);
      const html = await pageOf(res);
      expect(textOf(html, "u-hours-error")).toContain(w.number);
      expect(textOf(html, "u-person-error")).toContain(w.person);
      expect(inputOf(html, "u-hours")).toContain('value="beaucoup"');
      expect(inputOf(html, "u-hours")).toContain('aria-invalid="true"');
      expect(inputOf(html, "u-hours")).toContain('aria-describedby="u-hours-error"');
      expect(inputOf(html, "u-what")).toContain('value="Sonde réparée"');
      expect(inputOf(html, "u-pipeline")).toContain('value="temperatures"');
      expect(inputOf(html, "u-volunteered")).not.toContain("checked");
      // The summary at the top links to the field.
      expect(html).toMatch(/id="form-errors"[\s\S]*href="#u-hours"/);
      expect(await listUpkeep(readDb(fixture.store), { from: "2026-10-01", to: "2026-11-01" })).toEqual([]);
    });

    it("upkeep: the service's own refusal (a day to come) takes the same path", async () => {
      const res = await upkeep({ day: "2026-12-01" });
      expect(res.status).toBe(400);
      const html = await pageOf(res);
      expect(textOf(html, "u-day-error")).toContain(w.future);
      expect(inputOf(html, "u-day")).toContain('value="2026-12-01"');
      expect(inputOf(html, "u-person")).toContain('value="Camille"');
      expect(await listUpkeep(readDb(fixture.store), { from: "2026-10-01", to: "2027-01-01" })).toEqual([]);
    });

    it("upkeep removal: an unknown entry is said on the page, not as bare text", async () => {
      const res = await admin.request("/tuning/upkeep/delete", { method: "POST", form: { id: "999" } });
      expect(res.status).toBe(400);
      const html = await pageOf(res);
      expect(html).toContain('id="upkeep-form"');
      expect(textOf(html, "upkeep-remove-error")).toContain(w.noEntry);
    });

    it("findings: a dismissal without reason and a past snooze, beside the field, nothing written", async () => {
      const dismiss = await finding({ action: "dismiss", reason: "  " });
      expect(dismiss.status).toBe(400);
      let card = cardOf(await pageOf(dismiss), ID);
      expect(card).toMatch(/<input[^>]*name="reason"[^>]*aria-invalid="true"/);
      expect(card).toMatch(new RegExp(`class="field-error"[^>]*>${w.reason}`));

      const snooze = await finding({ action: "snooze", until: "2026-10-01" });
      expect(snooze.status).toBe(400);
      card = cardOf(await pageOf(snooze), ID);
      expect(card).toMatch(/<input[^>]*name="until"[^>]*value="2026-10-01"[^>]*aria-invalid="true"/);
      expect(card).toContain(w.after);
      // The other forms of the card carry no error.
      expect(card).not.toMatch(/name="reason"[^>]*aria-invalid/);
      expect(await readFindingState(readDb(fixture.store), ID)).toBeNull();
    });

    it("findings: a form naming no known finding (schema or service) re-renders the page with the error", async () => {
      const none = await admin.request("/tuning/findings", { method: "POST", form: { action: "done" } });
      expect(none.status).toBe(400);
      expect(await pageOf(none)).toContain('id="finding-errors"');
      const unknown = await finding({ findingId: "nope", action: "done" });
      expect(unknown.status).toBe(400);
      expect(textOf(await pageOf(unknown), "finding-errors")).toBeDefined();
      const html = await pageOf(await finding({ findingId: "nope", action: "done" }));
      expect(html.slice(html.indexOf('id="finding-errors"'))).toContain(w.noFinding);
    });
  });
}
