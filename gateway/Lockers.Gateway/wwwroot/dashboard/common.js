// Shared by every dashboard page: the session, API calls with the anti-forgery token, small DOM helpers.
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
    slot.replaceChildren(el("a", { href: "holds.html", text: "Unlock holds" }), " ",
      el("span", { text: `${s.user} (${s.role})`, "data-role": s.role }));
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

  function time(value) {
    if (!value) return "never";
    return new Date(value).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" });
  }

  // Screen readers hear live changes through the page's polite live region.
  function announce(message) {
    const region = document.getElementById("announcer");
    if (region) region.textContent = message;
  }

  // Both pages show the stream's state in their #live indicator.
  function showLiveState(state) {
    const live = document.getElementById("live");
    if (!live) return;
    live.dataset.state = state;
    live.textContent = state === "connected" ? "live" : state;
  }

  function events(lockerId, onUpdate, onState = showLiveState) {
    const url = "/dashboard/api/events" + (lockerId ? "?locker=" + encodeURIComponent(lockerId) : "");
    const source = new EventSource(url);
    const topics = ["hello", "door", "telemetry", "status", "alarm", "command", "service", "parcel", "hold"];
    for (const topic of topics) {
      source.addEventListener(topic, (e) => {
        if (topic === "hello") onState("connected");
        else onUpdate(JSON.parse(e.data));
      });
    }
    source.onerror = () => onState("reconnecting");
    return source;
  }

  return { session, requireSession, api, canMaintain, el, time, announce, events };
})();
