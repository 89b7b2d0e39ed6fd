/**
 * The upkeep log and cost of ownership: the page form (admins), the service's checks, the
 * valuation (per-person rate, else CAIRN_UPKEEP_HOUR_VALUE), and `cairn upkeep` end to end.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setUpkeepRate } from "../../src/services/set-upkeep-rate";
import { upsertCostLines } from "../../src/store/cost-lines";
import { costOfOwnership } from "../../src/store/read/cost-of-ownership";
import { readDb } from "../../src/store/store";
import { runCairn } from "../helpers/cli";
import { line, unestimated } from "../helpers/lines";
import { type SignedIn, webFixture } from "../helpers/web";

const fixture = webFixture({ CAIRN_LOCALE: "en", CAIRN_UPKEEP_HOUR_VALUE: "40" });
let admin: SignedIn;
let viewer: SignedIn;
beforeAll(async () => {
  await upsertCostLines(
    fixture.store,
    unestimated([
      line({ day: "2026-11-03", pipeline: "temperatures", unblendedCostUsd: 12.5 }),
      line({ day: "2026-11-04", pipeline: "camera-traps", unblendedCostUsd: 30 }),
    ]),
    "2026-11-18T00:00:00Z",
  );
  admin = await fixture.signIn("admin");
  viewer = await fixture.signIn("viewer");
});
afterAll(() => fixture.close());

const add = (who: SignedIn, form: Record<string, string>) =>
  who.request("/tuning/upkeep", {
    method: "POST",
    form: {
      day: "2026-11-10",
      pipeline: "temperatures",
      hours: "3",
      person: "Camille",
      what: "Probe firmware",
      volunteered: "yes",
      ...form,
    },
  });

describe("upkeep and cost of ownership", () => {
  it("admins add upkeep from the page; viewers cannot; bad input names its field", async () => {
    expect((await add(viewer, {})).status).toBe(403);
    const bad = await add(admin, { hours: "-1" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="u-hours-error"[^>]*>must be above 0/);
    const future = await add(admin, { day: "2026-12-01" });
    expect(await future.text()).toMatch(/id="u-day-error"[^>]*>must not be in the future/);
    expect((await add(admin, {})).status).toBe(303);
    expect((await add(admin, { person: "Luc", hours: "2", what: "Restart", volunteered: "" })).status).toBe(303);
    const html = await (await viewer.request("/tuning")).text();
    expect(html).toContain("Probe firmware");
    expect(html).not.toContain('id="upkeep-form"');
  });

  it("values hours at the person's rate, else the default, and adds the cloud cost", async () => {
    await setUpkeepRate(
      { store: fixture.store, now: () => new Date() },
      { person: "Luc", hourValueUsd: 0, actor: "t" },
    );
    const rows = await costOfOwnership(readDb(fixture.store), { from: "2026-11-01", to: "2026-12-01" }, 40);
    const temps = rows.find((r) => r.pipeline === "temperatures");
    // Camille 3 h x $40 (default), Luc 2 h x $0 (his rate): $120 of upkeep on $12.50 of cloud.
    expect(temps).toEqual({
      pipeline: "temperatures",
      cloudCostUsd: 12.5,
      upkeepHours: 5,
      volunteeredHours: 3,
      upkeepValueUsd: 120,
      totalUsd: 132.5,
    });
    expect(rows.find((r) => r.pipeline === "camera-traps")?.totalUsd).toBe(30);
    const html = await (await admin.request("/tuning")).text();
    expect(html).toMatch(/data-pipeline="temperatures"[\s\S]*?\$132\.50/);
  });
});

describe("cairn upkeep", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-upkeep-"));
  const env = { CAIRN_DB: join(dir, "cairn.db"), CAIRN_LOCALE: "en", CAIRN_UPKEEP_HOUR_VALUE: "25" };
  const cairn = (...args: string[]) => runCairn(args, { cwd: dir, env });

  // Five processes: generous on a loaded machine (a limit, not a timing assertion).
  it("adds, lists with cost of ownership, and removes", { timeout: 300_000 }, () => {
    const added = cairn(
      "upkeep",
      "add",
      "--on",
      "2026-11-02",
      "--pipeline",
      "website",
      "--hours",
      "2",
      "--person",
      "Ana",
      "--what",
      "TLS renewal",
      "--by",
      "ana@example.org",
    );
    expect(added.stderr).toBe("");
    expect(added.stdout).toMatch(/Upkeep entry 1 recorded/);
    const listed = cairn("upkeep", "list", "--month", "2026-11");
    expect(listed.stdout).toContain("TLS renewal");
    expect(listed.stdout).toMatch(/website\t0\.00\t2 h\t50\.00\t50\.00/);
    expect(
      cairn("upkeep", "add", "--pipeline", "website", "--hours", "x", "--person", "A", "--what", "w").stderr,
    ).toMatch(/hours: must be a number/);
    expect(cairn("upkeep", "rm", "1").stdout).toMatch(/removed/);
    expect(cairn("upkeep", "rm", "1").status).toBe(1);
  });
});
