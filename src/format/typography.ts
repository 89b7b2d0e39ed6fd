/**
 * French typography applied to text written with ordinary spaces: a no-break space before
 * ":" and "€", a narrow one before ";", "!", "?" and "%" and inside « » (as Intl writes
 * "31,7 %"), so a line never breaks between a word and its sign. Backticks written for the
 * command line become quotes in page text. Both are idempotent.
 */
import type { Locale } from "../model";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

export function frenchTypography(text: string): string {
  return text
    .replace(/(\p{L}|\))([:])(?=\s)/gu, `$1${NBSP}$2`)
    .replace(/(\p{L}|\))([;!?])(?=\s|$)/gu, `$1${NNBSP}$2`)
    .replace(/ +:(?=\s|$)/g, `${NBSP}:`)
    .replace(/ +([;!?%])/g, `${NNBSP}$1`)
    .replace(/ +€/g, `${NBSP}€`)
    .replace(/« +/g, `«${NNBSP}`)
    .replace(/ +»/g, `${NNBSP}»`);
}

/** `cairn collect` -> « cairn collect » (fr) or “cairn collect” (en). */
export function unBacktick(text: string, locale: Locale): string {
  if (!text.includes("`")) return text;
  return text.replace(/`([^`]+)`/g, (_, inner: string) => quote(inner, locale));
}

/** Page text in a locale: backticks turned into quotes, and French typography in French. */
export function pageText(text: string, locale: Locale): string {
  const plain = unBacktick(text, locale);
  return locale === "fr" ? frenchTypography(plain) : plain;
}

export function quote(text: string, locale: Locale): string {
  return locale === "fr" ? `«${NNBSP}${text}${NNBSP}»` : `“${text}”`;
}

/** ": " in English, " : " with a no-break space in French. */
export function colonFor(locale: Locale): string {
  return locale === "fr" ? `${NBSP}: ` : ": ";
}

/** French "de" before a name: "d'AWS Lambda", "de la chaîne temperatures", "de Amazon…" elided too. */
export function frenchOf(name: string): string {
  return /^[aeiouyhàâéèêëîïôöûüAEIOUYHÀÂÉÈÊËÎÏÔÖÛÜ]/.test(name) ? `d'${name}` : `de ${name}`;
}
