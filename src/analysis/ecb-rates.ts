/**
 * The European Central Bank's reference rates in its SDMX CSV format (data-api.ecb.europa.eu,
 * series EXR.M.USD.EUR.SP00.A: monthly average of US dollars per euro) turned into Cairn's
 * monthly rates (euros per US dollar). Pure.
 */
import { csvRecordsOfText } from "../../collectors/csv-records";
import type { MonthlyRate } from "./currency";

export const ECB_USD_MONTHLY_URL =
  "https://data-api.ecb.europa.eu/service/data/EXR/M.USD.EUR.SP00.A?format=csvdata&startPeriod=2020-01";

export class EcbFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EcbFormatError";
  }
}

export function parseEcbMonthlyCsv(csv: string): MonthlyRate[] {
  const [head, ...rows] = csvRecordsOfText(csv);
  const header = head?.fields ?? [];
  const period = header.indexOf("TIME_PERIOD");
  const value = header.indexOf("OBS_VALUE");
  const currency = header.indexOf("CURRENCY");
  if (period < 0 || value < 0) throw new EcbFormatError("no TIME_PERIOD / OBS_VALUE columns: not the ECB's SDMX CSV");
  const out: MonthlyRate[] = [];
  for (const { fields: cells } of rows) {
    if (currency >= 0 && cells[currency] !== "USD") continue;
    const month = cells[period] ?? "";
    const usdPerEur = Number(cells[value]);
    if (!/^\d{4}-\d{2}$/.test(month) || !(usdPerEur > 0)) continue;
    out.push({ month, currency: "EUR", ratePerUsd: Math.round((1 / usdPerEur) * 1e6) / 1e6 });
  }
  return out.sort((a, b) => a.month.localeCompare(b.month));
}
