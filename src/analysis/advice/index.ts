/** All tuning findings, sorted by monthly saving in money, then in CO2e (pure). */
import { auroraFindings } from "./aurora";
import { completeFinding } from "./complete";
import { ec2Findings } from "./ec2";
import { lambdaFindings } from "./lambda";
import { regionFindings } from "./region";
import { s3Findings } from "./s3";
import type { AdviceInput, CompleteFinding, Finding } from "./types";
import { ipv4Findings, natFindings } from "./waste-network";
import { gp2Findings, s3RarelyReadFindings, snapshotFindings, unattachedVolumeFindings } from "./waste-storage";

export type { AdviceInput, CompleteFinding, Finding, FindingKind } from "./types";

export function sortFindings<F extends Finding>(findings: readonly F[]): F[] {
  return [...findings].sort(
    (a, b) =>
      b.monthlySavingUsd - a.monthlySavingUsd ||
      b.monthlySavingCo2eGrams - a.monthlySavingCo2eGrams ||
      a.kind.localeCompare(b.kind) ||
      a.resource.localeCompare(b.resource),
  );
}

export function advise(input: AdviceInput): CompleteFinding[] {
  return sortFindings(
    [
      ...ec2Findings(input),
      ...auroraFindings(input),
      ...lambdaFindings(input),
      ...s3Findings(input),
      ...regionFindings(input),
      ...natFindings(input),
      ...ipv4Findings(input),
      ...gp2Findings(input),
      ...unattachedVolumeFindings(input),
      ...snapshotFindings(input),
      ...s3RarelyReadFindings(input),
    ].map(completeFinding),
  );
}
