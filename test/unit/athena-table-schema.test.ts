/**
 * The export's Glue table, checked before any Athena query: the columns Cairn needs (as the local
 * import needs them), the billing-period partition key, the tags map; the names later FOCUS
 * versions give the provider and the usage type read as the import reads them.
 */
import { describe, expect, it } from "vitest";
import {
  focusTableFrom,
  type GlueColumn,
  standardFocusTable,
  TableSchemaError,
} from "../../collectors/athena/table-schema";

const AWS_FOCUS: GlueColumn[] = [
  "billedcost:double",
  "effectivecost:double",
  "billingcurrency:string",
  "billingaccountid:string",
  "billingperiodstart:timestamp",
  "chargeperiodstart:timestamp",
  "chargecategory:string",
  "chargeclass:string",
  "chargedescription:string",
  "providername:string",
  "servicename:string",
  "regionid:string",
  "subaccountid:string",
  "consumedquantity:double",
  "consumedunit:string",
  "resourceid:string",
  "resourcename:string",
  "resourcetype:string",
  "tags:map<string,string>",
  "x_usagetype:string",
  "x_servicecode:string",
].map((c) => ({ name: c.split(":")[0] as string, type: c.split(":")[1] as string }));
const PARTITION = [{ name: "billing_period", type: "string" }];
const without = (...names: string[]) => AWS_FOCUS.filter((c) => !names.includes(c.name));

describe("the export's Glue table", () => {
  it("maps an AWS FOCUS export's table to the columns Cairn's SQL has always used", () => {
    const t = focusTableFrom("cur.focus_export", { columns: AWS_FOCUS, partitionKeys: PARTITION }, "resources");
    expect(t).toEqual(standardFocusTable("cur.focus_export"));
    expect(t.ref).toBe('"cur"."focus_export"');
  });

  it("names every missing column and refuses the table before anything is queried", () => {
    const shape = { columns: without("billedcost", "servicename", "providername"), partitionKeys: PARTITION };
    expect(() => focusTableFrom("cur.focus_export", shape, "cost-lines")).toThrow(TableSchemaError);
    expect(() => focusTableFrom("cur.focus_export", shape, "cost-lines")).toThrow(
      /cur\.focus_export \(CAIRN_ATHENA_TABLE\).*no column BilledCost, ServiceName, ProviderName.*Nothing was queried/,
    );
  });

  it("needs ResourceId for the Resources views only", () => {
    const shape = { columns: without("resourceid"), partitionKeys: PARTITION };
    expect(focusTableFrom("cur.focus_export", shape, "cost-lines").hasResources).toBe(false);
    expect(() => focusTableFrom("cur.focus_export", shape, "resources")).toThrow(/no column ResourceId/);
  });

  it("refuses a table not partitioned by billing_period, and says why", () => {
    const byYearMonth = [
      { name: "year", type: "string" },
      { name: "month", type: "string" },
    ];
    expect(() =>
      focusTableFrom("cur.focus_export", { columns: AWS_FOCUS, partitionKeys: byYearMonth }, "cost-lines"),
    ).toThrow(/partition keys are year, month, where Cairn expects billing_period.*whole export/);
    expect(() => focusTableFrom("cur.focus_export", { columns: AWS_FOCUS, partitionKeys: [] }, "cost-lines")).toThrow(
      /partition keys are none/,
    );
    expect(() =>
      focusTableFrom(
        "cur.focus_export",
        { columns: AWS_FOCUS, partitionKeys: [{ name: "billing_period", type: "int" }] },
        "cost-lines",
      ),
    ).toThrow(/billing_period is int, not a string/);
  });

  it("refuses tags that are not a map (a CSV export's JSON text)", () => {
    const columns = [...without("tags"), { name: "tags", type: "string" }];
    expect(() => focusTableFrom("cur.focus_export", { columns, partitionKeys: PARTITION }, "cost-lines")).toThrow(
      /Tags column is string/,
    );
  });

  it("reads a later FOCUS version's names as the import does: ServiceProviderName, SkuMeter; absent optional columns as NULL", () => {
    const columns = [
      ...without("providername", "x_usagetype", "x_servicecode", "chargeclass"),
      { name: "serviceprovidername", type: "string" },
      { name: "skumeter", type: "string" },
    ];
    const t = focusTableFrom("cur.focus_export", { columns, partitionKeys: PARTITION }, "resources");
    expect(t.col.ProviderName).toBe("serviceprovidername");
    expect(t.col.SkuMeter).toBe("skumeter");
    expect([t.col.x_UsageType, t.col.x_ServiceCode, t.col.ChargeClass]).toEqual([
      "CAST(NULL AS varchar)",
      "CAST(NULL AS varchar)",
      "CAST(NULL AS varchar)",
    ]);
    const both = focusTableFrom(
      "cur.focus_export",
      { columns: [...AWS_FOCUS, { name: "serviceprovidername", type: "string" }], partitionKeys: PARTITION },
      "cost-lines",
    );
    expect(both.col.ProviderName).toBe("coalesce(providername, serviceprovidername)");
  });

  it("matches Glue's names without regard to case and quotes what is not a plain name", () => {
    const columns = AWS_FOCUS.map((c) => (c.name === "regionid" ? { ...c, name: "RegionId" } : c));
    expect(focusTableFrom("cur.focus_export", { columns, partitionKeys: PARTITION }, "cost-lines").col.RegionId).toBe(
      '"RegionId"',
    );
  });
});
