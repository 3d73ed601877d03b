// Unlock holds (ADR 0303): list them, hold a site or the fleet (maintenance), release one (admin). Each asks first.
"use strict";

(async () => {
  const { el, time, api, events, announce, canMaintain, confirm, redraw, t, tNodes } = Lockers;
  const session = await Lockers.requireSession();
  const list = document.getElementById("holds");
  const form = document.getElementById("hold");
  const where = document.getElementById("hold-site");
  const result = document.getElementById("hold-result");
  const heading = document.getElementById("current-title");
  const typed = new Map(); // release reasons being typed, by scope: a redraw must not wipe them

  // Redrawn after every change (here or live): focus stays on the hold it was on, or goes to the list's heading when that
  // hold is gone (just released), never to the page's start.
  async function load() {
    const holds = await api("/holds");
    redraw(list, () => list.replaceChildren(...(holds.length ? holds.map(item) : [el("li", { class: "none", text: t("Holds.Nothing") })])),
      heading);
  }

  // The gateway refuses a missing reason too; asking here first spares a confirmation that would only fail.
  function reasonMissing(input, said) {
    const missing = input.value.trim().length < 3;
    input.setAttribute("aria-invalid", missing ? "true" : "false");
    if (missing) {
      said.textContent = t("Holds.ReasonMissing", 3, 500);
      input.focus();
    }
    return missing;
  }

  function place(hold) {
    return hold.fleet ? t("Holds.PlaceFleet") : t("Holds.PlaceSite", hold.siteId);
  }

  function item(hold) {
    const title = hold.fleet ? t("Holds.TitleFleet") : t("Holds.TitleSite", hold.siteId);
    const by = hold.kind === "anomaly" ? t("Holds.ByGuard") : hold.heldBy;
    const li = el("li", { class: "alarm severity-critical", "data-scope": hold.scope },
      el("strong", { text: title }),
      el("p", { text: hold.reason }),
      el("p", { class: "meta" }, ...tNodes("Holds.HeldBySince", by, time(hold.since))));
    if (session.role === "admin") {
      const id = "release-" + hold.scope.replace(/[^a-z0-9-]/gi, "-");
      const reason = el("input", { id, maxlength: "500", autocomplete: "off", "aria-describedby": id + "-said", "data-focus-key": id });
      const release = el("button", { type: "button", class: "danger", text: t("Holds.Release", place(hold)), "data-focus-key": id + "-button" });
      const said = el("p", { id: id + "-said", class: "result", role: "status" });
      reason.value = typed.get(hold.scope) || "";
      reason.addEventListener("input", () => typed.set(hold.scope, reason.value));
      release.addEventListener("click", async () => {
        said.textContent = "";
        if (reasonMissing(reason, said)) return;
        const ok = await confirm({ title: t("Holds.ReleaseConfirm", place(hold)), action: t("Holds.ReleaseAction"),
          lines: [t("Holds.ReleaseLine1"), t("Holds.ReleaseLine2")] });
        if (!ok) return;
        try {
          await api("/holds/release", { method: "POST", body: { scope: hold.scope, reason: reason.value } });
          typed.delete(hold.scope);
          announce(t("Holds.Released", place(hold)));
          await load();
        } catch (e) {
          said.textContent = e.message;
        }
      });
      li.append(el("label", { for: id, text: t("Holds.ReleaseReason") }), reason, release, said);
    }
    return li;
  }

  if (canMaintain()) {
    const fleet = await api("/fleet");
    const sites = [...new Map(fleet.map((l) => [l.siteId, l.siteName])).entries()];
    where.replaceChildren(
      ...sites.map(([id, name]) => el("option", { value: id, text: t("Holds.SiteOption", name, id) })),
      el("option", { value: "", text: t("Holds.TitleFleet") }));
    form.hidden = false;
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      result.textContent = "";
      if (reasonMissing(document.getElementById("hold-reason"), result)) return;
      const target = where.value ? t("Holds.PlaceSite", where.value) : t("Holds.PlaceFleet");
      const ok = await confirm({ title: t("Holds.HoldConfirm", target), action: t("Holds.Hold"),
        lines: [t("Holds.HoldLine1", target), t("Holds.HoldLine2")] });
      if (!ok) return;
      try {
        await api("/holds", { method: "POST", body: { siteId: where.value || null, reason: document.getElementById("hold-reason").value } });
        result.textContent = t("Holds.Held", target);
        await load();
      } catch (ex) {
        result.textContent = ex.message;
      }
    });
  }

  events(null, (update) => {
    if (update.topic === "hold") {
      // This page already said what its own user did; others' changes are announced with who made them.
      if (update.data.by !== session.user) announce(t(update.data.change === "released" ? "Holds.ReleasedBy" : "Holds.HeldBy", place(update.data.hold), update.data.by));
      load();
    }
  }, load);
  await load();
  document.body.dataset.ready = "true";
})();
