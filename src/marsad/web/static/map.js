/* Event map: the Natural Earth outline shipped in static/world.json (equirectangular,
   x = lon + 180, y = 90 - lat) with one circle per place, sized by its events. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function svgEl(tag, attrs) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function draw(svg, world, places) {
    var hit = {};
    places.forEach(function (p) { if (p.country && p.n_events) hit[p.country] = 1; });
    var grid = svgEl("g", { class: "graticule" });
    for (var lon = 30; lon < 360; lon += 30) grid.appendChild(svgEl("line", { x1: lon, y1: 0, x2: lon, y2: 180 }));
    for (var lat = 30; lat < 180; lat += 30) grid.appendChild(svgEl("line", { x1: 0, y1: lat, x2: 360, y2: lat }));
    svg.appendChild(grid);
    var land = svgEl("g", {});
    world.countries.forEach(function (c) {
      var path = svgEl("path", { d: c.d, class: "land" + (hit[c.iso] ? " hit" : "") });
      var t = svgEl("title", {});
      t.textContent = c.name + (c.iso ? " (" + c.iso + ")" : "");
      path.appendChild(t);
      land.appendChild(path);
    });
    svg.appendChild(land);

    var shown = places.filter(function (p) { return p.lat !== null && p.lon !== null; });
    /* zoom to the places (with a margin), keeping the 2:1 aspect */
    var view = [0, 0, 360, 180];
    if (shown.length) {
      var xs = shown.map(function (p) { return p.lon + 180; }), ys = shown.map(function (p) { return 90 - p.lat; });
      var x0 = Math.min.apply(null, xs) - 25, x1 = Math.max.apply(null, xs) + 25;
      var y0 = Math.min.apply(null, ys) - 15, y1 = Math.max.apply(null, ys) + 15;
      var w = Math.min(360, Math.max(x1 - x0, 2 * (y1 - y0), 90)), h = w / 2;
      var cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      view = [Math.max(0, Math.min(360 - w, cx - w / 2)), Math.max(0, Math.min(180 - h, cy - h / 2)), w, h];
      svg.setAttribute("viewBox", view.map(function (v) { return v.toFixed(1); }).join(" "));
    }
    var scale = view[2] / 360;
    var max = Math.max.apply(null, shown.map(function (p) { return p.n_events || p.n_mentions || 1; }).concat([1]));
    var dots = svgEl("g", {});
    shown.sort(function (a, b) { return (b.n_events || b.n_mentions) - (a.n_events || a.n_mentions); });
    shown.forEach(function (p) {
      var n = p.n_events || p.n_mentions || 1;
      var r = (1.6 + 5.5 * Math.sqrt(n / max)) * scale;
      var a = svgEl("a", { href: "/events?place=" + encodeURIComponent(p.id) });
      var c = svgEl("circle", { cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2), r: r.toFixed(2),
        class: "place" + (p.n_events ? "" : " quiet"), "stroke-width": (0.4 * scale).toFixed(2) });
      var t = svgEl("title", {});
      t.textContent = (p.name || "") + " / " + (p.name_en || "") + ": " + p.n_events + " events, " +
        p.n_mentions + " mentions";
      c.appendChild(t);
      a.appendChild(c);
      dots.appendChild(a);
    });
    svg.appendChild(dots);
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.getElementById("map");
    if (!svg) return;
    var places = [];
    try { places = JSON.parse(document.getElementById("places").textContent || "[]"); } catch (e) { places = []; }
    fetch(svg.getAttribute("data-world"))
      .then(function (r) { return r.json(); })
      .then(function (world) { draw(svg, world, places); svg.setAttribute("data-ready", "1"); });
  });
})();
