// Account names from AWS Organizations read from inside workerd, over D1: the Worker's own client
// (src/worker/job-deps.ts, credentials from the secrets, endpoint from AWS_ENDPOINT_URL_ORGANIZATIONS)
// signs and pages against the fake on 127.0.0.1, and the names land in D1 and name the accounts.
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { loadAccountNames } from "../../src/accounts/load-account-names";
import { collectOrganizationNames } from "../../src/jobs/collect-organizations";
import { d1Store } from "../../src/worker";
import { organizationsClient } from "../../src/worker/job-deps";

const store = d1Store(env as never);

describe("account names from AWS Organizations on a Worker", () => {
  it("reads every page into D1, and names accounts below CAIRN_ACCOUNT_NAMES", async () => {
    const workerEnv = {
      ...(env as never as Record<string, unknown>),
      AWS_ENDPOINT_URL_ORGANIZATIONS: inject("organizationsEndpoint"),
    };
    const summary = await collectOrganizationNames({
      store,
      organizations: () => organizationsClient(workerEnv as never),
      now: () => new Date("2026-11-28T05:15:00Z"),
    });
    expect(summary).toMatchObject({ status: "succeeded", accounts: 45, requests: 3 });
    const rows = (await env.DB.prepare("SELECT count(*) AS n FROM organization_accounts").first()) as { n: number };
    expect(rows.n).toBe(45);
    const names = await loadAccountNames(store, {
      CAIRN_ACCOUNT_NAMES: { "100000000001": "Production" },
      CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: true,
    });
    expect(names["100000000001"]).toBe("Production");
    expect(names["100000000044"]).toBe("team-44");
  });

  it("without the secrets, the run fails with a reason that names them", async () => {
    const summary = await collectOrganizationNames({
      store,
      organizations: () => organizationsClient({ DB: env.DB } as never),
      now: () => new Date("2026-11-28T06:15:00Z"),
    });
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/AWS_ACCESS_KEY_ID/);
  });
});
