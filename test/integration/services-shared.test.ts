/**
 * Interactive writes go through one service each (src/services), so the Settings page and the
 * CLI accept and refuse the same inputs, and every change is in the audit log with its actor.
 * Before the service layer they disagreed: the page replaced a past month's rate silently (the
 * CLI refused without --force), the page took a rate of 500 (the CLI capped at 100), the CLI
 * took "0,92" (the page refused it), and a planned activity scoped to account "12" passed on the
 * page (the CLI asked for 12 digits).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { budgetCommand } from "../../src/cli/budget";
import type { CliContext, CliServices } from "../../src/cli/command";
import { fxCommand } from "../../src/cli/fx";
import { tokenCommand } from "../../src/cli/token";
import { listAudit } from "../../src/store/audit-log";
import { listPlannedActivities } from "../../src/store/planned-activities";
import { listRates } from "../../src/store/read/rates";
import { readDb } from "../../src/store/store";
import { type SignedIn, webFixture } from "../helpers/web";

const NOW = new Date("2026-11-18T10:00:00Z");
const fixture = webFixture({}, NOW);
let admin: SignedIn;
const out: string[] = [];
const cli: CliContext = {
  config: fixture.config,
  openStore: () => fixture.store,
  now: () => NOW,
  out: (t) => out.push(t),
  err: (t) => out.push(t),
  interactive: false,
  services: {} as CliServices,
};
const rateOf = async (month: string) =>
  (await listRates(readDb(fixture.store))).find((r) => r.month === month)?.ratePerUsd ?? null;

beforeAll(async () => {
  admin = await fixture.signIn("admin", "anne@example.org");
});
afterAll(() => fixture.close());

describe("rates: the page and `cairn fx` follow one rule set", () => {
  it("both take a French decimal comma", async () => {
    expect((await admin.request("/settings/rates", { form: { month: "2026-11", ratePerUsd: "0,91" } })).status).toBe(
      303,
    );
    expect(await rateOf("2026-11")).toBe(0.91);
    expect(await fxCommand.run(cli, { force: false }, ["set", "2026-12", "0,9"])).toBe(0);
    expect(await rateOf("2026-12")).toBe(0.9);
  });

  it("both refuse a rate no currency has (500 euros per dollar), naming the field", async () => {
    const page = await admin.request("/settings/rates", { form: { month: "2026-11", ratePerUsd: "500" } });
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/id="rate-value-error">100 au plus \(euros pour un dollar US\)</);
    await expect(fxCommand.run(cli, { force: false }, ["set", "2026-11", "500"])).rejects.toThrow(
      /ratePerUsd: must be at most 100/,
    );
    expect(await rateOf("2026-11")).toBe(0.91);
  });

  it("both keep a past month's rate unless told to replace it", async () => {
    await fxCommand.run(cli, { force: false }, ["set", "2026-09", "0.85"]);
    const page = await admin.request("/settings/rates", { form: { month: "2026-09", ratePerUsd: "0.8" } });
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/id="rate-force-error">ce mois passé a déjà un autre taux/);
    await expect(fxCommand.run(cli, { force: false }, ["set", "2026-09", "0.8"])).rejects.toThrow(/--force/);
    expect(await rateOf("2026-09")).toBe(0.85);
    const forced = await admin.request("/settings/rates", {
      form: { month: "2026-09", ratePerUsd: "0.8", force: "on" },
    });
    expect(forced.status).toBe(303);
    expect(await rateOf("2026-09")).toBe(0.8);
  });

  it("removes a rate from either side, and says so when there is none", async () => {
    expect(await fxCommand.run(cli, { force: false }, ["rm", "2026-12"])).toBe(0);
    expect(await rateOf("2026-12")).toBeNull();
    const page = await admin.request("/settings/rates/delete", { form: { month: "2026-12", currency: "EUR" } });
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/id="rates-remove-error"[^>]*>aucun taux EUR pour décembre 2026</);
  });
});

describe("planned activities: one rule set", () => {
  it("both refuse an account scope that is not a 12-digit id", async () => {
    const form = {
      name: "Campagne",
      fromDay: "2026-07-01",
      toDay: "2026-07-31",
      scopeKind: "account",
      scopeValue: "12",
    };
    const page = await admin.request("/settings/planned", { form });
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(
      /id="planned-scope-value-error">doit être un identifiant de compte AWS à 12 chiffres/,
    );
    await expect(
      budgetCommand.run(cli, { from: "2026-07-01", to: "2026-07-31", scope: "account:12" }, [
        "plan",
        "add",
        "Campagne",
      ]),
    ).rejects.toThrow(/12-digit/);
    expect(await listPlannedActivities(fixture.store)).toEqual([]);
  });

  it("both refuse a period that ends before it starts", async () => {
    const form = { name: "Campagne", fromDay: "2026-07-31", toDay: "2026-07-01", scopeKind: "all" };
    expect(await (await admin.request("/settings/planned", { form })).text()).toMatch(
      /id="planned-to-error">ne doit pas précéder le premier jour</,
    );
    await expect(
      budgetCommand.run(cli, { from: "2026-07-31", to: "2026-07-01" }, ["plan", "add", "Campagne"]),
    ).rejects.toThrow(/toDay: must not be before/);
  });

  it("adds from the page and removes from the CLI", async () => {
    const form = {
      name: "Campagne d'été",
      fromDay: "2026-07-01",
      toDay: "2026-07-31",
      scopeKind: "pipeline",
      scopeValue: "camera-traps",
    };
    expect((await admin.request("/settings/planned", { form })).status).toBe(303);
    const [added] = await listPlannedActivities(fixture.store);
    expect(added).toMatchObject({ name: "Campagne d'été", scopeKind: "pipeline", scopeValue: "camera-traps" });
    expect(await budgetCommand.run(cli, {}, ["plan", "rm", String(added?.id)])).toBe(0);
    expect(await listPlannedActivities(fixture.store)).toEqual([]);
    await expect(budgetCommand.run(cli, {}, ["plan", "rm", "9999"])).rejects.toThrow(
      /no planned activity with ID 9999/,
    );
  });
});

describe("the audit log", () => {
  it("records every change with its actor, and never a token's value", async () => {
    expect(await tokenCommand.run(cli, { user: "anne@example.org" }, ["add", "backup-script"])).toBe(0);
    const value = out.find((line) => line.startsWith("cairn_")) ?? "";
    expect(value).not.toBe("");
    expect(await tokenCommand.run(cli, {}, ["rm", "backup-script"])).toBe(0);
    const audit = await listAudit(fixture.store);
    const seen = audit.map((a) => `${a.actor} ${a.action} ${a.subject}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "dashboard:anne@example.org set-rate EUR 2026-11",
        "command line set-rate EUR 2026-12",
        "dashboard:anne@example.org set-rate EUR 2026-09",
        "command line remove-rate EUR 2026-12",
        "command line add-api-token backup-script",
        "command line revoke-api-token backup-script",
      ]),
    );
    expect(seen.some((s) => s.includes("add-planned-activity") && s.startsWith("dashboard:anne@example.org"))).toBe(
      true,
    );
    expect(seen.some((s) => s.includes("remove-planned-activity") && s.startsWith("command line"))).toBe(true);
    // Refused changes leave no trace, and no secret is ever written.
    expect(seen.filter((s) => s.endsWith("set-rate EUR 2026-09"))).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(value);
  });
});
