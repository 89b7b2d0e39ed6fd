/**
 * The scope of a budget or a planned activity: everything, or one pipeline, service or account,
 * as two form fields (`scopeKind`, `scopeValue`). One component for every form that asks it.
 */
export interface ScopeLabels {
  scope: string;
  scopeAll: string;
  scopePipeline: string;
  scopeService: string;
  scopeAccount: string;
  scopeValue: string;
}

export function ScopeFields(props: { idPrefix: string; labels: ScopeLabels }) {
  const { idPrefix, labels } = props;
  return (
    <>
      <div class="field">
        <label for={`${idPrefix}-scope`}>{labels.scope}</label>
        <select id={`${idPrefix}-scope`} name="scopeKind">
          <option value="all">{labels.scopeAll}</option>
          <option value="pipeline">{labels.scopePipeline}</option>
          <option value="service">{labels.scopeService}</option>
          <option value="account">{labels.scopeAccount}</option>
        </select>
      </div>
      <div class="field">
        <label for={`${idPrefix}-scope-value`}>{labels.scopeValue}</label>
        <input id={`${idPrefix}-scope-value`} name="scopeValue" maxlength={256} />
      </div>
    </>
  );
}
