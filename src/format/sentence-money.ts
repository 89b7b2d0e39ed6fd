/**
 * The advisers (src/analysis/advice) write the amounts in their evidence sentences through one
 * helper, `usd()`, as `$` followed by the amount (`$17.47`, `$0.0240`), and the French texts as
 * `17,47 $US` (`frUsd()`). A page in another
 * display currency rewrites each of those amounts through its own money formatter, keeping the
 * number of decimals the adviser chose (unit prices keep four). Pure.
 */

/** `$17.47` as `usd()` writes it: a dollar sign, digits, optionally a point and decimals. */
const USD_AMOUNT = /\$(\d+)(?:\.(\d+))?/g;
/** `1 234,56 $US` as the French texts write it (./advice/fr.ts `frUsd`): grouped digits, a decimal comma. */
const FRENCH_USD_AMOUNT = /(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?[ \u00a0\u202f]\$US/g;

export function moneyInSentence(sentence: string, format: (usd: number, digits: number) => string): string {
  const amount = (units: string, decimals: string | undefined) =>
    format(Number(decimals === undefined ? units : `${units}.${decimals}`), decimals?.length ?? 0);
  return sentence
    .replace(FRENCH_USD_AMOUNT, (_whole, units: string, decimals: string | undefined) =>
      amount(units.replace(/[ \u00a0\u202f]/g, ""), decimals),
    )
    .replace(USD_AMOUNT, (_whole, units: string, decimals: string | undefined) => amount(units, decimals));
}
