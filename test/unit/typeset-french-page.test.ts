/** French typography over a rendered page: prose gets its no-break spaces, markup does not. */
import { describe, expect, it } from "vitest";
import { typesetFrenchPage } from "../../src/format/typeset-html";

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const page = (body: string) => `<!DOCTYPE html><html lang="fr"><body>${body}</body></html>`;

describe("typesetFrenchPage", () => {
  it("sets the no-break spaces in prose", () => {
    expect(typesetFrenchPage(page("<p>Données : 31,7 % ; fin</p>"))).toBe(
      page(`<p>Données${NBSP}: 31,7${NNBSP}%${NNBSP}; fin</p>`),
    );
  });

  it("leaves commands alone: a shell's && ; > are not punctuation", () => {
    const command =
      "<pre><code>aws ec2 describe-volumes &amp;&amp; aws ec2 modify-volume &gt; out ; echo &quot;ok&quot;</code></pre>";
    expect(typesetFrenchPage(page(command))).toBe(page(command));
    const inline = "<p>Lancez <code>cairn collect ; cairn report</code> : c'est tout</p>";
    expect(typesetFrenchPage(page(inline))).toBe(
      page(`<p>Lancez <code>cairn collect ; cairn report</code>${NBSP}: c'est tout</p>`),
    );
  });

  it("never splits an entity: “&amp; ”, “&gt; ” and “&#39; ” stay entities in prose", () => {
    const prose = "<p>Console &gt; Functions &gt; probe-ingest, A &amp; B, l&#39; eau</p>";
    const out = typesetFrenchPage(page(prose));
    expect(out).toBe(page(prose));
    expect(out).not.toMatch(/&\w+[\s\u00a0\u202f]+;/);
  });

  it("leaves an English page as it is", () => {
    const english = '<!DOCTYPE html><html lang="en"><body><p>Data : 3 %</p></body></html>';
    expect(typesetFrenchPage(english)).toBe(english);
  });
});
