"use strict";

(async () => {
  const { el, time, bytes, number, api, events, announce, canMaintain, redraw, confirm, t, word } = Lockers;
  const params = new URLSearchParams(location.search);
  const lockerId = params.get("id");
  await Lockers.requireSession();
  let view = null;
  let selected = params.get("door") ? Number(params.get("door")) : null;
  let auditFilter = {};

  const sizes = { S: 1, M: 2, L: 3, XL: 4 };
  const alarming = ["forced", "jammed", "left_open"];
  // The gateway's codes (door states, occupancy, statuses) in words: keys, else the code as it comes.
  const doorWords = (door) => word("Door", door);
  const occupancyWords = (occupancy) => word("Occupancy", occupancy);
  const statusWords = (status) => word("ParcelStatus", status);
  const moveSteps = ["requested", "source_opened", "target_opened"];
  // What each command status means for the person who asked (the gateway may add statuses: they are shown as they come).
  const commandWords = (c) => {
    if (c.status === "failed") return c.reason ? t("Command.failedBecause", c.compartment, word("Reason", c.reason)) : t("Command.failed", c.compartment);
    return Lockers.hasText("Command." + c.status) ? t("Command." + c.status, c.compartment) : t("Command.Other", c.compartment, c.status);
  };

  // Live updates and actions each reload; answers can arrive out of order, and only the latest request may draw
  // (an older answer would put back a door state from before the update that triggered the newer one).
  let loads = 0;
  // The remote open this page asked for and is telling the outcome of.
  let pendingOpen = null;
  async function load() {
    const mine = ++loads;
    const fresh = await api("/lockers/" + encodeURIComponent(lockerId));
    if (mine !== loads) return;
    view = fresh;
    drawHeader();
    drawGrid();
    drawPanel();
    drawTelemetry();
    // The answer to a remote open may have come while the open was still being posted (before its id was known here):
    // every reload shows the pending open's latest state, so the page never stays at "waiting for the locker".
    if (pendingOpen) showCommand(view.commands.find((x) => x.commandId === pendingOpen.commandId));
    AlarmList.render(document.getElementById("alarms"), view.alarms, load, false);
    drawAuditChoices();
    if (Object.keys(auditFilter).length === 0) drawAudit(view.audit);
    else await loadAudit();
  }

  function drawHeader() {
    document.title = t("Locker.PageTitleOf", view.lockerName);
    document.getElementById("crumb").textContent = view.lockerName;
    document.getElementById("title").textContent = t("Common.NameId", view.lockerName, view.lockerId);
    const state = view.online ? "online" : "offline";
    document.getElementById("summary").replaceChildren(
      view.siteName, t("Locker.SummarySeparator"), el("span", { id: "online", class: "state " + state, text: t("State." + state) }),
      t("Locker.SummarySeparator"), t("Locker.LastContact"), " ", el("span", { id: "last-contact" }, time(view.lastContact)),
      t("Locker.SummarySeparator"), t("Locker.FirmwareVersion", view.firmware || t("Locker.FirmwareUnknown")));
  }

  function doorClass(door) {
    return alarming.includes(door) ? "door-alarm" : door === "opened" ? "door-opened" : door === "unknown" ? "door-unknown" : "door-closed";
  }

  function describeParcel(c) {
    if (!c.parcel) return occupancyWords(c.occupancy);
    const p = c.parcel;
    if (p.movingHere) return t("Grid.MovingHere", p.parcelReference);
    if (c.occupancy === "emptying") return t("Grid.Emptying", p.parcelReference);
    return t(c.occupancy === "parcel" ? "Grid.Parcel" : "Grid.BookedFor", p.parcelReference);
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
      el("span", { class: "visually-hidden", text: t("Grid.Compartment") }),
      el("span", { class: "number", text: c.number }),
      el("span", { class: "visually-hidden", text: t("Grid.Size") }),
      el("span", { class: "size", text: c.size }),
      el("span", { class: "visually-hidden", text: t("Grid.Door") }),
      el("span", { class: "door" }, mark ? el("span", { class: "mark", "aria-hidden": "true", text: mark + " " }) : "", doorWords(c.door)),
      el("span", { class: "visually-hidden", text: t("Grid.Then") }),
      el("span", { class: "occupancy", text: describeParcel(c) }),
      c.inService ? "" : el("span", { class: "service", text: t("Grid.OutOfService") }));
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
      ["Facts.Parcel", p.parcelReference], ["Facts.Reservation", p.reservationId], ["Facts.Status", statusWords(p.status)],
      ["Facts.ParcelSize", p.size],
    ];
    const rows = facts.flatMap(([k, v]) => [el("dt", { text: t(k) }), el("dd", { text: v })]);
    if (p.depositedAt) rows.push(el("dt", { text: t("Facts.Deposited") }), el("dd", {}, time(p.depositedAt)));
    if (p.pickupDeadline) {
      rows.push(el("dt", { text: t("Facts.PickupDeadline") }),
        el("dd", {}, time(p.pickupDeadline), p.pickupWindowPaused ? t("Facts.Paused") : ""));
    }
    return rows;
  }

  function drawMoveProgress(c) {
    const box = document.getElementById("move-progress");
    const move = c.parcel && c.parcel.move;
    box.hidden = !move;
    if (!move) return box.replaceChildren();
    const at = moveSteps.indexOf(move.step);
    const steps = el("ol", { class: "steps" }, ...moveSteps.map((step, i) =>
      el("li", { class: i < at ? "done" : i === at ? "current" : "todo", "aria-current": i === at ? "step" : null,
        text: (i < at ? "\u2713 " : "") + t("Move.Step." + step) })));
    const children = [el("h3", { text: t("Move.Heading", c.parcel.parcelReference, move.from, move.to) }), steps,
      el("p", { class: "meta", text: t("Move.CodeFollows") })];
    if (!c.parcel.movingHere && canMaintain()) {
      const again = el("button", { type: "button", class: "secondary", id: "move-again", "data-focus-key": "move-again",
        text: t("Move.OpenAgain", move.waitingDoor) });
      again.addEventListener("click", () => act(base() + "/move/open-again", {}, "move-result", (d) => unlockOf(d)));
      children.push(again);
      if (move.step !== "target_opened") {
        const cancel = el("button", { type: "button", class: "secondary", id: "move-cancel", "data-focus-key": "move-cancel", text: t("Move.Cancel") });
        cancel.addEventListener("click", async () => {
          const ok = await confirm({ title: t("Move.CancelTitle"), action: t("Move.Cancel"),
            lines: [t("Move.CancelLine", c.parcel.parcelReference, c.number)] });
          if (ok) act(base() + "/move/cancel", {}, "move-result", () => t("Move.Cancelled", c.parcel.parcelReference, c.number));
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
    document.getElementById("panel-title").textContent = t("Panel.HeadingN", c.number);
    document.getElementById("panel-facts").replaceChildren(
      el("dt", { text: t("Facts.Size") }), el("dd", { text: c.accessible ? t("Facts.SizeAccessible", c.size) : c.size }),
      el("dt", { text: t("Facts.Door") }), el("dd", {}, doorWords(c.door), ...(c.doorReportedAt ? [" \u00B7 ", time(c.doorReportedAt)] : [])),
      el("dt", { text: t("Facts.Contents") }), el("dd", { text: occupancyWords(c.occupancy) }),
      el("dt", { text: t("Facts.Service") }), el("dd", { text: t(c.inService ? "Facts.InService" : "Facts.OutOfService") }),
      ...parcelFacts(c.parcel));
    redraw(panel, () => drawMoveProgress(c), document.getElementById("panel-title"));
    const actions = document.getElementById("actions");
    actions.hidden = !canMaintain();
    if (!canMaintain()) {
      document.getElementById("panel-message").textContent = t("Panel.ViewerOnly");
      return;
    }
    document.getElementById("service-button").textContent = t(c.inService ? "Panel.TakeOut" : "Panel.Return");
    const moveForm = document.getElementById("move-form");
    const targets = view.compartments.filter((x) =>
      x.number !== c.number && x.occupancy === "empty" && x.inService && sizes[x.size] >= sizes[c.size]);
    moveForm.hidden = c.occupancy !== "parcel" || targets.length === 0 || !!(c.parcel && c.parcel.move);
    document.getElementById("move-target").replaceChildren(
      ...targets.map((target) => el("option", { value: target.number, text: t("Panel.MoveOption", target.number, target.size) })));
  }

  // Runs an action and shows its outcome where it was taken (the region beside its button), and to screen readers.
  async function act(path, body, resultId, describe) {
    const result = document.getElementById(resultId);
    result.textContent = t("Act.Working");
    result.dataset.outcome = "working";
    try {
      const data = await api(path, { method: "POST", body });
      result.textContent = describe(data || {});
      result.dataset.outcome = "done";
      announce(result.textContent);
      await load();
      return data;
    } catch (e) {
      result.textContent = t("Act.NotDone", e.message);
      result.dataset.outcome = "failed";
      announce(result.textContent);
      return null;
    }
  }

  const base = () => `/lockers/${encodeURIComponent(lockerId)}/compartments/${selected}`;
  const current = () => view.compartments.find((x) => x.number === selected);
  const parcelLine = (c) => c.parcel
    ? (c.occupancy === "emptying"
      ? t("Open.Emptying", c.parcel.parcelReference, statusWords(c.parcel.status))
      : c.occupancy === "parcel"
      ? t("Open.Holds", c.parcel.parcelReference, statusWords(c.parcel.status))
      : t("Open.Booked", c.parcel.parcelReference))
    : t("Open.Empty");
  // "Unlock of dash-a/3 sent": the answer of a move's unlock (the door, and whether the command reached the broker).
  const unlockOf = (d) => d.reason ? t("Move.UnlockReason", d.opening, word("Send", d.status), d.reason) : t("Move.Unlock", d.opening, word("Send", d.status));

  document.getElementById("open-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const reason = document.getElementById("open-reason");
    if (!reason.reportValidity()) return;
    const c = current();
    const ok = await confirm({ title: t("Open.Title", c.number, view.lockerName), action: t("Open.Action", c.number),
      lines: [parcelLine(c), t("Open.Warning"), c.inService ? "" : t("Open.Override")].filter(Boolean) });
    if (!ok) return;
    const data = await act(base() + "/open", { reason: reason.value }, "open-result", (d) => commandWords({ compartment: c.number, ...d }));
    if (data) {
      reason.value = "";
      pendingOpen = { commandId: data.commandId, compartment: c.number };
      showCommand(view.commands.find((x) => x.commandId === data.commandId));
    }
  });

  function showCommand(command) {
    if (!command || !pendingOpen || command.commandId !== pendingOpen.commandId) return;
    const result = document.getElementById("open-result");
    result.textContent = commandWords(command);
    result.dataset.outcome = command.status;
    announce(result.textContent);
  }

  document.getElementById("service-button").addEventListener("click", async () => {
    const c = current();
    const out = c.inService;
    const lines = out
      ? [c.occupancy === "parcel" ? t("Service.ParcelInside", c.parcel.parcelReference)
        : c.occupancy === "reserved" ? t("Service.Booked", c.parcel.parcelReference)
        : t("Service.Empty"),
        t("Service.StopsOpening")]
      : [t("Service.OpensAgain")];
    const ok = await confirm({ title: t(out ? "Service.TakeOutTitle" : "Service.ReturnTitle", c.number),
      action: t(out ? "Panel.TakeOut" : "Panel.Return"), lines });
    if (ok) act(base() + "/service", { inService: !c.inService }, "service-result", (d) => d.summary);
  });

  document.getElementById("move-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const c = current();
    const to = Number(document.getElementById("move-target").value);
    const ok = await confirm({ title: t("Move.Title", c.parcel.parcelReference, to), action: t("Move.Start"),
      lines: [t("Move.LineOut", c.number), t("Move.LineIn", to), t("Move.LineCode")] });
    if (ok) {
      act(base() + "/move", { toLocker: lockerId, toCompartment: to }, "move-result", (d) => t("Move.Started", unlockOf(d)));
    }
  });

  for (const [id, inService] of [["locker-out", false], ["locker-in", true]]) {
    const button = document.getElementById(id);
    button.hidden = !canMaintain();
    button.addEventListener("click", async () => {
      const parcels = view.compartments.filter((c) => c.occupancy === "parcel");
      const booked = view.compartments.filter((c) => c.occupancy === "reserved");
      const references = (list) => list.map((c) => c.parcel.parcelReference).join(t("Common.ListSeparator"));
      const lines = inService ? [t("Whole.OpensAgain")] : [
        parcels.length ? t(parcels.length === 1 ? "Whole.ParcelInside" : "Whole.ParcelsInside", parcels.length, references(parcels)) : t("Whole.NoParcels"),
        booked.length ? t(booked.length === 1 ? "Whole.Booking" : "Whole.Bookings", booked.length) : t("Whole.NoBookings"),
        t("Whole.LockerShows")];
      const ok = await confirm({ title: inService ? t("Whole.ReturnTitle") : t("Whole.TakeOutTitle", view.lockerName),
        action: t(inService ? "Panel.Return" : "Panel.TakeOut"), lines });
      if (ok) act(`/lockers/${encodeURIComponent(lockerId)}/service`, { inService }, "locker-result", (d) => d.summary);
    });
  }

  function drawTelemetry() {
    const s = view.telemetry;
    const facts = s ? [
      ["Telemetry.Uptime", number(Math.round(s.uptimeMs / 60000), { style: "unit", unit: "minute", unitDisplay: "long" })],
      ["Telemetry.FreeMemory", bytes(s.freeMemoryBytes)],
      ["Telemetry.Signal", s.signalDbm === null ? "-" : t("Unit.Dbm", s.signalDbm)],
      ["Telemetry.Supply", s.supplyMv === null ? "-" : t("Unit.Volts", number(s.supplyMv / 1000, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))],
      ["Telemetry.Temperature", s.temperatureC === null ? "-" : number(s.temperatureC, { style: "unit", unit: "celsius" })],
      ["Telemetry.Firmware", s.firmware],
      ["Telemetry.Journal", t("Telemetry.JournalFigures", s.journalDepth, s.droppedEvents)], ["Telemetry.Sample", time(s.at)],
    ] : [["Telemetry.Heading", t("Telemetry.None")]];
    document.getElementById("telemetry").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", { text: t(k) }), el("dd", {}, v)]));
    const points = (pick) => view.telemetryHistory.map((sample) => ({ at: Date.parse(sample.at), value: pick(sample) }));
    document.getElementById("charts").replaceChildren(
      Sparkline.draw(t("Telemetry.Supply"), "mV", points((sample) => sample.supplyMv)),
      Sparkline.draw(t("Telemetry.Temperature"), "°C", points((sample) => sample.temperatureC)),
      Sparkline.draw(t("Telemetry.Signal"), "dBm", points((sample) => sample.signalDbm)));
  }

  function drawAuditChoices() {
    const fill = (id, choices, first) => {
      const select = document.getElementById(id);
      const value = select.value;
      select.replaceChildren(el("option", { value: "", text: first }), ...choices.map((c) => el("option", { value: c.key, text: c.label })));
      select.value = value;
    };
    fill("audit-category", view.auditCategories, t("Audit.Everything"));
    fill("audit-who", view.auditWho, t("Audit.Anyone"));
    fill("audit-door", view.compartments.map((c) => ({ key: String(c.number), label: t("Audit.DoorN", c.number) })), t("Audit.AnyDoor"));
  }

  function drawAudit(lines) {
    document.getElementById("audit").replaceChildren(...lines.map((a) => el("tr", { "data-action": a.action },
      el("td", {}, time(a.at)), el("td", { text: a.who }), el("td", { text: a.what }),
      el("td", { text: a.compartment ?? "" }))));
    document.getElementById("audit-count").textContent = t(Object.keys(auditFilter).length ? "Audit.CountFiltered" : "Audit.Count", lines.length);
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
        c.doorReportedAt = update.at;
        drawGrid();
        drawPanel();
      }
      announce(t("Announce.Door", update.data.compartment, doorWords(update.data.state)));
    } else if (update.topic === "alarm" && update.lockerId === lockerId) {
      announce(t("Announce.Alarm", word("Alarm.Change", update.data.change), AlarmList.kindWords(update.data.kind)));
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
