// A small SVG line chart of one telemetry figure; the figure's range is also given in words for screen readers.
"use strict";

const Sparkline = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const WIDTH = 240, HEIGHT = 60, PAD = 4;

  function draw(title, unit, points) {
    const figure = Lockers.el("figure", { class: "chart" });
    const values = points.filter((p) => p.value !== null && p.value !== undefined);
    if (values.length === 0) {
      figure.append(Lockers.el("figcaption", { text: Lockers.t("Chart.NoData", title) }));
      return figure;
    }
    const min = Math.min(...values.map((p) => p.value));
    const max = Math.max(...values.map((p) => p.value));
    const t0 = values[0].at, t1 = values[values.length - 1].at;
    const x = (t) => PAD + (t1 === t0 ? WIDTH / 2 : ((t - t0) / (t1 - t0)) * (WIDTH - 2 * PAD));
    const y = (v) => HEIGHT - PAD - (max === min ? (HEIGHT - 2 * PAD) / 2 : ((v - min) / (max - min)) * (HEIGHT - 2 * PAD));
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${WIDTH} ${HEIGHT}`);
    svg.setAttribute("role", "img");
    const last = values[values.length - 1].value;
    const summary = Lockers.t("Chart.Summary", title, last, min, max, unit, values.length);
    svg.setAttribute("aria-label", summary);
    const line = document.createElementNS(NS, "polyline");
    line.setAttribute("points", values.map((p) => `${x(p.at).toFixed(1)},${y(p.value).toFixed(1)}`).join(" "));
    line.setAttribute("class", "line");
    svg.append(line);
    figure.append(svg, Lockers.el("figcaption", { text: summary }));
    return figure;
  }

  return { draw };
})();
