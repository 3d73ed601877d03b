"use strict";

(async () => {
  const { el, time, bytes, api, events, announce, canMaintain, redraw, confirm } = Lockers;
  const params = new URLSearchParams(location.search);
  const lockerId = params.get("id");
  await Lockers.requireSession();
  let view = null;
  let selected = params.get("door") ? Number(params.get("door")) : null;
  let auditFilter = {};

  const sizes = { S: 1, M: 2, L: 3, XL: 4 };
  const alarming = ["forced", "jammed", "left_open"];
  const doorWords = { opened: "open", closed: "closed", forced: "forced open", jammed: "jammed", left_open: "left open", unknown: "not reported yet" };
  const occupancyWords = { empty: "empty", reserved: "reserved", parcel: "parcel inside", move_target: "held for a parcel being moved here" };
  const statusWords = { booked: "booked, waiting for the courier", ready_for_pickup: "ready for pickup", expired: "expired, waiting for the carrier's collection" };
  const moveSteps = [
    ["requested", "Opening the parcel's door"],
    ["source_opened", "Take the parcel out; the new door is opening"],
    ["target_opened", "Put the parcel in the new door and close it"],
  ];
  // What each command status means for the person who asked (the gateway may add statuses: they are shown as they come).
  const commandWords = {
    sent: (c) => `Unlock of door ${c.compartment} sent; waiting for the locker to answer.`,
    done: (c) => `The locker opened door ${c.compartment}.`,
    failed: (c) => `The locker did not open door ${c.compartment}${c.reason ? ` (${c.reason.replaceAll("_", " ")})` : ""}.`,
    no_answer: (c) => `The locker did not answer the unlock of door ${c.compartment} in time; it did not open.`,
  };

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
    drawAuditChoices();
    if (Object.keys(auditFilter).length === 0) drawAudit(view.audit);
    else await loadAudit();
  }

  function drawHeader() {
    document.title = `${view.lockerName} - Lockers maintenance`;
    document.getElementById("crumb").textContent = view.lockerName;
    document.getElementById("title").textContent = `${view.lockerName} (${view.lockerId})`;
    const state = view.online ? "online" : "offline";
    document.getElementById("summary").replaceChildren(
      `${view.siteName} - `, el("span", { id: "online", class: "state " + state, text: state }),
      " - last contact ", el("span", { id: "last-contact" }, time(view.lastContact)), ` - firmware ${view.firmware || "unknown"}`);
  }

  function doorClass(door) {
    return alarming.includes(door) ? "door-alarm" : door === "opened" ? "door-opened" : door === "unknown" ? "door-unknown" : "door-closed";
  }

  function describeParcel(c) {
    if (!c.parcel) return occupancyWords[c.occupancy] || c.occupancy;
    const p = c.parcel;
    if (p.movingHere) return `held for ${p.parcelReference}, being moved here`;
    return `${c.occupancy === "parcel" ? "parcel" : "booked for"} ${p.parcelReference}`;
  }

  function drawGrid() {
    const grid = document.getElementById("grid");
    const maxRow = Math.max(0, ...view.compartments.map((c) => c.row));
    redraw(grid, () => grid.replaceChildren(...view.compartments.map((c) => {
      // The button's name is its own text: the visible words, with the rest for screen readers in between.
      const mark = alarming.includes(c.door) ? "!" : c.door === "unknown" ? "?" : "";
      const button = el("button", {
        type: "button", class: `compartment ${doorClass(c.door)} occupancy-${c.occupancy}${c.inService ? "" : " out-of-service"}`,
        "data-compartment": c.number, "data-door": c.door, "data-occupancy": c.occupancy, "data-focus-key": `door-${c.number}`,
        "aria-pressed": selected === c.number ? "true" : "false",
      },
      el("span", { class: "visually-hidden", text: "Compartment " }),
      el("span", { class: "number", text: c.number }),
      el("span", { class: "visually-hidden", text: ", size " }),
      el("span", { class: "size", text: c.size }),
      el("span", { class: "visually-hidden", text: ", door " }),
      el("span", { class: "door" }, mark ? el("span", { class: "mark", "aria-hidden": "true", text: mark + " " }) : "", doorWords[c.door] || c.door),
      el("span", { class: "visually-hidden", text: ", " }),
      el("span", { class: "occupancy", text: describeParcel(c) }),
      c.inService ? "" : el("span", { class: "service", text: ", out of service" }));
      button.style.gridColumn = String(c.column + 1);
      button.style.gridRow = String(maxRow - c.row + 1);
      button.addEventListener("click", () => select(c.number));
      return button;
    })));
  }

  function select(number) {
    selected = number;
    for (const id of ["panel-message", "open-result", "service-result", "move-result"]) document.getElementById(id).textContent = "";
    drawGrid();
    drawPanel();
    document.getElementById("panel-title").focus();
  }

  function parcelFacts(p) {
    if (!p) return [];
    const facts = [
      ["Parcel", p.parcelReference], ["Reservation", p.reservationId], ["Status", statusWords[p.status] || p.status.replaceAll("_", " ")],
      ["Parcel size", p.size],
    ];
    const rows = facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })]);
    if (p.depositedAt) rows.push(el("dt", { text: "Deposited" }), el("dd", {}, time(p.depositedAt)));
    if (p.pickupDeadline) {
      rows.push(el("dt", { text: "Pickup deadline" }),
        el("dd", {}, time(p.pickupDeadline), p.pickupWindowPaused ? " (paused: the door is unavailable)" : ""));
    }
    return rows;
  }

  function drawMoveProgress(c) {
    const box = document.getElementById("move-progress");
    const move = c.parcel && c.parcel.move;
    box.hidden = !move;
    if (!move) return box.replaceChildren();
    const at = moveSteps.findIndex(([step]) => step === move.step);
    const steps = el("ol", { class: "steps" }, ...moveSteps.map(([, words], i) =>
      el("li", { class: i < at ? "done" : i === at ? "current" : "todo", "aria-current": i === at ? "step" : null,
        text: (i < at ? "\u2713 " : "") + words })));
    const children = [el("h3", { text: `Moving ${c.parcel.parcelReference} from ${move.from} to ${move.to}` }), steps,
      el("p", { class: "meta", text: "The recipient's code moves with the parcel when the new door is closed on it." })];
    if (!c.parcel.movingHere && canMaintain()) {
      const again = el("button", { type: "button", class: "secondary", id: "move-again", "data-focus-key": "move-again",
        text: `Open ${move.waitingDoor} again` });
      again.addEventListener("click", () => act(base() + "/move/open-again", {}, "move-result", (d) => `Unlock of ${d.opening} ${d.status}${d.reason ? ": " + d.reason : ""}.`));
      children.push(again);
      if (move.step !== "target_opened") {
        const cancel = el("button", { type: "button", class: "secondary", id: "move-cancel", "data-focus-key": "move-cancel", text: "Cancel the move" });
        cancel.addEventListener("click", async () => {
          const ok = await confirm({ title: "Cancel the move?", action: "Cancel the move",
            lines: [`${c.parcel.parcelReference} stays in door ${c.number}. If you took it out, put it back and close door ${c.number}.`] });
          if (ok) act(base() + "/move/cancel", {}, "move-result", () => `Move cancelled: ${c.parcel.parcelReference} stays in door ${c.number}.`);
        });
        children.push(cancel);
      }
    }
    box.replaceChildren(...children);
  }

  function drawPanel() {
    const panel = document.getElementById("panel");
    const c = view.compartments.find((x) => x.number === selected);
    panel.hidden = !c;
    if (!c) return;
    document.getElementById("panel-title").textContent = `Compartment ${c.number}`;
    document.getElementById("panel-facts").replaceChildren(
      el("dt", { text: "Size" }), el("dd", { text: c.size + (c.accessible ? " (accessible)" : "") }),
      el("dt", { text: "Door" }), el("dd", { text: doorWords[c.door] || c.door }),
      el("dt", { text: "Contents" }), el("dd", { text: occupancyWords[c.occupancy] || c.occupancy }),
      el("dt", { text: "Service" }), el("dd", { text: c.inService ? "in service" : "out of service" }),
      ...parcelFacts(c.parcel));
    redraw(panel, () => drawMoveProgress(c), document.getElementById("panel-title"));
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
    moveForm.hidden = c.occupancy !== "parcel" || targets.length === 0 || !!(c.parcel && c.parcel.move);
    document.getElementById("move-target").replaceChildren(
      ...targets.map((t) => el("option", { value: t.number, text: `${t.number} (size ${t.size})` })));
  }

  // Runs an action and shows its outcome where it was taken (the region beside its button), and to screen readers.
  let pendingOpen = null;
  async function act(path, body, resultId, describe) {
    const result = document.getElementById(resultId);
    result.textContent = "Working...";
    result.dataset.outcome = "working";
    try {
      const data = await api(path, { method: "POST", body });
      result.textContent = describe(data || {});
      result.dataset.outcome = "done";
      announce(result.textContent);
      await load();
      return data;
    } catch (e) {
      result.textContent = "Not done: " + e.message;
      result.dataset.outcome = "failed";
      announce(result.textContent);
      return null;
    }
  }

  const base = () => `/lockers/${encodeURIComponent(lockerId)}/compartments/${selected}`;
  const current = () => view.compartments.find((x) => x.number === selected);
  const parcelLine = (c) => c.parcel
    ? (c.occupancy === "parcel"
      ? `It holds parcel ${c.parcel.parcelReference} (${statusWords[c.parcel.status] || c.parcel.status}).`
      : `It is booked for ${c.parcel.parcelReference}; the courier has not deposited yet.`)
    : "It is empty.";

  document.getElementById("open-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const reason = document.getElementById("open-reason");
    if (!reason.reportValidity()) return;
    const c = current();
    const ok = await confirm({ title: `Open door ${c.number} of ${view.lockerName}?`, action: `Open door ${c.number}`,
      lines: [parcelLine(c), "Whoever stands at the locker can take what is inside. The opening is audited with your reason.",
        c.inService ? "" : "The door is out of service: it opens anyway (staff override)."].filter(Boolean) });
    if (!ok) return;
    const data = await act(base() + "/open", { reason: reason.value }, "open-result", (d) => commandWords.sent({ compartment: c.number, ...d }));
    if (data) {
      reason.value = "";
      pendingOpen = { commandId: data.commandId, compartment: c.number };
      showCommand(view.commands.find((x) => x.commandId === data.commandId));
    }
  });

  function showCommand(command) {
    if (!command || !pendingOpen || command.commandId !== pendingOpen.commandId) return;
    const words = commandWords[command.status];
    const result = document.getElementById("open-result");
    result.textContent = words ? words(command) : `Unlock of door ${command.compartment}: ${command.status}.`;
    result.dataset.outcome = command.status;
    announce(result.textContent);
  }

  document.getElementById("service-button").addEventListener("click", async () => {
    const c = current();
    const out = c.inService;
    const lines = out
      ? [c.occupancy === "parcel" ? `1 parcel inside (${c.parcel.parcelReference}): its pickup window pauses and the recipient cannot collect it until the door is back in service. Consider moving it first.`
        : c.occupancy === "reserved" ? `Booked for ${c.parcel.parcelReference}: the booking moves to another free door of the site that fits, and the carrier is told. With none free, the courier is told the door is out of service.`
        : "The door is empty: it will not be booked while out of service.",
        "The locker stops opening this door for codes."]
      : ["Codes open this door again; paused pickup windows run again."];
    const ok = await confirm({ title: `${out ? "Take door " + c.number + " out of service" : "Return door " + c.number + " to service"}?`,
      action: out ? "Take out of service" : "Return to service", lines });
    if (ok) act(base() + "/service", { inService: !c.inService }, "service-result", (d) => d.summary);
  });

  document.getElementById("move-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const c = current();
    const to = Number(document.getElementById("move-target").value);
    const ok = await confirm({ title: `Move ${c.parcel.parcelReference} to door ${to}?`, action: "Start the move",
      lines: [`Door ${c.number} opens now: take the parcel out.`, `Then door ${to} opens: put the parcel in and close it.`,
        "The recipient's code opens the new door once it is closed on the parcel; the carrier is told then."] });
    if (ok) {
      act(base() + "/move", { toLocker: lockerId, toCompartment: to }, "move-result",
        (d) => `Move started: unlock of ${d.opening} ${d.status}${d.reason ? " (" + d.reason + ")" : ""}. Follow the steps above.`);
    }
  });

  for (const [id, inService] of [["locker-out", false], ["locker-in", true]]) {
    const button = document.getElementById(id);
    button.hidden = !canMaintain();
    button.addEventListener("click", async () => {
      const parcels = view.compartments.filter((c) => c.occupancy === "parcel");
      const booked = view.compartments.filter((c) => c.occupancy === "reserved");
      const count = (n, noun) => `${n} ${noun}${n === 1 ? "" : "s"}`;
      const lines = inService ? ["Every door of this locker opens for codes again; paused pickup windows run again."] : [
        `${count(parcels.length, "parcel")} inside${parcels.length ? " (" + parcels.map((c) => c.parcel.parcelReference).join(", ") + "): their pickup windows pause and nobody can collect them" : ""}.`,
        `${count(booked.length, "booking")} waiting for a courier${booked.length ? ": each moves to a free door elsewhere on the site if one fits, and the carrier is told" : ""}.`,
        "The locker shows \u201COut of service\u201D and opens no door for codes."];
      const ok = await confirm({ title: inService ? "Return every door to service?" : `Take all of ${view.lockerName} out of service?`,
        action: inService ? "Return to service" : "Take out of service", lines });
      if (ok) act(`/lockers/${encodeURIComponent(lockerId)}/service`, { inService }, "locker-result", (d) => d.summary);
    });
  }

  function drawTelemetry() {
    const t = view.telemetry;
    const facts = t ? [
      ["Uptime", `${Math.round(t.uptimeMs / 60000)} min`], ["Free memory", bytes(t.freeMemoryBytes)],
      ["Signal", t.signalDbm === null ? "-" : `${t.signalDbm} dBm`], ["Supply", t.supplyMv === null ? "-" : `${(t.supplyMv / 1000).toFixed(2)} V`],
      ["Temperature", t.temperatureC === null ? "-" : `${t.temperatureC} °C`], ["Firmware", t.firmware],
      ["Journal", `${t.journalDepth} waiting, ${t.droppedEvents} dropped`], ["Sample", time(t.at)],
    ] : [["Telemetry", "none received yet"]];
    document.getElementById("telemetry").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", {}, v)]));
    const points = (pick) => view.telemetryHistory.map((s) => ({ at: Date.parse(s.at), value: pick(s) }));
    document.getElementById("charts").replaceChildren(
      Sparkline.draw("Supply", "mV", points((s) => s.supplyMv)),
      Sparkline.draw("Temperature", "°C", points((s) => s.temperatureC)),
      Sparkline.draw("Signal", "dBm", points((s) => s.signalDbm)));
  }

  function drawAuditChoices() {
    const fill = (id, choices, first) => {
      const select = document.getElementById(id);
      const value = select.value;
      select.replaceChildren(el("option", { value: "", text: first }), ...choices.map((c) => el("option", { value: c.key, text: c.label })));
      select.value = value;
    };
    fill("audit-category", view.auditCategories, "Everything");
    fill("audit-who", view.auditWho, "Anyone");
    fill("audit-door", view.compartments.map((c) => ({ key: String(c.number), label: `Door ${c.number}` })), "Any door");
  }

  function drawAudit(lines) {
    document.getElementById("audit").replaceChildren(...lines.map((a) => el("tr", { "data-action": a.action },
      el("td", {}, time(a.at)), el("td", { text: a.who }), el("td", { text: a.what }),
      el("td", { text: a.compartment ?? "" }))));
    document.getElementById("audit-count").textContent = `${lines.length} entries${Object.keys(auditFilter).length ? " (filtered)" : ""}`;
  }

  async function loadAudit() {
    const query = new URLSearchParams(auditFilter).toString();
    drawAudit(await api(`/lockers/${encodeURIComponent(lockerId)}/audit${query ? "?" + query : ""}`));
  }

  document.getElementById("audit-filter").addEventListener("submit", async (e) => {
    e.preventDefault();
    auditFilter = {};
    for (const [key, id] of [["category", "audit-category"], ["who", "audit-who"], ["compartment", "audit-door"]]) {
      const value = document.getElementById(id).value;
      if (value) auditFilter[key] = value;
    }
    await loadAudit();
  });

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
      announce(`Door ${update.data.compartment} ${doorWords[update.data.state] || update.data.state}`);
    } else if (update.topic === "alarm" && update.lockerId === lockerId) {
      announce(`Alarm ${update.data.change.replaceAll("_", " ")}: ${update.data.kind.replaceAll("_", " ")}`);
    } else if (update.topic === "command" && update.lockerId === lockerId) {
      showCommand(update.data);
    }
    if (update.lockerId === lockerId && view && update.topic !== "telemetry") reloadSoon();
    if (update.lockerId === lockerId && view && update.topic === "telemetry") {
      view.telemetry = update.data;
      view.lastContact = update.at;
      drawTelemetry();
      document.getElementById("last-contact").replaceChildren(time(update.at));
    }
  }, load);
  await load();
  if (selected !== null) drawPanel();
  document.body.dataset.ready = "true";
})();
