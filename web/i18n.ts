/**
 * The dashboard's words in French and English. Pages call `t(key)`; a missing key is a type
 * error, so the two languages cannot drift apart.
 */
import { pageText } from "../src/format/typography";
import type { Locale } from "../src/model";
import { serviceErrorText } from "../src/services/error-words";
import type { FieldIssue } from "../src/services/errors";

const en = {
  appName: "Cairn",
  tagline: "Cost and carbon of our AWS pipelines",
  navOverview: "Overview",
  navCosts: "Cost explorer",
  navCarbon: "Carbon",
  navBudgets: "Budgets",
  navAlerts: "Alerts",
  navRuns: "Data health",
  navSettings: "Settings",
  navMethodology: "Methodology",
  navTuning: "Tuning",
  navReports: "Reports",
  navIncidents: "Incidents",
  overviewTitle: "This month at a glance",
  monthToDate: "Spent this month",
  budget: "Monthly budget",
  noBudget: "No monthly budget set",
  forecast: "Forecast for the month",
  forecastNone: "Not enough data for a forecast",
  forecastSourceAws: "AWS forecast",
  forecastSourceCairn: "Cairn's forecast (month so far, weekday profile)",
  ofBudget: "of the budget",
  overBudgetBy: "over budget by",
  underBudgetBy: "left in the budget",
  dailyByService: "Daily cost by service, last 30 days",
  monthBurn: "Cumulative spend this month",
  byPipeline: "Cost by pipeline this month",
  actual: "Actual",
  budgetLine: "Budget",
  other: "Other",
  untagged: "(untagged)",
  freshness: "Data",
  freshAsOf: "collected",
  stale: "stale: last successful collection",
  neverCollected: "no collection yet",
  dataUntil: "figures up to",
  provisional: "recent figures are provisional until AWS closes the month",
  emptyTitle: "No cost data yet",
  emptyBody: "Run `cairn collect` to fetch your AWS costs, or `cairn demo` to load the demo dataset.",
  currencyMissing: "Amounts in USD: no euro rate (cairn fx set or cairn fx fetch) for",
  chartTableCaption: "Figures behind the chart",
  skipToContent: "Skip to content",
  error: "Something went wrong",
  notFound: "Page not found",
  formHasErrors: "Nothing was saved. Please correct:",
  backTo: "Back",
  navMenu: "Menu",
  navResources: "Resources",
} as const;

export type MessageKey = keyof typeof en;

const fr: Record<MessageKey, string> = {
  appName: "Cairn",
  tagline: "Coût et carbone de nos chaînes de traitement AWS",
  navOverview: "Vue d'ensemble",
  navCosts: "Explorateur de coûts",
  navCarbon: "Carbone",
  navBudgets: "Budgets",
  navAlerts: "Alertes",
  navRuns: "Santé des données",
  navSettings: "Réglages",
  navMethodology: "Méthodologie",
  navTuning: "Optimisation",
  navReports: "Rapports",
  navIncidents: "Incidents",
  overviewTitle: "Ce mois-ci en un coup d'œil",
  monthToDate: "Dépensé ce mois-ci",
  budget: "Budget mensuel",
  noBudget: "Aucun budget mensuel défini",
  forecast: "Prévision pour le mois",
  forecastNone: "Pas assez de données pour une prévision",
  forecastSourceAws: "prévision d'AWS",
  forecastSourceCairn: "prévision de Cairn (mois en cours, profil par jour de semaine)",
  ofBudget: "du budget",
  overBudgetBy: "dépassement prévu de",
  underBudgetBy: "restant dans le budget",
  dailyByService: "Coût quotidien par service, 30 derniers jours",
  monthBurn: "Dépense cumulée ce mois-ci",
  byPipeline: "Coût par chaîne de traitement ce mois-ci",
  actual: "Réel",
  budgetLine: "Budget",
  other: "Autres",
  untagged: "(sans étiquette)",
  freshness: "Données",
  freshAsOf: "collectées",
  stale: "périmées : dernière collecte réussie",
  neverCollected: "aucune collecte pour l'instant",
  dataUntil: "chiffres jusqu'au",
  provisional: "les chiffres récents sont provisoires jusqu'à la clôture du mois par AWS",
  emptyTitle: "Pas encore de données de coût",
  emptyBody:
    "Lancez `cairn collect` pour récupérer vos coûts AWS, ou `cairn demo` pour charger les données de démonstration.",
  currencyMissing: "Montants en USD : aucun taux de l'euro (cairn fx set ou cairn fx fetch) pour",
  chartTableCaption: "Chiffres du graphique",
  skipToContent: "Aller au contenu",
  error: "Une erreur est survenue",
  notFound: "Page introuvable",
  formHasErrors: "Rien n'a été enregistré. À corriger :",
  backTo: "Retour",
  navMenu: "Menu",
  navResources: "Ressources",
};

const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, fr };

export type Translate = (key: MessageKey) => string;

export function translator(locale: Locale): Translate {
  const catalog = typeset(CATALOGS[locale], locale);
  return (key) => catalog[key];
}

const TYPESET = { en: new WeakMap<object, object>(), fr: new WeakMap<object, object>() };

/**
 * Words as a page prints them: backticks (written for the command line) become quotes, and
 * French gets its no-break spaces before : ; ! ? % € and inside « » (see src/format/typography).
 * Done once per catalog.
 */
function typeset<T extends Record<string, string>>(words: T, locale: Locale): T {
  const done = TYPESET[locale].get(words);
  if (done) return done as T;
  const out = Object.fromEntries(
    Object.entries(words).map(([k, v]) => [k, typeof v === "string" ? pageText(v, locale) : v]),
  ) as T;
  TYPESET[locale].set(words, out);
  return out;
}

/**
 * A page's own words, kept beside the page (`web/pages/<page>-words.ts`) so features do not
 * all edit one catalog: `const w = pick(WORDS, locale)` where WORDS is `{ en: {...}, fr: {...} }`
 * and the French object is typed after the English one.
 */
export function pick<T extends Record<string, string>>(
  words: { en: T; fr: NoInfer<{ [K in keyof T]: string }> },
  locale: Locale,
): T {
  return typeset((locale === "fr" ? words.fr : words.en) as T, locale);
}

/** A service's refusal in the reader's language (a message without a key is shown as is). */
export function fieldIssueText(issue: FieldIssue, locale: Locale): string {
  return pageText(issue.key ? serviceErrorText(issue.key, issue.params, locale) : issue.message, locale);
}
