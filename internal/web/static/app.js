// scrubs web page: checks the draft as it is typed through the same-origin
// /v1 API, highlights the findings, lists them with citations and fixes, and
// offers a safer version; checks a photo with the draft as its caption. The
// post text and the photo go only to this origin's API and are never stored;
// localStorage keeps the settings and the fingerprints of findings marked
// "not a problem" (with an optional reason).
(function () {
  'use strict';

  var SETTINGS_KEY = 'scrubs.settings.v1';
  var IGNORE_KEY = 'scrubs.ignore.v1';
  var DEBOUNCE_MS = 250;
  var LOCALES = ['uk', 'us', 'au'];
  var SEVERITY_RANK = { block: 4, high: 3, medium: 2, low: 1, info: 0 };
  var SEVERITY_LABEL = {
    block: 'Block', high: 'High risk', medium: 'Medium risk', low: 'Advice', info: 'Note'
  };
  var VERDICTS = {
    safe: { icon: '✓', word: 'Safe', detail: 'No confidentiality or conduct problems found.' },
    review: { icon: '!', word: 'Review', detail: 'Check the findings before you post.' },
    block: { icon: '✕', word: 'Block', detail: 'Do not post this as written.' }
  };
  // a finding's fingerprint as the API gives it: RULE-ID:16 hex digits
  var FINGERPRINT_RE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+:[0-9a-f]{16}$/;
  var MAX_IGNORE = 1000; // the API takes at most this many fingerprints

  function byId(id) { return document.getElementById(id); }
  var el = {
    draft: byId('draft'), mirror: byId('mirror'), count: byId('draft-count'), clear: byId('clear'),
    locale: byId('locale'), role: byId('role'), platform: byId('platform'), platformNote: byId('platform-note'),
    verdict: byId('verdict'), verdictIcon: byId('verdict-icon'), verdictWord: byId('verdict-word'),
    verdictDetail: byId('verdict-detail'), pending: byId('pending'),
    findingsHeading: byId('findings-heading'), findings: byId('findings'), anonymity: byId('anonymity'),
    dismissedBox: byId('dismissed-box'), dismissed: byId('dismissed'), dismissedCount: byId('dismissed-count'),
    restoreAll: byId('restore-all'),
    safer: byId('safer'), saferText: byId('safer-text'), saferCheck: byId('safer-check'),
    copy: byId('copy'), useSafer: byId('use-safer'), copyStatus: byId('copy-status'), changes: byId('changes'),
    dialog: byId('dismiss-dialog'), dialogWarning: byId('dismiss-warning'), reason: byId('dismiss-reason'),
    reasonLabel: byId('reason-label'), reasonError: byId('reason-error'),
    dialogKeep: byId('dismiss-keep'), dialogConfirm: byId('dismiss-confirm')
  };

  // ---- storage: settings and the ignore list, never the post ----

  function load(key) {
    try { return JSON.parse(window.localStorage.getItem(key)); } catch (e) { return null; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: keep in memory */ }
  }

  function loadSettings() {
    var s = load(SETTINGS_KEY) || {};
    return {
      locale: LOCALES.indexOf(s.locale) >= 0 ? s.locale : defaultLocale(),
      role: typeof s.role === 'string' && /^[a-z-]{0,40}$/.test(s.role) ? s.role : '',
      platform: typeof s.platform === 'string' && /^[a-z]{0,20}$/.test(s.platform) ? s.platform : ''
    };
  }
  function defaultLocale() {
    var lang = (navigator.language || '').toLowerCase();
    if (/-us$/.test(lang)) return 'us';
    if (/-au$/.test(lang)) return 'au';
    return 'uk';
  }

  // The ignore list: [{fingerprint, reason?}] — a finding's code and, when
  // given, why it is not a problem. Nothing from the post.
  function loadIgnore() {
    var list = load(IGNORE_KEY);
    if (!Array.isArray(list)) return [];
    var out = [];
    var seen = {};
    list.forEach(function (item) {
      if (!item || typeof item.fingerprint !== 'string' || !FINGERPRINT_RE.test(item.fingerprint)) return;
      if (seen[item.fingerprint]) return;
      seen[item.fingerprint] = true;
      var entry = { fingerprint: item.fingerprint };
      if (typeof item.reason === 'string' && item.reason.trim()) entry.reason = item.reason.trim().slice(0, 500);
      out.push(entry);
    });
    return out.slice(-MAX_IGNORE);
  }

  var hasSavedSettings = load(SETTINGS_KEY) !== null;
  var settings = loadSettings();
  var ignore = loadIgnore();
  var orgConfig = { requireDismissReason: false };

  // ---- UTF-8 byte offsets → JavaScript string indices ----

  // byteMap returns an array m with m[b] = the UTF-16 index of the character
  // holding UTF-8 byte b of s, and m[bytes] = s.length. A lone surrogate
  // counts as 3 bytes: the server reads it as U+FFFD.
  function byteMap(s) {
    var n = s.length;
    var total = 0;
    var i, c;
    for (i = 0; i < n; i++) {
      c = s.charCodeAt(i);
      if (c < 0x80) total += 1;
      else if (c < 0x800) total += 2;
      else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00) { total += 4; i++; }
      else total += 3;
    }
    var m = new Uint32Array(total + 1);
    var b = 0;
    for (i = 0; i < n; i++) {
      c = s.charCodeAt(i);
      var len = 3;
      var units = 1;
      if (c < 0x80) len = 1;
      else if (c < 0x800) len = 2;
      else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && (s.charCodeAt(i + 1) & 0xFC00) === 0xDC00) { len = 4; units = 2; }
      for (var k = 0; k < len; k++) m[b + k] = i;
      b += len;
      i += units - 1;
    }
    m[total] = n;
    return m;
  }

  // toIndex converts byte offset b to a string index; an offset inside a
  // character moves to its start (or, for an end, past it).
  function toIndex(m, b, isEnd) {
    var last = m.length - 1;
    if (!(b > 0)) return 0;
    if (b >= last) return m[last];
    if (isEnd && m[b] === m[b - 1]) {
      while (b < last && m[b] === m[b - 1]) b++;
    }
    return m[b];
  }

  // ---- the check loop ----

  var timer = 0;
  var controller = null;
  var seq = 0;

  function settingsKey() {
    return settings.locale + '|' + settings.role + '|' + ignore.map(function (i) { return i.fingerprint; }).join(',');
  }

  function requestBody(text) {
    var body = { text: text, locale: settings.locale };
    if (settings.role) body.role = settings.role;
    if (ignore.length) body.ignore = ignore.map(function (i) { return i.fingerprint; });
    return JSON.stringify(body);
  }

  function onInput() {
    autoSize();
    updateCount();
    markStale();
    window.clearTimeout(timer);
    timer = window.setTimeout(check, DEBOUNCE_MS);
  }

  // markStale hides everything computed for an older text at once, so nothing
  // stale is ever shown next to the draft.
  function markStale() {
    if (controller) { controller.abort(); controller = null; }
    renderMirror(el.draft.value, []);
    el.findings.replaceChildren();
    if (focusAfterRender === null) el.findingsHeading.hidden = true;
    el.anonymity.hidden = true;
    el.safer.hidden = true;
    if (el.draft.value.trim() === '') {
      showEmpty();
      return;
    }
    el.verdict.setAttribute('aria-busy', 'true');
    el.verdict.classList.add('stale');
    el.pending.hidden = false;
  }

  function check() {
    window.clearTimeout(timer);
    var text = el.draft.value;
    if (controller) controller.abort();
    if (text.trim() === '') { showEmpty(); return; }
    var ctl = new AbortController();
    controller = ctl;
    var mySeq = ++seq;
    var key = settingsKey();
    postJSON('/v1/check', requestBody(text), ctl.signal).then(function (res) {
      if (!fresh(mySeq, text, key)) return;
      var map = byteMap(text);
      renderResult(text, res, map);
      if (res.verdict !== 'safe' && Array.isArray(res.risks) && res.risks.length) {
        return postJSON('/v1/redact', requestBody(text), ctl.signal).then(function (red) {
          if (!fresh(mySeq, text, key)) return;
          renderSafer(red);
        }, function (err) {
          if (err && err.name === 'AbortError') return;
          // the check stands on its own; a failed rewrite only hides the suggestion
          el.safer.hidden = true;
        });
      }
    }).catch(function (err) {
      if (err && err.name === 'AbortError') return;
      if (!fresh(mySeq, text, key)) return;
      showError(err);
    }).then(function () {
      if (controller === ctl && mySeq === seq) controller = null;
    });
  }

  function fresh(mySeq, text, key) {
    return mySeq === seq && el.draft.value === text && settingsKey() === key;
  }

  function postJSON(url, body, signal) {
    return fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
      body: body,
      signal: signal,
      credentials: 'same-origin',
      cache: 'no-store',
      referrerPolicy: 'no-referrer'
    }).then(function (resp) {
      return answered(resp).then(function (r) { return r.json(); });
    });
  }

  // answered resolves to resp when it is a success, and rejects with the
  // problem's detail (and the status) otherwise.
  function answered(resp) {
    if (resp.ok) return Promise.resolve(resp);
    var ct = resp.headers.get('Content-Type') || '';
    var fail = function (p) {
      var e = new Error((p && (p.detail || p.title)) || ('The checker answered ' + resp.status + '.'));
      e.status = resp.status;
      throw e;
    };
    if (ct.indexOf('json') >= 0) return resp.json().then(fail, function () { fail(null); });
    return Promise.resolve(null).then(fail);
  }

  // ---- rendering ----

  function clearVerdictBusy() {
    el.verdict.removeAttribute('aria-busy');
    el.verdict.classList.remove('stale');
    el.pending.hidden = true;
  }

  function setVerdict(kind, icon, word, detail) {
    clearVerdictBusy();
    el.verdict.setAttribute('data-verdict', kind);
    if (el.verdictIcon.textContent !== icon) el.verdictIcon.textContent = icon;
    if (el.verdictWord.textContent !== word) el.verdictWord.textContent = word;
    if (el.verdictDetail.textContent !== detail) el.verdictDetail.textContent = detail;
  }

  function showEmpty() {
    renderMirror(el.draft.value, []);
    el.findings.replaceChildren();
    el.findingsHeading.hidden = true;
    el.anonymity.hidden = true;
    el.safer.hidden = true;
    setVerdict('empty', '…', 'Nothing to check yet', 'Start typing your post.');
  }

  function showError(err) {
    var msg = err && err.status ? err.message : 'Could not reach the checker. Is scrubs still running?';
    setVerdict('error', '?', 'Not checked', msg);
  }

  function renderResult(text, res, map) {
    var risks = Array.isArray(res.risks) ? res.risks : [];
    var v = VERDICTS[res.verdict] || { icon: '?', word: String(res.verdict || 'Unknown'), detail: '' };
    var n = risks.length;
    var detail = v.detail;
    if (n) detail += ' ' + n + (n === 1 ? ' finding.' : ' findings.');
    if (res.ignored) detail += ' ' + res.ignored + ' marked not a problem.';
    setVerdict(res.verdict || 'error', v.icon, v.word, detail);

    var segs = segments(risks, map);
    renderMirror(text, segs);
    renderFindings(text, risks, map);
    renderAnonymity(res.anonymity);
  }

  // segments cuts the text at every span edge and gives each covered piece
  // the highest severity of the risks over it.
  function segments(risks, map) {
    var edges = [];
    risks.forEach(function (r) {
      (r.spans || []).forEach(function (sp) {
        if (sp && sp.end > sp.start) { edges.push(sp.start, sp.end); }
      });
    });
    edges.sort(function (a, b) { return a - b; });
    var out = [];
    for (var i = 0; i + 1 < edges.length; i++) {
      var a = edges[i];
      var b = edges[i + 1];
      if (a === b) continue;
      var best = -1;
      var sev = '';
      var ids = [];
      risks.forEach(function (r, ri) {
        var covers = (r.spans || []).some(function (sp) { return sp.start <= a && sp.end >= b; });
        if (!covers) return;
        ids.push(ri);
        var rank = SEVERITY_RANK[r.severity] === undefined ? 0 : SEVERITY_RANK[r.severity];
        if (rank > best) { best = rank; sev = r.severity; }
      });
      if (!ids.length) continue;
      var prev = out[out.length - 1];
      if (prev && prev.b1 === a && prev.sev === sev) {
        prev.b1 = b;
        ids.forEach(function (id) { if (prev.ids.indexOf(id) < 0) prev.ids.push(id); });
        continue;
      }
      out.push({ b0: a, b1: b, sev: sev, ids: ids });
    }
    out.forEach(function (s) {
      s.s = toIndex(map, s.b0, false);
      s.e = toIndex(map, s.b1, true);
    });
    return out.filter(function (s) { return s.e > s.s; });
  }

  function renderMirror(text, segs) {
    var frag = document.createDocumentFragment();
    var pos = 0;
    segs.forEach(function (s) {
      if (s.s < pos) return;
      if (s.s > pos) frag.appendChild(document.createTextNode(text.slice(pos, s.s)));
      var mark = document.createElement('mark');
      mark.className = 'hl sev-' + (SEVERITY_RANK[s.sev] === undefined ? 'info' : s.sev);
      mark.setAttribute('data-b0', String(s.b0));
      mark.setAttribute('data-b1', String(s.b1));
      mark.setAttribute('data-risks', s.ids.join(' '));
      mark.textContent = text.slice(s.s, s.e);
      frag.appendChild(mark);
      pos = s.e;
    });
    // a trailing newline needs a character after it to take up its line
    frag.appendChild(document.createTextNode(text.slice(pos) + '\u200b'));
    el.mirror.replaceChildren(frag);
    syncScroll();
  }

  function spanTexts(text, risk, map) {
    var out = [];
    (risk.spans || []).forEach(function (sp) {
      var s = toIndex(map, sp.start, false);
      var e = toIndex(map, sp.end, true);
      if (e > s) out.push({ s: s, e: e, text: text.slice(s, e) });
    });
    return out;
  }

  function renderFindings(text, risks, map) {
    var order = risks.map(function (r, i) { return i; });
    order.sort(function (a, b) {
      return (SEVERITY_RANK[risks[b].severity] || 0) - (SEVERITY_RANK[risks[a].severity] || 0) || a - b;
    });
    var frag = document.createDocumentFragment();
    order.forEach(function (ri) { frag.appendChild(findingItem(text, risks[ri], ri, map)); });
    el.findings.replaceChildren(frag);
    el.findingsHeading.hidden = risks.length === 0;
    if (focusAfterRender !== null) {
      var fp = focusAfterRender;
      focusAfterRender = null;
      var target = null;
      var items = el.findings.children;
      for (var i = 0; i < items.length; i++) {
        if (items[i].getAttribute('data-fingerprint') === fp) target = items[i].querySelector('button.finding-action');
      }
      if (!target && items.length) target = items[0].querySelector('button.finding-action');
      if (target) target.focus(); else el.draft.focus();
    }
  }

  function make(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  function findingItem(text, r, ri, map) {
    var sev = SEVERITY_RANK[r.severity] === undefined ? 'info' : r.severity;
    var li = make('li', 'finding sev-' + sev);
    li.setAttribute('data-risk', String(ri));
    li.setAttribute('data-fingerprint', r.fingerprint || '');
    var headId = 'finding-' + ri + '-title';
    li.setAttribute('aria-labelledby', headId);

    var head = make('div', 'finding-head');
    head.appendChild(make('span', 'badge sev-' + sev, SEVERITY_LABEL[sev] || sev));
    var h = make('h4', 'finding-title', r.title || r.rule);
    h.id = headId;
    head.appendChild(h);
    li.appendChild(head);

    li.appendChild(make('p', 'finding-message', r.message));

    var spans = spanTexts(text, r, map);
    if (spans.length) {
      var where = make('p', 'finding-where');
      where.appendChild(make('span', 'label', 'In your text: '));
      spans.forEach(function (sp, i) {
        if (i) where.appendChild(document.createTextNode(' '));
        var b = make('button', 'quote', '“' + sp.text + '”');
        b.type = 'button';
        b.setAttribute('aria-label', 'Select “' + sp.text + '” in the draft');
        b.addEventListener('click', function () { selectInDraft(sp.s, sp.e); });
        where.appendChild(b);
      });
      li.appendChild(where);
    }

    if (r.fix) {
      var fix = make('p', 'finding-fix');
      fix.appendChild(make('span', 'label', 'Fix: '));
      fix.appendChild(document.createTextNode(r.fix));
      li.appendChild(fix);
    }
    if (r.replacement) {
      var rep = make('p', 'finding-fix');
      rep.appendChild(make('span', 'label', 'Try instead: '));
      rep.appendChild(document.createTextNode('“' + r.replacement + '”'));
      li.appendChild(rep);
    }

    var cites = Array.isArray(r.citations) ? r.citations : [];
    if (cites.length) li.appendChild(citationList(cites));

    var actions = make('div', 'finding-actions');
    var rule = make('span', 'rule', r.rule || '');
    actions.appendChild(rule);
    var mine = ignoreEntry(r.fingerprint);
    if (mine) {
      // dismissed here, but the server still reports it: the organisation
      // keeps blocking findings until it clears them itself
      li.classList.add('still-flagged');
      var note = make('p', 'kept-note');
      note.appendChild(make('span', 'label', 'You marked this “not a problem”'));
      note.appendChild(document.createTextNode((mine.reason ? ' (“' + mine.reason + '”)' : '') +
        ', but your organisation still flags blocking findings until it clears them itself. Ask your organisation if you think this is wrong.'));
      li.insertBefore(note, li.children[1] || null);
      var undo = make('button', 'btn btn-quiet finding-action', 'Undo “not a problem”');
      undo.type = 'button';
      undo.setAttribute('aria-describedby', headId);
      undo.addEventListener('click', function () { focusAfterRender = r.fingerprint; restore(r.fingerprint, true); });
      actions.appendChild(undo);
    } else if (r.fingerprint && FINGERPRINT_RE.test(r.fingerprint)) {
      var dismiss = make('button', 'btn btn-quiet dismiss finding-action', 'Not a problem');
      dismiss.type = 'button';
      dismiss.setAttribute('aria-describedby', headId);
      dismiss.addEventListener('click', function () { askDismiss(r, li); });
      actions.appendChild(dismiss);
    }
    li.appendChild(actions);

    li.addEventListener('mouseenter', function () { activate(ri, true); });
    li.addEventListener('mouseleave', function () { activate(ri, false); });
    li.addEventListener('focusin', function () { activate(ri, true); });
    li.addEventListener('focusout', function () { activate(ri, false); });
    return li;
  }

  var SHOWN_CITATIONS = 2;

  function citationList(cites) {
    var box = make('div', 'citations');
    box.appendChild(make('span', 'label', cites.length === 1 ? 'Guidance:' : 'Guidance (' + cites.length + '):'));
    var first = make('ul', 'cites');
    cites.slice(0, SHOWN_CITATIONS).forEach(function (c) { first.appendChild(citationItem(c)); });
    box.appendChild(first);
    if (cites.length > SHOWN_CITATIONS) {
      var more = make('details', 'more-cites');
      more.appendChild(make('summary', '', (cites.length - SHOWN_CITATIONS) + ' more'));
      var rest = make('ul', 'cites');
      cites.slice(SHOWN_CITATIONS).forEach(function (c) { rest.appendChild(citationItem(c)); });
      more.appendChild(rest);
      box.appendChild(more);
    }
    return box;
  }

  function citationItem(c) {
    var li = make('li', 'cite');
    var label = String(c.document || '');
    if (c.year) label += ', ' + c.year;
    if (c.paragraph) label += ', ' + (/^[0-9]/.test(c.paragraph) ? 'para ' : '') + c.paragraph;
    if (c.url && /^https?:\/\//.test(c.url)) {
      var a = make('a', '', label);
      a.href = c.url;
      a.rel = 'noopener noreferrer';
      a.target = '_blank';
      li.appendChild(a);
    } else {
      li.appendChild(document.createTextNode(label));
    }
    if (c.unverified) {
      li.appendChild(document.createTextNode(' '));
      var tag = make('span', 'tag-unverified', 'unverified');
      tag.title = 'This paragraph number has not yet been checked against the document.';
      li.appendChild(tag);
    }
    return li;
  }

  function activate(ri, on) {
    var marks = el.mirror.querySelectorAll('mark');
    for (var i = 0; i < marks.length; i++) {
      var ids = (marks[i].getAttribute('data-risks') || '').split(' ');
      if (ids.indexOf(String(ri)) >= 0) marks[i].classList.toggle('active', on);
    }
  }

  function selectInDraft(s, e) {
    el.draft.focus();
    el.draft.setSelectionRange(s, e);
  }

  function renderAnonymity(a) {
    if (!a || !a.explanation) { el.anonymity.hidden = true; return; }
    el.anonymity.textContent = 'Who could this be? ' + a.explanation;
    el.anonymity.hidden = false;
  }

  function renderSafer(red) {
    if (!red || typeof red.text !== 'string') { el.safer.hidden = true; return; }
    el.saferText.textContent = red.text;
    // the re-check of the safer text: "result" when the answer also has
    // "before" (the check of the draft), else "after" if given
    var after = red.after || (red.before ? red.result : null) || null;
    if (after && after.verdict && VERDICTS[after.verdict]) {
      el.saferCheck.textContent = 'Checked again: ' + VERDICTS[after.verdict].word.toLowerCase() + '.';
    } else {
      el.saferCheck.textContent = '';
    }
    var frag = document.createDocumentFragment();
    (red.changes || []).forEach(function (c) {
      var li = make('li');
      li.appendChild(make('span', 'from', '“' + (c.from || '') + '”'));
      li.appendChild(document.createTextNode(' → '));
      li.appendChild(make('span', 'to', c.to ? '“' + c.to + '”' : '(removed)'));
      if (c.why) li.appendChild(make('span', 'why', ' ' + c.why));
      frag.appendChild(li);
    });
    el.changes.replaceChildren(frag);
    el.copyStatus.textContent = '';
    el.safer.hidden = false;
  }

  // ---- dismissing a finding ("not a problem") ----

  var pendingDismiss = null;
  var focusAfterRender = null; // fingerprint of the finding to focus once the list is redrawn

  function askDismiss(r, li) {
    var sev = r.severity;
    if (sev !== 'block' && sev !== 'high') {
      dismiss(r, '', li);
      return;
    }
    pendingDismiss = { risk: r, li: li };
    var w = el.dialogWarning;
    w.replaceChildren();
    w.appendChild(make('p', 'strong', '“' + (r.title || r.rule) + '” is a ' + (sev === 'block' ? 'blocking' : 'high-risk') + ' finding.'));
    if (r.message) w.appendChild(make('p', '', r.message));
    var c = (r.citations || [])[0];
    if (c && c.document) w.appendChild(make('p', '', 'It rests on: ' + c.document + (c.paragraph ? ', ' + c.paragraph : '') + '.'));
    var need = orgConfig.requireDismissReason && sev === 'block';
    w.appendChild(make('p', '', 'Mark it as not a problem only if you are sure — for example, the person named is not a patient, or the patient has given written consent. ' +
      (need ? 'Your organisation asks for a reason, and keeps flagging blocking findings until it clears them itself; your reason stays in this browser.'
        : 'It will stop being flagged in this browser.')));
    el.reason.value = '';
    el.reason.required = need;
    el.reason.setAttribute('aria-required', need ? 'true' : 'false');
    el.reasonLabel.textContent = need ? 'Why is this not a problem? (required by your organisation)' : 'Why is this not a problem? (optional)';
    el.reasonError.hidden = true;
    if (typeof el.dialog.showModal === 'function') {
      el.dialog.showModal();
      el.dialogKeep.focus();
    } else if (window.confirm('Mark “' + (r.title || r.rule) + '” as not a problem?')) {
      dismiss(r, '', li);
    }
  }

  function confirmDismiss() {
    if (!pendingDismiss) { el.dialog.close(); return; }
    var reason = el.reason.value.trim();
    if (el.reason.required && !reason) {
      el.reasonError.hidden = false;
      el.reason.setAttribute('aria-invalid', 'true');
      el.reason.focus();
      return;
    }
    el.reason.removeAttribute('aria-invalid');
    var p = pendingDismiss;
    pendingDismiss = null;
    el.dialog.close();
    dismiss(p.risk, reason, p.li);
  }

  function dismiss(r, reason, li) {
    var fp = r.fingerprint;
    if (!fp || !FINGERPRINT_RE.test(fp)) return;
    if (!ignore.some(function (i) { return i.fingerprint === fp; })) {
      var entry = { fingerprint: fp };
      if (reason) entry.reason = reason.slice(0, 500);
      ignore.push(entry);
      if (ignore.length > MAX_IGNORE) ignore = ignore.slice(-MAX_IGNORE);
      save(IGNORE_KEY, ignore);
    }
    // take it off the page at once, then check again without it; keyboard
    // focus moves to the next finding once the new list is drawn
    var kept = r.severity === 'block' && orgConfig.requireDismissReason;
    var next = kept ? li : li && (li.nextElementSibling || li.previousElementSibling);
    focusAfterRender = next ? next.getAttribute('data-fingerprint') : '';
    if (!kept && li && li.parentNode) li.parentNode.removeChild(li);
    renderDismissed();
    el.findingsHeading.focus();
    recheck();
  }

  function restore(fp, keepFocus) {
    ignore = ignore.filter(function (i) { return i.fingerprint !== fp; });
    save(IGNORE_KEY, ignore);
    renderDismissed();
    if (keepFocus) el.findingsHeading.focus(); else el.dismissedBox.querySelector('summary').focus();
    recheck();
  }

  function ignoreEntry(fp) {
    for (var i = 0; i < ignore.length; i++) if (ignore[i].fingerprint === fp) return ignore[i];
    return null;
  }

  function renderDismissed() {
    var frag = document.createDocumentFragment();
    ignore.forEach(function (item) {
      var li = make('li', 'dismissed-item');
      li.appendChild(make('code', '', item.fingerprint));
      if (item.reason) li.appendChild(make('span', 'reason', ' — ' + item.reason));
      var b = make('button', 'btn btn-quiet', 'Restore');
      b.type = 'button';
      b.setAttribute('aria-label', 'Restore finding ' + item.fingerprint);
      b.addEventListener('click', function () { restore(item.fingerprint); });
      li.appendChild(document.createTextNode(' '));
      li.appendChild(b);
      frag.appendChild(li);
    });
    el.dismissed.replaceChildren(frag);
    el.dismissedCount.textContent = String(ignore.length);
    el.restoreAll.hidden = ignore.length === 0;
  }

  function recheck() {
    markStale();
    check();
  }

  // ---- the draft box ----

  function autoSize() {
    el.draft.style.height = 'auto';
    el.draft.style.height = Math.max(el.draft.scrollHeight + 2, 160) + 'px';
  }

  function syncScroll() {
    el.mirror.scrollTop = el.draft.scrollTop;
    el.mirror.scrollLeft = el.draft.scrollLeft;
  }

  function updateCount() {
    var n = Array.from(el.draft.value).length;
    el.count.textContent = n + (n === 1 ? ' character' : ' characters');
  }

  // ---- the safer version ----

  function copySafer() {
    var text = el.saferText.textContent;
    var done = function () { el.copyStatus.textContent = 'Copied.'; };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(el.saferText);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      el.copyStatus.textContent = ok ? 'Copied.' : 'Selected: press Ctrl+C (or ⌘C) to copy.';
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  function useSafer() {
    el.draft.value = el.saferText.textContent;
    el.draft.focus();
    onInput();
  }

  // ---- platform advice ----

  var PLATFORM_NOTES = {
    facebook: 'Facebook is a personal network: keep work talk off it. Check Settings & privacy → Privacy: “Who can see your future posts?”, “Limit who can see past posts”, review tags before they appear, and who can send you friend requests or look you up.',
    instagram: 'Check Account privacy (private account), your Close Friends list, story sharing and replies, and “Manually approve tags”. Remove location from posts.',
    x: 'Posts on X are public unless you protect them: check Audience, media and tagging (“Protect your posts”, photo tagging) and turn off location on posts.',
    tiktok: 'Check Private account, “Suggest your account to others”, contact syncing, Duet, Stitch and downloads, and who can watch each video.',
    linkedin: 'A professional platform suits professional networking. It is still public: patient confidentiality applies in full. Check Visibility → “Edit your public profile” and profile viewing options.',
    group: 'Private groups and messages are not private: members can screenshot and forward, and messages can be disclosed later. Write as if it were public.'
  };

  function renderPlatform() {
    var note = PLATFORM_NOTES[settings.platform] || '';
    el.platformNote.textContent = note;
    el.platformNote.hidden = note === '';
  }

  // ---- settings and configuration ----

  function applySettings() {
    el.locale.value = settings.locale;
    el.role.value = settings.role;
    if (el.role.value !== settings.role) { settings.role = ''; el.role.value = ''; }
    el.platform.value = settings.platform;
    renderPlatform();
  }

  function onSettings() {
    hasSavedSettings = true;
    settings.locale = LOCALES.indexOf(el.locale.value) >= 0 ? el.locale.value : 'uk';
    settings.role = el.role.value;
    settings.platform = el.platform.value;
    save(SETTINGS_KEY, settings);
    renderPlatform();
  }

  // loadConfig asks the server whether dismissing a blocking finding needs a
  // reason; without an answer it does not.
  function loadConfig() {
    fetch('/v1/config', { headers: { 'Accept': 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (resp) { return resp.ok ? resp.json() : null; })
      .then(function (cfg) {
        if (!cfg || typeof cfg !== 'object') return;
        orgConfig.requireDismissReason = cfg.require_reason_for_block_dismissal === true;
        // the organisation's default code and role, until the user picks their own
        if (!hasSavedSettings) {
          var changed = false;
          if (LOCALES.indexOf(cfg.locale) >= 0 && cfg.locale !== settings.locale) { settings.locale = cfg.locale; changed = true; }
          if (typeof cfg.role === 'string' && cfg.role && cfg.role !== settings.role) {
            el.role.value = cfg.role;
            if (el.role.value === cfg.role) { settings.role = cfg.role; changed = true; }
          }
          if (changed) { applySettings(); if (el.draft.value.trim() !== '') recheck(); }
        }
      })
      .catch(function () { /* no configuration: defaults apply */ });
  }

  // ---- a photo, checked with the draft as its caption ----
  // The photo stays in this page's memory (never in storage) and goes only
  // to this origin's /v1/check/image and /v1/redact/image. The preview is
  // drawn on a canvas, so the policy needs no blob: or data: images.

  var MAX_PHOTO_BYTES = 20 * 1024 * 1024;
  var PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
  var WHAT = {
    GPS: 'Where it was taken (GPS position)', DATE: 'When it was taken', DEVICE: 'The camera or phone',
    NAME_OTHER: 'A name', CITY: 'A town', PROFESSION: 'A job'
  };
  var pel = {
    section: byId('photo'), zone: byId('dropzone'), file: byId('photo-file'), ocr: byId('photo-ocr'),
    preview: byId('preview'), box: byId('preview-box'), canvas: byId('preview-canvas'), caption: byId('preview-caption'),
    actions: byId('photo-actions'), recheck: byId('photo-recheck'), safe: byId('photo-safe'), remove: byId('photo-remove'),
    safeStatus: byId('photo-safe-status'),
    verdict: byId('photo-verdict'), icon: byId('photo-verdict-icon'), word: byId('photo-verdict-word'), detail: byId('photo-verdict-detail'),
    foundHeading: byId('photo-found-heading'), found: byId('photo-found'), warnings: byId('photo-warnings'),
    risksHeading: byId('photo-risks-heading'), risks: byId('photo-risks')
  };
  var photo = { file: null, ctl: null, seq: 0, drawn: false };

  function setPhotoVerdict(kind, icon, word, detail, busy) {
    pel.verdict.setAttribute('data-verdict', kind);
    if (busy) pel.verdict.setAttribute('aria-busy', 'true'); else pel.verdict.removeAttribute('aria-busy');
    pel.icon.textContent = icon;
    pel.word.textContent = word;
    pel.detail.textContent = detail;
  }

  function clearPhotoResults() {
    pel.found.replaceChildren();
    pel.warnings.replaceChildren();
    pel.risks.replaceChildren();
    pel.foundHeading.hidden = true;
    pel.risksHeading.hidden = true;
    pel.safeStatus.textContent = '';
    var old = pel.box.querySelectorAll('.box');
    for (var i = 0; i < old.length; i++) old[i].remove();
  }

  function photoForm() {
    var fd = new FormData();
    fd.append('file', photo.file, photo.file.name || 'photo');
    fd.append('caption', el.draft.value);
    fd.append('locale', settings.locale);
    if (settings.role) fd.append('role', settings.role);
    fd.append('ocr', pel.ocr.checked ? 'true' : 'false');
    if (ignore.length) fd.append('ignore', ignore.map(function (i) { return i.fingerprint; }).join(','));
    return fd;
  }

  function postForm(url, fd, signal) {
    return fetch(url, {
      method: 'POST', body: fd, signal: signal, credentials: 'same-origin', cache: 'no-store', referrerPolicy: 'no-referrer',
      headers: { 'Accept': 'application/json, image/*, application/problem+json' }
    }).then(answered);
  }

  function choosePhoto(file) {
    if (!file) return;
    if (PHOTO_TYPES.indexOf(file.type) < 0 && !/\.(jpe?g|png|webp|gif)$/i.test(file.name || '')) {
      setPhotoVerdict('error', '?', 'Not checked', 'Choose a JPEG, PNG, WebP or GIF picture. (iPhone HEIC photos: share or export them as JPEG.)');
      return;
    }
    if (file.size > MAX_PHOTO_BYTES) {
      setPhotoVerdict('error', '?', 'Not checked', 'The photo is larger than 20 MB: make a smaller copy first.');
      return;
    }
    photo.file = file;
    photo.drawn = false;
    clearPhotoResults();
    pel.preview.hidden = false;
    pel.actions.hidden = false;
    pel.caption.textContent = '';
    var canvas = pel.canvas;
    if (typeof window.createImageBitmap === 'function') {
      window.createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bmp) {
        if (photo.file !== file) return;
        var scale = Math.min(1, 1600 / Math.max(bmp.width, bmp.height));
        canvas.width = Math.max(1, Math.round(bmp.width * scale));
        canvas.height = Math.max(1, Math.round(bmp.height * scale));
        canvas.getContext('2d').drawImage(bmp, 0, 0, canvas.width, canvas.height);
        photo.drawn = true;
        if (bmp.close) bmp.close();
      }, function () { /* the browser cannot show it; the server may still read it */ });
    }
    checkPhoto();
  }

  function checkPhoto() {
    if (!photo.file) return;
    if (photo.ctl) photo.ctl.abort();
    var ctl = new AbortController();
    photo.ctl = ctl;
    var mySeq = ++photo.seq;
    clearPhotoResults();
    setPhotoVerdict('empty', '…', 'Checking the photo…', pel.ocr.checked ? 'Looking for faces, text and hidden details.' : 'Looking for faces and hidden details.', true);
    postForm('/v1/check/image', photoForm(), ctl.signal).then(function (resp) { return resp.json(); }).then(function (res) {
      if (mySeq !== photo.seq) return;
      renderPhoto(res);
    }).catch(function (err) {
      if (err && err.name === 'AbortError') return;
      if (mySeq !== photo.seq) return;
      var msg = err && err.status ? err.message : 'Could not reach the checker. Is scrubs still running?';
      setPhotoVerdict('error', '?', 'Photo not checked', msg);
    }).then(function () { if (photo.ctl === ctl) photo.ctl = null; });
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function renderPhoto(res) {
    var risks = Array.isArray(res.risks) ? res.risks.slice() : [];
    var info = res.image || {};
    var v = VERDICTS[res.verdict] || { icon: '?', word: String(res.verdict || 'Unknown'), detail: '' };
    var detail = (res.verdict === 'safe' ? 'Nothing found in the photo or its caption.' : v.detail);
    if (risks.length) detail += ' ' + plural(risks.length, 'finding.', 'findings.');
    setPhotoVerdict(res.verdict || 'error', v.icon, v.word, detail, false);

    var bits = [String(info.format || '').toUpperCase() + ' ' + info.width + '×' + info.height, plural(info.faces || 0, 'face', 'faces')];
    if (info.ocr) bits.push(plural(info.words || 0, 'word read', 'words read'));
    bits.push(info.metadata ? 'has hidden details (EXIF/XMP)' : 'no hidden details');
    pel.caption.textContent = bits.join(' · ');
    if (!photo.drawn && info.width && info.height) {
      // no preview from the browser: keep the shape so the boxes stand where they belong
      var scale = Math.min(1, 1600 / Math.max(info.width, info.height));
      pel.canvas.width = Math.max(1, Math.round(info.width * scale));
      pel.canvas.height = Math.max(1, Math.round(info.height * scale));
    }

    var found = document.createDocumentFragment();
    var n = 0;
    (Array.isArray(res.entities) ? res.entities : []).forEach(function (e) {
      if (!e || !e.source) return; // caption entities are the draft's
      var li = make('li', 'found-item src-' + e.source);
      li.setAttribute('data-source', e.source);
      li.setAttribute('data-type', String(e.type || ''));
      var label;
      if (e.source === 'face') label = 'A face';
      else if (e.source === 'ocr') label = 'Text read in the photo (' + String(e.type || '').toLowerCase().replace(/_/g, ' ') + '): “' + e.text + '”';
      else if (e.source === 'scene') label = 'It looks like an x-ray or scan';
      else label = (WHAT[e.type] || String(e.type || '')) + ', in the hidden details (' + e.source.toUpperCase() + '): ' + e.text;
      if (e.box && info.width && info.height) {
        n++;
        var box = make('div', 'box box-' + e.source);
        box.setAttribute('aria-hidden', 'true');
        box.style.left = (100 * e.box.x / info.width) + '%';
        box.style.top = (100 * e.box.y / info.height) + '%';
        box.style.width = (100 * e.box.w / info.width) + '%';
        box.style.height = (100 * e.box.h / info.height) + '%';
        box.appendChild(make('span', 'box-label', String(n)));
        pel.box.appendChild(box);
        label = 'Box ' + n + ': ' + label;
        li.addEventListener('mouseenter', function () { box.classList.add('active'); });
        li.addEventListener('mouseleave', function () { box.classList.remove('active'); });
      }
      li.appendChild(document.createTextNode(label));
      found.appendChild(li);
    });
    pel.found.replaceChildren(found);
    pel.foundHeading.hidden = pel.found.children.length === 0;

    var warn = document.createDocumentFragment();
    (Array.isArray(info.warnings) ? info.warnings : []).forEach(function (w) { warn.appendChild(make('li', 'warning', 'Not fully checked: ' + w)); });
    pel.warnings.replaceChildren(warn);

    risks.sort(function (a, b) { return (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0); });
    var frag = document.createDocumentFragment();
    risks.forEach(function (r) {
      var sev = SEVERITY_RANK[r.severity] === undefined ? 'info' : r.severity;
      var li = make('li', 'finding sev-' + sev);
      li.setAttribute('data-rule', r.rule || '');
      var head = make('div', 'finding-head');
      head.appendChild(make('span', 'badge sev-' + sev, SEVERITY_LABEL[sev] || sev));
      head.appendChild(make('h4', 'finding-title', r.title || r.rule));
      li.appendChild(head);
      li.appendChild(make('p', 'finding-message', r.message));
      if (r.fix) {
        var fix = make('p', 'finding-fix');
        fix.appendChild(make('span', 'label', 'Fix: '));
        fix.appendChild(document.createTextNode(r.fix));
        li.appendChild(fix);
      }
      var cites = Array.isArray(r.citations) ? r.citations : [];
      if (cites.length) li.appendChild(citationList(cites));
      var actions = make('div', 'finding-actions');
      actions.appendChild(make('span', 'rule', r.rule || ''));
      li.appendChild(actions);
      frag.appendChild(li);
    });
    pel.risks.replaceChildren(frag);
    pel.risksHeading.hidden = risks.length === 0;
  }

  function describeChanges(changes) {
    var faces = 0, fills = 0, strip = false;
    changes.forEach(function (c) {
      if (c.action === 'pixelate') faces++;
      else if (c.action === 'fill') fills++;
      else if (c.action === 'strip') strip = true;
    });
    var out = [];
    if (strip) out.push('hidden details removed');
    if (faces) out.push(plural(faces, 'face', 'faces') + ' blurred');
    if (fills) out.push(plural(fills, 'piece', 'pieces') + ' of text covered');
    return out.length ? out.join(', ') : 'nothing needed changing';
  }

  function downloadSafe() {
    if (!photo.file) return;
    pel.safeStatus.textContent = 'Making a safe copy…';
    var mySeq = photo.seq;
    postForm('/v1/redact/image', photoForm()).then(function (resp) {
      var changes = [];
      try { changes = JSON.parse(resp.headers.get('Scrubs-Changes') || '[]'); } catch (e) { changes = []; }
      var after = resp.headers.get('Scrubs-Verdict') || '';
      var type = resp.headers.get('Content-Type') || '';
      return resp.blob().then(function (blob) {
        var url = URL.createObjectURL(blob);
        var a = document.createElement('a');
        a.href = url;
        a.download = 'safe-copy.' + (type.indexOf('jpeg') >= 0 ? 'jpg' : 'png');
        a.hidden = true;
        document.body.appendChild(a);
        a.click();
        a.remove();
        window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
        if (mySeq !== photo.seq && !photo.file) return;
        pel.safeStatus.textContent = 'Safe copy downloaded: ' + describeChanges(changes) + '. ' +
          (VERDICTS[after] ? 'Checked again: ' + VERDICTS[after].word.toLowerCase() + '. ' : '') +
          'Look at it before you post: faces and text the checker missed are not covered.';
      });
    }).catch(function (err) {
      pel.safeStatus.textContent = 'No safe copy: ' + (err && err.status ? err.message : 'could not reach the checker.');
    });
  }

  function removePhoto() {
    if (photo.ctl) photo.ctl.abort();
    photo.file = null;
    photo.seq++;
    pel.file.value = '';
    clearPhotoResults();
    var c = pel.canvas;
    c.getContext('2d').clearRect(0, 0, c.width, c.height);
    pel.preview.hidden = true;
    pel.actions.hidden = true;
    pel.caption.textContent = '';
    setPhotoVerdict('empty', '…', 'No photo yet', 'Choose or drop a photo to check it.', false);
    pel.file.focus();
  }

  function hasFiles(e) {
    return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], 'Files') >= 0;
  }

  pel.file.addEventListener('change', function () { choosePhoto(pel.file.files && pel.file.files[0]); });
  pel.zone.addEventListener('dragover', function (e) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    pel.zone.classList.add('over');
  });
  pel.zone.addEventListener('dragleave', function () { pel.zone.classList.remove('over'); });
  pel.zone.addEventListener('drop', function (e) {
    pel.zone.classList.remove('over');
    if (!hasFiles(e)) return;
    e.preventDefault();
    choosePhoto(e.dataTransfer.files[0]);
  });
  // a photo dropped beside the zone must not replace the page
  window.addEventListener('dragover', function (e) { if (hasFiles(e)) e.preventDefault(); });
  window.addEventListener('drop', function (e) { if (hasFiles(e)) e.preventDefault(); });
  pel.ocr.addEventListener('change', checkPhoto);
  pel.recheck.addEventListener('click', checkPhoto);
  pel.safe.addEventListener('click', downloadSafe);
  pel.remove.addEventListener('click', removePhoto);

  // ---- wiring ----

  byId('profile').addEventListener('submit', function (e) { e.preventDefault(); });
  el.draft.addEventListener('input', onInput);
  el.draft.addEventListener('scroll', syncScroll);
  el.clear.addEventListener('click', function () {
    el.draft.value = '';
    onInput();
    el.draft.focus();
  });
  el.locale.addEventListener('change', function () { onSettings(); recheck(); });
  el.role.addEventListener('change', function () { onSettings(); recheck(); });
  el.platform.addEventListener('change', onSettings);
  el.copy.addEventListener('click', copySafer);
  el.useSafer.addEventListener('click', useSafer);
  el.restoreAll.addEventListener('click', function () {
    ignore = [];
    save(IGNORE_KEY, ignore);
    renderDismissed();
    recheck();
  });
  el.dialogKeep.addEventListener('click', function () { el.dialog.close(); });
  el.dialogConfirm.addEventListener('click', confirmDismiss);
  el.dialog.addEventListener('close', function () {
    if (pendingDismiss && pendingDismiss.li) {
      var b = pendingDismiss.li.querySelector('button.finding-action');
      if (b) b.focus();
    }
    pendingDismiss = null;
  });
  window.addEventListener('resize', syncScroll);

  applySettings();
  renderDismissed();
  loadConfig();
  autoSize();
  updateCount();
  if (el.draft.value.trim() !== '') check(); else showEmpty();
}());
