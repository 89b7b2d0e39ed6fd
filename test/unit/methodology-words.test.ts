/**
 * The methodology tables in both languages: every factor set, source, fallback and example row
 * of the estimator's data has its words in French and English, and the French tables show none
 * of the data's English prose.
 */
import { describe, expect, it } from "vitest";
import { FACTOR_SETS } from "../../src/carbon/factor-sets";
import { METHODOLOGY_DATA_WORDS } from "../../web/pages/methodology-data-words";
import { MethodologyFactors, SERVERLESS_EXAMPLES, STORAGE_EXAMPLES } from "../../web/pages/methodology-factors";

const sets = Object.values(FACTOR_SETS);

describe("methodology words", () => {
  it.each(["en", "fr"] as const)(
    "%s: a description, each source's words and both fallbacks for every set",
    (locale) => {
      const d = METHODOLOGY_DATA_WORDS[locale];
      const missing: string[] = [];
      for (const s of sets) {
        if (!(s.name in d.descriptions)) missing.push(`description ${s.name}`);
        for (const src of s.sources) if (!(src.key in d.sources)) missing.push(`source ${src.key}`);
        for (const which of ["grid", "pue"])
          if (!(`${s.name}.${which}` in d.fallbacks)) missing.push(`${s.name}.${which}`);
      }
      expect(missing).toEqual([]);
    },
  );

  it.each(["en", "fr"] as const)("%s: words for every example usage line of the tables", (locale) => {
    const usage = METHODOLOGY_DATA_WORDS[locale].usage as Record<string, string>;
    const missing = [...STORAGE_EXAMPLES, ...SERVERLESS_EXAMPLES]
      .map(([service, usageType]) => `${service}|${usageType}`)
      .filter((key) => !(key in usage));
    expect(missing).toEqual([]);
  });

  it("renders the French tables without the data's English prose", async () => {
    const html = String(await MethodologyFactors({ locale: "fr", factorSet: "cairn-2026" }).toString()).replace(
      /&#39;/g,
      "'",
    );
    const english = sets.flatMap((s) => [
      s.description,
      ...s.sources.map((x) => x.what),
      s.gridFallback.name,
      s.pueFallback.name,
    ]);
    expect(english.filter((text) => html.includes(text))).toEqual([]);
    for (const leak of ["Embodied emissions", "Grid carbon intensity", "database backup", "volume EBS gp3"]) {
      if (leak === "volume EBS gp3") expect(html).toContain(leak);
      else expect(html).not.toContain(leak);
    }
  });
});
