/** All tuning findings, sorted by monthly saving in money, then in CO2e (pure). */
import { auroraFindings } from "./aurora";
import { ec2Findings } from "./ec2";
import { lambdaFindings } from "./lambda";
import { regionFindings } from "./region";
import { s3Findings } from "./s3";
import type { AdviceInput, Finding } from "./types";

export type { AdviceInput, Finding, FindingKind } from "./types";

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      b.monthlySavingUsd - a.monthlySavingUsd ||
      b.monthlySavingCo2eGrams - a.monthlySavingCo2eGrams ||
      a.kind.localeCompare(b.kind) ||
      a.resource.localeCompare(b.resource),
  );
}

export function advise(input: AdviceInput): Finding[] {
  return sortFindings([
    ...ec2Findings(input),
    ...auroraFindings(input),
    ...lambdaFindings(input),
    ...s3Findings(input),
    ...regionFindings(input),
  ]);
}
