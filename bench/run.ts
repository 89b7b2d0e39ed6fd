/**
 * `npm run bench`: runs every bench/*.bench.ts module's `bench(log)` in turn (or only those
 * whose file name contains one of the arguments) and prints what each measures, as ratios
 * against a baseline measured in the same run.
 */
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as {
    bench: (log: (line: string) => void) => Promise<void>;
  };
  console.log(`\n## ${file.replace(/\.bench\.ts$/, "")}`);
  await mod.bench((line) => console.log(line));
}
