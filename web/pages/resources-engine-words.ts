/** The Resources page's note on which engine answered (./resources-engine.tsx). */
export const RESOURCES_ENGINE_WORDS = {
  en: {
    athena:
      "This period's resource lines are not kept in Cairn's database: this ranking comes from Athena over the FOCUS export in S3 (one query per period, cached; its cost counts against CAIRN_ATHENA_MAX_USD).",
    failed: "Athena could not answer for this period, so no resources are shown",
  },
  fr: {
    athena:
      "Les lignes par ressource de cette période ne sont pas gardées dans la base de Cairn\u00a0: ce classement vient d’Athena, sur l’export FOCUS dans S3 (une requête par période, mise en cache\u00a0; son coût compte dans CAIRN_ATHENA_MAX_USD).",
    failed: "Athena n’a pas pu répondre pour cette période, aucune ressource n’est donc affichée",
  },
};
