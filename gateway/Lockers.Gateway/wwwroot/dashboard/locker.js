"use strict";

(async () => {
  const { el, time, api, events, announce, canMaintain } = Lockers;
  const lockerId = new URLSearchParams(location.search).get("id");
  await Lockers.requireSession();
  let view = null;
  let selected = null;

  const sizes = { S: 1, M: 2, L: 3, XL: 4 };
  const alarming = ["forced", "jammed", "left_open"];

  // Live updates and actions each reload; answers can arrive out of order, and only the latest request may draw
  // (an older answer would put back a door state from before the update that triggered the newer one).
  let loads = 0;
  async function load() {
    const mine = ++loads;
    const fresh = await api("/lockers/" + encodeURIComponent(lockerId));
    if (mine !== loads) return;
    view = fresh;
    drawHeader();
    drawGrid();
    drawPanel();
    drawTelemetry();
    AlarmList.render(document.getElementById("alarms"), view.alarms, load, false);
    drawAudit();
  }

  function drawHeader() {
    document.title = `${view.lockerName} - Lockers maintenance`;
    document.getElementById("crumb").textContent = view.lockerName;
    document.getElementById("title").textContent = `${view.lockerName} (${view.lockerId})`;
    const state = view.online ? "online" : "offline";
    document.getElementById("summary").replaceChildren(
      `${view.siteName} - `, el("span", { id: "online", class: "state " + state, text: state }),
      ` - last contact ${time(view.lastContact)} - firmware ${view.firmware || "unknown"}`);
  }

  function describe(c) {
    const door = c.door === "unknown" ? "door state unknown" : "door " + c.door.replace("_", " ");
    const inside = { empty: "empty", reserved: "reserved", parcel: "parcel inside" }[c.occupancy];
    return `Compartment ${c.number}, size ${c.size}, ${door}, ${inside}${c.inService ? "" : ", out of service"}`;
  }

  function drawGrid() {
    const grid = document.getElementById("grid");
    const focused = document.activeElement && document.activeElement.dataset.compartment;
    const maxRow = Math.max(0, ...view.compartments.map((c) => c.row));
    grid.replaceChildren(...view.compartments.map((c) => {
      const doorClass = alarming.includes(c.door) ? "door-alarm" : c.door === "opened" ? "door-opened" : "door-closed";
      const button = el("button", {
        type: "button", class: `compartment ${doorClass} occupancy-${c.occupancy}${c.inService ? "" : " out-of-service"}`,
        "data-compartment": c.number, "data-door": c.door, "data-occupancy": c.occupancy,
        "aria-label": describe(c), "aria-pressed": selected === c.number ? "true" : "false",
      },
      el("span", { class: "number", text: c.number }),
      el("span", { class: "size", text: c.size }),
      el("span", { class: "door", text: c.door.replace("_", " ") }),
      el("span", { class: "occupancy", text: c.occupancy }));
      button.style.gridColumn = String(c.column + 1);
      button.style.gridRow = String(maxRow - c.row + 1);
      button.addEventListener("click", () => select(c.number));
      return button;
    }));
    if (focused) grid.querySelector(`[data-compartment="${focused}"]`)?.focus();
  }

  function select(number) {
    selected = number;
    document.getElementById("panel-message").textContent = "";
    drawGrid();
    drawPanel();
    document.getElementById("panel-title").focus();
  }

  function drawPanel() {
    const panel = document.getElementById("panel");
    const c = view.compartments.find((x) => x.number === selected);
    panel.hidden = !c;
    if (!c) return;
    document.getElementById("panel-title").textContent = `Compartment ${c.number}`;
    document.getElementById("panel-facts").replaceChildren(
      el("dt", { text: "Size" }), el("dd", { text: c.size + (c.accessible ? " (accessible)" : "") }),
      el("dt", { text: "Door" }), el("dd", { text: c.door.replace("_", " ") }),
      el("dt", { text: "Contents" }), el("dd", { text: c.occupancy }),
      el("dt", { text: "Service" }), el("dd", { text: c.inService ? "in service" : "out of service" }));
    const actions = document.getElementById("actions");
    actions.hidden = !canMaintain();
    if (!canMaintain()) {
      document.getElementById("panel-message").textContent = "Your role can look but not change compartments.";
      return;
    }
    document.getElementById("service-button").textContent = c.inService ? "Take out of service" : "Return to service";
    const moveForm = document.getElementById("move-form");
    const targets = view.compartments.filter((t) =>
      t.number !== c.number && t.occupancy === "empty" && t.inService && sizes[t.size] >= sizes[c.size]);
    moveForm.hidden = c.occupancy !== "parcel" || targets.length === 0;
    document.getElementById("move-target").replaceChildren(
      ...targets.map((t) => el("option", { value: t.number, text: `${t.number} (size ${t.size})` })));
  }

  async function act(path, body, done) {
    const message = document.getElementById("panel-message");
    message.textContent = "Working...";
    try {
      await api(path, { method: "POST", body });
      message.textContent = done;
      announce(done);
      await load();
    } catch (e) {
      message.textContent = "Not done: " + e.message;
      announce(message.textContent);
    }
  }

  const base = () => `/lockers/${encodeURIComponent(lockerId)}/compartments/${selected}`;
  // A remote open is accepted (202), not done: follow the command until the locker answers or its expiry passes.
  async function followCommand(statusUrl) {
    const path = statusUrl.replace(/^\/dashboard\/api/, "");
    for (let i = 0; i < 120; i++) {
      const command = await api(path);
      if (command.status !== "pending") return command;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return { status: "pending", text: "still waiting for the locker" };
  }

  document.getElementById("open-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const reason = document.getElementById("open-reason");
    if (!reason.reportValidity()) return;
    const number = selected;
    const message = document.getElementById("panel-message");
    message.textContent = "Working...";
    try {
      const accepted = await api(base() + "/open", { method: "POST", body: { reason: reason.value } });
      reason.value = "";
      message.textContent = `Open command sent to compartment ${number}: waiting for the locker`;
      announce(message.textContent);
      const outcome = await followCommand(accepted.statusUrl);
      message.textContent = outcome.status === "ok" ? `Compartment ${number}: the locker opened it` : `Not done: ${outcome.text}`;
      announce(message.textContent);
    } catch (error) {
      message.textContent = "Not done: " + error.message;
      announce(message.textContent);
    }
  });
  document.getElementById("service-button").addEventListener("click", () => {
    const c = view.compartments.find((x) => x.number === selected);
    act(base() + "/service", { inService: !c.inService },
      `Compartment ${selected} ${c.inService ? "taken out of service" : "returned to service"}`);
  });
  document.getElementById("move-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const to = Number(document.getElementById("move-target").value);
    act(base() + "/move", { toLocker: lockerId, toCompartment: to }, `Parcel moved from ${selected} to ${to}`);
  });
  for (const [id, inService] of [["locker-out", false], ["locker-in", true]]) {
    const button = document.getElementById(id);
    button.hidden = !canMaintain();
    button.addEventListener("click", () => act(`/lockers/${encodeURIComponent(lockerId)}/service`, { inService },
      inService ? "Every compartment returned to service" : "Every compartment taken out of service"));
  }

  function drawTelemetry() {
    const t = view.telemetry;
    const facts = t ? [
      ["Uptime", `${Math.round(t.uptimeMs / 60000)} min`], ["Free memory", `${t.freeMemoryBytes} bytes`],
      ["Signal", t.signalDbm === null ? "-" : `${t.signalDbm} dBm`], ["Supply", t.supplyMv === null ? "-" : `${t.supplyMv} mV`],
      ["Temperature", t.temperatureC === null ? "-" : `${t.temperatureC} °C`], ["Firmware", t.firmware],
      ["Journal", `${t.journalDepth} waiting, ${t.droppedEvents} dropped`], ["Sample", time(t.at)],
    ] : [["Telemetry", "none received yet"]];
    document.getElementById("telemetry").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]));
    const points = (pick) => view.telemetryHistory.map((s) => ({ at: Date.parse(s.at), value: pick(s) }));
    document.getElementById("charts").replaceChildren(
      Sparkline.draw("Supply", "mV", points((s) => s.supplyMv)),
      Sparkline.draw("Temperature", "°C", points((s) => s.temperatureC)),
      Sparkline.draw("Signal", "dBm", points((s) => s.signalDbm)));
  }

  function drawAudit() {
    document.getElementById("audit").replaceChildren(...view.audit.map((a) => el("tr", {},
      el("td", { text: time(a.at) }), el("td", { text: a.actor }), el("td", { text: a.action }),
      el("td", { text: a.compartment ?? "" }), el("td", { text: a.detail ?? "" }))));
  }

  let pending = null;
  function reloadSoon() {
    clearTimeout(pending);
    pending = setTimeout(load, 150);
  }

  events(lockerId, (update) => {
    if (update.topic === "door" && update.lockerId === lockerId) {
      // Draw the door at once; alarms and audit follow with the reload.
      const c = view && view.compartments.find((x) => x.number === update.data.compartment);
      if (c) {
        c.door = update.data.state;
        drawGrid();
        drawPanel();
      }
      announce(`Door ${update.data.compartment} ${update.data.state.replace("_", " ")}`);
    } else if (update.topic === "alarm" && update.lockerId === lockerId) {
      announce(`Alarm ${update.data.change}: ${update.data.kind.replaceAll("_", " ")}`);
    }
    if (update.lockerId === lockerId) reloadSoon();
  });
  await load();
  document.body.dataset.ready = "true";
})();
