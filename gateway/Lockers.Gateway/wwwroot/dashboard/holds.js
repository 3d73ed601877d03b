// Unlock holds (ADR 0303): list them, hold a site or the fleet (maintenance), release one (admin).
"use strict";

(async () => {
  const { el, time, api, events, announce, canMaintain } = Lockers;
  const session = await Lockers.requireSession();
  const list = document.getElementById("holds");
  const form = document.getElementById("hold");
  const where = document.getElementById("hold-site");

  async function load() {
    const holds = await api("/holds");
    list.replaceChildren(...(holds.length ? holds.map(item) : [el("li", { class: "none", text: "Nothing is held." })]));
  }

  function item(hold) {
    const title = hold.fleet ? "The whole fleet" : `Site ${hold.siteId}`;
    const by = hold.kind === "anomaly" ? "the anomaly guard" : hold.heldBy;
    const li = el("li", { class: "alarm severity-critical", "data-scope": hold.scope },
      el("strong", { text: title }),
      el("p", { text: hold.reason }),
      el("p", { class: "meta", text: `held by ${by} since ${time(hold.since)}` }));
    if (session.role === "admin") {
      const reason = el("input", { "aria-label": `Reason to release ${title}`, maxlength: "500", autocomplete: "off" });
      const release = el("button", { type: "button", text: `Release ${title}` });
      const error = el("p", { class: "error", role: "alert" });
      release.addEventListener("click", async () => {
        try {
          await api("/holds/release", { method: "POST", body: { scope: hold.scope, reason: reason.value } });
          announce(`${title}: unlocks released`);
          await load();
        } catch (e) {
          error.textContent = e.message;
        }
      });
      li.append(el("label", {}, "Reason to release", reason), release, error);
    }
    return li;
  }

  if (canMaintain()) {
    const fleet = await api("/fleet");
    const sites = [...new Map(fleet.map((l) => [l.siteId, l.siteName])).entries()];
    where.replaceChildren(
      ...sites.map(([id, name]) => el("option", { value: id, text: `Site ${name} (${id})` })),
      el("option", { value: "", text: "The whole fleet" }));
    form.hidden = false;
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const error = document.getElementById("hold-error");
      error.textContent = "";
      try {
        await api("/holds", { method: "POST", body: { siteId: where.value || null, reason: document.getElementById("hold-reason").value } });
        announce("Unlocks held");
        await load();
      } catch (ex) {
        error.textContent = ex.message;
      }
    });
  }

  events(null, (update) => {
    if (update.topic === "hold") {
      announce(`Unlocks ${update.data.change}: ${update.data.hold.scope}`);
      load();
    }
  });
  await load();
  document.body.dataset.ready = "true";
})();
