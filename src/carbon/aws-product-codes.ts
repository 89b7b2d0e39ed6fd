/**
 * AWS's carbon export names services by product code (`AmazonEC2`); Cost Explorer and FOCUS by
 * name ("Amazon Elastic Compute Cloud - Compute", "EC2 - Other"). This maps a name to the code,
 * so Cairn's lines and AWS's figures meet on (month, account, product, region).
 */
const BY_NAME: readonly (readonly [RegExp, string])[] = [
  [/elastic compute cloud|^ec2 - other$|^amazonec2$|^ec2$/i, "AmazonEC2"],
  [/simple storage service|glacier|^amazons3$/i, "AmazonS3"],
  [/relational database|aurora|^amazonrds$/i, "AmazonRDS"],
  [/lambda/i, "AWSLambda"],
  [/elastic container service|^amazonecs$/i, "AmazonECS"],
  [/elastic kubernetes/i, "AmazonEKS"],
  [/container registry|^amazonecr$/i, "AmazonECR"],
  [/dynamodb/i, "AmazonDynamoDB"],
  [/elastic file system|^amazonefs$/i, "AmazonEFS"],
  [/cloudwatch/i, "AmazonCloudWatch"],
  [/step functions/i, "AWSStepFunctions"],
  [/data transfer/i, "AWSDataTransfer"],
  [/simple email service/i, "AmazonSES"],
  [/simple queue service/i, "AWSQueueService"],
  [/simple notification service/i, "AmazonSNS"],
  [/key management service/i, "awskms"],
  [/api gateway/i, "AmazonApiGateway"],
  [/cloudfront/i, "AmazonCloudFront"],
  [/elasticache/i, "AmazonElastiCache"],
  [/virtual private cloud|^amazonvpc$/i, "AmazonVPC"],
];

/** The product code of a service name; a name already a code (or unknown) comes back as is. */
export function productCodeOf(service: string): string {
  for (const [re, code] of BY_NAME) if (re.test(service)) return code;
  return service;
}

/** Cairn's region of a line, as AWS's export writes it (`global` for services with no region). */
export function awsRegionOf(region: string): string {
  const r = region.trim().toLowerCase();
  return r === "" || r === "global" || r === "noregion" || r === "no region" ? "global" : r;
}
