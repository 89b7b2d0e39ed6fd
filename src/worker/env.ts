/**
 * What the Worker receives from Cloudflare: the D1 binding, the variables of wrangler.toml's
 * `[vars]` and the secrets set with `wrangler secret put`. The Cairn settings among them go
 * through the one config schema (`loadConfig`), as under Node.
 */
import type { drizzle } from "drizzle-orm/d1";
import { type Config, loadConfig } from "../config";

/** The D1 binding, typed as drizzle's D1 driver accepts it. */
export type D1Binding = Parameters<typeof drizzle>[0];

export interface WorkerEnv {
  DB: D1Binding;
  /** Secrets: an IAM user's keys with read access to Cost Explorer (see README). */
  AWS_ACCESS_KEY_ID?: string;
  AWS_SECRET_ACCESS_KEY?: string;
  AWS_SESSION_TOKEN?: string;
  /** The SDK's endpoint variables, as under Node (no default chain on Workers, so read here). */
  AWS_ENDPOINT_URL?: string;
  AWS_ENDPOINT_URL_COST_EXPLORER?: string;
  /** Every CAIRN_* variable of the config schema, as vars or secrets. */
  [name: string]: unknown;
}

/** The string-valued bindings: vars and secrets (D1 and other bindings are objects). */
export function stringBindings(env: WorkerEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (typeof value === "string") out[key] = value;
  return out;
}

export function workerConfig(env: WorkerEnv): Config {
  return loadConfig(stringBindings(env));
}

/** AWS credentials from the secrets, or null with the names of the missing ones. */
export function awsCredentials(
  env: WorkerEnv,
): { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | { missing: string[] } {
  const strings = stringBindings(env);
  const missing = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].filter((k) => !strings[k]);
  if (missing.length > 0) return { missing };
  return {
    accessKeyId: strings.AWS_ACCESS_KEY_ID as string,
    secretAccessKey: strings.AWS_SECRET_ACCESS_KEY as string,
    ...(strings.AWS_SESSION_TOKEN ? { sessionToken: strings.AWS_SESSION_TOKEN } : {}),
  };
}
