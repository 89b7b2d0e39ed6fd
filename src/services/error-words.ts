/**
 * What a service says when it refuses an input, in both languages. A service names the field
 * and a key; the command line prints the English text, pages print the reader's language (via
 * web/i18n.ts). `{name}` placeholders are filled from the error's params.
 */
export const SERVICE_ERROR_WORDS = {
  en: {
    nameEmpty: "must not be empty",
    nameTooLong: "must be at most 100 characters",
    nameTaken: 'a budget named "{name}" exists already: change it instead',
    budgetMissing: 'no budget named "{name}"',
    amountNotNumber: "must be a number, like 750 or 12.5",
    amountNotPositive: "must be above 0",
    amountTooLarge: "is too large",
    currencyInvalid: "must be USD or EUR",
    periodInvalid: "must be month, year or custom",
    dayInvalid: "must be a date YYYY-MM-DD",
    monthInvalid: "must be a month YYYY-MM",
    numberInvalid: "must be a number",
    wholeNumber: "must be a whole number",
    rateCurrencyInvalid: "must be EUR",
    rateNotPositive: "must be a positive number",
    rateTooHigh: "must be at most 100 (euros per US dollar)",
    rateFixed:
      '{month} is a past month that already has a different rate; its figures are fixed: replace it only on purpose (--force on the command line, the "replace" box on the Settings page)',
    rateMissing: "no {currency} rate for {month}",
    plannedMissing: "no planned activity with ID {id}",
    // Upkeep entries and findings' states (the Tuning page, `cairn upkeep`, `cairn advise`).
    hoursNotPositive: "must be above 0",
    hoursTooMany: "is too many",
    upkeepNameTooLong: "must be at most 256 characters",
    textTooLong: "is too long",
    personMissing: "must name who did it",
    whatMissing: "must say what was done",
    upkeepTargetMissing: "name a pipeline or a resource",
    dayInFuture: "must not be in the future",
    upkeepMissing: "no upkeep entry {id}",
    findingIdMissing: "must name a finding",
    findingActionInvalid: "must be snooze, dismiss, done or reopen",
    snoozeNeedsDay: "a snooze needs a date",
    snoozeNotAfterToday: "must be after today ({today})",
    doneAfterToday: "must not be after today ({today})",
    dismissNeedsReason: "a dismissal needs a reason",
    reasonTooLong: "must be at most 500 characters",
    findingMissing: "no finding {id} today or on record",
    periodNeedsDays: "a custom period needs its first and last days",
    periodDaysOnlyCustom: "first and last days go with a custom period only",
    periodToBeforeFrom: "must not be before the first day",
    scopeInvalid: "must be all, pipeline, service or account",
    scopeValueMissing: "must name the service or account",
    scopeValueTooLong: "must be at most 256 characters",
    accountId: "must be a 12-digit AWS account id, got “{value}”",
    scopeUnknown: "“{value}” matches no {kind} Cairn has seen: check the spelling, or confirm to keep it",
    thresholdsEmpty: "needs at least one percentage",
    thresholdInvalid: "“{part}” is not a percentage: write them like 50, 80, 100, forecast:100",
    thresholdTooHigh: "“{part}” is above 1000 %",
    thresholdNotPositive: "“{part}” must be above 0",
    actorMissing: "must say who makes the change",
  },
  fr: {
    nameEmpty: "ne doit pas être vide",
    nameTooLong: "100 caractères au plus",
    nameTaken: "un budget nommé « {name} » existe déjà : modifiez-le plutôt",
    budgetMissing: "aucun budget nommé « {name} »",
    amountNotNumber: "doit être un nombre, comme 750 ou 12,5",
    amountNotPositive: "doit être supérieur à 0",
    amountTooLarge: "est trop grand",
    currencyInvalid: "doit être USD ou EUR",
    periodInvalid: "doit être mensuelle, annuelle ou personnalisée",
    dayInvalid: "doit être une date (AAAA-MM-JJ)",
    monthInvalid: "doit être un mois (année-mois)",
    numberInvalid: "doit être un nombre",
    wholeNumber: "doit être un nombre entier",
    rateCurrencyInvalid: "doit être EUR",
    rateNotPositive: "doit être un nombre positif",
    rateTooHigh: "100 au plus (euros pour un dollar US)",
    rateFixed:
      "ce mois passé a déjà un autre taux et ses chiffres publiés sont figés : pour le remplacer exprès, cochez « Remplacer le taux d'un mois passé »",
    rateMissing: "aucun taux {currency} pour {month}",
    plannedMissing: "aucune activité prévue n'a le numéro {id}",
    hoursNotPositive: "doit être supérieur à 0",
    hoursTooMany: "c'est trop d'heures",
    upkeepNameTooLong: "256 caractères au plus",
    textTooLong: "est trop long",
    personMissing: "doit nommer qui l'a fait",
    whatMissing: "doit dire ce qui a été fait",
    upkeepTargetMissing: "nommez une chaîne de traitement ou une ressource",
    dayInFuture: "ne doit pas être dans le futur",
    upkeepMissing: "aucune entrée d'entretien n°\u00a0{id}",
    findingIdMissing: "doit nommer un constat",
    findingActionInvalid: "doit être « snooze », « dismiss », « done » ou « reopen »",
    snoozeNeedsDay: "une mise en attente demande une date",
    // The page writes dates out: no ISO day in French.
    snoozeNotAfterToday: "doit être postérieure à aujourd'hui",
    doneAfterToday: "ne doit pas être postérieure à aujourd'hui",
    dismissNeedsReason: "écarter un constat demande une raison",
    reasonTooLong: "500 caractères au plus",
    findingMissing: "aucun constat « {id} » ni aujourd'hui ni dans l'historique",
    periodNeedsDays: "une période personnalisée demande son premier et son dernier jour",
    periodDaysOnlyCustom: "le premier et le dernier jour ne valent que pour une période personnalisée",
    periodToBeforeFrom: "ne doit pas précéder le premier jour",
    scopeInvalid: "doit être tout, une chaîne, un service ou un compte",
    scopeValueMissing: "doit nommer le service ou le compte",
    scopeValueTooLong: "256 caractères au plus",
    accountId: "doit être un identifiant de compte AWS à 12 chiffres, et non « {value} »",
    scopeUnknown:
      "« {value} » ne correspond à aucun élément vu par Cairn ({kind}) : vérifiez l'orthographe, ou confirmez pour le garder",
    thresholdsEmpty: "au moins un pourcentage",
    thresholdInvalid: "« {part} » n'est pas un pourcentage : écrivez par exemple 50, 80, 100, forecast:100",
    thresholdTooHigh: "« {part} » dépasse 1000 %",
    thresholdNotPositive: "« {part} » doit être supérieur à 0",
    actorMissing: "doit dire qui fait la modification",
  },
} as const;

export type ServiceErrorKey = keyof (typeof SERVICE_ERROR_WORDS)["en"];

export function isServiceErrorKey(s: string): s is ServiceErrorKey {
  return Object.hasOwn(SERVICE_ERROR_WORDS.en, s);
}

/** The key's text in one language with its `{placeholders}` filled. */
export function serviceErrorText(
  key: ServiceErrorKey,
  params: Readonly<Record<string, string>> = {},
  locale: "en" | "fr" = "en",
): string {
  return SERVICE_ERROR_WORDS[locale][key].replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? `{${p}}`);
}
