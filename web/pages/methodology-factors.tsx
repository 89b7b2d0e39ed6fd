/**
 * The factor tables of the methodology page. PLACE FOR THE CARBON HELPER: replace this
 * component's body with the real tables (grid intensity per region, PUE, coefficients per
 * usage class, the factor set's sources). It receives the locale and renders inside
 * <section id="factor-tables">.
 */
import type { Locale } from "../../src/model";

export function MethodologyFactors(props: { locale: Locale; factorSet: string }) {
  return (
    <p class="muted" id="factor-tables-pending">
      {props.locale === "fr"
        ? `Les tables de facteurs du jeu « ${props.factorSet} » seront affichées ici.`
        : `The factor tables of the "${props.factorSet}" set will be shown here.`}
    </p>
  );
}
