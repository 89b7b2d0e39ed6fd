/** Says when the Resources ranking (or one resource's page) came from Athena, or why Athena could not give it. */
import { colonFor } from "../../src/format/typography";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";
import { RESOURCES_ENGINE_WORDS } from "./resources-engine-words";

export function ResourcesEngineNotice(props: {
  engine: "store" | "athena";
  error?: string | undefined;
  locale: Locale;
  /** The resource's page rather than the list. */
  detail?: boolean;
}) {
  const w = pick(RESOURCES_ENGINE_WORDS, props.locale);
  if (props.error) {
    return (
      <p class="notice warn" role="status" id="resources-engine">
        {props.detail ? w.detailFailed : w.failed}
        {colonFor(props.locale)}
        {props.error}
      </p>
    );
  }
  if (props.engine !== "athena") return null;
  return (
    <p class="notice" id="resources-engine">
      {props.detail ? w.detail : w.athena}
    </p>
  );
}
