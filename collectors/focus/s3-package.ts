/**
 * The S3 SDK, loaded when S3 is first used (`cairn import s3://...`): other commands do not pay
 * its resident memory (about 9 MB beside the other AWS clients). See src/lazy-package.ts.
 */
import { lazyPackage } from "../../src/lazy-package";

export const s3Package = lazyPackage<typeof import("@aws-sdk/client-s3")>("@aws-sdk/client-s3");
