/**
 * Builds CloudWatch clients the AWS way: the default credential chain (or a role to assume),
 * one client per region, and the endpoint the SDK resolves itself from
 * `AWS_ENDPOINT_URL_CLOUDWATCH` / `AWS_ENDPOINT_URL`. More attempts than the SDK's default 3,
 * because GetMetricData throttles at a few requests per second per account and region and a
 * collection of many regions should ride that out rather than fail.
 *
 * Wiring (src/node.ts): `cloudWatch: createCloudWatchClientFactory({ roleArn: config.CAIRN_AWS_ROLE_ARN })`.
 */
import { CloudWatchClient, type CloudWatchClientConfig } from "@aws-sdk/client-cloudwatch";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

export const CLOUDWATCH_MAX_ATTEMPTS = 6;

export interface CloudWatchClientOptions {
  roleArn?: string | undefined;
  /** The SDK's own configuration, passed through (endpoint, credentials, maxAttempts...). */
  sdk?: CloudWatchClientConfig;
}

/** One client per region, built on first use and reused. */
export type CloudWatchClientFactory = (region: string) => CloudWatchClient;

export function createCloudWatchClient(region: string, options: CloudWatchClientOptions = {}): CloudWatchClient {
  const sdk: CloudWatchClientConfig = { maxAttempts: CLOUDWATCH_MAX_ATTEMPTS, ...options.sdk, region };
  if (options.roleArn) {
    sdk.credentials = fromTemporaryCredentials({
      params: { RoleArn: options.roleArn, RoleSessionName: "cairn-cloudwatch", DurationSeconds: 3600 },
      ...(options.sdk?.credentials ? { masterCredentials: options.sdk.credentials as never } : {}),
      clientConfig: { region },
    });
  }
  return new CloudWatchClient(sdk);
}

export function createCloudWatchClientFactory(options: CloudWatchClientOptions = {}): CloudWatchClientFactory {
  const clients = new Map<string, CloudWatchClient>();
  return (region) => {
    const known = clients.get(region);
    if (known) return known;
    const client = createCloudWatchClient(region, options);
    clients.set(region, client);
    return client;
  };
}
