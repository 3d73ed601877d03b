"use strict";

(async () => {
  const form = document.getElementById("sign-in");
  const error = document.getElementById("error");
  const s = await Lockers.session();
  const next = new URLSearchParams(location.search).get("next");
  // Only paths of this dashboard: never an open redirect.
  const target = next && next.startsWith("/dashboard/") ? next : "/dashboard/index.html";
  if (s.signedIn) {
    location.replace(target);
    return;
  }
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const button = form.querySelector("button");
    button.disabled = true;
    try {
      await Lockers.api("/sign-in", {
        method: "POST",
        body: { user: form.user.value, password: form.password.value },
      });
      location.assign(target);
    } catch (e) {
      // The gateway's refusal, in the language the page is in (it reads the same choice).
      error.textContent = e.message;
      form.password.value = "";
      form.password.focus();
    } finally {
      button.disabled = false;
    }
  });
  form.dataset.ready = "true";
})();
