/** The monthly report's words for the carbon range and AWS's own figure. */
export const MONTHLY_CARBON_RANGE_WORDS = {
  en: {
    range: "Depending on the assumptions, the figure lies {range}.",
    aws: "AWS's own figures for {month}: {location} location-based, {market} market-based (scopes 1 and 2), beside Cairn's own {cairnLocation} and {cairnMarket}: {ratio} and {marketRatio} AWS's.",
    awsFlag: "More than 2× apart (likely cause):",
    awsFlagItem: "{service} in {region}, {ratio} ({cause})",
    awsFlagMore: "; {n} more on the carbon page",
  },
  fr: {
    range: "Selon les hypothèses, ce chiffre se situe {range}.",
    aws: "Chiffres d'AWS pour {month}\u00a0: {location} en location-based, {market} en market-based (scopes 1 et 2), à côté de l'estimation propre de Cairn, {cairnLocation} et {cairnMarket}\u00a0: {ratio} et {marketRatio} ceux d'AWS.",
    awsFlag: "Écart de plus de 2× (cause probable)\u00a0:",
    awsFlagItem: "{service} en {region}, {ratio} ({cause})",
    awsFlagMore: "\u00a0; {n} de plus sur la page Carbone",
  },
};
