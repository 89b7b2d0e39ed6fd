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
