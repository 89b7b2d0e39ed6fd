/**
 * What `cairn alerts`, `cairn incidents` and `cairn sources` print, in CAIRN_LOCALE (the usage
 * texts stay English, like the flags).
 */
export const CLI_ALERT_WORDS = {
  en: {
    holdSend: "{n} alert(s) hold, {fresh} new; {sent} message(s) sent, {failed} failed, {pending} still queued",
    holdDry: "{n} alert(s) hold, {fresh} new (would be sent)",
    queuedEarlier: "; {pending} message(s) queued from earlier runs",
    key: "key",
    notDelivered: "not delivered",
    requeued: "{n} given-up message(s) queued again.",
    severity_info: "info",
    severity_warning: "warning",
    severity_critical: "critical",
  },
  fr: {
    holdSend:
      "{n} alerte(s) en cours, dont {fresh} nouvelle(s) ; {sent} message(s) envoyé(s), {failed} en échec, {pending} encore en file",
    holdDry: "{n} alerte(s) en cours, dont {fresh} nouvelle(s) (seraient envoyées)",
    queuedEarlier: " ; {pending} message(s) en file depuis des passages précédents",
    key: "clé",
    notDelivered: "non remis",
    requeued: "{n} message(s) abandonné(s) remis en file.",
    severity_info: "info",
    severity_warning: "avertissement",
    severity_critical: "critique",
  },
};

export const CLI_INCIDENT_WORDS = {
  en: {
    none: "No cost incident recorded.",
    status_open: "open",
    status_acknowledged: "acknowledged",
    status_resolved: "resolved",
    by: "by",
    untagged: "(untagged)",
    aboveUsual: "{excess} above usual ({cost} against {expected} expected)",
    note: "note",
  },
  fr: {
    none: "Aucun incident de coût enregistré.",
    status_open: "ouvert",
    status_acknowledged: "pris en charge",
    status_resolved: "résolu",
    by: "par",
    untagged: "(sans étiquette)",
    aboveUsual: "{excess} au-dessus de l'habituel ({cost} contre {expected} attendus)",
    note: "note",
  },
};

export const CLI_SOURCES_WORDS = {
  en: {
    source: "Source",
    lines: "Lines",
    cost: "Cost",
    counted: "Counted",
    from: "From",
    to: "To",
    removed: "Removed {n} FOCUS cost line(s) of {month}{account}; other sources count again for those days.",
    forAccount: " for account {account}",
  },
  fr: {
    source: "Source",
    lines: "Lignes",
    cost: "Coût",
    counted: "Compté",
    from: "Du",
    to: "Au",
    removed:
      "{n} ligne(s) de coût FOCUS de {month}{account} supprimée(s) ; les autres sources comptent de nouveau pour ces jours.",
    forAccount: " pour le compte {account}",
  },
};

/** What `cairn advise` prints around the findings' own texts (./advise.ts). */
export const CLI_ADVICE_WORDS = {
  en: {
    header: "Tuning advice for {from} to {to}: {n} finding(s), {money} and {co2e} a month in all.",
    noMetrics:
      "No CloudWatch metrics are stored for this period: run `cairn collect --source cloudwatch` (only the region advice works without them).",
    saves: "Saves {money} and {co2e} a month.",
    state: "state",
    range: "range",
    to: "to",
    confidence: "confidence",
    do: "do:      ",
    evidence: "evidence:",
    assumes: "assumes: ",
    state_open: "open",
    state_snoozed: "snoozed",
    state_dismissed: "dismissed",
    state_done: "done",
    confidence_high: "high",
    confidence_medium: "medium",
    confidence_low: "low",
    changed: "Finding {id} is now {state}{done}{until}, by {by}.",
    doneOn: " (done on {day})",
    until: " until {day}",
  },
  fr: {
    header: "Pistes d'optimisation du {from} au {to} : {n} piste(s), {money} et {co2e} par mois en tout.",
    noMetrics:
      "Aucune métrique CloudWatch n'est enregistrée pour cette période : lancez « cairn collect --source cloudwatch » (seule la piste des régions fonctionne sans elles).",
    saves: "Économise {money} et {co2e} par mois.",
    state: "état",
    range: "fourchette",
    to: "à",
    confidence: "confiance",
    do: "action :  ",
    evidence: "constat : ",
    assumes: "hypothèse :",
    state_open: "ouverte",
    state_snoozed: "reportée",
    state_dismissed: "écartée",
    state_done: "faite",
    confidence_high: "élevée",
    confidence_medium: "moyenne",
    confidence_low: "faible",
    changed: "La piste {id} est maintenant {state}{done}{until}, par {by}.",
    doneOn: " (faite le {day})",
    until: " jusqu'au {day}",
  },
};
