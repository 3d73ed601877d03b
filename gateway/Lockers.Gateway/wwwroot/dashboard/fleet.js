"use strict";

(async () => {
  const { el, time, api, events, announce, t } = Lockers;
  await Lockers.requireSession();
  const search = document.getElementById("search");
  const body = document.getElementById("fleet");
  let lockers = [];
  let parcels = [];

  // A parcel's status is the gateway's code; its words are a key (Status.ready_for_pickup), else the code as it comes.
  const statusWords = (status) => Lockers.word("Status", status);

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
          text: t("Fleet.ParcelAt", p.parcelReference, p.lockerName || p.lockerId, p.compartment) })
        : el("span", { text: p.parcelReference }),
      t("Fleet.ParcelStatus", statusWords(p.status), p.reservationId))));
    document.getElementById("empty").hidden = shown.length > 0 || parcels.length > 0;
    document.getElementById("search-status").textContent = words ? t("Fleet.Matches", shown.length, parcels.length) : "";
  }

  function row(l) {
    const state = l.online ? "online" : "offline";
    const worst = l.worstSeverity ? Lockers.word("Severity", l.worstSeverity) : "";
    return el("tr", { "data-locker": l.lockerId, class: l.openAlarms > 0 ? "attention" : null },
      // data-label: at phone width the header row is hidden and each cell says what it is (dashboard.css).
      el("td", { text: l.siteName, "data-label": t("Fleet.Site") }),
      el("td", { "data-label": t("Fleet.Locker") }, el("a", { href: "locker.html?id=" + encodeURIComponent(l.lockerId), text: t("Common.NameId", l.lockerName, l.lockerId) })),
      el("td", { "data-label": t("Fleet.State") }, el("span", { class: "state " + state, text: t("State." + state) })),
      el("td", { text: l.openAlarms ? t("Fleet.AlarmsWorst", l.openAlarms, worst) : Lockers.number(0), "data-label": t("Fleet.AlarmCount") }),
      el("td", { class: "last-contact", "data-label": t("Fleet.LastContact") }, time(l.lastContact)),
      el("td", { text: l.firmware || "-", "data-label": t("Fleet.Firmware") }));
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
      if (update.topic === "alarm") {
        announce(t("Announce.AlarmAt", Lockers.word("Alarm.Change", update.data.change), AlarmList.kindWords(update.data.kind), update.data.lockerId));
      }
      clearTimeout(pending);
      pending = setTimeout(load, 150); // several changes in a burst cost one reload of the data
    }
  }, load);
  await load();
  document.body.dataset.ready = "true";
})();
