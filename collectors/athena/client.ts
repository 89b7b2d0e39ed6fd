/**
 * Builds the Athena client the AWS way, as the Cost Explorer client is built: the default
 * credential chain (or the credentials given, on Workers), optionally a role to assume, the
 * region from the SDK's own settings (AWS_REGION / the profile), and the endpoint it resolves
 * from `AWS_ENDPOINT_URL_ATHENA` / `AWS_ENDPOINT_URL`. Tests point the endpoint at the stand-in.
 * Athena answers over HTTPS (JSON 1.1), so the same client works from Node and from Workers.
 */
import { AthenaClient, type AthenaClientConfig } from "@aws-sdk/client-athena";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

export interface AthenaClientOptions {
  /** `CAIRN_AWS_ROLE_ARN`: a role to assume with the chain's credentials. */
  roleArn?: string | undefined;
  sdk?: AthenaClientConfig;
}

export function createAthenaClient(options: AthenaClientOptions = {}): AthenaClient {
  const sdk: AthenaClientConfig = { ...options.sdk };
  if (options.roleArn) {
    sdk.credentials = fromTemporaryCredentials({
      params: { RoleArn: options.roleArn, RoleSessionName: "cairn-athena", DurationSeconds: 3600 },
      ...(options.sdk?.credentials ? { masterCredentials: options.sdk.credentials as never } : {}),
      ...(typeof sdk.region === "string" ? { clientConfig: { region: sdk.region } } : {}),
    });
  }
  return new AthenaClient(sdk);
}
