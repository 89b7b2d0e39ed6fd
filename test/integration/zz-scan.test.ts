import { it } from "vitest";
import { nodeRenderers } from "../../reports/render/node-renderers";
import { runReport } from "../../src/jobs/report";
import { openDemoStore } from "../../test/helpers/report-demo";
import { readPdf } from "../../test/helpers/pdf-text";
const NOW = new Date("2026-11-28T09:00:00.000Z");
it("scan", async () => {
  const opened = await openDemoStore(NOW);
  for (const kind of ["weekly", "monthly"] as const) for (const lang of ["fr", "en"] as const) {
    const s = await runReport({ store: opened.store, now: () => NOW, mail: null, renderers: nodeRenderers },
      { kind, lang, currency: "USD", send: false, to: [], ceMaxRequests: 300, factorSet: "cairn-2026" });
    const r = s.rendered!;
    const pdf = r.pdf ? readPdf(r.pdf)?.text ?? "" : "";
    for (const [name, t] of [["html", r.mailHtml], ["text", r.text], ["pdf", pdf]] as const) {
      const m = t.match(/.{0,80}\b\d{12}\b.{0,40}/g);
      console.log(kind, lang, name, m);
    }
  }
}, 120000);
