/**
 * Which resource each demo line bills, as AWS's FOCUS export names it (`ResourceId`, with a name
 * and a type), so the demo's FOCUS month has resource lines: the GPU spot instance, the Aurora
 * cluster, the buckets and functions the demo's metrics and findings already name. Lines AWS
 * bills to no resource (tax, CloudWatch alarms, data transfer out, e-mail) name none. Pure.
 */
import type { CostLine } from "../../src/model";
import { DEMO_AURORA_CLUSTER, DEMO_GPU_INSTANCE, DEMO_NOTEBOOK_INSTANCE } from "./metrics";

export interface DemoResource {
  id: string;
  name: string;
  type: string;
}

const BUCKETS: Readonly<Record<string, string>> = {
  "temperatures|eu-west-3": "aarc-probe-raw",
  "temperatures|eu-west-1": "aarc-probe-replica",
  "camera-traps|eu-west-3": "aarc-camera-traps",
  "camera-traps|eu-west-1": "aarc-camera-archive",
  "|eu-west-3": "aarc-sandbox",
};

export function demoResource(line: CostLine): DemoResource | null {
  const { accountId: account, region, pipeline, usageType: u } = line;
  const p = pipeline || "sandbox";
  if (u.includes("SpotUsage:g4dn")) return { id: DEMO_GPU_INSTANCE, name: "camera-traps-detector", type: "Instance" };
  if (u.includes("BoxUsage:t3.medium"))
    return { id: DEMO_NOTEBOOK_INSTANCE, name: "sandbox-notebook", type: "Instance" };
  if (u.includes("Aurora:")) {
    return {
      id: `arn:aws:rds:${region}:${account}:cluster:${DEMO_AURORA_CLUSTER}`,
      name: DEMO_AURORA_CLUSTER,
      type: "DBCluster",
    };
  }
  if (u.includes("Lambda-")) {
    const name = `${p}-${p === "camera-traps" ? "thumbnails" : "ingest"}`;
    return { id: `arn:aws:lambda:${region}:${account}:function:${name}`, name, type: "Function" };
  }
  if (u.includes("StateTransition")) {
    return { id: `arn:aws:states:${region}:${account}:stateMachine:${p}`, name: p, type: "StateMachine" };
  }
  if (u.includes("Fargate-")) {
    return { id: `arn:aws:ecs:${region}:${account}:service/${p}/${p}-web`, name: `${p}-web`, type: "Service" };
  }
  if (line.service === "Amazon Simple Storage Service" && !u.includes("-Out-Bytes")) {
    const bucket = BUCKETS[`${pipeline}|${region}`];
    return bucket ? { id: bucket, name: bucket, type: "Bucket" } : null;
  }
  if (u.includes("EBS:VolumeUsage")) {
    const id =
      pipeline === "camera-traps"
        ? "vol-0a1b2c3d4e5f60718"
        : `vol-0${u.endsWith("gp2") ? "9e8d7c6b5a4f3e2d1" : "5f4e3d2c1b0a99887"}`;
    return { id, name: `${p}-${u.endsWith("gp2") ? "gp2" : "gp3"}-data`, type: "Volume" };
  }
  if (u.includes("EBS:SnapshotUsage")) return { id: "snap-0f1e2d3c4b5a69788", name: `${p}-nightly`, type: "Snapshot" };
  return null;
}
