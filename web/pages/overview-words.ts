/** The overview's chart words (the tax toggle of the daily chart). */
export const OVERVIEW_WORDS = {
  en: {
    taxesApart: "Taxes left out of this chart:",
    taxesShown: "Taxes included in this chart:",
    showTaxes: "Show taxes",
    hideTaxes: "Hide taxes",
  },
  fr: {
    taxesApart: "Taxes hors de ce graphique :",
    taxesShown: "Taxes comprises dans ce graphique :",
    showTaxes: "Afficher les taxes",
    hideTaxes: "Masquer les taxes",
  },
};
