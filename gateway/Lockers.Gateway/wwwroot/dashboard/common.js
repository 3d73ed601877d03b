// Shared by every dashboard page: the session, the staff member's language and its texts, API calls with the
// anti-forgery token, the live stream, times with their age, confirmations, and keeping keyboard focus across redraws.
"use strict";

const Lockers = (() => {
  let csrfToken = null;
  let currentSession = null;

  // Texts: the pages hold keys (markup: data-t="Key", data-t-placeholder, data-t-aria-label; scripts: t("Key", ...)); the
  // sentences live in Localization/DashboardTexts*.resx, served as /i18n/dashboard.<lang>.json. The gateway picks the
  // language (the staff member's switch, remembered in a cookie; else Accept-Language; else English) and says it in the
  // session answer, so the page and the API's own words (audit, alarm details, refusals) agree.
  const languages = [["ja", "日本語"], ["en", "English"], ["zh", "中文"]];
  let language = "en";
  let texts = null;

  // t("Panel.HeadingN", 3) -> "Compartment 3": the text of a key with {0}, {1}.. filled in; numbers formatted for the language.
  function t(key, ...args) {
    const text = texts && texts[key];
    if (text === undefined || text === null) {
      console.error(`dashboard text '${key}' is missing`);
      return key;
    }
    return text.replace(/\{(\d)\}/g, (_, i) => {
      const value = args[Number(i)];
      return typeof value === "number" ? number(value) : String(value ?? "");
    });
  }

  // tNodes("Holds.HeldBySince", who, time(at)) -> ["held by mia since ", <time>]: the text of a key as parts to append,
  // for arguments that are elements (a <time> keeps counting its age), which t() would print as "[object ...]".
  function tNodes(key, ...args) {
    const text = t(key, ...args.map((arg, i) => (arg instanceof Node ? `\u0000${i}\u0000` : arg)));
    return text.split(/\u0000(\d)\u0000/).map((part, i) => (i % 2 ? args[Number(part)] : part)).filter((part) => part !== "");
  }

  // The locale for dates and numbers: the browser's own when it speaks the chosen language (en-GB writes 4/3), else the
  // language's usual one.
  function locale() {
    const own = (navigator.languages || []).find((tag) => tag.split("-")[0].toLowerCase() === language);
    return own || { ja: "ja-JP", zh: "zh-CN", en: "en-US" }[language];
  }

  function number(value, options) {
    return new Intl.NumberFormat(locale(), options).format(value);
  }

  // The words for one of the gateway's codes (a door state, an alarm kind): the key prefix.code when the texts have it,
  // else the code as it comes, so a code added to the gateway later still shows.
  function word(prefix, code) {
    const key = `${prefix}.${code}`;
    return texts && Object.prototype.hasOwnProperty.call(texts, key) ? t(key) : String(code).replaceAll("_", " ");
  }

  async function loadTexts(wanted) {
    language = wanted || "en";
    const response = await fetch(`/i18n/dashboard.${language}.json`, { credentials: "same-origin" });
    texts = await response.json();
    document.documentElement.lang = language === "zh" ? "zh-Hans" : language;
    translate(document);
    drawLanguageSwitch();
    const live = document.getElementById("live");
    if (live) showLiveState(live.dataset.state);
  }

  function translate(root) {
    for (const node of root.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
    for (const node of root.querySelectorAll("[data-t-placeholder]")) node.placeholder = t(node.dataset.tPlaceholder);
    for (const node of root.querySelectorAll("[data-t-aria-label]")) node.setAttribute("aria-label", t(node.dataset.tAriaLabel));
  }

  // The switch: each language named in itself (and marked with its lang, for screen readers); the chosen one is pressed.
  // Choosing asks the gateway to remember it (a cookie) and reloads the page, keeping the focus on the switch.
  function drawLanguageSwitch() {
    const nav = document.getElementById("languages");
    if (!nav) return;
    nav.setAttribute("aria-label", t("Common.Language"));
    nav.replaceChildren(...languages.map(([code, name]) => {
      const button = el("button", { type: "button", class: "link", lang: code === "zh" ? "zh-Hans" : code, "data-lang": code,
        "aria-pressed": code === language ? "true" : "false", text: name });
      button.addEventListener("click", () => chooseLanguage(code));
      return button;
    }));
    const refocus = sessionStorage.getItem("lockers-focus-language");
    if (refocus) {
      sessionStorage.removeItem("lockers-focus-language");
      const again = nav.querySelector(`[data-lang="${CSS.escape(refocus)}"]`);
      if (again) again.focus();
    }
  }

  async function chooseLanguage(code) {
    await fetch("/dashboard/api/session?lang=" + encodeURIComponent(code), { credentials: "same-origin" });
    sessionStorage.setItem("lockers-focus-language", code);
    location.reload();
  }

  function signInUrl() {
    const next = location.pathname + location.search;
    return "/dashboard/sign-in.html?next=" + encodeURIComponent(next);
  }

  async function session() {
    const response = await fetch("/dashboard/api/session", { credentials: "same-origin" });
    currentSession = await response.json();
    csrfToken = currentSession.csrfToken;
    if (!texts || currentSession.language !== language) await loadTexts(currentSession.language);
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
      // The gateway words its refusals in the session's language; a bare status (a 404 without a body) gets the page's.
      const message = (data && (data.title || data.detail)) || t("Common.RequestFailed", response.status);
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
    slot.replaceChildren(el("a", { href: "holds.html", text: t("Common.Holds") }), " ",
      el("span", { text: t("Common.UserRole", s.user, t("Role." + s.role)), "data-role": s.role }));
    const out = el("button", { type: "button", text: t("Common.SignOut"), class: "link" });
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

  // Times are shown in the viewer's own time zone, formatted for the language, with their age ("5 minutes ago",
  // "5 分前", "in 30 seconds"), which keeps counting.
  function age(date, now = Date.now()) {
    const seconds = Math.round((date.getTime() - now) / 1000);
    const span = Math.abs(seconds);
    const words = new Intl.RelativeTimeFormat(locale(), { numeric: "auto" });
    if (span < 5) return words.format(0, "second");
    if (span < 60) return words.format(seconds, "second");
    if (span < 3600) return words.format(Math.trunc(seconds / 60), "minute");
    if (span < 86400) return words.format(Math.trunc(seconds / 3600), "hour");
    return words.format(Math.trunc(seconds / 86400), "day");
  }

  function dateTime(date) {
    return new Intl.DateTimeFormat(locale(), { dateStyle: "short", timeStyle: "medium" }).format(date);
  }

  function timeText(date) {
    return t("Common.TimeWithAge", dateTime(date), age(date));
  }

  // A <time> element that the page's clock keeps up to date; "never" when there is no time.
  function time(value) {
    if (!value) return el("span", { text: t("Common.Never") });
    const date = new Date(value);
    return el("time", { datetime: date.toISOString(), "data-age": "", text: timeText(date) });
  }

  function refreshAges() {
    for (const node of document.querySelectorAll("time[data-age]")) {
      node.textContent = timeText(new Date(node.getAttribute("datetime")));
    }
  }
  setInterval(refreshAges, 5000);

  // "81.2 kB": free memory and the like in units a person reads at a glance.
  function bytes(count) {
    if (count === null || count === undefined) return "-";
    if (count < 1024) return number(count, { style: "unit", unit: "byte", unitDisplay: "long" });
    if (count < 1024 * 1024) return number(count / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 1 });
    return number(count / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
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
    live.textContent = state === "connected" ? t("Live.Connected")
      : state === "reconnecting" ? (lastUpdate ? t("Live.ReconnectingSince", new Intl.DateTimeFormat(locale(), { timeStyle: "medium" }).format(lastUpdate)) : t("Live.Reconnecting"))
      : t("Live.Connecting");
  }

  // The live stream. After any reconnect (a gateway restart, a network drop, a stream the gateway ended) the page's
  // state is stale: onReconnected reloads it. A stream the browser gave up on (an error answer) is opened again.
  function events(lockerId, onUpdate, onReconnected, onState = showLiveState) {
    const url = "/dashboard/api/events" + (lockerId ? "?locker=" + encodeURIComponent(lockerId) : "");
    const topics = ["door", "telemetry", "status", "alarm", "command", "service", "parcel", "hold"];
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
      const cancel = el("button", { type: "button", class: "secondary", text: t("Common.Cancel") });
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

  return {
    session, requireSession, api, canMaintain, el, time, age, bytes, number, announce, events, redraw, confirm, refreshAges, t, tNodes, word,
    language: () => language, hasText: (key) => !!texts && Object.prototype.hasOwnProperty.call(texts, key),
  };
})();
