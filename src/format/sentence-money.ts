/**
 * The advisers (src/analysis/advice) write the amounts in their evidence sentences through one
 * helper, `usd()`, as `$` followed by the amount (`$17.47`, `$0.0240`). A page in another
 * display currency rewrites each of those amounts through its own money formatter, keeping the
 * number of decimals the adviser chose (unit prices keep four). Pure.
 */

/** `$17.47` as `usd()` writes it: a dollar sign, digits, optionally a point and decimals. */
const USD_AMOUNT = /\$(\d+)(?:\.(\d+))?/g;

export function moneyInSentence(sentence: string, format: (usd: number, digits: number) => string): string {
  return sentence.replace(USD_AMOUNT, (_whole, units: string, decimals: string | undefined) =>
    format(Number(decimals === undefined ? units : `${units}.${decimals}`), decimals?.length ?? 0),
  );
}
