/**
 * `cairn fx set MONTH RATE [--force]`, `cairn fx rm MONTH`, `cairn fx list`, `cairn fx fetch`: euros per US dollar,
 * one rate per month. A past month's rate is never replaced without --force, so reports already
 * sent keep their figures. `fetch` fills the months that have no rate yet from the ECB's
 * monthly reference rates (averages), and fails with a clear message without a network.
 */
import { ECB_USD_MONTHLY_URL, EcbFormatError, parseEcbMonthlyCsv } from "../analysis/ecb-rates";
import { monthOf, toDay } from "../days";
import { ServiceInputError } from "../services/errors";
import { removeCurrencyRate } from "../services/remove-rate";
import { setCurrencyRate } from "../services/set-rate";
import { listRateRows } from "../store/currency-rates";
import { CliFailure, type Command, UsageError } from "./command";
import { asCli, CLI_ACTOR } from "./service-call";

const USAGE = `Usage: cairn fx set YYYY-MM RATE [--force]   euros per US dollar for that month (e.g. 0.92 or 0,92)
       cairn fx rm YYYY-MM                    remove a month's rate (that month then shows in US dollars)
       cairn fx list                          every stored rate
       cairn fx fetch                         fill months without a rate from the ECB's monthly averages

Amounts are converted with the rate of their own month (CAIRN_CURRENCY=EUR), so a past month's
euro figures never change. A past month's rate is kept unless you pass --force.`;

export const fxCommand: Command = {
  name: "fx",
  summary: "Currency rates (euros per US dollar, one per month)",
  usage: USAGE,
  options: { force: { type: "boolean", default: false } },
  positionals: true,
  async run(ctx, values, positionals) {
    const [verb, ...rest] = positionals;
    const currentMonth = monthOf(toDay(ctx.now()));
    const deps = { store: ctx.openStore(), now: ctx.now };
    if (verb === "set") {
      const [month, value] = rest;
      const outcome = await asCli(() =>
        setCurrencyRate(deps, {
          month: month ?? "",
          ratePerUsd: value ?? "",
          force: values.force === true,
          actor: CLI_ACTOR,
        }),
      );
      ctx.out(`${month}: ${Number(value?.replace(",", "."))} EUR per USD (${outcome})`);
      return 0;
    }
    if (verb === "rm") {
      const [month] = rest;
      await asCli(() => removeCurrencyRate(deps, { month: month ?? "", actor: CLI_ACTOR }));
      ctx.out(`${month}: rate removed; that month is shown in US dollars until a rate is set.`);
      return 0;
    }
    if (verb === "list") {
      const rows = await listRateRows(ctx.openStore());
      if (rows.length === 0) ctx.out("No rate stored. Set one with: cairn fx set YYYY-MM RATE");
      for (const r of rows) ctx.out(`${r.month}  ${r.currency}  ${r.ratePerUsd}  ${r.source}  ${r.updatedAt}`);
      return 0;
    }
    if (verb === "fetch") {
      const url = ctx.services.ecbRatesUrl ?? ECB_USD_MONTHLY_URL;
      let body: string;
      try {
        const response = await fetch(url, { headers: { accept: "text/csv" }, signal: AbortSignal.timeout(20_000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        body = await response.text();
      } catch (error) {
        throw new CliFailure(
          `could not reach the ECB at ${new URL(url).host} (${(error as Error).message}); without a network, set rates by hand: cairn fx set YYYY-MM RATE`,
        );
      }
      let rates: ReturnType<typeof parseEcbMonthlyCsv>;
      try {
        rates = parseEcbMonthlyCsv(body);
      } catch (error) {
        if (error instanceof EcbFormatError) throw new CliFailure(`unexpected answer from the ECB: ${error.message}`);
        throw error;
      }
      let created = 0;
      let kept = 0;
      for (const r of rates) {
        // Only complete months: the ECB publishes a month's average once it is over.
        if (r.month >= currentMonth) continue;
        try {
          const outcome = await setCurrencyRate(deps, {
            month: r.month,
            ratePerUsd: r.ratePerUsd,
            source: "ecb",
            actor: CLI_ACTOR,
          });
          if (outcome === "created") created += 1;
          else kept += 1;
        } catch (error) {
          // A past month's different rate stays: its figures are fixed.
          if (!(error instanceof ServiceInputError && error.field === "force")) throw error;
          kept += 1;
        }
      }
      ctx.out(`ECB: ${rates.length} monthly rate(s) read, ${created} stored, ${kept} month(s) kept as they were.`);
      return 0;
    }
    throw new UsageError(
      verb === undefined ? "fx needs a verb: set, rm, list or fetch" : `unknown fx verb ${JSON.stringify(verb)}`,
    );
  },
};
