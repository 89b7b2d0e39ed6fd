/**
 * Every words module (`*-words.ts`, `words.ts`) holds the same keys in French and English, and
 * no French text is empty: a key added in one language only fails here, whatever its type.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOTS = ["src", "web", "reports"];

function wordFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return wordFiles(path);
    return /(^|-)words\.ts$/.test(e.name) ? [path] : [];
  });
}

function keysOf(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function emptyTexts(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return value.trim() === "" ? [prefix] : [];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => emptyTexts(v, prefix ? `${prefix}.${k}` : k));
}

/** Exports shaped `{ en: {...}, fr: {...} }`, and the English/French pairs exported side by side. */
function pairs(module: Record<string, unknown>): [string, unknown, unknown][] {
  const out: [string, unknown, unknown][] = [];
  for (const [name, value] of Object.entries(module)) {
    if (value && typeof value === "object" && "en" in value && "fr" in value) {
      const v = value as { en: unknown; fr: unknown };
      if (typeof v.en === "object" && typeof v.fr === "object") out.push([name, v.en, v.fr]);
    }
    const fr = name.replace(/(^|_)EN($|_)/, "$1FR$2");
    if (fr !== name && fr in module) out.push([name, value, module[fr]]);
  }
  return out;
}

const files = ROOTS.flatMap((r) => wordFiles(r)).sort();

describe("words in both languages", () => {
  it("finds the words modules", () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    expect(files).toContain(join("web", "pages", "budgets-words.ts"));
  });

  it.each(files)("%s: the same keys in French and English, no empty French text", async (file) => {
    const module = (await import(`../../${file}`)) as Record<string, unknown>;
    const found = pairs(module);
    expect(found.length, `${file} exports no { en, fr } words`).toBeGreaterThan(0);
    for (const [name, en, fr] of found) {
      const enKeys = keysOf(en).sort();
      const frKeys = keysOf(fr).sort();
      expect({ name, onlyEnglish: enKeys.filter((k) => !frKeys.includes(k)) }).toEqual({ name, onlyEnglish: [] });
      expect({ name, onlyFrench: frKeys.filter((k) => !enKeys.includes(k)) }).toEqual({ name, onlyFrench: [] });
      expect({ name, empty: emptyTexts(fr) }).toEqual({ name, empty: [] });
    }
  });

  it("fails on a key missing in one language (the check itself)", () => {
    const [[, en, fr]] = pairs({ W: { en: { a: "x", b: "y" }, fr: { a: "x" } } }) as [[string, unknown, unknown]];
    expect(keysOf(en).filter((k) => !keysOf(fr).includes(k))).toEqual(["b"]);
  });
});
