/** The Resources page's note on which engine answered (./resources-engine.tsx). */
export const RESOURCES_ENGINE_WORDS = {
  en: {
    athena:
      "This period's resource lines are not kept in Cairn's database: this ranking comes from Athena over the FOCUS export in S3 (one query per period, cached; its cost counts against CAIRN_ATHENA_MAX_USD). The resources new or gone come from it too, judged against the billing periods just before and after this one.",
    failed: "Athena could not answer for this period, so no resources are shown",
    detail:
      "This period's resource lines are not kept in Cairn's database: this page comes from Athena over the FOCUS export in S3 (one query per resource and period, cached; its cost counts against CAIRN_ATHENA_MAX_USD). First and last billed days, months and tags are those of the period shown.",
    detailFailed: "Athena could not answer for this period",
  },
  fr: {
    athena:
      "Les lignes par ressource de cette période ne sont pas gardées dans la base de Cairn\u00a0: ce classement vient d’Athena, sur l’export FOCUS dans S3 (une requête par période, mise en cache\u00a0; son coût compte dans CAIRN_ATHENA_MAX_USD). Les ressources apparues ou disparues en viennent aussi, jugées par rapport aux périodes de facturation qui précèdent et suivent celle-ci.",
    failed: "Athena n’a pas pu répondre pour cette période, aucune ressource n’est donc affichée",
    detail:
      "Les lignes par ressource de cette période ne sont pas gardées dans la base de Cairn\u00a0: cette page vient d’Athena, sur l’export FOCUS dans S3 (une requête par ressource et par période, mise en cache\u00a0; son coût compte dans CAIRN_ATHENA_MAX_USD). Premier et dernier jours facturés, mois et étiquettes sont ceux de la période affichée.",
    detailFailed: "Athena n’a pas pu répondre pour cette période",
  },
};
