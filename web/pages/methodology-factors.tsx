/**
 * The factor tables of the methodology page: every factor of the active set and of ccf-2022 with
 * its unit and source, read from the same data the estimator uses (src/carbon/), so the page
 * cannot drift from the numbers. Replication and serverless rules are read back from the
 * classifier with an example usage type each. One <details> per table keeps the page readable.
 */
import type { Child } from "hono/jsx";
import { classify, type Rule } from "../../src/carbon/classify";
import {
  ACU_MEMORY_GB,
  ACU_VCPUS,
  FAMILY_GPUS,
  FAMILY_PROCESSORS,
  GPU_W,
  type GpuModel,
  LAMBDA_MB_PER_VCPU,
  LIFESPAN_HOURS,
  type Processor,
  UNTABLED_GPU_FAMILIES,
} from "../../src/carbon/coefficients";
import { BOAVIZTA_INSTANCES } from "../../src/carbon/data/boavizta-instances";
import { CCF_2022, FACTOR_SETS, type FactorSet, regionFactors } from "../../src/carbon/factor-sets";
import { STORAGE_CLASSES } from "../../src/carbon/storage-classes";
import { localeTag } from "../../src/format/numbers";
import type { Locale } from "../../src/model";
import { pick } from "../i18n";
import { METHODOLOGY_DATA_WORDS } from "./methodology-data-words";
import { FACTOR_WORDS } from "./methodology-factors-words";

/** The data's prose in the reader's language, by key; the data's English if a key were missing (a test forbids it). */
export function dataText(locale: Locale) {
  const d = METHODOLOGY_DATA_WORDS[locale];
  const get = (table: Readonly<Record<string, string>>, key: string, english: string) => table[key] ?? english;
  return {
    description: (s: FactorSet) => get(d.descriptions, s.name, s.description),
    source: (src: { key: string; what: string }) => get(d.sources, src.key, src.what),
    fallback: (s: FactorSet, which: "grid" | "pue", english: string) => get(d.fallbacks, `${s.name}.${which}`, english),
    usage: (service: string, usageType: string, english: string) => get(d.usage, `${service}|${usageType}`, english),
  };
}
type DataText = ReturnType<typeof dataText>;

type Words = (typeof FACTOR_WORDS)["en"];

/** A factor as given (up to 6 decimals), in the reader's locale. */
function exact(value: number, locale: Locale): string {
  let nf = EXACT.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(localeTag(locale), { maximumFractionDigits: 6 });
    EXACT.set(locale, nf);
  }
  return nf.format(value);
}
/** Formatters are costly to build and the page formats a few thousand numbers. */
const EXACT = new Map<Locale, Intl.NumberFormat>();

/** The active set first, then ccf-2022 when it is not the active one. */
export function shownFactorSets(active: string): FactorSet[] {
  const set = FACTOR_SETS[active.split("@")[0] ?? ""] ?? FACTOR_SETS["cairn-2026"];
  return set && set.name !== CCF_2022.name ? [set, CCF_2022] : [CCF_2022];
}

/** Every region any shown set has a grid or PUE figure for, sorted. */
export function factorRegions(sets: readonly FactorSet[]): string[] {
  const all = new Set<string>();
  for (const s of sets) {
    for (const r of Object.keys(s.gridGPerKwhByRegion)) all.add(r);
    for (const r of Object.keys(s.pueByRegion)) all.add(r);
  }
  return [...all].sort();
}

function Table(props: { id: string; title: string; open?: boolean; children?: Child }) {
  return (
    <details id={props.id} open={props.open}>
      <summary>
        <strong>{props.title}</strong>
      </summary>
      <div class="table-scroll">{props.children}</div>
    </details>
  );
}

const setHead = (s: FactorSet) => `${s.name}@${s.version}`;

function SetsTable(props: { sets: FactorSet[]; w: Words; d: DataText }) {
  const { w, d } = props;
  return (
    <Table id="factor-sets" title={w.setsTitle} open>
      {props.sets.map((s, i) => (
        <div class="factor-set" data-set={s.name}>
          <h3>
            {setHead(s)}
            {i === 0 ? ` (${w.active})` : ""}
          </h3>
          <p>{d.description(s)}</p>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">{w.what}</th>
                <th scope="col" class="text">
                  {w.source}
                </th>
                <th scope="col" class="text">
                  {w.licence}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.sources.map((src) => (
                <tr>
                  <td class="text">{d.source(src)}</td>
                  <td class="text source">{src.source}</td>
                  <td class="text">{src.licence ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </Table>
  );
}

function RegionsTable(props: { sets: FactorSet[]; w: Words; locale: Locale; d: DataText }) {
  const { sets, w, locale, d } = props;
  const mark = (value: number, fallback: boolean) => `${exact(value, locale)}${fallback ? " *" : ""}`;
  return (
    <Table id="factor-regions" title={w.regionsTitle}>
      <p class="muted">{w.regionsNote}</p>
      <table class="data" id="grid-table">
        <thead>
          <tr>
            <th scope="col" rowspan={2}>
              {w.region}
            </th>
            {sets.map((s) => (
              <th scope="colgroup" colspan={3}>
                {setHead(s)}
              </th>
            ))}
          </tr>
          <tr>
            {sets.map(() => (
              <>
                <th scope="col">{w.grid}</th>
                <th scope="col">{w.pue}</th>
                <th scope="col">{w.market}</th>
              </>
            ))}
          </tr>
        </thead>
        <tbody>
          {factorRegions(sets).map((region) => (
            <tr data-region={region}>
              <th scope="row">{region}</th>
              {sets.map((s) => {
                const f = regionFactors(s, region);
                const gridFallback = s.gridGPerKwhByRegion[region] === undefined;
                const pueFallback = s.pueByRegion[region] === undefined && Object.keys(s.pueByRegion).length > 0;
                return (
                  <>
                    <td data-set={s.name} data-grid={f.gridGPerKwh}>
                      {mark(f.gridGPerKwh, gridFallback)}
                    </td>
                    <td>{mark(f.pue, pueFallback)}</td>
                    <td>{mark(f.marketGPerKwh, gridFallback)}</td>
                  </>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{w.otherRegions}</th>
            {sets.map((s) => (
              <>
                <td class="text">{d.fallback(s, "grid", s.gridFallback.name)}</td>
                <td class="text">{d.fallback(s, "pue", s.pueFallback.name)}</td>
                <td>{exact(s.gridFallback.value, locale)}</td>
              </>
            ))}
          </tr>
        </tfoot>
      </table>
    </Table>
  );
}

function CoefficientsTable(props: { sets: FactorSet[]; w: Words; locale: Locale }) {
  const { sets, w, locale } = props;
  const n = (v: number) => exact(v, locale);
  const rows: { id: string; label: string; unit: string; value: (s: FactorSet) => string; source: string }[] = [
    {
      id: "cpu-min",
      label: w.cpuMin,
      unit: "W/vCPU",
      value: (s) => n(s.unknownProcessorWPerVcpu[0]),
      source: w.sourceCcf,
    },
    {
      id: "cpu-max",
      label: w.cpuMax,
      unit: "W/vCPU",
      value: (s) => n(s.unknownProcessorWPerVcpu[1]),
      source: w.sourceCcf,
    },
    {
      id: "utilisation",
      label: w.utilisation,
      unit: "%",
      value: (s) => n(s.defaultUtilisation * 100),
      source: w.sourceCcf,
    },
    { id: "memory", label: w.memory, unit: "kWh/GB-h", value: (s) => n(s.memoryKwhPerGbHour), source: w.sourceCcf },
    { id: "ssd", label: w.ssd, unit: "Wh/TB-h", value: (s) => n(s.ssdWhPerTbHour), source: w.sourceCcf },
    { id: "hdd", label: w.hdd, unit: "Wh/TB-h", value: (s) => n(s.hddWhPerTbHour), source: w.sourceCcf },
    { id: "network", label: w.network, unit: "kWh/GB", value: (s) => n(s.networkKwhPerGb), source: w.sourceCcf },
    {
      id: "instance-table",
      label: w.instanceTable,
      unit: "—",
      value: (s) => (s.useInstanceTable ? w.yes : w.instanceTableNo),
      source: w.sourceBoavizta,
    },
    {
      id: "embodied-vcpu",
      label: w.embodiedVcpu,
      unit: "gCO2e/vCPU-h",
      value: (s) => n(s.embodiedGPerVcpuHour),
      source: w.sourceBoavizta,
    },
    { id: "lifespan", label: w.lifespan, unit: "h", value: () => n(LIFESPAN_HOURS), source: w.sourceCcf },
    {
      id: "cost-ratio",
      label: w.costRatio,
      unit: "kWh/USD",
      value: (s) => n(s.costRatioFallbackKwhPerUsd),
      source: w.sourceCairn,
    },
    { id: "lambda", label: w.lambda, unit: "MB/vCPU", value: () => n(LAMBDA_MB_PER_VCPU), source: w.sourceAws },
    { id: "acu-vcpu", label: w.acuVcpu, unit: "vCPU/ACU", value: () => n(ACU_VCPUS), source: w.sourceCcf },
    { id: "acu-memory", label: w.acuMemory, unit: "GB/ACU", value: () => n(ACU_MEMORY_GB), source: w.sourceAws },
  ];
  return (
    <Table id="factor-coefficients" title={w.coefficientsTitle}>
      <table class="data" id="coefficients-table">
        <thead>
          <tr>
            <th scope="col">{w.quantity}</th>
            <th scope="col">{w.unit}</th>
            {sets.map((s) => (
              <th scope="col">{setHead(s)}</th>
            ))}
            <th scope="col" class="text">
              {w.source}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr data-coefficient={r.id}>
              <td>{r.label}</td>
              <td>{r.unit}</td>
              {sets.map((s) => (
                <td>{r.value(s)}</td>
              ))}
              <td class="text source">{r.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Table>
  );
}

function ProcessorsTable(props: { sets: FactorSet[]; w: Words; locale: Locale }) {
  const { sets, w, locale } = props;
  const processors = new Set<Processor>();
  for (const s of sets) for (const p of Object.keys(s.processorWPerVcpu)) processors.add(p as Processor);
  const familiesOf = (p: Processor) =>
    Object.entries(FAMILY_PROCESSORS)
      .filter(([, ps]) => ps.includes(p))
      .map(([f]) => f)
      .join(", ");
  return (
    <Table id="factor-processors" title={w.processorsTitle}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{w.processor}</th>
            {sets.map((s) => (
              <>
                <th scope="col">
                  {setHead(s)} {w.min}
                </th>
                <th scope="col">
                  {setHead(s)} {w.max}
                </th>
              </>
            ))}
            <th scope="col" class="text">
              {w.families}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...processors].map((p) => (
            <tr>
              <th scope="row">{p}</th>
              {sets.map((s) => {
                const range = s.processorWPerVcpu[p];
                return range ? (
                  <>
                    <td>{exact(range[0], locale)}</td>
                    <td>{exact(range[1], locale)}</td>
                  </>
                ) : (
                  <td colspan={2} class="muted">
                    {w.notInSet}
                  </td>
                );
              })}
              <td class="text">{familiesOf(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        {w.source}: {w.sourceCcf}; {w.sourceSpec}.
      </p>
    </Table>
  );
}

function GpuTable(props: { w: Words; locale: Locale }) {
  const { w, locale } = props;
  const familiesOf = (m: GpuModel) =>
    Object.entries(FAMILY_GPUS)
      .filter(([, g]) => g.model === m)
      .map(([f]) => f)
      .join(", ");
  return (
    <Table id="factor-gpus" title={w.gpuTitle}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{w.gpu}</th>
            <th scope="col">{w.gpuMin}</th>
            <th scope="col">{w.gpuMax}</th>
            <th scope="col" class="text">
              {w.families}
            </th>
          </tr>
        </thead>
        <tbody>
          {(Object.entries(GPU_W) as [GpuModel, readonly [number, number]][]).map(([model, [min, max]]) => (
            <tr>
              <th scope="row">{model.toUpperCase()}</th>
              <td>{exact(min, locale)}</td>
              <td>{exact(max, locale)}</td>
              <td class="text">{familiesOf(model)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        {w.gpuUntabled} {[...UNTABLED_GPU_FAMILIES].join(", ")}. {w.source}: {w.sourceCcf}.
      </p>
    </Table>
  );
}

/** Example usage lines whose rule the classifier is asked for (its own text and figures are shown). */
export const STORAGE_EXAMPLES: readonly [string, string][] = [
  ["Amazon Simple Storage Service", "TimedStorage-ByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-SIA-ByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-ZIA-ByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-RRS-ByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-INT-FA-ByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-INT-AA-ByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-GIR-ByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-GlacierByteHrs"],
  ["Amazon Simple Storage Service", "TimedStorage-GDA-ByteHrs"],
  ["Amazon EC2 Container Registry (ECR)", "TimedStorage-ByteHrs"],
  ["Amazon Elastic Compute Cloud - Compute", "EBS:VolumeUsage.gp3"],
  ["Amazon Elastic Compute Cloud - Compute", "EBS:VolumeUsage.st1"],
  ["Amazon Elastic Compute Cloud - Compute", "EBS:SnapshotUsage"],
  ["Amazon Elastic File System", "TimedStorage-ByteHrs"],
  ["Amazon Elastic File System", "TimedStorage-Z-ByteHrs"],
  ["Amazon Relational Database Service", "Aurora:StorageUsage"],
  ["Amazon Relational Database Service", "RDS:Multi-AZ-GP3-Storage"],
  ["Amazon Relational Database Service", "InstanceUsage:db.t4g.medium"],
  ["Amazon Relational Database Service", "Multi-AZUsage:db.t4g.medium"],
  ["Amazon Relational Database Service", "Aurora:BackupUsage"],
  ["Amazon DynamoDB", "TimedStorage-ByteHrs"],
  ["Amazon DynamoDB", "TimedPITRStorage-ByteHrs"],
];

export const SERVERLESS_EXAMPLES: readonly [string, string][] = [
  ["AWS Lambda", "Lambda-GB-Second"],
  ["AWS Lambda", "Lambda-GB-Second-ARM"],
  ["AWS Lambda", "Request"],
  ["Amazon Elastic Container Service", "Fargate-vCPU-Hours:perCPU"],
  ["Amazon Elastic Container Service", "Fargate-GB-Hours"],
  ["Amazon Relational Database Service", "Aurora:ServerlessV2Usage"],
  ["AWS Step Functions", "StateTransition"],
];

/** The default set's medium and redundancy (low to high), with CCF's full-copy factor beside it. */
function copiesOf(rule: Rule): { media: string; copies: string; what: string } | null {
  if (rule.kind === "storage") {
    const c = STORAGE_CLASSES[rule.storageClass];
    const [low, central, high] = c.tiered.copies;
    const range = low === high ? `${central}` : `${central} (${low}–${high})`;
    return {
      media: c.tiered.media.toUpperCase(),
      copies: `${range} · CCF ${c.ccf.copies}`,
      what: rule.what || c.label,
    };
  }
  if (rule.kind === "instance") return { media: "—", copies: `${rule.copies}`, what: rule.what };
  return null;
}

function ReplicationTable(props: { w: Words; d: DataText }) {
  const { w, d } = props;
  return (
    <Table id="factor-replication" title={w.replicationTitle}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{w.usage}</th>
            <th scope="col" class="text">
              {w.usageType}
            </th>
            <th scope="col">{w.media}</th>
            <th scope="col">{w.copies}</th>
          </tr>
        </thead>
        <tbody>
          {STORAGE_EXAMPLES.map(([service, usageType]) => {
            const c = copiesOf(classify(service, usageType, false));
            return c ? (
              <tr data-usage-type={usageType}>
                <td>{d.usage(service, usageType, c.what)}</td>
                <td class="text">
                  <code>{usageType}</code>
                </td>
                <td>{c.media}</td>
                <td>{c.copies}</td>
              </tr>
            ) : null;
          })}
        </tbody>
      </table>
      <p class="muted">
        {w.source}: {w.sourceCcf}.
      </p>
    </Table>
  );
}

function ServerlessTable(props: { w: Words; locale: Locale; d: DataText }) {
  const { w, locale, d } = props;
  return (
    <Table id="factor-serverless" title={w.serverlessTitle}>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{w.rule}</th>
            <th scope="col" class="text">
              {w.usageType}
            </th>
            <th scope="col">{w.vcpus}</th>
            <th scope="col">{w.memoryPerUnit}</th>
          </tr>
        </thead>
        <tbody>
          {SERVERLESS_EXAMPLES.map(([service, usageType]) => {
            const rule = classify(service, usageType, false);
            const what = rule.kind === "excluded" ? rule.reason : rule.what;
            const vm = rule.kind === "vcpu-memory" ? rule : null;
            return (
              <tr data-usage-type={usageType}>
                <td>{d.usage(service, usageType, what)}</td>
                <td class="text">
                  <code>{usageType}</code>
                </td>
                <td>{vm ? exact(vm.vcpusPerUnit, locale) : "—"}</td>
                <td>{vm ? exact(vm.memoryGbPerUnit, locale) : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="muted">{w.serverlessNote}</p>
      <p class="muted">
        {w.source}: {w.sourceAws}; {w.sourceCcf}.
      </p>
    </Table>
  );
}

function InstancesTable(props: { w: Words; locale: Locale }) {
  const { w, locale } = props;
  const entries = Object.entries(BOAVIZTA_INSTANCES);
  return (
    <Table id="factor-instances" title={`${w.instancesTitle} (${entries.length})`}>
      <p class="muted">
        {w.instancesNote} {w.source}: {w.sourceBoavizta}.
      </p>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">{w.instanceType}</th>
            <th scope="col">vCPU</th>
            <th scope="col">{w.kwhPerHour}</th>
            <th scope="col">{w.embodiedPerHour}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map(([type, [kwh, embodied, vcpus]]) => (
            <tr>
              <th scope="row">{type}</th>
              <td>{vcpus || "?"}</td>
              <td>{exact(kwh, locale)}</td>
              <td>{exact(embodied, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Table>
  );
}

export function MethodologyFactors(props: { locale: Locale; factorSet: string }) {
  const { locale } = props;
  const w = pick(FACTOR_WORDS, locale);
  const sets = shownFactorSets(props.factorSet);
  const d = dataText(locale);
  return (
    <div class="factor-tables">
      <p>{w.intro}</p>
      <SetsTable sets={sets} w={w} d={d} />
      <RegionsTable sets={sets} w={w} locale={locale} d={d} />
      <CoefficientsTable sets={sets} w={w} locale={locale} />
      <ProcessorsTable sets={sets} w={w} locale={locale} />
      <GpuTable w={w} locale={locale} />
      <ReplicationTable w={w} d={d} />
      <ServerlessTable w={w} locale={locale} d={d} />
      <InstancesTable w={w} locale={locale} />
    </div>
  );
}
