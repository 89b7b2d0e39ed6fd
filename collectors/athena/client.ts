/**
 * Builds the Athena client the AWS way: the default credential chain (or the credentials given,
 * on Workers), the region from the SDK's own settings, and the endpoint it resolves from
 * `AWS_ENDPOINT_URL_ATHENA` / `AWS_ENDPOINT_URL`. Tests point the endpoint at the stand-in.
 */
import { AthenaClient, type AthenaClientConfig } from "@aws-sdk/client-athena";

export function createAthenaClient(sdk: AthenaClientConfig = {}): AthenaClient {
  return new AthenaClient(sdk);
}
