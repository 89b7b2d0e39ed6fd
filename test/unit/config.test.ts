import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";

describe("loadConfig", () => {
  it("applies the documented defaults to an empty environment", () => {
    const config = loadConfig({});
    expect(config.CAIRN_DB).toBe("./data/cairn.db");
    expect(config.CAIRN_PORT).toBe(8787);
    expect(config.CAIRN_LOCALE).toBe("fr");
    expect(config.CAIRN_CURRENCY).toBe("USD");
    expect(config.CAIRN_PIPELINE_TAG).toBe("pipeline");
    expect(config.CAIRN_CE_MAX_REQUESTS).toBe(300);
  });

  it("reads values and splits address lists", () => {
    const config = loadConfig({
      CAIRN_PORT: "9000",
      CAIRN_LOCALE: "en",
      CAIRN_CURRENCY: "EUR",
      CAIRN_REPORT_TO: "a@example.org, b@example.org",
      CAIRN_SMTP_URL: "smtp://127.0.0.1:2525",
    });
    expect(config.CAIRN_PORT).toBe(9000);
    expect(config.CAIRN_REPORT_TO).toEqual(["a@example.org", "b@example.org"]);
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ CAIRN_PORT: "", CAIRN_LOCALE: "  " }).CAIRN_PORT).toBe(8787);
  });

  it("lists every problem at once with the value given and what is expected", () => {
    let error: unknown;
    try {
      loadConfig({
        CAIRN_PORT: "eighty",
        CAIRN_LOCALE: "de",
        CAIRN_SMTP_URL: "http://mail.example.org",
        CAIRN_ALERT_TO: "not-an-address",
        UNRELATED: "ignored",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.name).sort()).toEqual([
      "CAIRN_ALERT_TO",
      "CAIRN_LOCALE",
      "CAIRN_PORT",
      "CAIRN_SMTP_URL",
    ]);
    const locale = problems.find((p) => p.name === "CAIRN_LOCALE");
    expect(locale?.given).toBe("de");
    expect(locale?.expected).toMatch(/fr.*en/);
    expect(problems.find((p) => p.name === "CAIRN_SMTP_URL")?.expected).toMatch(/smtp/);
    expect((error as Error).message).toContain('CAIRN_PORT="eighty"');
  });
});
