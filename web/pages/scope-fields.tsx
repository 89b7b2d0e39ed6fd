/**
 * The scope of a budget or a planned activity: everything, or one pipeline, service or account,
 * as two form fields (`scopeKind`, `scopeValue`). One component for every form that asks it.
 * With `choices`, the value field suggests what Cairn has seen (one list per kind; app.js
 * switches the list with the kind); free text stays possible.
 */
import { useContext } from "hono/jsx";
import type { ScopeChoices } from "../../src/store/read/scope-choices";
import { AccountNamesContext } from "./account-name";
import { FieldError, type FieldErrors, invalidProps } from "./form-errors";

export interface ScopeLabels {
  scope: string;
  scopeAll: string;
  scopePipeline: string;
  scopeService: string;
  scopeAccount: string;
  scopeValue: string;
}

export function ScopeFields(props: {
  idPrefix: string;
  labels: ScopeLabels;
  values?: { scopeKind?: string; scopeValue?: string };
  choices?: ScopeChoices;
  errors?: FieldErrors;
  /** Shown under the value field (what the suggestions are). */
  hint?: string;
}) {
  const { idPrefix, labels } = props;
  const errors = props.errors ?? {};
  // An account suggestion carries its name as the option's label: the value stays the id.
  const names = useContext(AccountNamesContext);
  const kind = props.values?.scopeKind ?? "all";
  const valueId = `${idPrefix}-scope-value`;
  const listId = (k: string) => `${idPrefix}-scope-${k}-list`;
  const option = (value: string, label: string) => (
    <option value={value} selected={kind === value}>
      {label}
    </option>
  );
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-scope`}>{labels.scope}</label>
        <select id={`${idPrefix}-scope`} name="scopeKind" data-scope-lists={props.choices ? valueId : undefined}>
          {option("all", labels.scopeAll)}
          {option("pipeline", labels.scopePipeline)}
          {option("service", labels.scopeService)}
          {option("account", labels.scopeAccount)}
        </select>
        <FieldError errors={errors} field="scopeKind" id={`${idPrefix}-scope`} />
      </div>
      <div class="field">
        <label for={valueId}>{labels.scopeValue}</label>
        <input
          id={valueId}
          name="scopeValue"
          maxlength={256}
          value={props.values?.scopeValue ?? ""}
          list={props.choices && kind !== "all" ? listId(kind) : undefined}
          autocomplete="off"
          {...invalidProps(errors, "scopeValue", valueId)}
        />
        {props.hint ? <small class="muted">{props.hint}</small> : null}
        <FieldError errors={errors} field="scopeValue" id={valueId} />
        {props.choices
          ? (["pipeline", "service", "account"] as const).map((k) => (
              <datalist id={listId(k)}>
                {props.choices?.[k]
                  .filter((v) => v !== "")
                  .map((v) => (
                    <option value={v} label={k === "account" ? names[v] : undefined} />
                  ))}
              </datalist>
            ))
          : null}
      </div>
    </>
  );
}
