/**
 * The methodology tables' prose in both languages: the factor sets' descriptions, what each
 * source gives, the fallbacks, and what each example usage line is. The figures and sources'
 * names stay in src/carbon (the estimator's data); the words are keyed by the set's name, the
 * source's key, and the example's service|usage type. test/unit/methodology-words.test.ts fails
 * when a row of the data or an example has no words in either language.
 */
export const METHODOLOGY_DATA_WORDS = {
  en: {
    descriptions: {
      "cairn-2026":
        "Ember grid intensity, AWS per-region PUE 2025 and market-based 0 in regions AWS matched 100% with renewables, BoaviztAPI per-instance energy plus CCF GPU power, CCF coefficients for the rest.",
      "ccf-2022":
        "Cloud Carbon Footprint's own values: PUE 1.135 everywhere, its grid table, its coefficients, no market-based factor (market = location). For comparison with CCF.",
    },
    sources: {
      ccfCoefficients: "CPU, GPU, memory, storage and network coefficients; replication factors",
      serverlessShares:
        "Lambda vCPU share (1 vCPU per 1,769 MB); Aurora Serverless v2 ACU (about 2 GiB with matching CPU)",
      diskEmbodied:
        "Embodied emissions of disks (storage): BoaviztAPI's default SSD (52 kgCO2e per TB) and HDD (31.1 kgCO2e per drive, taken as 8 TB; archive drives 20 TB) over CCF's 4-year lifespan",
      instanceEmbodied: "Embodied emissions per instance-hour, and their median per vCPU-hour for serverless",
      emberGrid:
        "Grid carbon intensity per region (location-based, production-based: the intensity of the electricity generated in the country or state, imports and exports not counted); us-east-1 is Virginia (327.17 g/kWh), not the US average",
      awsPue: "PUE per region, and regions matched 100% with renewable electricity (market-based factor 0)",
      instanceEnergy: "Use-phase kWh per EC2 instance-hour at default load",
      cpuWatts: "Per-vCPU watts of Ice Lake, Sapphire Rapids, EPYC 3rd and 4th generation",
      ccfGrid: "Grid carbon intensity per region",
      ccfPue: "PUE 1.135 for every AWS region",
    },
    fallbacks: {
      "cairn-2026.grid": "mean of Ember's AWS regions (397.46 g/kWh)",
      "cairn-2026.pue": "AWS global PUE 2025 (1.14)",
      "ccf-2022.grid": "CCF's default for other regions (392.8 g/kWh)",
      "ccf-2022.pue": "CCF's AWS PUE (1.135)",
    },
    usage: {
      "Amazon Simple Storage Service|TimedStorage-ByteHrs": "S3 Standard",
      "Amazon Simple Storage Service|TimedStorage-SIA-ByteHrs": "S3 Standard-IA",
      "Amazon Simple Storage Service|TimedStorage-ZIA-ByteHrs": "S3 One Zone-IA",
      "Amazon Simple Storage Service|TimedStorage-RRS-ByteHrs": "S3 Reduced Redundancy",
      "Amazon Simple Storage Service|TimedStorage-INT-FA-ByteHrs": "S3 Intelligent-Tiering (frequent access)",
      "Amazon Simple Storage Service|TimedStorage-INT-AA-ByteHrs":
        "S3 Intelligent-Tiering (archive or deep archive access)",
      "Amazon Simple Storage Service|TimedStorage-GIR-ByteHrs": "S3 Glacier Instant Retrieval",
      "Amazon Simple Storage Service|TimedStorage-GlacierByteHrs": "S3 Glacier Flexible Retrieval",
      "Amazon Simple Storage Service|TimedStorage-GDA-ByteHrs": "S3 Glacier Deep Archive",
      "Amazon EC2 Container Registry (ECR)|TimedStorage-ByteHrs": "ECR image storage",
      "Amazon Elastic Compute Cloud - Compute|EBS:VolumeUsage.gp3": "EBS gp3 volume",
      "Amazon Elastic Compute Cloud - Compute|EBS:VolumeUsage.st1": "EBS st1 volume",
      "Amazon Elastic Compute Cloud - Compute|EBS:SnapshotUsage": "EBS snapshot",
      "Amazon Elastic File System|TimedStorage-ByteHrs": "EFS Standard",
      "Amazon Elastic File System|TimedStorage-Z-ByteHrs": "EFS One Zone",
      "Amazon Relational Database Service|Aurora:StorageUsage": "Aurora storage",
      "Amazon Relational Database Service|RDS:Multi-AZ-GP3-Storage": "RDS Multi-AZ SSD storage",
      "Amazon Relational Database Service|InstanceUsage:db.t4g.medium": "RDS hours of db.t4g.medium",
      "Amazon Relational Database Service|Multi-AZUsage:db.t4g.medium":
        "RDS Multi-AZ (2 copies) hours of db.t4g.medium",
      "Amazon Relational Database Service|Aurora:BackupUsage": "database backup",
      "Amazon DynamoDB|TimedStorage-ByteHrs": "DynamoDB storage",
      "Amazon DynamoDB|TimedPITRStorage-ByteHrs": "DynamoDB backup",
      "AWS Lambda|Lambda-GB-Second": "Lambda GB-seconds (1 vCPU per 1,769 MB)",
      "AWS Lambda|Lambda-GB-Second-ARM": "Lambda GB-seconds on Graviton (1 vCPU per 1,769 MB)",
      "AWS Lambda|Request": "Lambda requests: their energy is in the GB-second lines",
      "Amazon Elastic Container Service|Fargate-vCPU-Hours:perCPU": "Fargate vCPU-hours",
      "Amazon Elastic Container Service|Fargate-GB-Hours": "Fargate memory GB-hours",
      "Amazon Relational Database Service|Aurora:ServerlessV2Usage":
        "Aurora Serverless ACU-hours (1 ACU = 0.25 vCPU and 2 GB of memory)",
      "AWS Step Functions|StateTransition": "AWS Step Functions state transitions (estimated from their cost)",
    },
  },
  fr: {
    descriptions: {
      "cairn-2026":
        "Intensité carbone des réseaux selon Ember, PUE d'AWS par région (2025) et facteur « achats d'électricité » nul dans les régions qu'AWS couvre à 100 % en électricité renouvelable, énergie par instance de BoaviztAPI plus la puissance des GPU selon CCF, coefficients de CCF pour le reste.",
      "ccf-2022":
        "Les valeurs de Cloud Carbon Footprint : PUE de 1,135 partout, sa table des réseaux, ses coefficients, pas de facteur « achats d'électricité » (égal au réseau local). Pour comparer avec CCF.",
    },
    sources: {
      ccfCoefficients: "Coefficients de processeur, GPU, mémoire, stockage et réseau ; facteurs de réplication",
      serverlessShares:
        "Part de vCPU de Lambda (1 vCPU pour 1 769 Mo) ; ACU d'Aurora Serverless v2 (environ 2 Gio avec le processeur correspondant)",
      diskEmbodied:
        "Émissions intrinsèques des disques (stockage) : SSD par défaut de BoaviztAPI (52 kgCO2e par To) et disque dur (31,1 kgCO2e par disque, compté pour 8 To ; disques d'archive 20 To) sur la durée de vie de 4 ans de CCF",
      instanceEmbodied:
        "Émissions intrinsèques par heure d'instance, et leur médiane par heure de vCPU pour le sans-serveur",
      emberGrid:
        "Intensité carbone du réseau par région (réseau local, à la production : l'intensité de l'électricité produite dans le pays ou l'État, sans les importations ni les exportations) ; us-east-1 est la Virginie (327,17 g/kWh), pas la moyenne des États-Unis",
      awsPue:
        "PUE par région, et régions couvertes à 100 % en électricité renouvelable (facteur « achats d'électricité » nul)",
      instanceEnergy: "kWh de la phase d'usage par heure d'instance EC2, à la charge par défaut",
      cpuWatts: "Watts par vCPU des Ice Lake, Sapphire Rapids, EPYC de 3e et 4e génération",
      ccfGrid: "Intensité carbone du réseau par région",
      ccfPue: "PUE de 1,135 pour toutes les régions AWS",
    },
    fallbacks: {
      "cairn-2026.grid": "moyenne des régions AWS selon Ember (397,46 g/kWh)",
      "cairn-2026.pue": "PUE mondial d'AWS en 2025 (1,14)",
      "ccf-2022.grid": "valeur par défaut de CCF pour les autres régions (392,8 g/kWh)",
      "ccf-2022.pue": "PUE d'AWS selon CCF (1,135)",
    },
    usage: {
      "Amazon Simple Storage Service|TimedStorage-ByteHrs": "S3 Standard",
      "Amazon Simple Storage Service|TimedStorage-SIA-ByteHrs": "S3 Standard – Accès peu fréquent",
      "Amazon Simple Storage Service|TimedStorage-ZIA-ByteHrs": "S3 Unizone – Accès peu fréquent",
      "Amazon Simple Storage Service|TimedStorage-RRS-ByteHrs": "S3 Redondance réduite",
      "Amazon Simple Storage Service|TimedStorage-INT-FA-ByteHrs": "S3 Intelligent-Tiering (accès fréquent)",
      "Amazon Simple Storage Service|TimedStorage-INT-AA-ByteHrs":
        "S3 Intelligent-Tiering (accès archive ou archive profonde)",
      "Amazon Simple Storage Service|TimedStorage-GIR-ByteHrs": "S3 Glacier Instant Retrieval",
      "Amazon Simple Storage Service|TimedStorage-GlacierByteHrs": "S3 Glacier Flexible Retrieval",
      "Amazon Simple Storage Service|TimedStorage-GDA-ByteHrs": "S3 Glacier Deep Archive",
      "Amazon EC2 Container Registry (ECR)|TimedStorage-ByteHrs": "stockage des images ECR",
      "Amazon Elastic Compute Cloud - Compute|EBS:VolumeUsage.gp3": "volume EBS gp3",
      "Amazon Elastic Compute Cloud - Compute|EBS:VolumeUsage.st1": "volume EBS st1",
      "Amazon Elastic Compute Cloud - Compute|EBS:SnapshotUsage": "instantané EBS",
      "Amazon Elastic File System|TimedStorage-ByteHrs": "EFS Standard",
      "Amazon Elastic File System|TimedStorage-Z-ByteHrs": "EFS Unizone",
      "Amazon Relational Database Service|Aurora:StorageUsage": "stockage Aurora",
      "Amazon Relational Database Service|RDS:Multi-AZ-GP3-Storage": "stockage SSD RDS multi-AZ",
      "Amazon Relational Database Service|InstanceUsage:db.t4g.medium": "heures RDS de db.t4g.medium",
      "Amazon Relational Database Service|Multi-AZUsage:db.t4g.medium":
        "heures RDS multi-AZ (2 copies) de db.t4g.medium",
      "Amazon Relational Database Service|Aurora:BackupUsage": "sauvegarde de base de données",
      "Amazon DynamoDB|TimedStorage-ByteHrs": "stockage DynamoDB",
      "Amazon DynamoDB|TimedPITRStorage-ByteHrs": "sauvegarde DynamoDB",
      "AWS Lambda|Lambda-GB-Second": "Go-secondes de Lambda (1 vCPU pour 1 769 Mo)",
      "AWS Lambda|Lambda-GB-Second-ARM": "Go-secondes de Lambda sur Graviton (1 vCPU pour 1 769 Mo)",
      "AWS Lambda|Request": "requêtes Lambda : leur énergie est comptée dans les lignes en Go-secondes",
      "Amazon Elastic Container Service|Fargate-vCPU-Hours:perCPU": "heures de vCPU Fargate",
      "Amazon Elastic Container Service|Fargate-GB-Hours": "Go-heures de mémoire Fargate",
      "Amazon Relational Database Service|Aurora:ServerlessV2Usage":
        "heures d'ACU d'Aurora Serverless (1 ACU = 0,25 vCPU et 2 Go de mémoire)",
      "AWS Step Functions|StateTransition": "transitions d'état d'AWS Step Functions (estimées d'après leur coût)",
    },
  },
};

export type MethodologyDataWords = (typeof METHODOLOGY_DATA_WORDS)["en"];
