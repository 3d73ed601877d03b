// Renders an alarm list with acknowledge buttons; shared by the fleet and locker pages.
"use strict";

const AlarmList = (() => {
  const { el, time, api, canMaintain, announce } = Lockers;

  function render(list, alarms, onChanged, showLocker) {
    if (alarms.length === 0) {
      list.replaceChildren(el("li", { class: "none", text: "No alarms." }));
      return;
    }
    list.replaceChildren(...alarms.map((alarm) => item(alarm, onChanged, showLocker)));
  }

  function item(alarm, onChanged, showLocker) {
    const where = (showLocker ? alarm.lockerId : "") + (alarm.compartment ? ` door ${alarm.compartment}` : "");
    const title = `${alarm.kind.replaceAll("_", " ")}${where ? " - " + where.trim() : ""}`;
    const li = el("li", {
      class: `alarm severity-${alarm.severity} state-${alarm.state}`,
      "data-alarm-id": alarm.id, "data-kind": alarm.kind, "data-state": alarm.state,
    });
    const heading = showLocker
      ? el("a", { href: "locker.html?id=" + encodeURIComponent(alarm.lockerId), text: title })
      : el("strong", { text: title });
    li.append(
      el("span", { class: "badge", text: alarm.severity }), " ", heading,
      el("p", { text: alarm.detail }),
      el("p", { class: "meta", text: `first ${time(alarm.firstSeen)}, last ${time(alarm.lastSeen)}` +
        (alarm.occurrences > 1 ? `, ${alarm.occurrences} times` : "") }),
    );
    if (alarm.acknowledgedBy) {
      li.append(el("p", { class: "meta ack", text: `acknowledged by ${alarm.acknowledgedBy} ${time(alarm.acknowledgedAt)}` }));
    } else if (alarm.state !== "cleared" && canMaintain()) {
      const button = el("button", { type: "button", text: "Acknowledge", "aria-label": `Acknowledge ${title}` });
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          await api(`/alarms/${alarm.id}/acknowledge`, { method: "POST" });
          announce(`Alarm ${title} acknowledged`);
          onChanged();
        } catch (e) {
          announce(e.message);
          button.disabled = false;
        }
      });
      li.append(button);
    }
    if (alarm.clearedAt) {
      li.append(el("p", { class: "meta", text: `cleared ${time(alarm.clearedAt)}` }));
    }
    return li;
  }

  return { render };
})();
