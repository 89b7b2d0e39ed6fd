/**
 * `cairn fx set MONTH RATE [--force]`, `cairn fx list`, `cairn fx fetch`: euros per US dollar,
 * one rate per month. A past month's rate is never replaced without --force, so reports already
 * sent keep their figures. `fetch` fills the months that have no rate yet from the ECB's
 * monthly reference rates (averages), and fails with a clear message without a network.
 */
import { ECB_USD_MONTHLY_URL, EcbFormatError, parseEcbMonthlyCsv } from "../analysis/ecb-rates";
import { isValidMonth, monthOf, toDay } from "../days";
import { listRateRows, setRate } from "../store/currency-rates";
import { CliFailure, type Command, UsageError } from "./command";

const USAGE = `Usage: cairn fx set YYYY-MM RATE [--force]   euros per US dollar for that month (e.g. 0.92)
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
    const now = ctx.now();
    const currentMonth = monthOf(toDay(now));
    const at = now.toISOString();
    if (verb === "set") {
      const [month, value] = rest;
      if (month === undefined || !isValidMonth(month))
        throw new UsageError(`fx set needs a month YYYY-MM, got ${JSON.stringify(month)}`);
      const rate = Number(value?.replace(",", "."));
      if (!(rate > 0) || rate > 100)
        throw new UsageError(`fx set needs a positive rate (euros per dollar), got ${JSON.stringify(value)}`);
      const outcome = await setRate(
        ctx.openStore(),
        { month, currency: "EUR", ratePerUsd: rate, source: "manual" },
        { currentMonth, at, force: values.force === true },
      );
      if (outcome === "refused") {
        throw new CliFailure(
          `${month} already has a different rate and is in the past; its figures are fixed. Pass --force to replace it.`,
        );
      }
      ctx.out(`${month}: ${rate} EUR per USD (${outcome})`);
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
      const store = ctx.openStore();
      let created = 0;
      let kept = 0;
      for (const r of rates) {
        // Only complete months: the ECB publishes a month's average once it is over.
        if (r.month >= currentMonth) continue;
        const outcome = await setRate(store, { ...r, source: "ecb" }, { currentMonth, at });
        if (outcome === "created") created += 1;
        else kept += 1;
      }
      ctx.out(`ECB: ${rates.length} monthly rate(s) read, ${created} stored, ${kept} month(s) kept as they were.`);
      return 0;
    }
    throw new UsageError(
      verb === undefined ? "fx needs a verb: set, list or fetch" : `unknown fx verb ${JSON.stringify(verb)}`,
    );
  },
};
