"use strict";

(async () => {
  const { el, time, api, events, announce } = Lockers;
  await Lockers.requireSession();
  const search = document.getElementById("search");
  const body = document.getElementById("fleet");
  let lockers = [];
  let parcels = [];

  const statusWords = { booked: "booked", ready_for_pickup: "ready for pickup", picked_up: "picked up", cancelled: "cancelled", expired: "expired", returned: "returned" };

  // Only the latest request may draw: answers can arrive out of order, and an older one is stale.
  let loads = 0;
  async function load() {
    const mine = ++loads;
    const [fleet, alarms] = await Promise.all([api("/fleet"), api("/alarms?open=true")]);
    if (mine !== loads) return;
    lockers = fleet;
    AlarmList.render(document.getElementById("alarms"), alarms, load, true);
    draw();
  }

  function draw() {
    const words = search.value.trim().toLowerCase();
    const shown = lockers.filter((l) => !words ||
      [l.siteId, l.siteName, l.lockerId, l.lockerName].some((t) => t.toLowerCase().includes(words)));
    body.replaceChildren(...shown.map(row));
    document.getElementById("parcel-results").hidden = parcels.length === 0;
    document.getElementById("parcels").replaceChildren(...parcels.map((p) => el("li", { "data-reservation": p.reservationId },
      p.lockerId
        ? el("a", { href: `locker.html?id=${encodeURIComponent(p.lockerId)}&door=${p.compartment}`,
          text: `${p.parcelReference}: ${p.lockerName || p.lockerId}, door ${p.compartment}` })
        : el("span", { text: p.parcelReference }),
      ` - ${statusWords[p.status] || p.status} (reservation ${p.reservationId})`)));
    document.getElementById("empty").hidden = shown.length > 0 || parcels.length > 0;
    document.getElementById("search-status").textContent = words
      ? `${shown.length} locker${shown.length === 1 ? "" : "s"}, ${parcels.length} parcel${parcels.length === 1 ? "" : "s"} match`
      : "";
  }

  function row(l) {
    const state = l.online ? "online" : "offline";
    return el("tr", { "data-locker": l.lockerId, class: l.openAlarms > 0 ? "attention" : null },
      el("td", { text: l.siteName }),
      el("td", {}, el("a", { href: "locker.html?id=" + encodeURIComponent(l.lockerId), text: `${l.lockerName} (${l.lockerId})` })),
      el("td", {}, el("span", { class: "state " + state, text: state })),
      el("td", { text: l.openAlarms ? `${l.openAlarms} (${l.worstSeverity})` : "0" }),
      el("td", { class: "last-contact" }, time(l.lastContact)),
      el("td", { text: l.firmware || "-" }));
  }

  // Parcels are found by the gateway (reference or reservation id); lockers are filtered here as the person types.
  let searching = null;
  let searches = 0;
  search.addEventListener("input", () => {
    draw();
    clearTimeout(searching);
    searching = setTimeout(async () => {
      const mine = ++searches;
      const text = search.value.trim();
      const found = text.length >= 2 ? await api("/search?q=" + encodeURIComponent(text)) : [];
      if (mine !== searches) return;
      parcels = found;
      draw();
    }, 250);
  });

  let pending = null;
  events(null, (update) => {
    const locker = lockers.find((l) => l.lockerId === update.lockerId);
    if (locker && (update.topic === "telemetry" || update.topic === "door")) {
      // What a locker sends is contact: keep its last-contact time current without reloading the fleet.
      locker.lastContact = update.at;
      const cell = body.querySelector(`tr[data-locker="${CSS.escape(update.lockerId)}"] .last-contact`);
      if (cell) cell.replaceChildren(time(update.at));
    }
    if (update.topic === "status" || update.topic === "alarm") {
      if (update.topic === "alarm") announce(`Alarm ${update.data.change.replaceAll("_", " ")}: ${update.data.kind.replaceAll("_", " ")} at ${update.data.lockerId}`);
      clearTimeout(pending);
      pending = setTimeout(load, 150); // several changes in a burst cost one reload of the data
    }
  }, load);
  await load();
  document.body.dataset.ready = "true";
})();
