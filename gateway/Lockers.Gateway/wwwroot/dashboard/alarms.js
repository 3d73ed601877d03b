// Renders an alarm list with acknowledge buttons; shared by the fleet and locker pages. Unacknowledged alarms stand out
// (a bold edge and "needs acknowledgement"); acknowledged ones are quieter and say who saw them. Keyboard focus stays
// on the alarm it was on when the list is redrawn (a live update, an acknowledgement).
"use strict";

const AlarmList = (() => {
  const { el, time, api, canMaintain, announce, redraw, t } = Lockers;

  // Kinds, severities and states are the gateway's codes; their words are keys (Alarm.Kind.door_forced). A code the
  // page has no words for (a kind added later) is shown as it comes.
  const kindWords = (kind) => Lockers.word("Alarm.Kind", kind);
  const severityWords = (severity) => Lockers.word("Severity", severity);
  const stateWords = (state) => Lockers.word("Alarm.State", state);

  function render(list, alarms, onChanged, showLocker) {
    const heading = document.getElementById(list.getAttribute("aria-labelledby") || "") || list.previousElementSibling;
    redraw(list, () => {
      if (alarms.length === 0) {
        list.replaceChildren(el("li", { class: "none", text: t("Alarm.None") }));
        return;
      }
      list.replaceChildren(...alarms.map((alarm) => item(alarm, onChanged, showLocker)));
    }, heading);
  }

  function titleOf(alarm, showLocker) {
    const door = alarm.compartment ? t("Alarm.Door", alarm.compartment) : "";
    const where = [showLocker ? alarm.lockerId : "", door].filter(Boolean).join(" ");
    return where ? t("Alarm.TitleWhere", kindWords(alarm.kind), where) : kindWords(alarm.kind);
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
      el("span", { class: "badge", text: severityWords(alarm.severity) }), " ", heading, " ",
      el("span", { class: "alarm-state", text: stateWords(alarm.state) }),
      el("p", { text: alarm.detail }),
    );
    const meta = el("p", { class: "meta" }, t("Alarm.First"), " ", time(alarm.firstSeen), t("Alarm.Separator"), t("Alarm.Last"), " ",
      time(alarm.lastSeen), alarm.occurrences > 1 ? t("Alarm.Separator") + t("Alarm.Times", alarm.occurrences) : "");
    li.append(meta);
    if (alarm.until && alarm.state !== "cleared") {
      li.append(el("p", { class: "meta" }, t("Alarm.Until"), " ", time(alarm.until)));
    }
    if (alarm.followsAlarmId) {
      li.append(el("p", { class: "meta", text: t("Alarm.Follows", String(alarm.followsAlarmId)) }));
    }
    if (alarm.conditionEndedAt && !alarm.clearedAt) {
      li.append(el("p", { class: "meta" }, t("Alarm.ConditionEnded"), " ", time(alarm.conditionEndedAt), t("Alarm.StaysUntilAcknowledged")));
    }
    if (alarm.acknowledgedBy) {
      li.append(el("p", { class: "meta ack" }, "\u2713 " + t("Alarm.AcknowledgedBy", alarm.acknowledgedBy) + " ", time(alarm.acknowledgedAt)));
    } else if (alarm.state !== "cleared" && canMaintain()) {
      const button = el("button", {
        type: "button", text: t("Alarm.Acknowledge"), "aria-label": t("Alarm.AcknowledgeThis", title),
        "data-focus-key": `ack-${alarm.id}`, "data-focus-next": `alarm-${alarm.id}`,
      });
      button.addEventListener("click", async () => {
        button.disabled = true;
        try {
          await api(`/alarms/${alarm.id}/acknowledge`, { method: "POST" });
          announce(t("Alarm.Acknowledged", title));
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
      li.append(el("p", { class: "meta" }, t("Alarm.Cleared"), " ", time(alarm.clearedAt)));
    }
    return li;
  }

  return { render, kindWords };
})();
