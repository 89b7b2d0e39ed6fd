/** Says when the Resources ranking came from Athena, or why Athena could not give it. */
import { colonFor } from "../../src/format/typography";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";
import { RESOURCES_ENGINE_WORDS } from "./resources-engine-words";

export function ResourcesEngineNotice(props: {
  engine: "store" | "athena";
  error?: string | undefined;
  locale: Locale;
}) {
  const w = pick(RESOURCES_ENGINE_WORDS, props.locale);
  if (props.error) {
    return (
      <p class="notice warn" role="status" id="resources-engine">
        {w.failed}
        {colonFor(props.locale)}
        {props.error}
      </p>
    );
  }
  if (props.engine !== "athena") return null;
  return (
    <p class="notice" id="resources-engine">
      {w.athena}
    </p>
  );
}
