/**
 * Parses EC2-style instance type names (`g4dn.xlarge`, `db.r6g.large`, `cache.t3.micro`,
 * `m5.large.elasticsearch`) into family and size, and derives the vCPU count from the size
 * name. AWS sizes follow a regular rule (large = 2 vCPUs, xlarge = 4, Nxlarge = 4N) with a few
 * small-size exceptions; `.metal` takes the largest size of its family (given by the caller).
 */

export interface InstanceName {
  /** The name without service prefix or suffix: `r6g.large` for `db.r6g.large`. */
  base: string;
  /** `r6g`. */
  family: string;
  /** `large`, `12xlarge`, `metal`, ... */
  size: string;
}

const PREFIXES = ["db.", "cache.", "ml."];
const SUFFIXES = [".elasticsearch", ".search"];

export function parseInstanceType(name: string): InstanceName | null {
  let base = name.trim().toLowerCase();
  for (const p of PREFIXES) if (base.startsWith(p)) base = base.slice(p.length);
  for (const s of SUFFIXES) if (base.endsWith(s)) base = base.slice(0, -s.length);
  const dot = base.indexOf(".");
  if (dot <= 0 || dot === base.length - 1) return null;
  return { base, family: base.slice(0, dot), size: base.slice(dot + 1) };
}

/**
 * vCPUs of a size, or null for `metal` (and unknown sizes): the caller then uses the family's
 * largest size.
 */
export function vcpusOfSize(family: string, size: string): number | null {
  const burstable1 = family === "t1" || family === "t2" || family === "m1" || family === "m3";
  switch (size) {
    case "nano":
    case "micro":
    case "small":
      return burstable1 ? 1 : family.startsWith("t") ? 2 : 1;
    case "medium":
      return family.startsWith("t") || family === "c1" ? 2 : 1;
    case "large":
      return 2;
    case "xlarge":
      return 4;
  }
  const m = /^(\d+)xlarge$/.exec(size);
  if (m) return 4 * Number(m[1]);
  const metal = /^metal-(\d+)xl$/.exec(size);
  if (metal) return 4 * Number(metal[1]);
  return null;
}
