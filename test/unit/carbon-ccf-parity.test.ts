/**
 * ccf-2022 against Cloud Carbon Footprint's own results (@cloud-carbon-footprint/aws 0.15.0,
 * PUE 1.135, 50% utilisation), each worked by hand from CCF's published coefficients:
 * per-vCPU watts by processor (Cascade Lake 0.64-3.97, Skylake 0.65-4.26, Broadwell 0.71-3.69,
 * Haswell 1.00-4.74, unknown 0.74-3.5), memory 0.392 Wh per GB-hour above the GB per chip its
 * SPECpower figures include (Cascade Lake 98.12, Skylake 81.32, Broadwell 69.65, Haswell 27.71),
 * SSD 1.2 / HDD 0.65 Wh per TB-hour, network 1 Wh per GB, replication factors per service.
 * Use-phase energy only (kWh, after PUE); every result within 1%.
 */
import { describe, expect, it } from "vitest";
import { estimateLine } from "../../src/carbon/estimate";
import type { CostLine } from "../../src/model";
import { line } from "../helpers/lines";

const EC2 = "Amazon Elastic Compute Cloud - Compute";
const RDS = "Amazon Relational Database Service";
const APRIL = "2026-04-02"; // a 30-day month: 1 GB-Mo = 720 GB-hours

interface Row {
  name: string;
  line: Partial<CostLine>;
  ccfKwh: number;
}

const ROWS: Row[] = [
  {
    // CCF maps m5 to Skylake: 4 vCPU x 24 h x (0.65 + 0.5 x 3.61 = 2.455 W) = 235.68 Wh.
    // Memory: m5.24xlarge 384 GB on ceil(96/96) = 1 chip; (384 - 81.32) x 16/384 = 12.61167 GB
    // x 24 h x 0.392 Wh = 118.6506 Wh. (235.68 + 118.6506) x 1.135 = 402.1652 Wh.
    name: "EC2 m5.xlarge, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:m5.xlarge", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.4021652,
  },
  {
    // c5 on Cascade Lake / Skylake: 0.645-4.115 W, 2.38 W at 50%: 2 x 24 x 2.38 = 114.24 Wh.
    // Memory: (192 - 89.72) x 4/192 = 2.130833 GB x 24 x 0.392 = 20.04688 Wh. x 1.135.
    name: "EC2 c5.large, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:c5.large", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.1524156,
  },
  {
    // z1d on Cascade Lake (CCF's table): 2 x 24 x 2.305 W = 110.64 Wh. z1d counts 2 chips:
    // (384/2 - 98.12) x 16/384 = 3.911667 GB x 24 x 0.392 = 36.80096 Wh. x 1.135.
    name: "EC2 z1d.large, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:z1d.large", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.1673446,
  },
  {
    // m4 on Broadwell / Haswell: 0.855-4.215 W, 2.535 W: 2 x 24 x 2.535 = 121.68 Wh.
    // Memory: (256 - 48.68) x 8/256 = 6.47875 GB x 24 x 0.392 = 60.95208 Wh. x 1.135.
    name: "EC2 m4.large, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:m4.large", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.2072874,
  },
  {
    // Burstable: CCF counts 2 vCPU x 10% baseline / 50% = 0.4 vCPU, on Cascade Lake (2.305 W):
    // 0.4 x 24 x 2.305 = 22.128 Wh, no memory term. x 1.135.
    name: "EC2 t3.micro, 24 h (burstable)",
    line: { service: EC2, usageType: "EUW3-BoxUsage:t3.micro", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.02511528,
  },
  {
    // c4 on Haswell (1.00-4.74 W, 2.87 W at 50%): 2 x 24 x 2.87 = 137.76 Wh. Memory: CCF's
    // c4.8xlarge has 60 GB (not 36 x 1.875 = 67.5) on 1 chip: (60 - 27.71) x 3.75/60 =
    // 2.018125 GB x 24 x 0.392 = 18.98653 Wh. (137.76 + 18.98653) x 1.135 = 177.9073 Wh.
    name: "EC2 c4.large, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:c4.large", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.1779073,
  },
  {
    // c5n on Cascade Lake / Skylake (2.38 W): 72 x 24 x 2.38 = 4112.64 Wh. Memory: CCF's
    // c5n.18xlarge has 192 GB on ceil(72/96) = 1 chip: (192 - 89.72) x 192/192 = 102.28 GB
    // x 24 x 0.392 = 962.2502 Wh. (4112.64 + 962.2502) x 1.135 = 5760.000 Wh.
    name: "EC2 c5n.18xlarge, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:c5n.18xlarge", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 5.7600004,
  },
  {
    // i3en on Cascade Lake / Skylake (2.38 W): 2 x 24 x 2.38 = 114.24 Wh. Memory: i3en.24xlarge
    // 768 GB on 1 chip: (768 - 89.72) x 16/768 = 14.13083 GB x 24 x 0.392 = 132.9429 Wh. x 1.135.
    name: "EC2 i3en.large, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:i3en.large", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.2805526,
  },
  {
    // a1 on Graviton (EPYC 2nd gen figures, 0.47-1.69 W, 1.08 W at 50%): 2 x 24 x 1.08 =
    // 51.84 Wh; a1.metal's 32 GB is below any chip's memory: no memory term. x 1.135.
    name: "EC2 a1.large, 24 h",
    line: { service: EC2, usageType: "EUW3-BoxUsage:a1.large", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.0588384,
  },
  {
    // RDS Multi-AZ: replication 2 on CPU and memory. r5: 2 x 24 x 2.38 x 2 = 228.48 Wh;
    // memory (768 - 89.72) x 16/768 = 14.13083 GB x 24 x 0.392 x 2 = 265.8858 Wh. x 1.135.
    name: "RDS Multi-AZ db.r5.large, 24 h",
    line: { service: RDS, usageType: "EUW3-Multi-AZUsage:db.r5.large", usageAmount: 24, usageUnit: "Hrs" },
    ccfKwh: 0.5611051,
  },
  {
    // 100 GB-Mo = 72 TB-h x 1.2 Wh x 2 copies = 172.8 Wh x 1.135.
    name: "EBS gp2, 100 GB-Mo",
    line: {
      day: APRIL,
      service: "EC2 - Other",
      usageType: "EUW3-EBS:VolumeUsage.gp2",
      usageAmount: 100,
      usageUnit: "GB-Mo",
    },
    ccfKwh: 0.196128,
  },
  {
    // 72 TB-h x 1.2 Wh x 2 (Multi-AZ) = 172.8 Wh x 1.135.
    name: "RDS Multi-AZ gp2 storage, 100 GB-Mo",
    line: {
      day: APRIL,
      service: RDS,
      usageType: "EUW3-RDS:Multi-AZ-GP2-Storage",
      usageAmount: 100,
      usageUnit: "GB-Mo",
    },
    ccfKwh: 0.196128,
  },
  {
    // 72 TB-h x 1.2 Wh x 6 (Aurora) = 518.4 Wh x 1.135.
    name: "Aurora storage, 100 GB-Mo",
    line: { day: APRIL, service: RDS, usageType: "EUW3-Aurora:StorageUsage", usageAmount: 100, usageUnit: "GB-Mo" },
    ccfKwh: 0.588384,
  },
  {
    // 200 GB x 1 Wh x 1.135: CCF counts regional transfer (DataTransfer-Regional-Bytes).
    name: "regional data transfer, 200 GB",
    line: { service: EC2, usageType: "EUW3-DataTransfer-Regional-Bytes", usageAmount: 200, usageUnit: "GB" },
    ccfKwh: 0.227,
  },
  {
    // 50 GB x 1 Wh x 1.135.
    name: "data transfer out, 50 GB",
    line: { service: EC2, usageType: "EUW3-DataTransfer-Out-Bytes", usageAmount: 50, usageUnit: "GB" },
    ccfKwh: 0.05675,
  },
  {
    // 100 vCPU-h x 2.12 W (unknown processor at 50%) = 212 Wh x 1.135.
    name: "Fargate vCPU, 100 vCPU-hours",
    line: {
      service: "Amazon Elastic Container Service",
      usageType: "EUW3-Fargate-vCPU-Hours:perCPU",
      usageAmount: 100,
      usageUnit: "vCPU-Hours",
    },
    ccfKwh: 0.24062,
  },
  {
    // ECR: replication 3. 1000 GB-Mo = 720 TB-h x 0.65 Wh x 3 = 1404 Wh x 1.135.
    name: "ECR storage, 1000 GB-Mo",
    line: {
      day: APRIL,
      service: "Amazon EC2 Container Registry (ECR)",
      usageType: "EUW3-TimedStorage-ByteHrs",
      usageAmount: 1000,
      usageUnit: "GB-Mo",
    },
    ccfKwh: 1.59354,
  },
];

describe("ccf-2022 agrees with CCF's use-phase kWh within 1%", () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const f = estimateLine(line(row.line), { factorSet: "ccf-2022" });
      expect(Math.abs(f.energyKwh - row.ccfKwh) / row.ccfKwh).toBeLessThan(0.01);
    });
  }

  it("says where CCF has no market-based factor instead of copying silently", () => {
    const f = estimateLine(line(ROWS[0]?.line), { factorSet: "ccf-2022" });
    expect(f.marketCo2eGrams).toBe(f.co2eGrams);
    expect(f.reason).toMatch(/market-based: location-based figure \(CCF has no market-based factor\)/);
  });
});
