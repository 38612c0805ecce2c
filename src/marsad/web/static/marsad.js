/* Marsad pages: hover cards on highlighted spans, linking side lists to the text,
   live extraction. Plain DOM, no framework; text is always set with textContent. */
(function () {
  "use strict";

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function row(tip, key, value, en) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    var r = el("div", "row");
    r.appendChild(el("span", "k", key + ": "));
    r.appendChild(el("span", en ? "en" : "", Array.isArray(value) ? value.join(", ") : value));
    tip.appendChild(r);
  }

  function people(list) {
    return (list || []).map(function (p) {
      var code = [p.country, p.sector].filter(Boolean).join("·");
      return p.name + (code ? " [" + code + "]" : "") + (p.actor_id ? " " + p.actor_id : "");
    }).join("، ");
  }

  function card(tip, rec) {
    if (rec.kind === "entity") {
      tip.appendChild(el("div", "h", "كيان " + rec.label + " — " + rec.surface));
      if (rec.link) {
        row(tip, "الفاعل المعياري", rec.link.name_ar + " / " + rec.link.name_en);
        row(tip, "id", rec.link.id, true);
        row(tip, "الرمز", [rec.link.country, rec.link.sector].filter(Boolean).join(" · "), true);
        row(tip, "المنصب", rec.link.role, true);
      } else {
        row(tip, "الربط", "غير مربوط بكيان معياري");
      }
      row(tip, "المصدر", rec.source + (rec.pattern ? " · " + rec.pattern : ""), true);
    } else if (rec.kind === "time") {
      tip.appendChild(el("div", "h", "زمن — " + rec.surface));
      row(tip, "القيمة", rec.value || "؟", true);
      row(tip, "الدقة", rec.granularity, true);
      row(tip, "المرجع", rec.anchor, true);
      if (rec.relative) row(tip, "نسبي", rec.relative.offset + " " + rec.relative.unit, true);
      row(tip, "تنبيهات", rec.flags, true);
    } else if (rec.kind === "quote") {
      tip.appendChild(el("div", "h", rec.direct ? "اقتباس مباشر" : "قول منقول"));
      row(tip, "المتحدث", rec.speaker_name || rec.speaker_surface || "غير معروف");
      row(tip, "id", rec.speaker_actor_id, true);
      row(tip, "فعل القول", rec.cue || rec.cue_lemma);
    } else if (rec.kind === "event") {
      tip.appendChild(el("div", "h", "حدث " + rec.type + (rec.mode ? " / " + rec.mode : "") + " — CAMEO " + rec.cameo));
      row(tip, "الفاعل", people(rec.actors));
      row(tip, "المتلقي", people(rec.recipients));
      row(tip, "المكان", rec.place);
      row(tip, "التاريخ", rec.date, true);
      row(tip, "سمات", rec.aux, true);
      tip.appendChild(el("hr"));
      row(tip, "لماذا؟ النمط", rec.pattern, true);
      row(tip, "المسند", rec.predicate + (rec.lemma ? " (" + rec.lemma + ")" : ""));
      row(tip, "ملاحظات", rec.notes, true);
      row(tip, "الثقة", rec.confidence, true);
    }
  }

  function setupArticle(root) {
    var data = document.getElementById("ann");
    var tip = document.getElementById("tip");
    if (!data || !tip) return;
    var ann = {};
    try { ann = JSON.parse(data.textContent || "{}"); } catch (e) { ann = {}; }

    function spansOf(id) {
      return root.querySelectorAll('[data-ids~="' + id.replace(/[^A-Za-z0-9_-]/g, "") + '"]');
    }
    function clear() {
      root.querySelectorAll(".a.hl").forEach(function (s) { s.classList.remove("hl"); });
    }
    function mark(id, scroll) {
      clear();
      var spans = spansOf(id);
      spans.forEach(function (s) { s.classList.add("hl"); });
      if (scroll && spans.length) spans[0].scrollIntoView({ block: "center" });
    }

    root.addEventListener("mousemove", function (ev) {
      var t = ev.target.closest("[data-ids]");
      if (!t) { tip.style.display = "none"; return; }
      tip.textContent = "";
      t.getAttribute("data-ids").split(" ").forEach(function (id, i) {
        if (!ann[id]) return;
        if (i) tip.appendChild(el("hr"));
        card(tip, ann[id]);
      });
      tip.style.display = "block";
      var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
      var y = ev.clientY + 18;
      if (y + tip.offsetHeight > window.innerHeight) y = ev.clientY - tip.offsetHeight - 12;
      tip.style.left = Math.max(8, x) + "px";
      tip.style.top = Math.max(8, y) + "px";
    });
    root.addEventListener("mouseleave", function () { tip.style.display = "none"; });

    document.querySelectorAll(".side li[data-target]").forEach(function (li) {
      li.addEventListener("mouseenter", function () { mark(li.getAttribute("data-target"), false); });
      li.addEventListener("click", function () { mark(li.getAttribute("data-target"), true); });
    });
    var hash = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (hash && ann[hash]) {
      mark(hash, true);
      var side = document.getElementById("side-" + hash);
      if (side) side.classList.add("hl");
    }
  }

  function setupExtract() {
    var form = document.getElementById("extract-form");
    if (!form) return;
    var out = document.getElementById("extract-result");
    var live = document.getElementById("x-live");
    var timer = null;
    var seq = 0;
    function run() {
      var body = new URLSearchParams(new FormData(form));
      var mine = ++seq;
      fetch(form.action, { method: "POST", body: body, headers: { "X-Marsad-Fragment": "1" } })
        .then(function (r) { return r.text(); })
        .then(function (html) {
          if (mine !== seq) return;
          /* the fragment is rendered by the server with every value escaped */
          out.innerHTML = html;
          var text = document.getElementById("article-text");
          if (text) setupArticle(text);
        });
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
    document.getElementById("x-content").addEventListener("input", function () {
      if (!live.checked) return;
      clearTimeout(timer);
      timer = setTimeout(run, 700);
    });
  }

  function setupFilters() {
    var sel = document.getElementById("f-type");
    if (sel) sel.addEventListener("change", function () { sel.form.submit(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var text = document.getElementById("article-text");
    if (text) setupArticle(text);
    setupExtract();
    setupFilters();
  });
})();
