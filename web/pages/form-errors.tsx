/**
 * Field errors on a re-rendered form: each next to its field (linked by aria-describedby), a
 * summary at the top linking to each field, in the reader's language; what was typed is kept
 * by the form itself (its values come back with the errors).
 */
import type { Locale } from "../../src/model";
import type { ServiceInputError } from "../../src/services/errors";
import { fieldIssueText, type Translate } from "../i18n";

/** Field name -> the message to show beside it. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: Pick<ServiceInputError, "issues">, locale: Locale): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issue.field] ??= fieldIssueText(issue, locale);
  return out;
}

/** The attributes an input with a possible error carries. */
export function invalidProps(errors: FieldErrors, field: string, id: string) {
  return errors[field] ? { "aria-invalid": "true" as const, "aria-describedby": `${id}-error` } : {};
}

export function FieldError(props: { errors: FieldErrors; field: string; id: string }) {
  const message = props.errors[props.field];
  return message ? (
    <p class="field-error" id={`${props.id}-error`}>
      {message}
    </p>
  ) : null;
}

/** "Nothing was saved" and a link to each field in error, in the form's order. */
export function ErrorSummary(props: {
  errors: FieldErrors;
  fields: { field: string; id: string; label: string }[];
  t: Translate;
}) {
  const listed = props.fields.filter((f) => props.errors[f.field]);
  if (listed.length === 0) return null;
  return (
    <div class="notice error" role="alert" id="form-errors">
      <p>{props.t("formHasErrors")}</p>
      <ul>
        {listed.map((f) => (
          <li>
            <a href={`#${f.id}`}>{f.label}</a> — {props.errors[f.field]}
          </li>
        ))}
      </ul>
    </div>
  );
}
