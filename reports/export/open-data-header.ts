/**
 * The README that travels with an open-data export: what the rows are, how the figures were
 * estimated, and the licence. CSV carries it as leading `#` lines, JSON as an `about` object.
 */
import type { Period } from "../../src/model";

export const OPEN_DATA_LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
};

export interface OpenDataAbout {
  title: string;
  period: Period;
  generatedOn: string;
  rows: string;
  units: string;
  methodology: string[];
  licence: string;
  howToRead: string;
}

export function openDataAbout(period: Period, generatedOn: string, calibrated = false): OpenDataAbout {
  return {
    title: "Cost and carbon footprint of AWS pipelines, monthly (Cairn open data)",
    period,
    generatedOn,
    rows:
      "One row per month, pipeline (value of the pipeline tag; empty when untagged), AWS service and region " +
      "(empty or 'global' for charges without one). Account ids and resource ids are removed.",
    units: "Costs in USD: billed (unblended) and effective (amortised). Energy in kWh. Emissions in grams of CO2e.",
    methodology: [
      "Energy is estimated per daily usage line from the usage amount (vCPU-hours, GB-hours, GB stored, GB transferred, " +
        "GPU-hours...) with per-class coefficients, times the data centres' PUE.",
      "Location-based CO2e = energy x the annual average grid intensity of the region; market-based CO2e uses the " +
        "provider's market-based factor; embodied CO2e is the manufacturing share of the hardware (scope 3), never " +
        "turned into kWh.",
      "Usage with no physical coefficient gets a cost-ratio proxy (energy per dollar of comparable compute in the same " +
        "region and month); taxes, fees and credits are excluded. The methods used are listed per row, with the factor " +
        "set (name and version) whose sources are documented on the dashboard's Methodology page.",
      "These are estimates, not measurements: AWS publishes no per-customer energy figures.",
      ...(calibrated
        ? [
            "CALIBRATED: location- and market-based CO2e (and the range) are scaled to AWS's own monthly figures " +
              "(its carbon emissions export) wherever AWS published one for the month, account, service and region; " +
              "co2eCalibratedShare says which share of each row's CO2e is AWS's figure. Energy and embodied CO2e " +
              "stay Cairn's estimates.",
          ]
        : []),
    ],
    licence: `${OPEN_DATA_LICENCE.name} (${OPEN_DATA_LICENCE.url}): you may share and adapt this data, also commercially, if you give appropriate credit to its publisher.`,
    howToRead:
      "CSV: skip the leading lines starting with '#' (pandas: comment='#'; R: comment.char='#'; DuckDB: skip=N).",
  };
}

/** The header as `# ` lines for CSV. */
export function openDataCommentLines(about: OpenDataAbout): string {
  const lines = [
    about.title,
    `Period: ${about.period.from} to ${about.period.to} (exclusive). Generated on ${about.generatedOn}.`,
    `Rows: ${about.rows}`,
    `Units: ${about.units}`,
    "Methodology:",
    ...about.methodology.map((m) => `  - ${m}`),
    `Licence: ${about.licence}`,
    `How to read: ${about.howToRead}`,
  ];
  return lines.map((l) => `# ${l}\n`).join("");
}
