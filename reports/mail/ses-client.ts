/**
 * Builds the SES v2 client the AWS way: the default credential chain, AWS_REGION, and the SDK's
 * own endpoint variables (AWS_ENDPOINT_URL_SESV2, AWS_ENDPOINT_URL). Cairn's documented
 * AWS_ENDPOINT_URL_SES is passed in by the composition root as `endpoint`, since the SDK names
 * this service's variable after its id (SESv2).
 */
import { SESv2Client, type SESv2ClientConfig } from "@aws-sdk/client-sesv2";

export function createSesClient(options: { endpoint?: string | undefined }, sdk: SESv2ClientConfig = {}): SESv2Client {
  return new SESv2Client({ ...(options.endpoint ? { endpoint: options.endpoint } : {}), ...sdk });
}
