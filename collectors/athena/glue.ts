/**
 * Reads the export's table description from the Glue Data Catalog (glue:GetTable), the AWS way
 * (the same credentials, role and region as the Athena client; endpoint from
 * `AWS_ENDPOINT_URL_GLUE` / `AWS_ENDPOINT_URL`). Glue answers over HTTPS (JSON 1.1), so this works
 * from Node and from Workers. Errors are said in a sentence that names the table and the IAM
 * action, since a missing permission is the usual cause.
 */
import { GetTableCommand, type GetTableCommandOutput, type GlueClient } from "@aws-sdk/client-glue";
import { type FocusTable, focusTableFrom, splitTableName, TableSchemaError } from "./table-schema";

export async function readFocusTable(
  glue: GlueClient,
  table: string,
  needs: "cost-lines" | "resources",
): Promise<FocusTable> {
  const { database, name } = splitTableName(table);
  let answer: GetTableCommandOutput;
  try {
    answer = await glue.send(new GetTableCommand({ DatabaseName: database, Name: name }));
  } catch (error) {
    const e = error as { name?: string; message?: string };
    if (e.name === "EntityNotFoundException") {
      throw new TableSchemaError(
        `The Glue Data Catalog has no table ${table} (CAIRN_ATHENA_TABLE): ${e.message ?? "not found"}. Nothing was queried.`,
      );
    }
    if (e.name === "AccessDeniedException") {
      throw new TableSchemaError(
        `Cairn may not read the Glue table ${table} (glue:GetTable is needed, see README, Athena): ${e.message ?? "access denied"}. Nothing was queried.`,
      );
    }
    throw error;
  }
  const t = answer.Table;
  const shape = (cols: readonly GlueCol[] | undefined) =>
    (cols ?? []).map((c) => ({ name: c.Name ?? "", type: c.Type ?? "" }));
  return focusTableFrom(
    table,
    { columns: shape(t?.StorageDescriptor?.Columns), partitionKeys: shape(t?.PartitionKeys) },
    needs,
  );
}

interface GlueCol {
  Name?: string | undefined;
  Type?: string | undefined;
}
