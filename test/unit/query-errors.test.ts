/** The explorer's date errors are translated by their key, whatever the English message says. */
import { describe, expect, it } from "vitest";
import { BadParameter, parseCostQuery } from "../../web/api/params";
import { parseKeepingErrors } from "../../web/pages/query-errors";

describe("query errors by key", () => {
  it("reads the key, not the English text (a reworded message keeps its translation)", () => {
    let calls = 0;
    const { errors } = parseKeepingErrors(
      { from: "2026-13-45" },
      () => {
        calls += 1;
        if (calls === 1) throw new BadParameter("from", "a date is needed here, written year-month-day", "dateInvalid");
        return null;
      },
      "fr",
    );
    expect(errors).toEqual({ from: "doit être une date (année-mois-jour)" });
  });

  it("gives each failure of the shared parser its key", () => {
    const now = new Date("2026-11-18T10:00:00Z");
    const codeOf = (q: Record<string, string>) => {
      try {
        parseCostQuery(q, now);
        return null;
      } catch (error) {
        return [(error as BadParameter).parameter, (error as BadParameter).code];
      }
    };
    expect(codeOf({ from: "18/11/2026" })).toEqual(["from", "dateInvalid"]);
    expect(codeOf({ to: "2026-02-30" })).toEqual(["to", "dateInvalid"]);
    expect(codeOf({ from: "2026-11-10", to: "2026-11-01" })).toEqual(["to", "toNotAfterFrom"]);
    expect(codeOf({ groupBy: "colour" })).toEqual(["groupBy", "invalid"]);
  });

  it("says each in English too", () => {
    const { errors } = parseKeepingErrors(
      { from: "2026-11-10", to: "2026-11-01" },
      (q) => parseCostQuery(q, new Date("2026-11-18T10:00:00Z")),
      "en",
    );
    expect(errors.to).toBe("must be after the first day (this day is not included)");
  });
});
