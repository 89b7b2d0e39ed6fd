/** The monthly report's words for the carbon range and AWS's own figure. */
export const MONTHLY_CARBON_RANGE_WORDS = {
  en: {
    range:
      "Depending on the assumptions (server load, storage redundancy, grid variations), the estimate lies {range}.",
    aws: "AWS's own figure for {month}: {location} location-based, {market} market-based (scopes 1 and 2); Cairn's estimate is {ratio} AWS's.",
    awsFlag:
      "The two differ by more than a factor of two: see the carbon page for the services concerned and the likely causes.",
    awsMissing: "AWS has not yet published its own figure for {month} (it does so a few weeks after the month ends).",
  },
  fr: {
    range:
      "Selon les hypothèses (charge des serveurs, redondance du stockage, variations du réseau électrique), l'estimation se situe {range}.",
    aws: "Chiffre d'AWS pour {month} : {location} en location-based, {market} en market-based (scopes 1 et 2) ; l'estimation de Cairn en vaut {ratio}.",
    awsFlag:
      "Les deux diffèrent de plus d'un facteur deux : la page Carbone montre les services concernés et les causes probables.",
    awsMissing:
      "AWS n'a pas encore publié son propre chiffre pour {month} (il le fait quelques semaines après la fin du mois).",
  },
};
