/**
 * How Cairn gets its figures: costs, carbon, forecasts. The factor tables come from
 * ./methodology-factors.tsx (filled in by the carbon estimator's owner).
 */
import { Hono } from "hono";
import type { Locale } from "../../src/model";
import { renderPage } from "../auth/viewer";
import type { WebDeps } from "../deps";
import { pick, type Translate, translator } from "../i18n";
import { Layout } from "./layout";
import { MethodologyDepartures } from "./methodology-departures";
import { MethodologyFactors } from "./methodology-factors";

const WORDS = {
  en: {
    title: "Methodology",
    costsTitle: "Costs",
    costs:
      "Costs come from the AWS Cost Explorer API (or a FOCUS export), one line per day, account, service, region, usage type and pipeline tag. They are unblended US-dollar amounts as AWS bills them; the last days of an open month are provisional and AWS may restate them, so Cairn re-reads them at each collection.",
    carbonTitle: "Carbon",
    carbon:
      "Each cost line's usage is classified (compute, memory, storage, network, GPU, serverless) and turned into energy with per-unit coefficients, multiplied by the data centre's power usage effectiveness (PUE), then by the grid's carbon intensity in the line's region (location-based). Embodied (manufacturing) emissions are estimated separately. Lines with no physical model are estimated from their cost (a cost-ratio proxy) and marked as such; taxes, fees and credits are excluded.",
    forecastTitle: "Forecasts and budgets",
    forecast:
      "The month-end forecast is AWS's own when available, otherwise Cairn's: the month so far plus the remaining days at the recent weekday profile. Alerts fire once per budget, threshold and period.",
    factorsTitle: "Factor tables",
    limitsTitle: "Limits",
    limits:
      "Carbon figures are estimates with a wide uncertainty (often ±30 % or more); they are meant to compare choices and follow trends, not to certify a footprint.",
  },
  fr: {
    title: "Méthodologie",
    costsTitle: "Coûts",
    costs:
      "Les coûts viennent de l'API AWS Cost Explorer (ou d'un export FOCUS), une ligne par jour, compte, service, région, type d'usage et étiquette de chaîne de traitement. Ce sont les montants en dollars US tels qu'AWS les facture ; les derniers jours d'un mois en cours sont provisoires et AWS peut les corriger, c'est pourquoi Cairn les relit à chaque collecte.",
    carbonTitle: "Carbone",
    carbon:
      "L'usage de chaque ligne de coût est classé (calcul, mémoire, stockage, réseau, GPU, serverless) puis converti en énergie par des coefficients unitaires, multiplié par l'efficacité énergétique du centre de données (PUE), puis par l'intensité carbone du réseau électrique de la région (méthode « réseau local »). Les émissions de fabrication (intrinsèques) sont estimées à part. Les lignes sans modèle physique sont estimées à partir de leur coût (approximation par ratio) et signalées comme telles ; taxes, frais et crédits sont exclus.",
    forecastTitle: "Prévisions et budgets",
    forecast:
      "La prévision de fin de mois est celle d'AWS quand elle existe, sinon celle de Cairn : le mois écoulé plus les jours restants au profil récent par jour de semaine. Une alerte n'est envoyée qu'une fois par budget, seuil et période.",
    factorsTitle: "Tables de facteurs",
    limitsTitle: "Limites",
    limits:
      "Les chiffres carbone sont des estimations à forte incertitude (souvent ±30 % ou plus) : ils servent à comparer des choix et suivre des tendances, pas à certifier une empreinte.",
  },
};

export function MethodologyPage(props: { locale: Locale; t: Translate; factorSet: string }) {
  const w = pick(WORDS, props.locale);
  return (
    <Layout title={w.title} path="/methodology" locale={props.locale} t={props.t}>
      <article class="prose">
        <h1>{w.title}</h1>
        <h2>{w.costsTitle}</h2>
        <p>{w.costs}</p>
        <h2>{w.carbonTitle}</h2>
        <p>{w.carbon}</p>
        <h2>{w.forecastTitle}</h2>
        <p>{w.forecast}</p>
        <section id="factor-tables" aria-labelledby="factor-tables-title">
          <h2 id="factor-tables-title">{w.factorsTitle}</h2>
          <MethodologyFactors locale={props.locale} factorSet={props.factorSet} />
        </section>
        <MethodologyDepartures locale={props.locale} />
        <h2>{w.limitsTitle}</h2>
        <p>{w.limits}</p>
      </article>
    </Layout>
  );
}

export function methodologyRoutes(deps: WebDeps): Hono {
  const app = new Hono();
  const locale = deps.config.CAIRN_LOCALE;
  const t = translator(locale);
  app.get("/methodology", (c) =>
    renderPage(c, <MethodologyPage locale={locale} t={t} factorSet={deps.config.CAIRN_FACTOR_SET} />),
  );
  return app;
}
