import { createServer, type Server } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEcbMonthlyCsv } from "../../src/analysis/ecb-rates";
import type { CliContext, CliServices } from "../../src/cli/command";
import { fxCommand } from "../../src/cli/fx";
import { loadConfig } from "../../src/config";
import { type OpenedStore, openSqliteStore } from "../../src/store/open-sqlite";
import { freePort } from "../helpers/smtp";

// The ECB data API's SDMX CSV (format=csvdata), series EXR.M.USD.EUR.SP00.A: USD per EUR.
const ECB_CSV = [
  "KEY,FREQ,CURRENCY,CURRENCY_DENOM,EXR_TYPE,EXR_SUFFIX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,OBS_CONF,TITLE",
  'EXR.M.USD.EUR.SP00.A,M,USD,EUR,SP00,A,2026-08,1.1650,A,F,"US dollar/Euro, monthly average"',
  'EXR.M.USD.EUR.SP00.A,M,USD,EUR,SP00,A,2026-09,1.1750,A,F,"US dollar/Euro, monthly average"',
  'EXR.M.USD.EUR.SP00.A,M,USD,EUR,SP00,A,2026-10,1.1600,A,F,"US dollar/Euro, monthly average"',
].join("\n");

let server: Server;
let url: string;
let requests = 0;
let opened: OpenedStore;
let out: string[];

beforeAll(async () => {
  server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { "content-type": "text/csv" });
    res.end(ECB_CSV);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  url = `http://127.0.0.1:${address.port}/service/data/EXR/M.USD.EUR.SP00.A?format=csvdata`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  opened = openSqliteStore(":memory:");
  out = [];
});
afterEach(() => opened.close());

function ctx(ecbRatesUrl: string): CliContext {
  return {
    config: loadConfig({}),
    openStore: () => opened.store,
    now: () => new Date("2026-11-28T09:00:00.000Z"),
    out: (t) => out.push(t),
    err: (t) => out.push(t),
    interactive: false,
    services: { ecbRatesUrl } as CliServices,
  };
}

const rates = () =>
  opened.sqlite.prepare("select month, rate_per_usd as r, source from currency_rates order by month").all() as {
    month: string;
    r: number;
    source: string;
  }[];

describe("cairn fx", () => {
  it("parses the ECB's CSV into euros per dollar", () => {
    expect(parseEcbMonthlyCsv(ECB_CSV)).toEqual([
      { month: "2026-08", currency: "EUR", ratePerUsd: 0.858369 },
      { month: "2026-09", currency: "EUR", ratePerUsd: 0.851064 },
      { month: "2026-10", currency: "EUR", ratePerUsd: 0.862069 },
    ]);
  });

  it("sets a month by hand, then fetch fills only the months without a rate", async () => {
    expect(await fxCommand.run(ctx(url), { force: false }, ["set", "2026-09", "0,92"])).toBe(0);
    expect(await fxCommand.run(ctx(url), { force: false }, ["fetch"])).toBe(0);
    expect(requests).toBeGreaterThan(0);
    expect(rates()).toEqual([
      { month: "2026-08", r: 0.858369, source: "ecb" },
      { month: "2026-09", r: 0.92, source: "manual" },
      { month: "2026-10", r: 0.862069, source: "ecb" },
    ]);
    expect(out.at(-1)).toBe("ECB: 3 monthly rate(s) read, 2 stored, 1 month(s) kept as they were.");
  });

  it("never changes a past month's rate without --force", async () => {
    await fxCommand.run(ctx(url), { force: false }, ["set", "2026-10", "0.92"]);
    await expect(fxCommand.run(ctx(url), { force: false }, ["set", "2026-10", "0.95"])).rejects.toThrow(/--force/);
    expect(rates()[0]?.r).toBe(0.92);
    await fxCommand.run(ctx(url), { force: true }, ["set", "2026-10", "0.95"]);
    expect(rates()[0]?.r).toBe(0.95);
    // The current month may be set again.
    await fxCommand.run(ctx(url), { force: false }, ["set", "2026-11", "0.9"]);
    await fxCommand.run(ctx(url), { force: false }, ["set", "2026-11", "0.91"]);
    expect(rates()[1]?.r).toBe(0.91);
  });

  it("explains a fetch without a network", async () => {
    const port = await freePort();
    await expect(fxCommand.run(ctx(`http://127.0.0.1:${port}/`), { force: false }, ["fetch"])).rejects.toThrow(
      /could not reach the ECB .* cairn fx set/,
    );
  });

  it("refuses bad usage", async () => {
    await expect(fxCommand.run(ctx(url), { force: false }, ["set", "2026-13", "0.9"])).rejects.toThrow(/YYYY-MM/);
    await expect(fxCommand.run(ctx(url), { force: false }, ["set", "2026-10", "-1"])).rejects.toThrow(/positive/);
    await expect(fxCommand.run(ctx(url), { force: false }, ["swap"])).rejects.toThrow(/unknown fx verb/);
  });
});
