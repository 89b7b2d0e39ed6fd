/** "Amounts in USD: no euro rate for …": shown where a page stays in USD for want of a rate. */
import { formatMonth } from "../../src/format/numbers";
import type { Locale, Month } from "../../src/model";
import type { Translate } from "../i18n";

export function MissingRatesNotice(props: { months: readonly Month[]; locale: Locale; t: Translate }) {
  if (props.months.length === 0) return null;
  return (
    <p class="notice" id="missing-rates">
      {props.t("currencyMissing")} {props.months.map((m) => formatMonth(m, props.locale)).join(", ")}.
    </p>
  );
}
