"use strict";

(async () => {
  const { el, time, api, events, announce } = Lockers;
  await Lockers.requireSession();
  const search = document.getElementById("search");
  const body = document.getElementById("fleet");
  let lockers = [];

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
    document.getElementById("empty").hidden = shown.length > 0;
  }

  function row(l) {
    const state = l.online ? "online" : "offline";
    return el("tr", { "data-locker": l.lockerId, class: l.openAlarms > 0 ? "attention" : null },
      el("td", { text: l.siteName }),
      el("td", {}, el("a", { href: "locker.html?id=" + encodeURIComponent(l.lockerId), text: `${l.lockerName} (${l.lockerId})` })),
      el("td", {}, el("span", { class: "state " + state, text: state })),
      el("td", { text: l.openAlarms ? `${l.openAlarms} (${l.worstSeverity})` : "0" }),
      el("td", { text: time(l.lastContact) }),
      el("td", { text: l.firmware || "-" }));
  }

  search.addEventListener("input", draw);
  let pending = null;
  events(null, (update) => {
    if (update.topic === "status" || update.topic === "alarm") {
      if (update.topic === "alarm") announce(`Alarm ${update.data.change}: ${update.data.kind} at ${update.data.lockerId}`);
      clearTimeout(pending);
      pending = setTimeout(load, 150); // several changes in a burst cost one reload of the data
    }
  });
  await load();
  document.body.dataset.ready = "true";
})();
