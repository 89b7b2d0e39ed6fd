/** CAIRN_ACCOUNT_NAMES: parsed in the configuration, a clear error for a bad entry. */
import { describe, expect, it } from "vitest";
import { accountLabel, accountNamesWithDemo, labelAccountsIn } from "../../src/accounts/account-names";
import { ConfigError, loadConfig } from "../../src/config";
import { formatCollectProgress } from "../../src/jobs/collect-format";

describe("CAIRN_ACCOUNT_NAMES", () => {
  it("reads id=name pairs, spaces and accents kept in names", () => {
    const config = loadConfig({ CAIRN_ACCOUNT_NAMES: "111122223333=Production, 444455556666 = Bac à sable" });
    expect(config.CAIRN_ACCOUNT_NAMES).toEqual({ "111122223333": "Production", "444455556666": "Bac à sable" });
  });

  it("is empty when unset", () => {
    expect(loadConfig({}).CAIRN_ACCOUNT_NAMES).toEqual({});
  });

  it.each([
    ["11112222333=Production", "must be 12 digits"],
    ["111122223333", "a name is needed after 111122223333="],
    ["111122223333=", "a name is needed"],
    ["111122223333=A,111122223333=B", "named twice"],
  ])("refuses %s, naming the entry", (value, reason) => {
    try {
      loadConfig({ CAIRN_ACCOUNT_NAMES: value });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toContain("CAIRN_ACCOUNT_NAMES=");
      expect((error as Error).message).toContain(reason);
    }
  });

  it("names the demo's accounts unless configured otherwise, and labels an account by name and id", () => {
    const names = accountNamesWithDemo({ "111122223333": "Production" });
    expect(accountLabel("111122223333", names)).toBe("Production (111122223333)");
    expect(accountLabel("444455556666", names)).toBe("aarc-sandbox (444455556666)");
    expect(accountLabel("999999999999", names)).toBe("999999999999");
  });

  it("ranks the names: CAIRN_ACCOUNT_NAMES, then AWS Organizations, then the demo", () => {
    const names = accountNamesWithDemo(
      { "111122223333": "Production" },
      { "111122223333": "org-prod", "444455556666": "org-sandbox", "555566667777": "org-data" },
    );
    expect(names).toMatchObject({
      "111122223333": "Production",
      "444455556666": "org-sandbox",
      "555566667777": "org-data",
    });
  });

  it("names the bare ids of a sentence, once, and leaves other numbers alone", () => {
    const names = { "444455556666": "Bac à sable" };
    expect(labelAccountsIn("the NAT gateway of account 444455556666 in eu-west-3", names)).toBe(
      "the NAT gateway of account Bac à sable (444455556666) in eu-west-3",
    );
    // Already labelled, longer numbers, unnamed ids: unchanged.
    const said = "Bac à sable (444455556666), 1444455556666, 999999999999";
    expect(labelAccountsIn(said, names)).toBe(said);
    expect(labelAccountsIn(labelAccountsIn("compte 444455556666", names), names)).toBe(
      "compte Bac à sable (444455556666)",
    );
  });

  it("reads CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS as 0 or 1, off by default", () => {
    expect(loadConfig({}).CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS).toBe(false);
    expect(loadConfig({ CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: "1" }).CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS).toBe(
      true,
    );
    expect(() => loadConfig({ CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS: "yes" })).toThrow(
      /CAIRN_ACCOUNT_NAMES_FROM_ORGANIZATIONS="yes": expected 0 or 1/,
    );
  });

  it("names the account in cairn collect's progress line", () => {
    const line = formatCollectProgress(
      {
        step: 1,
        steps: 4,
        accountId: "111122223333",
        kind: "lines",
        throughDay: null,
        monthsDone: 0,
        months: 13,
        requests: 0,
      },
      { "111122223333": "Production" },
    );
    expect(line).toBe(
      "[1/4] account Production (111122223333), costs by service and usage type: starting (0/13 months), 0 requests",
    );
  });
});
