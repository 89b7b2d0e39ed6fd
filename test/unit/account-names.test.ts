/** CAIRN_ACCOUNT_NAMES: parsed in the configuration, a clear error for a bad entry. */
import { describe, expect, it } from "vitest";
import { accountLabel, accountNamesWithDemo } from "../../src/accounts/account-names";
import { ConfigError, loadConfig } from "../../src/config";

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
});
