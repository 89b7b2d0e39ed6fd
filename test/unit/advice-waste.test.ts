/**
 * Waste detectors from cost lines: each must fire on a dataset built for it and stay quiet on
 * its near miss; expected savings are computed here from the dataset's own figures.
 */
import { describe, expect, it } from "vitest";
import { advise } from "../../src/analysis/advice/index";
import { ipv4Findings, natFindings } from "../../src/analysis/advice/waste-network";
import {
  gp2Findings,
  s3RarelyReadFindings,
  snapshotFindings,
  unattachedVolumeFindings,
} from "../../src/analysis/advice/waste-storage";
import { daysInMonth } from "../../src/days";
import { daily, dailyLines, footprint } from "../helpers/metric-days";

const asOf = "2026-11-15";
const from = "2026-11-01"; // 14 days
const SBX = "444455556666";
const ec2Other = { service: "EC2 - Other", accountId: SBX, region: "eu-west-3", pipeline: "" };
const nov = daysInMonth("2026-11");

describe("idle NAT gateway", () => {
  const hours = (gbPerDay: number) => [
    ...dailyLines(
      from,
      asOf,
      { ...ec2Other, usageType: "EUW3-NatGateway-Hours", usageAmount: 24, unblendedCostUsd: 24 * 0.052 },
      footprint(10),
    ),
    ...dailyLines(
      from,
      asOf,
      {
        ...ec2Other,
        usageType: "EUW3-NatGateway-Bytes",
        usageAmount: gbPerDay,
        unblendedCostUsd: gbPerDay * 0.052,
      },
      footprint(1),
    ),
  ];

  it("fires when the gateway processes under 2 GB a day, saving hours and bytes", () => {
    const [f, ...rest] = natFindings({ asOf, metrics: [], lines: hours(0.5) });
    expect(rest).toEqual([]);
    const hoursMonth = 24 * 0.052 * 30;
    const bytesMonth = 0.5 * 0.052 * 30;
    expect(f?.kind).toBe("nat-idle");
    expect(f?.monthlySavingUsd).toBeCloseTo(hoursMonth + bytesMonth, 2);
    expect(f?.savingRange?.lowUsd).toBeCloseTo(hoursMonth, 2);
    expect(f?.monthlySavingCo2eGrams).toBe(11 * 30);
    expect(f?.confidence).toBe("medium");
    expect(f?.command).toContain("aws ec2 delete-nat-gateway --region eu-west-3");
    expect(f?.usageTypes).toEqual(["EUW3-NatGateway-Bytes", "EUW3-NatGateway-Hours"]);
    expect(f?.lines?.[0]).toMatchObject({ days: 14, firstDay: from, lastDay: "2026-11-14" });
  });

  it("stays quiet for a gateway that carries traffic", () => {
    expect(natFindings({ asOf, metrics: [], lines: hours(5) })).toEqual([]);
  });

  it("lets CloudWatch veto the cost lines, or confirm them with high confidence", () => {
    const busy = daily(from, asOf, {
      namespace: "AWS/NATGateway",
      metricName: "BytesOutToDestination",
      sum: 10 * 1024 ** 3,
    });
    expect(natFindings({ asOf, metrics: busy, lines: hours(0.5) })).toEqual([]);
    const quiet = busy.map((m) => ({ ...m, sum: 1024 ** 2 }));
    expect(natFindings({ asOf, metrics: quiet, lines: hours(0.5) })[0]?.confidence).toBe("high");
  });
});

describe("public IPv4 addresses", () => {
  const ip = (usageType: string, addresses: number) =>
    dailyLines(
      from,
      asOf,
      {
        ...ec2Other,
        service: "Amazon Virtual Private Cloud",
        usageType,
        usageAmount: 24 * addresses,
        unblendedCostUsd: 0.12 * addresses,
      },
      null,
    );

  it("finds idle addresses (certain) and attached ones (low confidence, range from zero)", () => {
    const found = ipv4Findings({
      asOf,
      metrics: [],
      lines: [...ip("EUW3-PublicIPv4:IdleAddress", 1), ...ip("EUW3-PublicIPv4:InUseAddress", 2)],
    });
    const idle = found.find((f) => f.kind === "ipv4-idle");
    const attached = found.find((f) => f.kind === "ipv4-attached");
    expect(idle?.monthlySavingUsd).toBeCloseTo(0.12 * 30, 2);
    expect(idle?.confidence).toBe("high");
    expect(idle?.command).toContain("release-address");
    expect(attached?.monthlySavingUsd).toBeCloseTo(0.24 * 30, 2);
    expect(attached?.savingRange?.lowUsd).toBe(0);
    expect(attached?.confidence).toBe("low");
  });

  it("stays quiet under one address-month of attached addresses", () => {
    expect(ipv4Findings({ asOf, metrics: [], lines: ip("EUW3-PublicIPv4:InUseAddress", 0.5) })).toEqual([]);
  });
});

describe("gp2 volumes", () => {
  const gp2 = (gb: number) =>
    dailyLines(
      from,
      asOf,
      {
        ...ec2Other,
        usageType: "EUW3-EBS:VolumeUsage.gp2",
        usageUnit: "GB-Mo",
        usageAmount: gb / nov,
        unblendedCostUsd: (gb / nov) * 0.116,
      },
      null,
    );
  const gp3 = dailyLines(
    from,
    asOf,
    {
      ...ec2Other,
      accountId: "1",
      usageType: "EUW3-EBS:VolumeUsage.gp3",
      usageUnit: "GB-Mo",
      usageAmount: 1,
      unblendedCostUsd: 0.0928,
    },
    null,
  );

  it("moves 200 GB to gp3 at the region's billed gp3 price", () => {
    const [f] = gp2Findings({ asOf, metrics: [], lines: [...gp2(200), ...gp3] });
    expect(f?.monthlySavingUsd).toBeCloseTo(200 * (0.116 - 0.0928), 2);
    expect(f?.savingRange).toMatchObject({ lowUsd: f?.monthlySavingUsd, highUsd: f?.monthlySavingUsd });
    expect(f?.command).toContain("modify-volume --region eu-west-3 --volume-type gp3");
  });

  it("pays for the IOPS gp3 lacks above 1,000 GB at the low end", () => {
    const [f] = gp2Findings({ asOf, metrics: [], lines: gp2(2000) });
    const saving = 2000 * 0.116 * 0.2;
    expect(f?.monthlySavingUsd).toBeCloseTo(saving, 1);
    expect(f?.savingRange?.lowUsd).toBeCloseTo(saving - (6000 - 3000) * 0.005, 1);
  });

  it("stays quiet without gp2", () => {
    expect(gp2Findings({ asOf, metrics: [], lines: gp3 })).toEqual([]);
  });
});

describe("volumes with no instance in their account and region", () => {
  const volume = dailyLines(
    from,
    asOf,
    {
      ...ec2Other,
      usageType: "EUW3-EBS:VolumeUsage.gp3",
      usageUnit: "GB-Mo",
      usageAmount: 100 / nov,
      unblendedCostUsd: (100 / nov) * 0.0928,
    },
    footprint(2),
  );
  const instance = (accountId: string) =>
    dailyLines(
      from,
      asOf,
      {
        ...ec2Other,
        accountId,
        service: "Amazon Elastic Compute Cloud - Compute",
        usageType: "EUW3-BoxUsage:t3.micro",
        usageAmount: 24,
        unblendedCostUsd: 0.3,
      },
      null,
    );

  it("fires when no instance ran there (an instance in another account does not count)", () => {
    const [f, ...rest] = unattachedVolumeFindings({ asOf, metrics: [], lines: [...volume, ...instance("999")] });
    expect(rest).toEqual([]);
    expect(f?.monthlySavingUsd).toBeCloseTo((100 / nov) * 0.0928 * 30, 2);
    expect(f?.monthlySavingCo2eGrams).toBe(60);
    expect(f?.savingRange?.lowUsd).toBeCloseTo(f ? f.monthlySavingUsd * 0.75 : 0, 2);
  });

  it("stays quiet when an instance ran in the same account and region", () => {
    expect(unattachedVolumeFindings({ asOf, metrics: [], lines: [...volume, ...instance(SBX)] })).toEqual([]);
  });

  it("fires despite an instance when CloudWatch shows the volumes idle", () => {
    const idle = daily(from, asOf, { namespace: "AWS/EBS", metricName: "VolumeIdleTime", sum: 86_400 });
    const [f] = unattachedVolumeFindings({ asOf, metrics: idle, lines: [...volume, ...instance(SBX)] });
    expect(f?.confidence).toBe("high");
  });
});

describe("snapshots piling up", () => {
  // 28 days from Oct 18: 100 GB growing by 2 GB a day, or flat.
  const snaps = (growthGbPerDay: number) => {
    const out = [];
    for (let i = 0; i < 28; i++) {
      const day = new Date(Date.UTC(2026, 9, 18 + i)).toISOString().slice(0, 10);
      const gb = 100 + growthGbPerDay * i;
      const share = gb / daysInMonth(day.slice(0, 7));
      out.push(
        ...dailyLines(
          day,
          new Date(Date.UTC(2026, 9, 19 + i)).toISOString().slice(0, 10),
          {
            ...ec2Other,
            usageType: "EUW3-EBS:SnapshotUsage",
            usageUnit: "GB-Mo",
            usageAmount: share,
            unblendedCostUsd: share * 0.053,
          },
          null,
        ),
      );
    }
    return out;
  };

  it("fires on growth over 10% in four weeks, saving the growth's storage", () => {
    const [f] = snapshotFindings({ asOf, metrics: [], lines: snaps(2) });
    // First week averages 100 + 2*3 GB, last week 100 + 2*24 GB.
    expect(f?.monthlySavingUsd).toBeCloseTo((148 - 106) * 0.053, 1);
    expect(f?.confidence).toBe("low");
  });

  it("stays quiet on flat snapshot storage", () => {
    expect(snapshotFindings({ asOf, metrics: [], lines: snaps(0) })).toEqual([]);
  });
});

describe("S3 Standard rarely read (cost lines)", () => {
  const s3 = { ...ec2Other, service: "Amazon Simple Storage Service" };
  const storage = dailyLines(
    from,
    asOf,
    {
      ...s3,
      usageType: "EUW3-TimedStorage-ByteHrs",
      usageUnit: "GB-Mo",
      usageAmount: 300 / nov,
      unblendedCostUsd: (300 / nov) * 0.024,
    },
    null,
  );
  const gets = (perDay: number) =>
    dailyLines(
      from,
      asOf,
      {
        ...s3,
        usageType: "EUW3-Requests-Tier2",
        usageUnit: "Requests",
        usageAmount: perDay,
        unblendedCostUsd: perDay * 4.2e-7,
      },
      null,
    );

  it("fires under one GET per GB-month, at list-price Standard-IA", () => {
    const [f] = s3RarelyReadFindings({ asOf, metrics: [], lines: [...storage, ...gets(5)] });
    expect(f?.monthlySavingUsd).toBeCloseTo(300 * (0.024 - 0.024 * (0.0125 / 0.023)), 1);
  });

  it("stays quiet when the data is read, or when CloudWatch has the buckets", () => {
    expect(s3RarelyReadFindings({ asOf, metrics: [], lines: [...storage, ...gets(100)] })).toEqual([]);
    const size = daily(from, asOf, { namespace: "AWS/S3", metricName: "BucketSizeBytes" });
    expect(s3RarelyReadFindings({ asOf, metrics: size, lines: storage })).toEqual([]);
  });
});

describe("every finding is complete", () => {
  it("has an id, a confidence, a range around its saving and an action", () => {
    const lines = dailyLines(
      from,
      asOf,
      { ...ec2Other, usageType: "EUW3-NatGateway-Hours", usageAmount: 24, unblendedCostUsd: 1.248 },
      null,
    );
    for (const f of advise({ asOf, metrics: [], lines })) {
      expect(f.id).toContain(f.kind);
      expect(f.savingRange.lowUsd).toBeLessThanOrEqual(f.monthlySavingUsd);
      expect(f.savingRange.highUsd).toBeGreaterThanOrEqual(f.monthlySavingUsd);
      expect(f.command.length).toBeGreaterThan(10);
    }
  });
});
