/** The tuning page's words. The findings themselves are written by the advice rules, in English. */
export const TUNING_WORDS = {
  en: {
    title: "Tuning: what to change",
    intro:
      "Findings from the CloudWatch metrics and the estimated costs of the 14 days before the date shown (Lambda: compared with the 14 days before), largest monthly saving first. Each says what it is based on and what it assumes.",
    window: "Period judged",
    findings: "Findings",
    savingUsd: "Possible saving a month",
    savingCo2e: "CO2e avoided a month",
    saves: "Saves a month",
    evidence: "Evidence",
    assumptions: "Assumptions",
    none: "Nothing to change was found for this period.",
    noMetrics:
      "No CloudWatch metrics are stored for this period: run `cairn collect --source cloudwatch` (only the region finding works without them).",
    kinds:
      "ec2-idle: idle instance · ec2-underused: instance under 10% CPU · aurora-min-capacity: Aurora minimum too high · lambda-growth: fastest-growing Lambda · s3-colder-class: colder storage class · region-move: lower-carbon region",
    asOf: "Up to (exclusive)",
    show: "Show",
    range: "between",
    and: "and",
    confidence: "Confidence:",
    confidence_high: "high",
    confidence_medium: "medium",
    confidence_low: "low",
    howTo: "How",
    lines: "Cost lines",
    daysBilled: "days billed",
    explore: "see in the explorer",
    wasteKinds:
      "nat-idle: NAT gateway with almost no traffic · ipv4-idle / ipv4-attached: public IPv4 addresses · ebs-gp2: gp2 volume to gp3 · ebs-unattached: volumes with no instance · snapshots-growing: snapshots piling up · s3-rarely-read: S3 Standard rarely read",
  },
  fr: {
    title: "Optimisation : que changer",
    intro:
      "Constats tirés des métriques CloudWatch et des coûts estimés des 14 jours précédant la date indiquée (Lambda : comparés aux 14 jours d'avant), par économie mensuelle décroissante. Chacun dit sur quoi il repose et ce qu'il suppose (textes en anglais).",
    window: "Période examinée",
    findings: "Constats",
    savingUsd: "Économie possible par mois",
    savingCo2e: "CO2e évité par mois",
    saves: "Économie par mois",
    evidence: "Constaté",
    assumptions: "Hypothèses",
    none: "Rien à changer n'a été trouvé pour cette période.",
    noMetrics:
      "Aucune métrique CloudWatch n'est enregistrée pour cette période : lancez `cairn collect --source cloudwatch` (seul le constat de région fonctionne sans elles).",
    kinds:
      "ec2-idle : instance inactive · ec2-underused : instance sous 10 % de CPU · aurora-min-capacity : minimum Aurora trop haut · lambda-growth : Lambda en plus forte hausse · s3-colder-class : classe de stockage plus froide · region-move : région moins carbonée",
    asOf: "Jusqu'au (exclu)",
    show: "Afficher",
    range: "entre",
    and: "et",
    confidence: "Confiance :",
    confidence_high: "élevée",
    confidence_medium: "moyenne",
    confidence_low: "faible",
    howTo: "Comment",
    lines: "Lignes de coût",
    daysBilled: "jours facturés",
    explore: "voir dans l'explorateur",
    wasteKinds:
      "nat-idle : passerelle NAT presque sans trafic · ipv4-idle / ipv4-attached : adresses IPv4 publiques · ebs-gp2 : volume gp2 à passer en gp3 · ebs-unattached : volumes sans instance · snapshots-growing : instantanés qui s'accumulent · s3-rarely-read : S3 Standard rarement lu",
  },
};
