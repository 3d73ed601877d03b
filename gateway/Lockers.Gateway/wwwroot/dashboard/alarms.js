// Renders an alarm list with acknowledge buttons; shared by the fleet and locker pages. Unacknowledged alarms stand out
// (a bold edge and "needs acknowledgement"); acknowledged ones are quieter and say who saw them. Keyboard focus stays
// on the alarm it was on when the list is redrawn (a live update, an acknowledgement).
"use strict";

const AlarmList = (() => {
  const { el, time, api, canMaintain, announce, redraw } = Lockers;

  const stateWords = {
    raised: "needs acknowledgement",
    condition_ended: "condition ended, needs acknowledgement to clear",
    acknowledged: "acknowledged",
    cleared: "cleared",
  };

  function render(list, alarms, onChanged, showLocker) {
    const heading = document.getElementById(list.getAttribute("aria-labelledby") || "") || list.previousElementSibling;
    redraw(list, () => {
      if (alarms.length === 0) {
        list.replaceChildren(el("li", { class: "none", text: "No alarms." }));
        return;
      }
      list.replaceChildren(...alarms.map((alarm) => item(alarm, onChanged, showLocker)));
    }, heading);
  }

  function titleOf(alarm, showLocker) {
    const where = (showLocker ? alarm.lockerId : "") + (alarm.compartment ? ` door ${alarm.compartment}` : "");
    return `${alarm.kind.replaceAll("_", " ")}${where ? " - " + where.trim() : ""}`;
  }

  function item(alarm, onChanged, showLocker) {
    const title = titleOf(alarm, showLocker);
    const li = el("li", {
      class: `alarm severity-${alarm.severity} state-${alarm.state}`, tabindex: "-1",
      "data-alarm-id": alarm.id, "data-kind": alarm.kind, "data-state": alarm.state, "data-focus-key": `alarm-${alarm.id}`,
    });
    const heading = showLocker
      ? el("a", { href: "locker.html?id=" + encodeURIComponent(alarm.lockerId), text: title, "data-focus-key": `alarm-link-${alarm.id}` })
      : el("strong", { text: title });
    li.append(
      el("span", { class: "badge", text: alarm.severity }), " ", heading, " ",
      el("span", { class: "alarm-state", text: stateWords[alarm.state] || alarm.state }),
      el("p", { text: alarm.detail }),
    );
    const meta = el("p", { class: "meta" }, "first ", time(alarm.firstSeen), ", last ", time(alarm.lastSeen),
      alarm.occurrences > 1 ? `, ${alarm.occurrences} times` : "");
    li.append(meta);
    if (alarm.until && alarm.state !== "cleared") {
      li.append(el("p", { class: "meta" }, "until ", time(alarm.until)));
    }
    if (alarm.followsAlarmId) {
      li.append(el("p", { class: "meta", text: `follows alarm #${alarm.followsAlarmId} on the same door` }));
    }
    if (alarm.conditionEndedAt && !alarm.clearedAt) {
      li.append(el("p", { class: "meta" }, "condition ended ", time(alarm.conditionEndedAt),
        "; it stays until someone acknowledges it"));
    }
    if (alarm.acknowledgedBy) {
      li.append(el("p", { class: "meta ack" }, `\u2713 acknowledged by ${alarm.acknowledgedBy} `, time(alarm.acknowledgedAt)));
    } else if (alarm.state !== "cleared" && canMaintain()) {
      const button = el("button", {
        type: "button", text: "Acknowledge", "aria-label": `Acknowledge ${title}`,
        "data-focus-key": `ack-${alarm.id}`, "data-focus-next": `alarm-${alarm.id}`,
      });
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          await api(`/alarms/${alarm.id}/acknowledge`, { method: "POST" });
          announce(`Alarm ${title} acknowledged`);
          li.focus(); // the button goes away with the redraw; the alarm itself keeps the focus
          onChanged();
        } catch (e) {
          announce(e.message);
          button.disabled = false;
        }
      });
      li.append(button);
    }
    if (alarm.clearedAt) {
      li.append(el("p", { class: "meta" }, "cleared ", time(alarm.clearedAt)));
    }
    return li;
  }

  return { render };
})();
