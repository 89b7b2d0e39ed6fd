// Draws every <canvas data-chart> from the chart.js configuration it carries (built on the
// server, see src/charts/). No inline script anywhere, so the CSP can forbid it.
(() => {
  function formatter(fmt) {
    if (!fmt) return (v) => String(v);
    if (fmt.kind === "money") {
      const nf = new Intl.NumberFormat(fmt.locale, {
        style: "currency",
        currency: fmt.currency || "USD",
        maximumFractionDigits: 0,
      });
      const exact = new Intl.NumberFormat(fmt.locale, { style: "currency", currency: fmt.currency || "USD" });
      // Whole units read best, but small values (a few dollars) would repeat "1 $" on every tick.
      return (v, precise) => (precise || (Math.abs(v) < 10 && !Number.isInteger(v)) ? exact : nf).format(v);
    }
    if (fmt.kind === "co2e") {
      const nf = new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 1 });
      return (v) => (Math.abs(v) >= 1000 ? `${nf.format(v / 1000)} kg` : `${nf.format(v)} g`);
    }
    const nf = new Intl.NumberFormat(fmt.locale, { maximumFractionDigits: 2 });
    return (v) => nf.format(v);
  }

  /** Category labels that are UTC days (YYYY-MM-DD) read as "3 nov." / "3 Nov" in the page's locale. */
  function dayLabeller(locale) {
    const short = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", timeZone: "UTC" });
    const long = new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
    const isDay = (s) => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s);
    return {
      short: (s) => (isDay(s) ? short.format(new Date(`${s}T00:00:00Z`)) : s),
      long: (s) => (isDay(s) ? long.format(new Date(`${s}T00:00:00Z`)) : s),
    };
  }

  /** Value ticks a horizontal axis of this width can hold side by side ("150 $US" is about 60 px). */
  function valueTickLimit(width) {
    return Math.max(2, Math.min(11, Math.floor((width - 90) / 70)));
  }

  function toChartJs(spec, width) {
    const fmt = formatter(spec.cairn);
    const days = dayLabeller(spec.cairn?.locale || undefined);
    const opts = spec.options || {};
    const horizontal = Boolean(opts.horizontal);
    const valueAxis = horizontal ? "x" : "y";
    const categoryAxis = horizontal ? "y" : "x";
    const scales =
      spec.type === "doughnut"
        ? {}
        : {
            [valueAxis]: {
              stacked: Boolean(opts.stacked),
              beginAtZero: true,
              // Across a phone's width, fewer value ticks, so amounts never run into each other.
              ticks: horizontal
                ? { callback: (v) => fmt(v), maxTicksLimit: valueTickLimit(width || 600), maxRotation: 0 }
                : { callback: (v) => fmt(v) },
            },
            [categoryAxis]: {
              stacked: Boolean(opts.stacked),
              ticks: {
                autoSkip: true,
                maxRotation: 0,
                callback(value) {
                  const label = days.short(this.getLabelForValue(value));
                  // A long name on a narrow screen is shortened with "…" rather than cut at the edge.
                  const max = horizontal ? Math.max(10, Math.floor((this.chart.width || 600) / 22)) : 40;
                  return typeof label === "string" && label.length > max ? `${label.slice(0, max - 1)}…` : label;
                },
              },
            },
          };
    return {
      type: spec.type,
      data: spec.data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? "y" : "x",
        interaction: { mode: "index", intersect: false },
        scales,
        plugins: {
          legend: { display: opts.legend !== false, position: spec.type === "doughnut" ? "right" : "bottom" },
          title: { display: Boolean(opts.title), text: opts.title || "" },
          tooltip: {
            callbacks: {
              title: (items) => (items[0] ? days.long(items[0].label) : ""),
              label: (ctx) => {
                const v = ctx.parsed && typeof ctx.parsed === "object" ? ctx.parsed[valueAxis] : ctx.parsed;
                return `${ctx.dataset.label}: ${fmt(v, true)}`;
              },
            },
          },
        },
      },
    };
  }

  function drawAll() {
    if (typeof window.Chart !== "function") return;
    for (const canvas of document.querySelectorAll("canvas[data-chart]")) {
      if (canvas.dataset.drawn === "true") continue;
      try {
        const spec = JSON.parse(canvas.dataset.chart);
        const chart = new window.Chart(canvas, toChartJs(spec, canvas.parentElement?.clientWidth));
        canvas.dataset.drawn = chart ? "true" : "false";
      } catch (error) {
        canvas.dataset.drawn = "error";
        console.error("chart failed", canvas.id, error);
      }
    }
  }

  // On a phone the navigation folds behind its "Menu" button (without script it stays open).
  function navToggle() {
    document.documentElement.classList.add("js");
    const button = document.querySelector(".nav-toggle");
    const nav = document.getElementById("site-nav");
    if (!button || !nav) return;
    button.addEventListener("click", () => {
      const open = nav.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // A removal asks first: forms that carry data-confirm submit only when the reader agrees.
  // (Without script they submit as they are; the budget's removal asks on the server too.)
  function confirmRemovals() {
    document.addEventListener("submit", (event) => {
      const form = event.target;
      const question = form instanceof HTMLFormElement ? form.dataset.confirm : undefined;
      if (question && !window.confirm(question)) event.preventDefault();
    });
  }

  // The scope value's suggestions follow the scope kind chosen (pipelines, services or accounts).
  function scopeLists() {
    for (const select of document.querySelectorAll("select[data-scope-lists]")) {
      const input = document.getElementById(select.dataset.scopeLists);
      if (!input) continue;
      const sync = () => {
        if (select.value === "all") input.removeAttribute("list");
        else input.setAttribute("list", `${select.id}-${select.value}-list`);
      };
      select.addEventListener("change", sync);
      sync();
    }
  }

  // A box that scrolls sideways (a wide table on a phone) takes the keyboard focus, so it can be
  // scrolled without a mouse; screen readers hear it as a named region.
  function scrollRegions() {
    for (const box of document.querySelectorAll("main div, main table, main details")) {
      const style = getComputedStyle(box);
      if (style.overflowX !== "auto" && style.overflowX !== "scroll") continue;
      if (box.scrollWidth <= box.clientWidth) continue;
      box.setAttribute("tabindex", "0");
      box.dataset.scrollRegion = "true";
      // A table keeps its own role; a wrapper becomes a region named after its table.
      if (box.tagName !== "TABLE" && !box.hasAttribute("role")) box.setAttribute("role", "region");
      const caption = box.querySelector("caption") || box.querySelector("th:not(:empty)");
      const name = caption ? caption.textContent.trim() : "";
      if (!box.hasAttribute("aria-label")) box.setAttribute("aria-label", name || document.title);
    }
  }

  window.cairnDrawCharts = drawAll;
  if (document.readyState === "loading")
    document.addEventListener("DOMContentLoaded", () => {
      navToggle();
      scopeLists();
      scrollRegions();
    });
  else {
    navToggle();
    scopeLists();
    scrollRegions();
  }
  confirmRemovals();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
