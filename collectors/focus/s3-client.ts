/**
 * The S3 client for `cairn import s3://...`, built by the composition root. The endpoint comes
 * the AWS way (AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, read by the SDK itself) and credentials
 * from the default chain; path-style addressing is an option for S3-compatible endpoints.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { s3Package } from "./s3-package";

export interface S3ClientOptions {
  /** CAIRN_S3_FORCE_PATH_STYLE: `http://host/bucket/key` instead of `http://bucket.host/key`. */
  forcePathStyle: boolean;
}

export function createS3Client(options: S3ClientOptions): S3Client {
  return new (s3Package().S3Client)({ forcePathStyle: options.forcePathStyle });
}
