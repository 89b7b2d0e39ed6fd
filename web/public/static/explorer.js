// The explorer's two-level table: a parent row's button shows or hides its sub-rows. Without
// script every sub-row stays visible (they are hidden here, not in the HTML).
(() => {
  for (const button of document.querySelectorAll("button[data-expand]")) {
    const rows = document.querySelectorAll(`tr[data-parent="${button.dataset.expand}"]`);
    const show = (open) => {
      button.setAttribute("aria-expanded", String(open));
      for (const row of rows) row.hidden = !open;
    };
    show(false);
    button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
  }
})();
