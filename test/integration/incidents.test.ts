/**
 * Cost incidents end to end on the demo data: the alerts record the runaway Lambda loop as one
 * incident; viewers read it on the Incidents page with its explorer link; admins acknowledge and
 * resolve it (page and `cairn incidents`), through the services, who and when recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/command";
import { CliFailure, UsageError } from "../../src/cli/command";
import { incidentsCommand } from "../../src/cli/incidents";
import { runAlerts } from "../../src/jobs/alerts";
import { loadDemo } from "../../src/jobs/load-demo";
import { acknowledgeIncident } from "../../src/services/acknowledge-incident";
import { ServiceInputError } from "../../src/services/errors";
import { setRate } from "../../src/store/currency-rates";
import { listIncidents } from "../../src/store/incidents";
import { readDb } from "../../src/store/store";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-11-14T08:00:00Z");
const fixture = webFixture({ CAIRN_LOCALE: "fr" }, NOW);
const args = {
  send: true,
  locale: "fr" as const,
  currency: "USD" as const,
  publicUrl: "http://localhost:8787",
  alertTo: [],
  ceMaxRequests: 300,
  lookbackDays: 40,
  sources: ["cost-explorer"],
};
let admin: SignedIn;
let viewer: SignedIn;

beforeAll(async () => {
  await loadDemo(
    { store: fixture.store, now: () => NOW, estimate: (lines) => lines.map((line) => ({ line, footprint: null })) },
    { onlyIfEmpty: false },
  );
  admin = await fixture.signIn("admin", "camille@aarc.example.org");
  viewer = await fixture.signIn("viewer", "direction@aarc.example.org");
});
afterAll(() => fixture.close());

function cli(lines: string[], config: Partial<CliContext["config"]> = {}): CliContext {
  return {
    config: { ...fixture.config, ...config },
    openStore: () => fixture.store,
    now: () => NOW,
    out: (t: string) => lines.push(t),
    err: (t: string) => lines.push(t),
    interactive: false,
  } as unknown as CliContext;
}

const plain = (s: string) => s.replace(/\s/g, " ");

describe("cost incidents", () => {
  it("the alerts record the demo's loop as one incident, also with no mail configured, and not twice", async () => {
    expect(await listIncidents(readDb(fixture.store))).toEqual([]);
    await runAlerts({ store: fixture.store, now: () => NOW, mail: null, webhook: null }, args);
    await runAlerts({ store: fixture.store, now: () => NOW, mail: null, webhook: null }, args);
    const incidents = await listIncidents(readDb(fixture.store));
    expect(incidents.map((i) => [i.firstDay, i.lastDay, i.service, i.pipeline, i.usageType, i.status])).toEqual([
      ["2026-10-12", "2026-10-13", "AWS Lambda", "temperatures", "EUW3-Lambda-GB-Second", "open"],
    ]);
    const [incident] = incidents;
    expect(incident?.excessUsd).toBeGreaterThan(5);
    expect(incident?.costUsd).toBeCloseTo((incident?.expectedUsd ?? 0) + (incident?.excessUsd ?? 0), 1);
  });

  it("viewers read it, with its explorer link, and cannot change it", async () => {
    const res = await viewer.request("/incidents");
    expect(res.status).toBe(200);
    const html = plain(await res.text());
    expect(html).toContain("Incidents de coût");
    expect(html).toContain("AWS Lambda · temperatures · <code>EUW3-Lambda-GB-Second</code>");
    expect(html).toContain("12 octobre 2026 – 13 octobre 2026");
    expect(html).toContain(
      'href="/costs?from=2026-10-12&amp;to=2026-10-14&amp;groupBy=service%2Cpipeline&amp;compare=previous&amp;usageType=EUW3-Lambda-GB-Second"',
    );
    expect(html).not.toContain('data-action="ack"');
    const [incident] = await listIncidents(readDb(fixture.store));
    const refused = await viewer.request("/incidents/ack", { method: "POST", form: { id: String(incident?.id) } });
    expect(refused.status).toBe(403);
  });

  it("the explorer link opens the incident's days and usage type, against the period before", async () => {
    const res = await viewer.request(
      "/costs?from=2026-10-12&to=2026-10-14&groupBy=service%2Cpipeline&compare=previous&usageType=EUW3-Lambda-GB-Second",
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("AWS Lambda");
    expect(html).toContain("temperatures");
  });

  it("an admin acknowledges it on the page, then resolves it with a note; resolving twice is refused naming the id", async () => {
    const [incident] = await listIncidents(readDb(fixture.store));
    const id = String(incident?.id);
    expect((await admin.request("/incidents")).status).toBe(200);
    const ack = await admin.request("/incidents/ack", { method: "POST", form: { id, note: "je regarde" } });
    expect(ack.status).toBe(303);
    expect(ack.headers.get("location")).toBe(`/incidents#incident-${id}`);
    let [stored] = await listIncidents(readDb(fixture.store));
    expect(stored).toMatchObject({
      status: "acknowledged",
      acknowledgedBy: "camille@aarc.example.org",
      acknowledgedAt: NOW.toISOString(),
      note: "je regarde",
    });
    const html = plain(await (await admin.request("/incidents")).text());
    expect(html).toContain("pris en charge (par camille@aarc.example.org, 14 novembre 2026)");
    expect(html).not.toContain('data-action="ack"');
    expect(html).toContain('data-action="resolve"');

    const resolve = await admin.request("/incidents/resolve", {
      method: "POST",
      form: { id, note: "déclencheur S3 corrigé" },
    });
    expect(resolve.status).toBe(303);
    [stored] = await listIncidents(readDb(fixture.store));
    expect(stored).toMatchObject({
      status: "resolved",
      resolvedBy: "camille@aarc.example.org",
      note: "déclencheur S3 corrigé",
    });
    const again = await admin.request("/incidents/resolve", { method: "POST", form: { id } });
    expect(again.status).toBe(400);
    expect(await again.text()).toBe(`id: incident ${id} is already resolved`);

    // A later run finds the same spike again: it stays one incident, resolved.
    await runAlerts({ store: fixture.store, now: () => NOW, mail: null, webhook: null }, args);
    expect((await listIncidents(readDb(fixture.store))).map((i) => i.status)).toEqual(["resolved"]);
  });

  it("the service refuses bad input naming the field", async () => {
    const deps = { store: fixture.store, now: () => NOW };
    await expect(acknowledgeIncident(deps, { id: "x", actor: "a" })).rejects.toMatchObject({ field: "id" });
    await expect(acknowledgeIncident(deps, { id: 999, actor: "a" })).rejects.toThrow("no incident 999");
    await expect(acknowledgeIncident(deps, { id: 1, actor: " " })).rejects.toBeInstanceOf(ServiceInputError);
  });

  it("`cairn incidents` lists them in CAIRN_LOCALE (here French, days written out); ack and resolve need an id and --by", async () => {
    const out: string[] = [];
    expect(await incidentsCommand.run(cli(out), {}, [])).toBe(0);
    expect(out.join("\n")).toMatch(
      /^#\d+ résolu par camille@aarc\.example\.org \(14 novembre 2026\) · 12 octobre 2026 – 13 octobre 2026 · AWS Lambda · temperatures · EUW3-Lambda-GB-Second\n {4}\d+,\d\d\u00a0\$US au-dessus de l'habituel \(/,
    );
    const json: string[] = [];
    await incidentsCommand.run(cli(json), { json: true }, []);
    expect(JSON.parse(json.join("\n")).incidents[0]).toMatchObject({ service: "AWS Lambda", status: "resolved" });
    await expect(incidentsCommand.run(cli([]), {}, ["ack"])).rejects.toBeInstanceOf(UsageError);
    await expect(incidentsCommand.run(cli([]), {}, ["ack", "1"])).rejects.toBeInstanceOf(UsageError);
    await expect(incidentsCommand.run(cli([]), { by: "camille" }, ["ack", "1"])).rejects.toThrow(
      new CliFailure("id: incident 1 is already resolved"),
    );
    await expect(incidentsCommand.run(cli([]), {}, ["close", "1"])).rejects.toBeInstanceOf(UsageError);
  });

  it("`cairn incidents` prints amounts in the display currency at the incident's month rate, or says which rate is missing", async () => {
    const [incident] = await listIncidents(readDb(fixture.store));
    const usdOnly: string[] = [];
    expect(await incidentsCommand.run(cli(usdOnly, { CAIRN_CURRENCY: "EUR" }), {}, [])).toBe(0);
    expect(usdOnly[0]).toBe(
      "Montants en dollars US\u00a0: pas de taux EUR pour octobre 2026 (cairn fx set AAAA-MM TAUX).",
    );
    await setRate(
      fixture.store,
      { month: "2026-10", currency: "EUR", ratePerUsd: 0.5, source: "test" },
      { currentMonth: "2026-11", at: NOW.toISOString() },
    );
    const eur: string[] = [];
    expect(await incidentsCommand.run(cli(eur, { CAIRN_CURRENCY: "EUR" }), {}, [])).toBe(0);
    // Half the dollars at 0.5 EUR per USD, in euros, with nothing left in $US.
    const half = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" }).format(
      (incident?.excessUsd ?? 0) / 2,
    );
    expect(eur.join("\n")).toContain(`${half} au-dessus de l'habituel`);
    expect(eur.join("\n")).not.toContain("$US");
  });
});
