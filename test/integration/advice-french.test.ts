/**
 * Findings in both languages on the demo: every finding has its action, evidence and assumptions
 * in French as well, written the French way (37,44 $US, a no-break space before « : » and « ; »),
 * with the AWS CLI command unchanged; the Tuning page and the monthly report's team section show
 * the reader's language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findingTexts } from "../../src/analysis/advice/fr";
import { advise } from "../../src/analysis/advice/index";
import { estimateLines } from "../../src/carbon/estimate";
import { loadDemo } from "../../src/jobs/load-demo";
import { loadAdviceInput } from "../../src/store/read/advice";
import { readDb } from "../../src/store/store";
import { webFixture } from "../helpers/web";

const NOW = new Date("2026-10-28T09:00:00Z");
const fr = webFixture({ CAIRN_LOCALE: "fr" }, NOW);
const en = webFixture({ CAIRN_LOCALE: "en" }, NOW);
beforeAll(async () => {
  for (const f of [fr, en])
    await loadDemo(
      { store: f.store, now: () => NOW, estimate: (lines) => estimateLines(lines, { factorSet: "cairn-2026" }) },
      { onlyIfEmpty: false },
    );
});
afterAll(() => {
  fr.close();
  en.close();
});

describe("findings in French", () => {
  it("every demo finding has French texts, one for one, written the French way", async () => {
    const findings = advise(await loadAdviceInput(readDb(fr.store), "2026-10-28"));
    expect(new Set(findings.map((f) => f.kind)).size).toBeGreaterThanOrEqual(5);
    for (const f of findings) {
      const t = findingTexts(f, "fr");
      expect(f.fr, f.kind).toBeDefined();
      expect(t.action).not.toBe(f.action);
      expect(t.evidence).toHaveLength(f.evidence.length);
      expect(t.assumptions).toHaveLength(f.assumptions.length);
      for (const text of [t.action, ...t.evidence, ...t.assumptions]) {
        expect(text, `${f.kind}: ${text}`).not.toMatch(/\$\d/);
        expect(text, `${f.kind}: ${text}`).not.toMatch(/[^\u00a0\u202f][:;](\s|$)/);
        expect(text, `${f.kind}: ${text}`).not.toMatch(/\d\.\d/);
      }
      expect(findingTexts(f, "en").action).toBe(f.action);
    }
    const nat = findings.find((f) => f.kind === "nat-idle");
    expect(nat?.fr?.action).toBe(
      "Supprimer la passerelle NAT inactive du compte 444455556666 en eu-west-3, et libérer son adresse IP Elastic.",
    );
    expect(nat?.command).toContain("aws ec2 delete-nat-gateway --region eu-west-3");
  });

  it("the Tuning page speaks the reader's language, commands as they are", async () => {
    const frHtml = await (await (await fr.signIn("viewer")).request("/tuning?asOf=2026-10-28")).text();
    // The page names the demo's accounts ("Name (id)").
    expect(frHtml).toContain("Supprimer la passerelle NAT inactive du compte aarc-sandbox (444455556666) en eu-west-3");
    // The command exactly as a shell needs it: no no-break space before its ";" or inside "&amp;".
    expect(frHtml).toContain(
      "available &amp;&amp; aws ec2 delete-nat-gateway --region eu-west-3 --nat-gateway-id &lt;nat-gateway-id&gt; &amp;&amp; aws",
    );
    expect(frHtml).not.toContain("Delete the idle NAT gateway");
    const enHtml = await (await (await en.signIn("viewer")).request("/tuning?asOf=2026-10-28")).text();
    expect(enHtml).toContain("Delete the idle NAT gateway of account aarc-sandbox (444455556666) in eu-west-3");
  });
});
