/**
 * Builds the Athena and Glue clients the AWS way, as the Cost Explorer client is built: the
 * default credential chain (or the credentials given, on Workers), optionally a role to assume,
 * the region from the SDK's own settings (AWS_REGION / the profile), and the endpoints they
 * resolve from `AWS_ENDPOINT_URL_ATHENA` / `AWS_ENDPOINT_URL_GLUE` / `AWS_ENDPOINT_URL`. Tests
 * point the endpoints at the stand-in. Both answer over HTTPS (JSON 1.1), so the same clients work
 * from Node and from Workers. Glue describes the export's table (its columns and partition key),
 * read before each job or view so a table Cairn cannot read is said before anything is scanned.
 */
import { AthenaClient, type AthenaClientConfig } from "@aws-sdk/client-athena";
import { GlueClient, type GlueClientConfig } from "@aws-sdk/client-glue";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

export interface AthenaClientOptions {
  /** `CAIRN_AWS_ROLE_ARN`: a role to assume with the chain's credentials. */
  roleArn?: string | undefined;
  sdk?: AthenaClientConfig;
}

/** What Cairn's Athena engine talks to. */
export interface AthenaClients {
  athena: AthenaClient;
  glue: GlueClient;
}

export function createAthenaClients(options: AthenaClientOptions = {}): AthenaClients {
  const sdk: AthenaClientConfig = { ...options.sdk };
  if (options.roleArn) {
    sdk.credentials = fromTemporaryCredentials({
      params: { RoleArn: options.roleArn, RoleSessionName: "cairn-athena", DurationSeconds: 3600 },
      ...(options.sdk?.credentials ? { masterCredentials: options.sdk.credentials as never } : {}),
      ...(typeof sdk.region === "string" ? { clientConfig: { region: sdk.region } } : {}),
    });
  }
  // The same settings (credentials, role, region) for both; each resolves its own endpoint.
  const { endpoint: _athenaOnly, ...shared } = sdk;
  return { athena: new AthenaClient(sdk), glue: new GlueClient(shared as GlueClientConfig) };
}
