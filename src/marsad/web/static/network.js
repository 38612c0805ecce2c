/* Actor network: a small force-directed layout drawn as SVG (no library).
   Nodes are actors (or country codes) sized by their events; edges are summed over event types. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var CONFLICT = { ACCUSE: 1, REJECT: 1, THREATEN: 1, PROTEST: 1, SANCTION: 1, MOBILIZE: 1, COERCE: 1, ASSAULT: 1 };

  function svgEl(tag, attrs) {
    var e = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function draw(svg, data, info) {
    var W = 1000, H = 640;
    var nodes = data.nodes.slice(0, 80);
    var index = {};
    nodes.forEach(function (n, i) {
      index[n.id] = i;
      var a = (i / Math.max(1, nodes.length)) * Math.PI * 2;
      n.x = W / 2 + Math.cos(a) * 220 + (i % 7) * 3;
      n.y = H / 2 + Math.sin(a) * 200 + (i % 5) * 3;
      n.vx = 0; n.vy = 0;
      n.r = 6 + Math.sqrt(n.weight) * 3.2;
    });
    var pairs = {};
    data.edges.forEach(function (e) {
      if (!(e.source in index) || !(e.target in index) || e.source === e.target) return;
      var k = e.source < e.target ? e.source + "\u0000" + e.target : e.target + "\u0000" + e.source;
      var p = pairs[k] || (pairs[k] = { s: index[e.source], t: index[e.target], count: 0, conflict: 0, types: {} });
      p.count += e.count;
      if (CONFLICT[e.type]) p.conflict += e.count;
      p.types[e.type] = (p.types[e.type] || 0) + e.count;
    });
    var links = Object.keys(pairs).map(function (k) { return pairs[k]; });
    info.textContent = nodes.length + " فاعلاً، " + links.length + " علاقة. الخطوط الحمراء: علاقات يغلب عليها الصراع " +
      "(هجوم، تهديد، اتهام، عقوبات…)؛ الرمادية: تشاور وتعاون. العقد الخضراء فاعلون معرّفون، والبرتقالية دول أو جهات " +
      "بلا معرّف. انقر مرتين على عقدة لفتح صفحتها.";
    if (!nodes.length) {
      var t = svgEl("text", { x: W / 2, y: H / 2, "text-anchor": "middle", fill: "#5f6b7a" });
      t.textContent = "لا أحداث بين فاعلين بعد.";
      svg.appendChild(t);
      return;
    }

    /* a fixed number of iterations of repulsion + springs + gravity: the layout is deterministic */
    for (var it = 0; it < 300; it++) {
      var alpha = 1 - it / 300;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y;
          var d2 = dx * dx + dy * dy + 0.01;
          var f = (2600 * alpha) / d2;
          var d = Math.sqrt(d2);
          a.vx += (dx / d) * f; a.vy += (dy / d) * f;
          b.vx -= (dx / d) * f; b.vy -= (dy / d) * f;
        }
      }
      links.forEach(function (l) {
        var a = nodes[l.s], b = nodes[l.t];
        var dx = b.x - a.x, dy = b.y - a.y;
        var d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var k = ((d - 120) / d) * 0.04 * alpha;
        a.vx += dx * k; a.vy += dy * k; b.vx -= dx * k; b.vy -= dy * k;
      });
      nodes.forEach(function (n) {
        n.vx += (W / 2 - n.x) * 0.006 * alpha;
        n.vy += (H / 2 - n.y) * 0.008 * alpha;
        n.x += Math.max(-30, Math.min(30, n.vx));
        n.y += Math.max(-30, Math.min(30, n.vy));
        n.vx *= 0.5; n.vy *= 0.5;
        n.x = Math.max(n.r + 40, Math.min(W - n.r - 40, n.x));
        n.y = Math.max(n.r + 14, Math.min(H - n.r - 18, n.y));
      });
    }

    var gl = svgEl("g", {}), gn = svgEl("g", {});
    svg.appendChild(gl); svg.appendChild(gn);
    var lineEls = links.map(function (l) {
      var line = svgEl("line", { class: "edge" + (l.conflict * 2 > l.count ? " hot" : ""),
        "stroke-width": Math.min(10, 1 + Math.log2(1 + l.count) * 1.6) });
      var title = svgEl("title", {});
      title.textContent = nodes[l.s].name + " ↔ " + nodes[l.t].name + ": " +
        Object.keys(l.types).map(function (t) { return t + " " + l.types[t]; }).join(", ");
      line.appendChild(title);
      gl.appendChild(line);
      return line;
    });
    var nodeEls = nodes.map(function (n) {
      var g = svgEl("g", { class: "node" });
      var c = svgEl("circle", { r: n.r, fill: n.id.indexOf("actor:") === 0 ? "#137c82" : "#c2692a" });
      var label = svgEl("text", { "text-anchor": "middle", dy: n.r + 12 });
      label.textContent = n.name || n.id;
      var title = svgEl("title", {});
      title.textContent = (n.name || n.id) + " — " + n.weight + " events (" + n.id + ")";
      c.appendChild(title);
      g.appendChild(c); g.appendChild(label);
      gn.appendChild(g);
      if (n.id.indexOf("actor:") === 0) {
        c.addEventListener("dblclick", function () { location.href = "/actors/" + encodeURIComponent(n.id); });
      }
      return g;
    });
    function render() {
      links.forEach(function (l, k) {
        lineEls[k].setAttribute("x1", nodes[l.s].x); lineEls[k].setAttribute("y1", nodes[l.s].y);
        lineEls[k].setAttribute("x2", nodes[l.t].x); lineEls[k].setAttribute("y2", nodes[l.t].y);
      });
      nodes.forEach(function (n, k) { nodeEls[k].setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); });
    }
    render();

    /* fit the view to the graph (small graphs are shown larger) */
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var bx0 = Math.min.apply(null, xs) - 90, bx1 = Math.max.apply(null, xs) + 90;
    var by0 = Math.min.apply(null, ys) - 40, by1 = Math.max.apply(null, ys) + 50;
    var bw = Math.max(bx1 - bx0, 700), bh = Math.max(by1 - by0, 448);
    if (bw / bh > W / H) bh = bw * H / W; else bw = bh * W / H;
    var mx = (bx0 + bx1) / 2, my = (by0 + by1) / 2;
    svg.setAttribute("viewBox", [mx - bw / 2, my - bh / 2, bw, bh].map(function (v) { return v.toFixed(1); }).join(" "));

    /* dragging a node */
    var drag = null;
    function point(ev) {
      var pt = svg.createSVGPoint();
      pt.x = ev.clientX; pt.y = ev.clientY;
      return pt.matrixTransform(svg.getScreenCTM().inverse());
    }
    nodeEls.forEach(function (g, k) {
      g.addEventListener("pointerdown", function (ev) { drag = k; g.setPointerCapture(ev.pointerId); });
      g.addEventListener("pointermove", function (ev) {
        if (drag !== k) return;
        var p = point(ev);
        nodes[k].x = p.x; nodes[k].y = p.y;
        render();
      });
      g.addEventListener("pointerup", function () { drag = null; });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var svg = document.getElementById("network");
    if (!svg) return;
    var info = document.getElementById("network-info");
    fetch(svg.getAttribute("data-src"))
      .then(function (r) { return r.json(); })
      .then(function (data) { draw(svg, data, info); svg.setAttribute("data-ready", "1"); })
      .catch(function () { info.textContent = "تعذّر تحميل الشبكة."; });
  });
})();
