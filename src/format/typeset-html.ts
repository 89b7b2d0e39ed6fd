/**
 * French typography over a whole rendered page: sentences are assembled from words, numbers
 * and names ("{n} %", "{label} : {value}"), so the no-break spaces are set on the page's text
 * nodes once it is rendered, rather than hoped for in every template. Only a page whose root
 * says lang="fr" is touched; markup, attributes and scripts are left as they are, and so are
 * commands (`<code>`, `<pre>`: a shell's "&&", ";" and ">" are not punctuation) and character
 * references ("&amp;" followed by a space is not a word before a semicolon).
 */
import { frenchTypography } from "./typography";

const TAG = /(<script[\s\S]*?<\/script>|<[^>]*>)/;
const ENTITY = /(&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);)/;
const VERBATIM_OPEN = /^<(code|pre)[\s>]/i;
const VERBATIM_CLOSE = /^<\/(code|pre)>/i;

/** A text node's prose typeset between its character references, which stay whole. */
function typesetText(text: string): string {
  return text
    .split(ENTITY)
    .map((piece) => (ENTITY.test(piece) && piece.startsWith("&") ? piece : frenchTypography(piece)))
    .join("");
}

export function typesetFrenchPage(html: string): string {
  if (!/^(<!DOCTYPE html>)?<html lang="fr"/.test(html)) return html;
  let verbatim = 0;
  return html
    .split(TAG)
    .map((part) => {
      if (part.startsWith("<")) {
        if (VERBATIM_OPEN.test(part)) verbatim += 1;
        else if (VERBATIM_CLOSE.test(part)) verbatim = Math.max(0, verbatim - 1);
        return part;
      }
      return part === "" || verbatim > 0 ? part : typesetText(part);
    })
    .join("");
}
