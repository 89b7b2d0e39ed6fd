import { generateDemoLines, demoBudgets } from "./collectors/demo/index";
import { daysInMonth, monthOf } from "./src/days";
const today = process.argv[2] ?? "2026-03-15";
const t0 = performance.now();
const lines = generateDemoLines({ today });
const t1 = performance.now();
console.log("lines", lines.length, "ms", (t1 - t0).toFixed(1), lines[0]?.day, lines.at(-1)?.day);
const byMonth = new Map<string, number>();
const byPipe = new Map<string, number>();
for (const l of lines) {
  byMonth.set(monthOf(l.day), (byMonth.get(monthOf(l.day)) ?? 0) + l.unblendedCostUsd);
  const k = `${monthOf(l.day)} ${l.pipeline || "-"}`;
  byPipe.set(k, (byPipe.get(k) ?? 0) + l.unblendedCostUsd);
}
for (const [m, v] of byMonth) console.log(m, v.toFixed(2), ["temperatures","camera-traps","website",""].map(p=>(byPipe.get(`${m} ${p||"-"}`)??0).toFixed(0)).join(" "));
const b = demoBudgets(today);
console.log(b.map(x => `${x.name}: ${x.amount} ${x.customPeriod ? JSON.stringify(x.customPeriod) : ""}`).join("\n"));
const m = monthOf(today);
const mtd = byMonth.get(m) ?? 0;
const elapsed = Number(today.slice(8, 10)) - 1;
console.log("forecast", (mtd / elapsed * daysInMonth(m)).toFixed(2), "ratio", (mtd / elapsed * daysInMonth(m) / b[0]!.amount).toFixed(3));
