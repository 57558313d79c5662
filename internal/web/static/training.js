// scrubs training page: runs a session of the scenarios of `scrubs train`
// (GET /v1/training/scenarios, same origin): one scenario at a time, the
// choices as buttons (or keys 1–4), feedback with the reasons and the
// guidance after each choice, and a score at the end. Nothing is sent back:
// the results are kept in this page's memory and downloaded as CSV or JSON
// made here.
(function () {
  'use strict';

  var SETTINGS_KEY = 'scrubs.settings.v1'; // the main page's code and role, read only
  var CATEGORY_NAMES = {
    CONFIDENTIALITY: 'Confidentiality', DEROGATORY: 'Derogatory remarks', DEFAMATION: 'Defamation',
    WORKPLACE_CONCERN: 'Raising concerns', BOUNDARY: 'Boundaries with patients', CONDUCT: 'Conduct',
    CLINICAL_ADVICE: 'Clinical advice online', CONFLICT_OF_INTEREST: 'Conflicts of interest',
    COLLEAGUE: 'Colleagues', DISCLAIMER: 'Disclaimers'
  };
  var CATEGORY_ORDER = Object.keys(CATEGORY_NAMES);

  function byId(id) { return document.getElementById(id); }
  var el = {
    setup: byId('setup'), form: byId('setup-form'), locale: byId('t-locale'), role: byId('t-role'),
    category: byId('t-category'), count: byId('t-count'), name: byId('t-name'), start: byId('start'),
    setupError: byId('setup-error'),
    session: byId('session'), progress: byId('progress'), cat: byId('scenario-category'), title: byId('scenario-title'),
    situation: byId('situation'), choices: byId('choices'),
    feedback: byId('feedback'), verdict: byId('feedback-verdict'), why: byId('feedback-why'), best: byId('feedback-best'),
    cites: byId('feedback-cites'), next: byId('next'), stop: byId('stop'),
    done: byId('done'), scoreHeading: byId('score-heading'), score: byId('score'), byCat: byId('by-category-body'),
    seedNote: byId('seed-note'), csv: byId('download-csv'), json: byId('download-json'), again: byId('again')
  };

  function make(tag, cls, text) {
    var n = document.createElement(tag);
    if (cls) n.className = cls;
    if (text !== undefined && text !== null) n.textContent = text;
    return n;
  }

  // defaults from the main page's settings, when it has any
  (function () {
    var s = null;
    try { s = JSON.parse(window.localStorage.getItem(SETTINGS_KEY)); } catch (e) { s = null; }
    if (!s) return;
    if (typeof s.locale === 'string') { el.locale.value = s.locale; if (el.locale.value !== s.locale) el.locale.value = ''; }
    if (typeof s.role === 'string') { el.role.value = s.role; if (el.role.value !== s.role) el.role.value = ''; }
  }());

  var session = null; // {scenarios, i, answers, started, seed, filter, chosen}

  function start(e) {
    if (e) e.preventDefault();
    el.setupError.hidden = true;
    var q = new URLSearchParams();
    var filter = { locale: el.locale.value, role: el.role.value, category: el.category.value };
    if (filter.locale) q.set('locale', filter.locale);
    if (filter.role) q.set('role', filter.role);
    if (filter.category) q.set('category', filter.category);
    q.set('count', el.count.value);
    el.start.disabled = true;
    fetch('/v1/training/scenarios?' + q.toString(), {
      headers: { 'Accept': 'application/json, application/problem+json' }, credentials: 'same-origin', cache: 'no-store'
    }).then(function (resp) {
      return resp.json().then(function (body) {
        if (!resp.ok) throw new Error((body && (body.detail || body.title)) || ('The server answered ' + resp.status + '.'));
        return body;
      });
    }).then(function (body) {
      if (!body || !Array.isArray(body.scenarios) || body.scenarios.length === 0) throw new Error('No scenarios match: choose another topic or role.');
      session = { scenarios: body.scenarios, i: 0, answers: [], started: new Date(), seed: body.seed, filter: filter, chosen: 0 };
      el.setup.hidden = true;
      el.done.hidden = true;
      el.session.hidden = false;
      show();
    }).catch(function (err) {
      el.setupError.textContent = (err && err.message) || 'Could not load the scenarios.';
      el.setupError.hidden = false;
    }).then(function () { el.start.disabled = false; });
  }

  function show() {
    var s = session.scenarios[session.i];
    session.chosen = 0;
    el.progress.textContent = 'Scenario ' + (session.i + 1) + ' of ' + session.scenarios.length;
    el.cat.textContent = CATEGORY_NAMES[s.category] || s.category;
    el.title.textContent = s.title;
    el.situation.textContent = s.situation;
    var frag = document.createDocumentFragment();
    s.choices.forEach(function (c, k) {
      var li = make('li', 'choice');
      var b = make('button', 'choice-btn', '');
      b.type = 'button';
      b.setAttribute('data-choice', String(k + 1));
      b.appendChild(make('span', 'choice-key', String(k + 1)));
      b.appendChild(make('span', 'choice-text', c.text));
      b.addEventListener('click', function () { choose(k + 1); });
      li.appendChild(b);
      frag.appendChild(li);
    });
    el.choices.replaceChildren(frag);
    el.feedback.hidden = true;
    el.next.textContent = session.i + 1 < session.scenarios.length ? 'Next scenario' : 'See my score';
    el.stop.hidden = session.i + 1 >= session.scenarios.length;
    el.title.focus();
  }

  function choose(n) {
    if (!session || session.chosen) return;
    var s = session.scenarios[session.i];
    if (n < 1 || n > s.choices.length) return;
    session.chosen = n;
    var correct = n === s.best;
    session.answers.push({ scenario: s.id, category: s.category, chosen: n, best: s.best, correct: correct });
    var buttons = el.choices.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      var k = i + 1;
      buttons[i].setAttribute('aria-disabled', 'true');
      buttons[i].classList.add('answered');
      if (k === s.best) {
        buttons[i].classList.add('best');
        buttons[i].appendChild(make('span', 'choice-tag', 'Best answer'));
      }
      if (k === n) {
        buttons[i].classList.add('chosen');
        buttons[i].setAttribute('aria-pressed', 'true');
        if (!correct) buttons[i].appendChild(make('span', 'choice-tag', 'Your choice'));
      }
    }
    el.feedback.setAttribute('data-correct', correct ? 'true' : 'false');
    el.verdict.textContent = correct ? '✓ Best answer.' : '✕ Not the best answer.';
    el.why.textContent = s.choices[n - 1].why;
    el.best.replaceChildren();
    if (!correct) {
      var p = make('p', 'best-answer');
      p.appendChild(make('span', 'label', 'The best answer: '));
      p.appendChild(document.createTextNode(s.choices[s.best - 1].text + ' — ' + s.choices[s.best - 1].why));
      el.best.appendChild(p);
    }
    el.cites.replaceChildren(citations(s.citations || []));
    el.feedback.hidden = false;
    el.feedback.focus();
  }

  function citations(list) {
    var frag = document.createDocumentFragment();
    frag.appendChild(make('span', 'label', 'Guidance:'));
    var ul = make('ul', 'cites');
    list.forEach(function (c) {
      var li = make('li', 'cite');
      var label = String(c.document || c.source || '');
      if (c.year) label += ', ' + c.year;
      if (c.paragraph) label += ', ' + (/^[0-9]/.test(c.paragraph) ? 'para ' : /^\(/.test(c.paragraph) ? 'item ' : '') + c.paragraph;
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
        tag.title = 'This paragraph has not yet been checked against the document.';
        li.appendChild(tag);
      }
      ul.appendChild(li);
    });
    frag.appendChild(ul);
    return frag;
  }

  function next() {
    if (!session) return;
    if (session.i + 1 < session.scenarios.length) {
      session.i++;
      show();
    } else {
      finish();
    }
  }

  function score() {
    var correct = 0;
    session.answers.forEach(function (a) { if (a.correct) correct++; });
    return { correct: correct, answered: session.answers.length };
  }

  function byCategory() {
    var m = {};
    session.answers.forEach(function (a) {
      var c = m[a.category] || (m[a.category] = { category: a.category, correct: 0, answered: 0 });
      c.answered++;
      if (a.correct) c.correct++;
    });
    return Object.keys(m).sort(function (a, b) {
      var ra = CATEGORY_ORDER.indexOf(a), rb = CATEGORY_ORDER.indexOf(b);
      return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb);
    }).map(function (k) { return m[k]; });
  }

  function finish() {
    session.finished = new Date();
    var sc = score();
    el.session.hidden = true;
    el.done.hidden = false;
    el.score.textContent = 'You chose the best answer in ' + sc.correct + ' of ' + sc.answered + ' scenario' + (sc.answered === 1 ? '' : 's') +
      (sc.answered < session.scenarios.length ? ' (you stopped after ' + sc.answered + ' of ' + session.scenarios.length + ').' : '.');
    var frag = document.createDocumentFragment();
    byCategory().forEach(function (c) {
      var tr = make('tr');
      tr.appendChild(make('td', '', CATEGORY_NAMES[c.category] || c.category));
      tr.appendChild(make('td', '', c.correct + ' of ' + c.answered));
      frag.appendChild(tr);
    });
    el.byCat.replaceChildren(frag);
    el.seedNote.textContent = 'Session ' + session.seed + ': `scrubs train --seed ' + session.seed + '` repeats this set of scenarios.';
    el.scoreHeading.focus();
  }

  // ---- results, made in the browser: the fields of `scrubs train --export` ----

  function iso(d) { return d.toISOString().replace(/\.\d{3}Z$/, 'Z'); }

  function results() {
    var sc = score();
    var out = {
      name: el.name.value.trim(), started: iso(session.started), finished: iso(session.finished || new Date()),
      role: session.filter.role || undefined, locale: session.filter.locale || undefined,
      category: session.filter.category || undefined, seed: session.seed, asked: session.scenarios.length,
      answers: session.answers, score: sc.correct, answered: sc.answered, categories: byCategory()
    };
    return out;
  }

  // csvCell quotes a cell when needed, and keeps a spreadsheet from running
  // a name as a formula.
  function csvCell(v, isName) {
    var s = String(v);
    if (isName && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCSV(r) {
    var rows = [['name', 'started', 'finished', 'scenario', 'category', 'chosen', 'best', 'correct', 'score', 'answered', 'asked'].join(',')];
    r.answers.forEach(function (a) {
      rows.push([csvCell(r.name, true), r.started, r.finished, csvCell(a.scenario), csvCell(a.category), a.chosen, a.best,
        a.correct ? 'true' : 'false', r.score, r.answered, r.asked].join(','));
    });
    return rows.join('\r\n') + '\r\n';
  }

  function download(kind) {
    if (!session) return;
    var r = results();
    var body = kind === 'csv' ? toCSV(r) : JSON.stringify(r, null, 2) + '\n';
    var blob = new Blob([body], { type: kind === 'csv' ? 'text/csv' : 'application/json' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = 'scrubs-training-' + r.finished.slice(0, 10) + '.' + kind;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  // ---- wiring ----

  el.form.addEventListener('submit', start);
  el.next.addEventListener('click', next);
  el.stop.addEventListener('click', finish);
  el.csv.addEventListener('click', function () { download('csv'); });
  el.json.addEventListener('click', function () { download('json'); });
  el.again.addEventListener('click', function () {
    session = null;
    el.done.hidden = true;
    el.session.hidden = true;
    el.setup.hidden = false;
    el.start.focus();
  });
  // keys 1–4 choose while a scenario waits for an answer
  document.addEventListener('keydown', function (e) {
    if (!session || el.session.hidden || session.chosen || e.altKey || e.ctrlKey || e.metaKey) return;
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    if (/^[1-4]$/.test(e.key)) {
      e.preventDefault();
      choose(Number(e.key));
    }
  });
  // exposed for the browser test: the answers so far (no text of anyone's)
  window.scrubsTraining = { results: function () { return session ? results() : null; }, csv: function () { return session ? toCSV(results()) : ''; } };
}());
