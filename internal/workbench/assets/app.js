// lingo serve: the article page. Checks a translation as it is typed
// (POST /api/check), previews the page it gives (POST /api/preview),
// saves it (POST /api/save), records reviews (POST /api/review) and
// waivers of a finding (POST /api/waive, asking why), each
// with the token of the page; keyboard navigation and filters.
"use strict";
(function () {
  var body = document.body;
  var lang = body.dataset.lang, slug = body.dataset.slug;
  var token = (document.querySelector('meta[name="lingo-token"]') || {}).content || "";
  var entries = Array.prototype.slice.call(document.querySelectorAll("section.entry"));
  var frame = document.getElementById("preview");
  var notice = document.getElementById("notice");
  var current = null;

  function api(kind, data) {
    return fetch("/api/" + kind + "/" + encodeURIComponent(lang) + "/" + slug.split("/").map(encodeURIComponent).join("/"), {
      method: "POST",
      headers: {"Content-Type": "application/json", "X-Lingo-Token": token},
      body: JSON.stringify(data)
    });
  }
  function show(msg) {
    notice.textContent = msg;
    notice.hidden = !msg;
  }
  function field(sec) { return sec.querySelector("textarea"); }
  function dirty(sec) { return field(sec).value !== sec.dataset.saved; }
  function debounce(fn, ms) {
    var t = null;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // waivable lists the checks whose finding a Waive button may waive: those
  // of the entry as saved (none for a text being typed).
  function renderFindings(sec, findings, waivable) {
    var ul = sec.querySelector(".findings");
    ul.textContent = "";
    findings.forEach(function (f) {
      var li = document.createElement("li");
      li.className = f.severity;
      li.dataset.check = f.check;
      var b = document.createElement("b");
      b.textContent = f.severity;
      li.appendChild(b);
      var text = " [" + f.check + "] " + f.message;
      if (f.waiver) text += " (waived by " + f.waiver.by + (f.waiver.why ? ": " + f.waiver.why : "") + ")";
      li.appendChild(document.createTextNode(text));
      if (waivable && waivable.indexOf(f.check) >= 0) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.className = "waive";
        btn.dataset.check = f.check;
        btn.textContent = "Waive";
        li.appendChild(document.createTextNode(" "));
        li.appendChild(btn);
      }
      ul.appendChild(li);
    });
  }
  function setFailing(sec, failing) {
    sec.dataset.failing = failing ? "true" : "false";
    sec.classList.toggle("failing", failing);
  }
  function markDirty(sec) { sec.classList.toggle("dirty", dirty(sec)); }

  // What lingo check says of the text being typed.
  var seq = 0;
  function check(sec) {
    var n = ++seq;
    api("check", {id: sec.dataset.id, text: field(sec).value}).then(function (r) {
      return r.json().then(function (j) { return {ok: r.ok, j: j}; });
    }).then(function (res) {
      if (n !== seq) return;
      if (!res.ok) { show(res.j.error); return; }
      renderFindings(sec, res.j.findings);
      setFailing(sec, res.j.failing);
      sec.dataset.checked = "true";
    }).catch(function (e) { show(String(e)); });
  }
  var checkSoon = debounce(check, 250);

  // The page as lingo render would write it, the entry highlighted.
  var pseq = 0;
  function preview(sec) {
    var n = ++pseq;
    var data = {mark: sec ? sec.dataset.id : ""};
    if (sec && dirty(sec)) { data.id = sec.dataset.id; data.text = field(sec).value; }
    api("preview", data).then(function (r) { return r.text().then(function (t) { return {ok: r.ok, t: t}; }); })
      .then(function (res) {
        if (n !== pseq) return;
        if (!res.ok) { show(JSON.parse(res.t).error); return; }
        frame.srcdoc = res.t;
      }).catch(function (e) { show(String(e)); });
  }
  var previewSoon = debounce(preview, 600);
  frame.addEventListener("load", function () {
    var doc = frame.contentDocument;
    var m = doc && doc.getElementById("lingo-mark");
    if (m) m.scrollIntoView({block: "center"});
    frame.dataset.loaded = String(Number(frame.dataset.loaded || 0) + 1);
  });

  function setState(sec, e) {
    sec.dataset.state = e.state;
    sec.className = "entry state-" + e.state + (e.failing ? " failing" : "") + (e.reviewed ? " reviewed" : "");
    sec.dataset.failing = String(e.failing);
    sec.dataset.reviewed = String(e.reviewed);
    sec.dataset.saved = e.translation;
    sec.dataset.sourceHash = e.source_hash;
    sec.querySelector(".id").textContent = e.id + (e.line ? " · line " + e.line : "");
    var mb = sec.querySelector(".b-machine");
    mb.textContent = "machine draft" + (e.machine ? " · " + e.machine : "");
    var rb = sec.querySelector(".b-reviewed");
    rb.textContent = e.reviewed ? "reviewed" + (e.reviewed_by ? " by " + e.reviewed_by : "") : "reviewed";
    if (e.state !== "stale") {
      var d = sec.querySelector(".diff");
      if (d) d.remove();
    }
    renderFindings(sec, e.findings, e.waivable);
    markDirty(sec);
  }
  function summary(j) {
    var s = j.stats;
    document.getElementById("stats").textContent = s.translated + "/" + s.messages + " translated · " + s.reviewed + " reviewed · " + s.missing +
      " missing · " + s.stale + " stale · " + s.machine + " machine drafts · " + s.words_left + " words left";
    var pg = document.getElementById("page");
    pg.textContent = "page published as " + j.page_kind + " (" + j.published_percent + "% of entries published; min_complete " + pg.dataset.min + ")";
  }
  function after(sec, kind, data, done) {
    var msg = sec.querySelector(".msg");
    msg.textContent = kind === "save" || kind === "accept" ? "saving…" : "recording…";
    data.file_hash = body.dataset.fileHash;
    return api(kind, data).then(function (r) {
      return r.json().then(function (j) { return {status: r.status, j: j}; });
    }).then(function (res) {
      if (res.status !== 200) {
        msg.textContent = "";
        sec.dataset.error = String(res.status);
        show((res.status === 409 ? "Not saved: " : res.status === 423 ? "Busy: " : "") + res.j.error);
        return false;
      }
      delete sec.dataset.error;
      show("");
      body.dataset.fileHash = res.j.file_hash;
      if (res.j.entry) setState(sec, res.j.entry);
      summary(res.j);
      msg.textContent = done;
      preview(sec);
      return true;
    }).catch(function (e) { msg.textContent = ""; show(String(e)); return false; });
  }
  function save(sec) {
    return after(sec, "save", {id: sec.dataset.id, text: field(sec).value, source_hash: sec.dataset.sourceHash}, "saved");
  }
  // accept takes a machine draft, read and left as it is, as the
  // translator's own; an edited draft is theirs once saved.
  function accept(sec) {
    if (sec.dataset.state !== "machine") return Promise.resolve(false);
    if (dirty(sec)) { show("You edited this draft: save it (Ctrl+S), and it is your translation."); return Promise.resolve(false); }
    return after(sec, "accept", {id: sec.dataset.id, source_hash: sec.dataset.sourceHash}, "accepted as yours");
  }
  function review(sec) {
    if (dirty(sec)) { show("Save the translation before you mark it reviewed."); return Promise.resolve(false); }
    return after(sec, "review", {id: sec.dataset.id, ids: [sec.dataset.id]}, "reviewed");
  }

  // A person's waiver of one finding on the entry as saved (lingo accept
  // --check): it asks why, and records it under the workbench's --by.
  function waive(sec, name) {
    if (dirty(sec)) { show("Save the translation before you waive a finding on it."); return Promise.resolve(false); }
    var why = window.prompt("Why is the " + name + " finding wrong for this translation? (recorded with your name and this exact text)", "");
    if (why === null) return Promise.resolve(false);
    return after(sec, "waive", {id: sec.dataset.id, check: name, why: why}, "waived");
  }

  // Filters.
  function matches(sec, f) {
    var st = sec.dataset.state, failing = sec.dataset.failing === "true", reviewed = sec.dataset.reviewed === "true";
    switch (f) {
      case "todo": return st !== "current" || failing;
      case "missing": case "stale": case "machine": return st === f;
      case "failing": return failing;
      case "reviewed": return reviewed;
      case "unreviewed": return !reviewed;
    }
    return true;
  }
  function filter() {
    var f = document.querySelector('input[name="filter"]:checked').value;
    entries.forEach(function (sec) { sec.hidden = !matches(sec, f); });
  }
  document.querySelectorAll('input[name="filter"]').forEach(function (r) { r.addEventListener("change", filter); });

  // Navigation.
  function focus(sec) {
    if (!sec) return;
    sec.hidden = false;
    field(sec).focus();
    sec.scrollIntoView({block: "center"});
  }
  function next(from, ok, step) {
    var i = entries.indexOf(from);
    for (var k = 1; k <= entries.length; k++) {
      var sec = entries[((i < 0 ? (step > 0 ? -1 : 0) : i) + step * k + entries.length * k) % entries.length];
      if (ok(sec)) return sec;
    }
    return null;
  }
  document.addEventListener("keydown", function (ev) {
    var typing = ev.target && ev.target.tagName === "TEXTAREA";
    var k = ev.key.toLowerCase();
    if ((ev.ctrlKey || ev.metaKey) && k === "s") {
      ev.preventDefault();
      if (current) save(current);
    } else if ((ev.ctrlKey || ev.metaKey) && k === "enter") {
      ev.preventDefault();
      if (current) save(current).then(function (ok) { if (ok) focus(next(current, function (s) { return matches(s, "todo"); }, 1)); });
    } else if (ev.altKey && (ev.code === "KeyN" || ev.code === "KeyS" || ev.code === "KeyF")) {
      ev.preventDefault();
      var want = {KeyN: "missing", KeyS: "stale", KeyF: "failing"}[ev.code];
      focus(next(current, function (s) { return matches(s, want); }, ev.shiftKey ? -1 : 1));
    } else if (ev.altKey && ev.code === "KeyA") {
      ev.preventDefault();
      if (current) accept(current);
    } else if (!typing && !ev.ctrlKey && !ev.altKey && !ev.metaKey && (k === "j" || k === "k")) {
      ev.preventDefault();
      focus(next(current, function (s) { return !s.hidden; }, k === "j" ? 1 : -1));
    }
  });

  entries.forEach(function (sec) {
    var ta = field(sec);
    ta.addEventListener("focus", function () {
      if (current === sec) return;
      if (current) current.classList.remove("current");
      current = sec;
      sec.classList.add("current");
      previewSoon(sec);
    });
    ta.addEventListener("input", function () {
      markDirty(sec);
      delete sec.dataset.checked;
      checkSoon(sec);
      previewSoon(sec);
    });
    sec.querySelector(".save").addEventListener("click", function () { save(sec); });
    sec.querySelector(".review").addEventListener("click", function () { review(sec); });
    sec.querySelector(".accept").addEventListener("click", function () { accept(sec); });
    sec.querySelector(".findings").addEventListener("click", function (ev) {
      var btn = ev.target.closest("button.waive");
      if (btn) waive(sec, btn.dataset.check);
    });
  });
  window.addEventListener("beforeunload", function (ev) {
    if (entries.some(dirty)) { ev.preventDefault(); ev.returnValue = ""; }
  });
  body.dataset.ready = "true";
})();
