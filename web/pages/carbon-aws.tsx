/**
 * The carbon page's comparison with AWS's own monthly figures: per month AWS's location- and
 * market-based CO2e beside Cairn's, with the ratio; each service and region more than 2× apart
 * listed with its likely cause. And the calibration label when CAIRN_CARBON_CALIBRATION=aws.
 */
import type { Reconciliation } from "../../src/carbon/calibrate";
import { formatCo2e, formatMonth, formatNumber, formatPercent } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { CARBON_AWS_WORDS } from "./carbon-aws-words";

interface MonthSums {
  month: string;
  awsLocation: number;
  awsMarket: number;
  cairnLocation: number;
  cairnMarket: number;
}

export function monthSums(rows: readonly Reconciliation[]): MonthSums[] {
  const m = new Map<string, MonthSums>();
  for (const r of rows) {
    const s = m.get(r.month) ?? { month: r.month, awsLocation: 0, awsMarket: 0, cairnLocation: 0, cairnMarket: 0 };
    s.awsLocation += r.awsLocationGrams;
    s.awsMarket += r.awsMarketGrams;
    s.cairnLocation += r.cairnLocationGrams;
    s.cairnMarket += r.cairnMarketGrams;
    m.set(r.month, s);
  }
  return [...m.values()];
}

const ratioText = (cairn: number, aws: number, locale: Locale) =>
  aws > 0 ? `${formatNumber(cairn / aws, locale, 2)}×` : "—";

export function CalibrationNote(props: { share: number | null; locale: Locale }) {
  if (props.share === null) return null;
  const w = CARBON_AWS_WORDS[props.locale];
  return (
    <p class="notice" id="carbon-calibrated" data-calibrated-share={props.share.toFixed(6)}>
      <strong>{w.calibrated}.</strong> {w.calibratedNote} {formatPercent(props.share, props.locale)}
    </p>
  );
}

export function AwsComparison(props: { rows: readonly Reconciliation[]; locale: Locale }) {
  const { rows, locale } = props;
  const w = CARBON_AWS_WORDS[locale];
  const flagged = rows.filter((r) => r.flag !== null);
  return (
    <section id="aws-comparison" aria-labelledby="aws-comparison-title">
      <h2 id="aws-comparison-title">{w.title}</h2>
      <p class="muted">{w.intro}</p>
      {rows.length === 0 ? (
        <p class="notice">{w.none}</p>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data" id="table-aws-months">
              <thead>
                <tr>
                  <th scope="col">{w.month}</th>
                  <th scope="col">{w.awsLocation}</th>
                  <th scope="col">{w.cairnLocation}</th>
                  <th scope="col">{w.ratio}</th>
                  <th scope="col">{w.awsMarket}</th>
                  <th scope="col">{w.cairnMarket}</th>
                  <th scope="col">{w.ratio}</th>
                </tr>
              </thead>
              <tbody>
                {monthSums(rows).map((m) => (
                  <tr data-month={m.month}>
                    <th scope="row">{formatMonth(m.month as never, locale)}</th>
                    <td data-aws-location-grams={m.awsLocation.toFixed(3)}>{formatCo2e(m.awsLocation, locale)}</td>
                    <td data-cairn-location-grams={m.cairnLocation.toFixed(3)}>
                      {formatCo2e(m.cairnLocation, locale)}
                    </td>
                    <td data-ratio={m.awsLocation > 0 ? (m.cairnLocation / m.awsLocation).toFixed(6) : ""}>
                      {ratioText(m.cairnLocation, m.awsLocation, locale)}
                    </td>
                    <td data-aws-market-grams={m.awsMarket.toFixed(3)}>{formatCo2e(m.awsMarket, locale)}</td>
                    <td data-cairn-market-grams={m.cairnMarket.toFixed(3)}>{formatCo2e(m.cairnMarket, locale)}</td>
                    <td data-market-ratio={m.awsMarket > 0 ? (m.cairnMarket / m.awsMarket).toFixed(6) : ""}>
                      {ratioText(m.cairnMarket, m.awsMarket, locale)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {flagged.length > 0 ? (
            <div class="table-scroll">
              <table class="data" id="table-aws-flagged">
                <caption>{w.flagged}</caption>
                <thead>
                  <tr>
                    <th scope="col">{w.month}</th>
                    <th scope="col">{w.product}</th>
                    <th scope="col">{w.region}</th>
                    <th scope="col">{w.awsLocation}</th>
                    <th scope="col">{w.cairnLocation}</th>
                    <th scope="col">{w.ratio}</th>
                    <th scope="col" class="text">
                      {w.cause}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {flagged.map((r) => (
                    <tr data-product={r.productCode} data-region={r.regionCode} data-flag={r.flag ?? ""}>
                      <th scope="row">{formatMonth(r.month, locale)}</th>
                      <td>{r.productCode}</td>
                      <td>{r.regionCode}</td>
                      <td>{formatCo2e(r.awsLocationGrams, locale)}</td>
                      <td>{formatCo2e(r.cairnLocationGrams, locale)}</td>
                      <td>{ratioText(r.cairnLocationGrams, r.awsLocationGrams, locale)}</td>
                      <td class="text">{r.flag ? w.causes[r.flag] : ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
