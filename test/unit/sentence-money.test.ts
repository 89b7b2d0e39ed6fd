import { describe, expect, it } from "vitest";
import { usd } from "../../src/analysis/advice/types";
import { formatMoney } from "../../src/format/numbers";
import { moneyInSentence } from "../../src/format/sentence-money";

describe("amounts in the advisers' sentences, in the page's currency", () => {
  const eur = (rate: number) => (amount: number, digits: number) => formatMoney(amount * rate, "EUR", "fr", digits);
  it.each([
    ["12.35 GB processed ($17.47).", "12.35 GB processed (16,07\u00a0€)."],
    [
      "S3 Standard costs $0.0240 per GB-month, Glacier $0.0042.",
      "S3 Standard costs 0,0221\u00a0€ per GB-month, Glacier 0,0039\u00a0€.",
    ],
    ["at $3 a month", "at 3\u00a0€ a month"],
    ["no amount here: 48 g CO2e, 10%", "no amount here: 48 g CO2e, 10%"],
  ])("%s", (sentence, expected) => {
    expect(moneyInSentence(sentence, eur(0.92)).replace(/\u202f/g, "\u00a0")).toBe(expected);
  });

  it("reads back every amount usd() writes, with its decimals", () => {
    for (const n of [0, 0.005, 0.0472, 0.14, 1, 17.47, 1234.5]) {
      const seen: [number, number][] = [];
      moneyInSentence(`cost ${usd(n)}.`, (amount, digits) => {
        seen.push([amount, digits]);
        return "";
      });
      expect(seen).toHaveLength(1);
      expect(seen[0]?.[0]).toBeCloseTo(n, 4);
    }
  });
});

describe("moneyInSentence on the French texts", () => {
  it("rewrites `1 234,56 $US` and `0,0240 $US` as the French adviser writes them, keeping the decimals", () => {
    const eur = (usd: number, digits: number) => `${(usd * 0.9).toFixed(digits)} €`;
    expect(moneyInSentence("Coût : 1 234,56 $US par mois, soit 0,0240 $US l'heure", eur)).toBe(
      "Coût : 1111.10 € par mois, soit 0.0216 € l'heure",
    );
  });
});
