/**
 * A page's GET form (the explorer's dates and filters) refused by the parser: instead of a bare
 * 400, the page is drawn again on its defaults with what was typed kept and the error beside
 * the field, in the reader's language. The parameter in error is dropped and parsing retried.
 */
import type { Locale } from "../../src/model";
import { BadParameter } from "../api/params";
import { pick } from "../i18n";
import type { FieldErrors } from "./form-errors";

export const QUERY_ERROR_WORDS = {
  en: {
    dateInvalid: "must be a date (year-month-day)",
    toNotAfterFrom: "must be after the first day (this day is not included)",
    invalid: "this value is not one the page knows; the default is shown",
  },
  fr: {
    dateInvalid: "doit être une date (année-mois-jour)",
    toNotAfterFrom: "doit suivre le premier jour (ce jour-là est exclu)",
    invalid: "valeur inconnue de la page ; la valeur par défaut est affichée",
  },
};

/** The error's key (set where it is thrown), in the reader's language. */
function message(error: BadParameter, locale: Locale): string {
  return pick(QUERY_ERROR_WORDS, locale)[error.code];
}

/** Parses; on a bad parameter, drops it and tries again, collecting each error by field. */
export function parseKeepingErrors<T>(
  query: Record<string, string>,
  parse: (q: Record<string, string>) => T,
  locale: Locale,
): { parsed: T; errors: FieldErrors } {
  const errors: FieldErrors = {};
  let q = { ...query };
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return { parsed: parse(q), errors };
    } catch (error) {
      if (!(error instanceof BadParameter)) throw error;
      // "to" not after a typed "from" (with the default end): the typed "from" is what to fix.
      const field = error.parameter in q ? error.parameter : "from" in q ? "from" : null;
      if (field === null) throw error;
      errors[field] ??= message(error, locale);
      const { [field]: _dropped, ...rest } = q;
      q = rest;
    }
  }
  return { parsed: parse({}), errors };
}
