/**
 * The methodology page's list of where Cairn departs from Cloud Carbon Footprint on purpose (what,
 * why, source), and how the grid figures and the ranges are obtained. `ccf-2022` follows CCF
 * everywhere else (within 1% of its use-phase kWh; test/unit/carbon-ccf-parity.test.ts).
 */
import type { Locale } from "../../src/model";

interface Departure {
  what: string;
  why: string;
  source: string;
}

const WORDS = {
  en: {
    title: "Where Cairn departs from Cloud Carbon Footprint",
    intro:
      "The ccf-2022 factor set reproduces CCF's method (per-instance processors, memory above the processor's share, burstable baselines, replication factors, 0.001 kWh per GB transferred, ECR 3 copies, RDS Multi-AZ 2) within 1% of its use-phase energy. Both sets depart from CCF on purpose here:",
    what: "What",
    why: "Why",
    source: "Source",
    grid: "Grid figures are location-based and production-based: the carbon intensity of the electricity generated in the region's country or state (Ember yearly data), imports and exports not counted. Market-based figures are 0 where AWS matched the region 100% with renewables in 2025; elsewhere Cairn has no residual-mix data and uses the location figure, said so on every estimate.",
    ranges:
      "Every estimate has a range: server load 25% to 75% when unmeasured (±5 points when measured), storage redundancy per class, 0.5 to 2 times the network coefficient, half to twice a cost-ratio proxy, and ±10% on the grid intensity (its year-to-year movement). The low figure takes every input at its low end, the high figure at its high end.",
    items: [
      {
        what: "S3 storage",
        why: "CCF reads S3's GB-month as bytes and finds almost nothing; Cairn converts GB-month to TB-hours.",
        source: "CCF issue #1029",
      },
      {
        what: "Storage redundancy and media (cairn-2026)",
        why: "S3, Glacier and snapshots are erasure-coded over three zones (about 2 bytes per byte, 1.5 to 3), not 3 or 6 full copies; archive tiers sit on cold disks (0.2 Wh per TB-hour). Disk manufacturing is added to embodied emissions.",
        source: "AWS S3 and Aurora user guides; Backblaze, Azure LRC, Facebook f4 papers; BoaviztAPI disk defaults",
      },
      {
        what: "Lambda",
        why: "One vCPU per 1,769 MB of memory (AWS's rule), plus the memory itself; CCF counts GB-seconds as storage.",
        source: "AWS Lambda documentation",
      },
      {
        what: "Fargate memory",
        why: "GB-hours of memory at 0.392 Wh per GB-hour; CCF counts them as SSD storage.",
        source: "CCF memory coefficient",
      },
      {
        what: "Aurora Serverless v2, Step Functions and other managed services",
        why: "CCF gives them 0. Cairn: an ACU is 0.25 vCPU and 2 GB; services with no physical model get the energy per dollar of the batch's compute, labelled as a proxy.",
        source: "Amazon Aurora documentation",
      },
      {
        what: "NAT gateway",
        why: "Hours as a small always-on appliance (1 vCPU, 2 GB), bytes as network; CCF leaves it unknown.",
        source: "AWS VPC user guide (5 Gbps baseline)",
      },
      {
        what: "Instances (cairn-2026)",
        why: "BoaviztAPI's per-instance energy (covers 6th and 7th generation families CCF lacks) instead of CCF's processor averages; burstables at BoaviztAPI's load, not CCF's baseline rule.",
        source: "BoaviztAPI via the Spruce project",
      },
    ] satisfies Departure[],
  },
  fr: {
    title: "Là où Cairn s'écarte de Cloud Carbon Footprint",
    intro:
      "Le jeu de facteurs ccf-2022 reproduit la méthode de CCF (processeur par type d'instance, mémoire au-delà de la part du processeur, base des instances à performance variable, facteurs de réplication, 0,001 kWh par Go transféré, ECR 3 copies, RDS Multi-AZ 2) à 1 % près de son énergie en usage. Les deux jeux s'en écartent volontairement ici :",
    what: "Quoi",
    why: "Pourquoi",
    source: "Source",
    grid: "L'intensité du réseau (méthode « réseau local ») est fondée sur la production : celle de l'électricité produite dans le pays ou l'État de la région (données annuelles d'Ember), sans compter importations ni exportations. Le facteur « achats d'électricité » vaut 0 là où AWS a couvert la région à 100 % par des renouvelables en 2025 ; ailleurs Cairn n'a pas de mix résiduel et reprend le chiffre du réseau local, en le disant sur chaque estimation.",
    ranges:
      "Chaque estimation a une fourchette : charge des serveurs de 25 % à 75 % quand elle n'est pas mesurée (± 5 points quand elle l'est), redondance du stockage par classe, coefficient réseau de 0,5 à 2 fois, approximation par le coût de la moitié au double, et ± 10 % sur l'intensité du réseau (sa variation d'une année à l'autre). Le bas de la fourchette prend chaque donnée à son minimum, le haut à son maximum.",
    items: [
      {
        what: "Stockage S3",
        why: "CCF lit les Go-mois de S3 comme des octets et ne trouve presque rien ; Cairn convertit les Go-mois en To-heures.",
        source: "CCF, ticket n° 1029",
      },
      {
        what: "Redondance et support du stockage (cairn-2026)",
        why: "S3, Glacier et les instantanés sont protégés par codes d'effacement sur trois zones (environ 2 octets par octet, de 1,5 à 3), pas 3 ou 6 copies complètes ; les niveaux d'archive sont sur des disques froids (0,2 Wh par To-heure). La fabrication des disques s'ajoute aux émissions intrinsèques.",
        source:
          "Guides S3 et Aurora d'AWS ; publications Backblaze, Azure LRC, Facebook f4 ; valeurs par défaut des disques de BoaviztAPI",
      },
      {
        what: "Lambda",
        why: "Un vCPU par 1 769 Mo de mémoire (règle d'AWS), plus la mémoire elle-même ; CCF compte les Go-secondes comme du stockage.",
        source: "Documentation AWS Lambda",
      },
      {
        what: "Mémoire Fargate",
        why: "Go-heures de mémoire à 0,392 Wh par Go-heure ; CCF les compte comme du stockage SSD.",
        source: "Coefficient mémoire de CCF",
      },
      {
        what: "Aurora Serverless v2, Step Functions et autres services gérés",
        why: "CCF leur donne 0. Cairn : une ACU vaut 0,25 vCPU et 2 Go ; les services sans modèle physique reçoivent l'énergie par dollar du calcul du lot, signalée comme approximation.",
        source: "Documentation Amazon Aurora",
      },
      {
        what: "Passerelle NAT",
        why: "Les heures comme un petit équipement toujours allumé (1 vCPU, 2 Go), les octets comme du réseau ; CCF la laisse inconnue.",
        source: "Guide VPC d'AWS (5 Gbit/s de base)",
      },
      {
        what: "Instances (cairn-2026)",
        why: "Énergie par instance de BoaviztAPI (couvre les familles de 6e et 7e génération absentes de CCF) plutôt que les moyennes par processeur de CCF ; instances à performance variable à la charge de BoaviztAPI, pas à la règle de base de CCF.",
        source: "BoaviztAPI via le projet Spruce",
      },
    ] satisfies Departure[],
  },
};

export function MethodologyDepartures(props: { locale: Locale }) {
  const w = WORDS[props.locale];
  return (
    <section id="ccf-departures" aria-labelledby="ccf-departures-title">
      <h2 id="ccf-departures-title">{w.title}</h2>
      <p>{w.intro}</p>
      <div class="table-scroll">
        <table class="data">
          <thead>
            <tr>
              <th scope="col" class="text">
                {w.what}
              </th>
              <th scope="col" class="text">
                {w.why}
              </th>
              <th scope="col" class="text">
                {w.source}
              </th>
            </tr>
          </thead>
          <tbody>
            {w.items.map((d) => (
              <tr>
                <th scope="row" class="text">
                  {d.what}
                </th>
                <td class="text">{d.why}</td>
                <td class="text source">{d.source}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id="grid-basis">{w.grid}</p>
      <p id="ranges-basis">{w.ranges}</p>
    </section>
  );
}
