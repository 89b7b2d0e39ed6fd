/**
 * Builds the Cost Explorer client the AWS way: the SDK's default credential chain (environment,
 * profile, SSO, container or instance role), optionally a role to assume in another account, and
 * the endpoint the SDK resolves itself from `AWS_ENDPOINT_URL_COST_EXPLORER` / `AWS_ENDPOINT_URL`
 * (or the config's `endpoint`). There is no test-only switch: tests point the endpoint at a local
 * server exactly as a user would point it at a proxy.
 *
 * Wiring (src/node.ts): `costExplorer: lazy(() => createCostExplorerClient({ roleArn: config.CAIRN_AWS_ROLE_ARN }))`.
 */
import { CostExplorerClient, type CostExplorerClientConfig } from "@aws-sdk/client-cost-explorer";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

/** Cost Explorer has one endpoint, in us-east-1, whatever region the user works in. */
export const COST_EXPLORER_REGION = "us-east-1";

export interface CostExplorerClientOptions {
  /** `CAIRN_AWS_ROLE_ARN`: a role to assume (e.g. in the payer account) with the chain's credentials. */
  roleArn?: string | undefined;
  /** The SDK's own configuration, passed through (endpoint, credentials, maxAttempts, retryStrategy...). */
  sdk?: CostExplorerClientConfig;
}

export function createCostExplorerClient(options: CostExplorerClientOptions = {}): CostExplorerClient {
  const sdk: CostExplorerClientConfig = { region: COST_EXPLORER_REGION, ...options.sdk };
  if (options.roleArn) {
    sdk.credentials = fromTemporaryCredentials({
      params: { RoleArn: options.roleArn, RoleSessionName: "cairn-collect", DurationSeconds: 3600 },
      // The base credentials: those given explicitly, else the default chain.
      ...(options.sdk?.credentials ? { masterCredentials: options.sdk.credentials as never } : {}),
      clientConfig: { region: sdk.region as string },
    });
  }
  return new CostExplorerClient(sdk);
}
