/** The monthly report's words for the carbon range and AWS's own figure. */
export const MONTHLY_CARBON_RANGE_WORDS = {
  en: {
    range: "Depending on the assumptions, the figure lies {range}.",
    aws: "AWS's own figure for {month}: {location} location-based, {market} market-based (scopes 1 and 2); Cairn's estimate is {ratio} AWS's.",
    awsFlag:
      "The two differ by more than a factor of two: see the carbon page for the services concerned and the likely causes.",
  },
  fr: {
    range: "Selon les hypothèses, ce chiffre se situe {range}.",
    aws: "Chiffre d'AWS pour {month} : {location} en location-based, {market} en market-based (scopes 1 et 2) ; l'estimation de Cairn en vaut {ratio}.",
    awsFlag:
      "Les deux diffèrent de plus d'un facteur deux : la page Carbone montre les services concernés et les causes probables.",
  },
};
