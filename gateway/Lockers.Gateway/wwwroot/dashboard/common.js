// Shared by every dashboard page: the session, API calls with the anti-forgery token, the live stream, times with their
// age, confirmations, and keeping keyboard focus across redraws.
"use strict";

const Lockers = (() => {
  let csrfToken = null;
  let currentSession = null;

  function signInUrl() {
    const next = location.pathname + location.search;
    return "/dashboard/sign-in.html?next=" + encodeURIComponent(next);
  }

  async function session() {
    const response = await fetch("/dashboard/api/session", { credentials: "same-origin" });
    currentSession = await response.json();
    csrfToken = currentSession.csrfToken;
    return currentSession;
  }

  // Pages other than sign-in call this first: no session, no page.
  // Never settles while the browser leaves for the sign-in page, so the page's script simply stops.
  const leaving = () => new Promise(() => {});

  async function requireSession() {
    const s = await session();
    if (!s.signedIn) {
      location.replace(signInUrl());
      return leaving();
    }
    renderUser(s);
    return s;
  }

  async function api(path, options = {}) {
    const init = { method: options.method || "GET", credentials: "same-origin", headers: {} };
    if (init.method !== "GET") {
      init.headers["X-CSRF-TOKEN"] = csrfToken;
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.body || {});
    }
    const response = await fetch("/dashboard/api" + path, init);
    if (response.status === 401 && path !== "/sign-in") {
      location.replace(signInUrl());
      return leaving();
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const message = (data && (data.title || data.detail)) || response.statusText;
      throw new Error(message);
    }
    return data;
  }

  function canMaintain() {
    return currentSession && (currentSession.role === "maintenance" || currentSession.role === "admin");
  }

  function renderUser(s) {
    const slot = document.getElementById("user");
    if (!slot) return;
    slot.replaceChildren(el("span", { text: `${s.user} (${s.role})`, "data-role": s.role }));
    const out = el("button", { type: "button", text: "Sign out", class: "link" });
    out.addEventListener("click", async () => {
      await api("/sign-out", { method: "POST" });
      location.assign("/dashboard/sign-in.html");
    });
    slot.append(" ", out);
  }

  // el("li", { class: "x", text: "hi", "aria-label": "..." }, child, ...)
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    node.append(...children);
    return node;
  }

  // Times are shown in the viewer's own time zone, with their age ("5 min ago", "in 30 s"), which keeps counting.
  function age(date, now = Date.now()) {
    const seconds = Math.round((now - date.getTime()) / 1000);
    const span = Math.abs(seconds);
    const words = span < 5 ? "just now"
      : span < 60 ? `${span} s`
      : span < 3600 ? `${Math.floor(span / 60)} min`
      : span < 86400 ? `${Math.floor(span / 3600)} h ${Math.floor((span % 3600) / 60)} min`
      : `${Math.floor(span / 86400)} d`;
    if (words === "just now") return words;
    return seconds >= 0 ? `${words} ago` : `in ${words}`;
  }

  function timeText(date) {
    return `${date.toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" })} (${age(date)})`;
  }

  // A <time> element that the page's clock keeps up to date; "never" when there is no time.
  function time(value) {
    if (!value) return el("span", { text: "never" });
    const date = new Date(value);
    return el("time", { datetime: date.toISOString(), "data-age": "", text: timeText(date) });
  }

  function refreshAges() {
    for (const node of document.querySelectorAll("time[data-age]")) {
      node.textContent = timeText(new Date(node.getAttribute("datetime")));
    }
  }
  setInterval(refreshAges, 5000);

  // "81 KB": free memory and the like in units a person reads at a glance.
  function bytes(count) {
    if (count === null || count === undefined) return "-";
    if (count < 1024) return `${count} bytes`;
    if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KB`;
    return `${(count / 1024 / 1024).toFixed(1)} MB`;
  }

  // Screen readers hear live changes through the page's polite live region.
  function announce(message) {
    const region = document.getElementById("announcer");
    if (region) region.textContent = message;
  }

  // Both pages show the stream's state in their #live indicator: live, or reconnecting with the time of the last update.
  let lastUpdate = null;
  function showLiveState(state) {
    const live = document.getElementById("live");
    if (!live) return;
    live.dataset.state = state;
    live.textContent = state === "connected" ? "live"
      : state === "reconnecting" ? `reconnecting${lastUpdate ? ", last update " + lastUpdate.toLocaleTimeString() : ""}` : state;
  }

  // The live stream. After any reconnect (a gateway restart, a network drop, a stream the gateway ended) the page's
  // state is stale: onReconnected reloads it. A stream the browser gave up on (an error answer) is opened again.
  function events(lockerId, onUpdate, onReconnected, onState = showLiveState) {
    const url = "/dashboard/api/events" + (lockerId ? "?locker=" + encodeURIComponent(lockerId) : "");
    const topics = ["door", "telemetry", "status", "alarm", "command", "service", "parcel"];
    let hellos = 0;
    let retry = 1000;
    let source = null;
    function open() {
      source = new EventSource(url);
      source.addEventListener("hello", () => {
        retry = 1000;
        lastUpdate = new Date();
        onState("connected");
        if (hellos++ > 0 && onReconnected) onReconnected();
      });
      for (const topic of topics) {
        source.addEventListener(topic, (e) => {
          lastUpdate = new Date();
          onUpdate(JSON.parse(e.data));
        });
      }
      source.onerror = () => {
        onState("reconnecting");
        if (source.readyState === EventSource.CLOSED) {
          // The browser does not retry after an error answer (a 401 after the session ended, a 502 from a proxy).
          setTimeout(async () => {
            await session();
            if (!currentSession.signedIn) location.replace(signInUrl());
            else open();
          }, retry);
          retry = Math.min(retry * 2, 30000);
        }
      };
    }
    open();
    return { close: () => source.close() };
  }

  // Redraws a container without losing keyboard focus: the focused element's data-focus-key is found again in the new
  // content; if that element is gone (an alarm acknowledged, its button removed), focus goes to the element named by
  // its data-focus-next, else to the container's fallback. Never to <body>.
  function redraw(container, draw, fallback) {
    const active = document.activeElement;
    const inside = active && active !== document.body && container.contains(active);
    const key = inside ? active.dataset.focusKey : null;
    const next = inside ? active.dataset.focusNext : null;
    draw();
    if (!inside) return;
    const again = (key && container.querySelector(`[data-focus-key="${CSS.escape(key)}"]`))
      || (next && container.querySelector(`[data-focus-key="${CSS.escape(next)}"]`))
      || fallback;
    if (again) again.focus();
  }

  // Asks before a risky action, saying what it will do. Resolves true when confirmed. Escape or Cancel resolve false.
  function confirm({ title, lines, action }) {
    return new Promise((resolve) => {
      const opener = document.activeElement;
      const heading = el("h2", { id: "confirm-title", text: title });
      const cancel = el("button", { type: "button", class: "secondary", text: "Cancel" });
      const go = el("button", { type: "button", class: "danger", text: action });
      const dialog = el("dialog", { class: "confirm", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-body" },
        heading, el("div", { id: "confirm-body" }, ...lines.map((line) => el("p", { text: line }))),
        el("div", { class: "buttons" }, cancel, go));
      let answer = false;
      cancel.addEventListener("click", () => dialog.close());
      go.addEventListener("click", () => { answer = true; dialog.close(); });
      dialog.addEventListener("close", () => {
        dialog.remove();
        if (opener && opener.isConnected) opener.focus();
        resolve(answer);
      });
      document.body.append(dialog);
      dialog.showModal();
      cancel.focus();
    });
  }

  return { session, requireSession, api, canMaintain, el, time, age, bytes, announce, events, redraw, confirm, refreshAges };
})();
