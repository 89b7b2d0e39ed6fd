/**
 * Builds the AWS Organizations client the AWS way, as the Cost Explorer client is built: the
 * default credential chain (or the credentials given, on Workers), optionally a role to assume
 * (CAIRN_AWS_ROLE_ARN, typically in the management account), and the endpoint the SDK resolves
 * from `AWS_ENDPOINT_URL_ORGANIZATIONS` / `AWS_ENDPOINT_URL`. Tests point it at a local server.
 */
import { OrganizationsClient, type OrganizationsClientConfig } from "@aws-sdk/client-organizations";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";

/** Organizations is a global service whose endpoint is in us-east-1, whatever region the user works in. */
export const ORGANIZATIONS_REGION = "us-east-1";

export interface OrganizationsClientOptions {
  roleArn?: string | undefined;
  sdk?: OrganizationsClientConfig;
}

export function createOrganizationsClient(options: OrganizationsClientOptions = {}): OrganizationsClient {
  const sdk: OrganizationsClientConfig = { region: ORGANIZATIONS_REGION, ...options.sdk };
  if (options.roleArn) {
    sdk.credentials = fromTemporaryCredentials({
      params: { RoleArn: options.roleArn, RoleSessionName: "cairn-organizations", DurationSeconds: 3600 },
      ...(options.sdk?.credentials ? { masterCredentials: options.sdk.credentials as never } : {}),
      clientConfig: { region: sdk.region as string },
    });
  }
  return new OrganizationsClient(sdk);
}
