// The explorer's page: search, the concept panel, the map, the plan, the
// language switch and the state in the URL. Served, it asks the server
// (/api/…); offline, it works over the model and the maps (one per
// language) embedded in the page.
// Every text from the data goes into the page with textContent.
(function () {
  'use strict';

  const XLINK = 'http://www.w3.org/1999/xlink';
  const SVGNS = 'http://www.w3.org/2000/svg';

  const readJSON = (id) => JSON.parse(document.getElementById(id).textContent);
  const cfg = readJSON('cm-config');
  const offline = cfg.mode === 'offline';
  const q = (sel, root) => (root || document).querySelector(sel);

  // The page's own elements, found once, before any map (whose ids are
  // concept ids) is in the document.
  const E = {
    search: q('#cm-search'), suggest: q('#cm-suggest'), langs: q('.cm-langs'),
    downloads: q('#cm-downloads'), banner: q('#cm-banner'),
    concept: q('#cm-concept'), plan: q('#cm-plan'),
    show: q('#cm-show'), depth: q('#cm-depth'), depthLabel: q('.cm-depth span'),
    rels: q('#cm-rels'), zoom: q('.cm-zoom'), map: q('#cm-map'), status: q('.cm-status'),
    hover: q('#cm-hover'),
  };

  const UI = {
    en: {
      search: 'Search: English, 中文 or alias  ( / )', noMatch: 'No concept matches',
      overview: 'Overview', focus: 'Neighbourhood', plan: 'Learning plan', all: 'Whole map', depth: 'Depth', fit: 'Fit',
      openCategory: 'Click to see its concepts', backToOverview: '← Overview',
      download: 'Download', allRels: 'All relations',
      needs: 'Needs first', unlocks: 'Leads to', related: 'Related', analogy: 'Analogy',
      refs: 'References', aliases: 'Also called', learn: 'Plan to learn this', unlearn: 'In your plan ✓',
      know: 'I know this', goals: 'Goals', known: 'Known', clear: 'Clear',
      noTargets: 'Pick a concept and press “Plan to learn this”. Its plan appears here and on the map: what to learn first, in order, and why each step is needed.',
      steps: (n) => (n === 1 ? '1 step' : n + ' steps'), tick: 'Tick what you already know.',
      nothing: 'Nothing left to learn: you already know it all.', already: 'Already known: ',
      because: 'because', goal: 'goal', drawing: 'Drawing…',
      background: 'Background (optional): worth a look, not required',
      toFile: 'Save known to file', fromFile: 'Load known from file',
      welcome: 'Explore the concept map',
      welcomeText: 'Search for a concept above, or click a category on the map to see its concepts. Each concept shows what it needs first and what it leads to; plan a path to any of them, tick what you know, and download the map you see.',
      concepts: (n) => n + ' concepts', relations: (n) => (n === 1 ? '1 relation' : n + ' relations'), dataError: 'The data has problems. The explorer still shows the last good version.',
      noData: 'The data has problems, and there is no good version to show yet.',
      offline: 'Offline copy: search, click and plan work without a network.',
      showOnMap: 'Show plan on the map', remove: 'Remove',
    },
    zh: {
      search: '搜索:中文、English 或别名  ( / )', noMatch: '没有匹配的概念',
      overview: '概览', focus: '邻近概念', plan: '学习路线', all: '全图', depth: '深度', fit: '适应',
      openCategory: '点击查看其中的概念', backToOverview: '← 概览',
      download: '下载', allRels: '全部关系',
      needs: '需要先学', unlocks: '通向', related: '相关', analogy: '类比',
      refs: '参考资料', aliases: '又称', learn: '规划学习路线', unlearn: '已在路线中 ✓',
      know: '我已掌握', goals: '目标', known: '已掌握', clear: '清除',
      noTargets: '选择一个概念,点“规划学习路线”。路线会显示在这里和图上:先学什么、按什么顺序,以及每一步为什么需要。',
      steps: (n) => n + ' 步', tick: '勾选你已经掌握的概念。',
      nothing: '没有要学的了:你都已掌握。', already: '已掌握:',
      because: '因为', goal: '目标', drawing: '绘制中…',
      background: '背景(可选):值得一看,但不是必需',
      toFile: '把已掌握保存到文件', fromFile: '从文件读取已掌握',
      welcome: '探索概念图',
      welcomeText: '在上方搜索概念,或点击图中的类别查看其中的概念。每个概念都列出需要先学什么、之后通向什么;可以为任何概念规划学习路线,勾选已掌握的内容,并下载当前的图。',
      concepts: (n) => n + ' 个概念', relations: (n) => n + ' 条关系', dataError: '数据有问题。探索器仍在显示上一个正确的版本。',
      noData: '数据有问题,还没有可以显示的正确版本。',
      offline: '离线版:搜索、点击和学习路线都无需网络。',
      showOnMap: '在图上显示路线', remove: '移除',
    },
  };
  const ui = (k) => UI[state.lang === 'zh' ? 'zh' : 'en'][k];

  // ---- The model of the graph.

  let model = null, ix = null, byID = new Map(), version = -1;

  function setModel(m) {
    model = m;
    ix = cmCore.index(m);
    byID = new Map(m.concepts.map((c) => [c.id, c]));
  }

  // text picks a Text in the current language, as graph.Text.In does.
  function text(t, lang) {
    if (!t) return '';
    lang = lang || state.lang;
    const en = t.en || '', zh = t.zh || '';
    if (lang === 'zh') return zh || en;
    if (lang === 'both') {
      if (!en) return zh;
      if (!zh || zh === en) return en;
      return en + ' (' + zh + ')';
    }
    return en || zh;
  }
  // prose is running text: with both languages, names show both but
  // sentences keep to one, as on the command line.
  const proseLang = () => (state.lang === 'zh' ? 'zh' : 'en');
  const nameOf = (id, lang) => (byID.has(id) ? text(byID.get(id).names, lang) : id);
  // The overview is worth a first look when the concepts are in two
  // categories or more.
  const manyCategories = () => !model || new Set(model.concepts.map((c) => c.category)).size > 1;
  const categoryOf = (id) => (model && id ? model.categories.find((x) => x.id === id) : undefined);
  // A category's node on the overview has the id category-ID.
  const categoryNode = (g) => g.classList.contains('category') && categoryOf(g.id.replace(/^category-/, ''));
  const relation = (id) => (ix && ix.rels.get(id)) || { id, label: { en: id }, inverse: { en: id }, first: 'none', color: '#4a5568' };

  // ---- State, kept in the URL's fragment.

  // show is what the map shows: the overview (one node per category),
  // a category's concepts, a concept's neighbourhood, a plan or the
  // whole map.
  const state = { focus: '', depth: 1, rel: [], lang: cfg.lang || 'both', targets: [], known: [], show: '', category: '' };
  const LANGS = ['en', 'zh', 'both'], SHOWS = ['overview', 'category', 'focus', 'plan', 'all'];

  const list = (s) => (s ? s.split(',').filter(Boolean) : []);

  function decode(hash) {
    const p = new URLSearchParams(hash.replace(/^#/, ''));
    const depth = parseInt(p.get('depth') || '1', 10);
    const s = {
      focus: p.get('focus') || '',
      depth: depth >= 1 && depth <= 3 ? depth : 1,
      rel: list(p.get('rel')),
      lang: LANGS.includes(p.get('lang')) ? p.get('lang') : cfg.lang || 'both',
      targets: list(p.get('targets')),
      known: list(p.get('known')),
      show: SHOWS.includes(p.get('show')) ? p.get('show') : '',
      category: p.get('category') || '',
    };
    return s;
  }

  function encode(s) {
    const p = new URLSearchParams();
    if (s.focus) p.set('focus', s.focus);
    if (s.depth !== 1) p.set('depth', String(s.depth));
    if (s.rel.length) p.set('rel', s.rel.join(','));
    p.set('lang', s.lang);
    if (s.targets.length) p.set('targets', s.targets.join(','));
    if (s.known.length) p.set('known', s.known.join(','));
    p.set('show', s.show);
    if (s.category) p.set('category', s.category);
    return p.toString();
  }

  // normalize drops what the graph does not hold and picks what the map
  // shows when the state does not say.
  function normalize() {
    if (model) {
      if (state.focus && !byID.has(state.focus)) state.focus = '';
      state.targets = [...new Set(state.targets.filter((id) => byID.has(id)))];
      state.known = [...new Set(state.known.filter((id) => byID.has(id)))];
      state.rel = [...new Set(state.rel.filter((id) => ix.rels.has(id)))];
      if (!categoryOf(state.category)) state.category = '';
    }
    if (state.show === 'focus' && !state.focus) state.show = '';
    if (state.show === 'plan' && !state.targets.length) state.show = '';
    if (state.show === 'category' && !state.category) state.show = '';
    if (!state.show) state.show = state.focus ? 'focus' : state.targets.length ? 'plan' : manyCategories() ? 'overview' : 'all';
    if (state.show !== 'category') state.category = '';
  }

  // navigate changes the state, records it in the history (so back and
  // forward work, and the address can be shared) and shows it.
  function navigate(patch, replace) {
    Object.assign(state, patch);
    normalize();
    saveKnown();
    const h = '#' + encode(state);
    if (replace) history.replaceState(null, '', h);
    else if (h !== location.hash) history.pushState(null, '', h);
    update();
  }

  // What the learner ticked as known is kept in the browser's storage, so
  // it lasts from one visit to the next. Served (unless the server leaves
  // it alone, cfg.knownFile false), the file that 'conceptmap known' keeps
  // fills a storage that holds nothing yet, and the page can move the
  // list to and from it; they are never merged behind the learner's back.
  const knownKey = 'conceptmap.known';
  function saveKnown() {
    try {
      localStorage.setItem(knownKey, JSON.stringify(state.known));
    } catch (err) { /* storage may be off: the address still holds it */ }
  }
  function storedKnown() {
    try {
      const v = JSON.parse(localStorage.getItem(knownKey) || '[]');
      return Array.isArray(v) ? v.filter((id) => typeof id === 'string') : [];
    } catch (err) {
      return [];
    }
  }
  async function knownToFile() {
    try {
      const r = await fetch('/api/known', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(state.known) });
      if (!r.ok) throw new Error((await r.text()).trim() || r.statusText);
    } catch (err) {
      showError(err.message);
    }
  }
  // fileKnown is what the known file holds, or nothing if it cannot be
  // read (the plan panel's button says why).
  async function fileKnown() {
    try {
      return (await getJSON('/api/known')).known;
    } catch (err) {
      return [];
    }
  }
  async function knownFromFile() {
    try {
      const r = await getJSON('/api/known');
      navigate({ known: r.known });
    } catch (err) {
      showError(err.message);
    }
  }

  window.addEventListener('popstate', () => {
    Object.assign(state, decode(location.hash));
    normalize();
    update();
  });

  // hrefFor is the address of the state with patch applied, for links
  // that open in a new tab; a plain click goes through navigate.
  const hrefFor = (patch) => '#' + encode(Object.assign({}, state, patch));

  // ---- Small DOM helpers.

  function h(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const kid of kids.flat()) {
      if (kid === null || kid === undefined || kid === false) continue;
      e.append(typeof kid === 'string' ? document.createTextNode(kid) : kid);
    }
    return e;
  }

  // fill replaces el's children with kids, skipping the empty ones.
  function fill(el, ...kids) {
    el.replaceChildren(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false));
  }

  // conceptLink is a link that moves the focus to a concept.
  function conceptLink(id, cls) {
    return h('a', {
      class: cls || 'cm-link', href: hrefFor({ focus: id, show: 'focus' }), text: nameOf(id),
      onclick: (ev) => {
        if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
        ev.preventDefault();
        navigate({ focus: id, show: keptShow() });
      },
    });
  }

  // refLink is a reference's address: its URL, or its arXiv abstract page.
  function refLink(r) {
    return r.url || (r.arxiv ? cfg.arxiv + r.arxiv : '');
  }

  function safeLink(url) {
    return /^https?:\/\//i.test(url || '') ? url : '';
  }

  async function getJSON(url) {
    const r = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!r.ok) throw new Error((await r.text()).trim() || r.statusText);
    return r.json();
  }

  const join = (ids) => ids.map(encodeURIComponent).join(',');

  // ---- Drawing the page.

  let busy = 0;
  const setBusy = (d) => {
    busy += d;
    document.body.dataset.busy = String(busy);
  };

  async function update() {
    setBusy(1);
    try {
      chrome();
      conceptPanel();
      await refreshPlan();
      await refreshMap();
    } finally {
      setBusy(-1);
    }
  }

  // chrome updates the controls and labels to the state.
  function chrome() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh' : 'en';
    E.search.placeholder = ui('search');
    for (const b of E.langs.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
    for (const b of E.show.querySelectorAll('button')) {
      const s = b.dataset.show;
      if (s === 'category') {
        const cat = categoryOf(state.category);
        b.hidden = !cat;
        b.textContent = cat ? text(cat.name) : '';
        b.setAttribute('aria-pressed', String(s === state.show));
        continue;
      }
      b.textContent = ui(s);
      b.setAttribute('aria-pressed', String(s === state.show));
      b.disabled = (s === 'focus' && !state.focus) || (s === 'plan' && !state.targets.length);
    }
    E.depthLabel.textContent = ui('depth');
    E.depth.value = String(state.depth);
    E.depth.disabled = state.show !== 'focus';
    q('[data-zoom=fit]', E.zoom).textContent = ui('fit');
    E.rels.replaceChildren(...(model ? model.relations : []).map((r) => h('button', {
      type: 'button', class: 'cm-chip', 'data-rel': r.id, 'aria-pressed': String(state.rel.includes(r.id)),
      onclick: () => navigate({ rel: state.rel.includes(r.id) ? state.rel.filter((x) => x !== r.id) : state.rel.concat(r.id) }),
    }, h('i', { class: 'cm-swatch', style: 'background:' + cssColor(r.color) }), text(r.label, proseLang()))));
    E.rels.title = ui('allRels');
    if (!offline && cfg.formats && cfg.formats.length) {
      E.downloads.hidden = false;
      q('summary', E.downloads).textContent = ui('download');
      const qs = mapQuery();
      q('ul', E.downloads).replaceChildren(...cfg.formats.map((f) => h('li', {},
        h('a', { href: '/download?format=' + encodeURIComponent(f.id) + '&' + qs, download: '', 'data-format': f.id, text: f.label }))));
    }
  }

  function cssColor(c) {
    return /^(#[0-9a-fA-F]{3,8}|[a-zA-Z]+[0-9]*)$/.test(c || '') ? c : '#4a5568';
  }

  // conceptPanel shows the focused concept: names, summary, analogy,
  // references, and its relations both ways as links.
  function conceptPanel() {
    const p = E.concept;
    if (!model) { p.replaceChildren(); return; }
    const c = byID.get(state.focus);
    const cat = state.show === 'category' && categoryOf(state.category);
    if (!c && cat) {
      const members = model.concepts.filter((x) => x.category === cat.id);
      fill(p,
        h('button', { type: 'button', class: 'cm-back', text: ui('backToOverview'), onclick: () => navigate({ show: 'overview' }) }),
        h('h2', { text: text(cat.name) }),
        h('p', { class: 'cm-muted', text: ui('concepts')(members.length) }),
        h('ul', { class: 'cm-members' }, members.map((x) => h('li', { 'data-id': x.id }, conceptLink(x.id)))));
      return;
    }
    if (!c) {
      fill(p,
        h('h2', { text: ui('welcome') }),
        h('p', { class: 'cm-muted', text: ui('concepts')(model.concepts.length) }),
        h('p', { text: ui('welcomeText') }),
        offline ? h('p', { class: 'cm-note', text: ui('offline') }) : null);
      return;
    }
    const names = [];
    if (state.lang === 'both') {
      names.push(h('h2', { text: c.names.en || c.names.zh }));
      if (c.names.zh && c.names.en && c.names.zh !== c.names.en) names.push(h('p', { class: 'cm-zhname', text: c.names.zh }));
    } else {
      names.push(h('h2', { text: text(c.names) }));
      const other = text(c.names, state.lang === 'zh' ? 'en' : 'zh');
      if (other !== text(c.names)) names.push(h('p', { class: 'cm-zhname', text: other }));
    }
    const home = categoryOf(c.category);
    const meta = h('p', { class: 'cm-meta' },
      h('span', { class: 'cm-cat', text: home ? text(home.name) : c.category }), ' ',
      h('code', { text: c.id }));
    const aliases = c.aliases && c.aliases.length
      ? h('p', { class: 'cm-aliases' }, ui('aliases') + ': ', c.aliases.join(', ')) : null;
    const paras = (t) => (state.lang === 'both' ? [t.en, t.zh] : [text(t)]).filter(Boolean).filter((s, i, a) => a.indexOf(s) === i);
    const summary = paras(c.summary).map((s) => h('p', { class: 'cm-summary', text: s }));
    const analogy = c.analogy ? h('div', { class: 'cm-analogy' },
      h('h3', { text: ui('analogy') }), paras(c.analogy).map((s) => h('p', { text: s }))) : null;
    const isTarget = state.targets.includes(c.id), isKnown = state.known.includes(c.id);
    const actions = h('div', { class: 'cm-actions' },
      h('button', {
        type: 'button', class: 'cm-primary', id: 'cm-learn', 'aria-pressed': String(isTarget),
        text: isTarget ? ui('unlearn') : ui('learn'),
        onclick: () => navigate(isTarget
          ? { targets: state.targets.filter((x) => x !== c.id) }
          : { targets: state.targets.concat(c.id), known: state.known.filter((x) => x !== c.id), show: 'plan' }),
      }),
      h('label', { class: 'cm-know' },
        h('input', {
          type: 'checkbox', id: 'cm-know', checked: isKnown,
          onchange: (ev) => navigate({ known: ev.target.checked ? state.known.concat(c.id) : state.known.filter((x) => x !== c.id) }),
        }), ' ' + ui('know')));
    const groups = { needs: [], unlocks: [], related: [] };
    const add = (i, forward) => {
      const e = model.edges[i], r = relation(e.relation);
      const other = forward ? e.to : e.from;
      // Is the other end learned first?
      const o = cmCore.order(ix, i);
      const key = !o ? 'related' : ix.byID.get(other) === o[0] ? 'needs' : 'unlocks';
      const why = e.why ? text(e.why, proseLang()) : '';
      groups[key].push(h('li', {},
        h('span', { class: 'cm-rel', style: 'color:' + cssColor(r.color), text: text(forward ? r.label : r.inverse, proseLang()) }), ' ',
        conceptLink(other), why ? h('div', { class: 'cm-why', text: why }) : null));
    };
    const v = ix.byID.get(c.id);
    ix.out[v].forEach((i) => add(i, true));
    ix.in[v].forEach((i) => add(i, false));
    const rels = ['needs', 'unlocks', 'related'].filter((k) => groups[k].length).map((k) =>
      h('section', { class: 'cm-rels-' + k }, h('h3', { text: ui(k) + ' (' + groups[k].length + ')' }), h('ul', { class: 'cm-edges' }, groups[k])));
    const refs = c.refs && c.refs.length ? h('section', {}, h('h3', { text: ui('refs') }), h('ul', { class: 'cm-refs' },
      c.refs.map((r) => h('li', {}, safeLink(refLink(r))
        ? h('a', { href: safeLink(refLink(r)), target: '_blank', rel: 'noopener noreferrer', text: r.title || refLink(r) })
        : h('span', { text: r.title }))))) : null;
    fill(p, names, meta, aliases, summary, analogy, actions, rels, refs);
  }

  // ---- The plan.

  let plan = null, planKey = '';
  const planCache = new Map();

  async function refreshPlan() {
    if (!model || !state.targets.length) {
      plan = null;
      planKey = '';
      planPanel();
      return;
    }
    const key = 'targets=' + join(state.targets) + '&known=' + join(state.known);
    if (key !== planKey) {
      let p = planCache.get(key);
      if (!p) {
        try {
          p = offline ? cmCore.plan(ix, state.targets, state.known) : await getJSON('/api/plan?' + key);
        } catch (err) {
          showError(err.message);
          return;
        }
        planCache.set(key, p);
      }
      plan = p;
      planKey = key;
    }
    planPanel();
  }

  // chainText reads a step's "because" chain, from the step to a target.
  function chainText(start, edges) {
    let cur = start;
    const parts = [nameOf(cur, proseLang())];
    for (const e of edges) {
      const r = relation(e.relation), fwd = e.from === cur;
      cur = fwd ? e.to : e.from;
      parts.push(' —' + text(fwd ? r.label : r.inverse, proseLang()) + '→ ', nameOf(cur, proseLang()));
    }
    return parts.join('');
  }

  function chips(label, ids, field) {
    if (!ids.length) return null;
    return h('div', { class: 'cm-chips' }, h('span', { class: 'cm-chips-label', text: label }),
      ids.map((id) => h('span', { class: 'cm-chip cm-' + field }, conceptLink(id),
        h('button', {
          type: 'button', class: 'cm-x', 'aria-label': ui('remove'), text: '×',
          onclick: () => navigate({ [field]: state[field].filter((x) => x !== id) }),
        }))));
  }

  function planPanel() {
    const p = E.plan;
    const head = h('h2', { text: ui('plan') });
    if (!plan) {
      fill(p, head, chips(ui('known'), state.known, 'known'), h('p', { class: 'cm-muted', text: ui('noTargets') }));
      return;
    }
    const clear = h('button', { type: 'button', class: 'cm-clear', text: ui('clear'), onclick: () => navigate({ targets: [], known: [] }) });
    const parts = [h('div', { class: 'cm-planhead' }, head, clear), chips(ui('goals'), state.targets, 'targets'), chips(ui('known'), state.known, 'known')];
    if (cfg.knownFile) {
      parts.push(h('div', { class: 'cm-knownfile' },
        h('button', { type: 'button', class: 'cm-tofile', text: ui('toFile'), onclick: knownToFile }),
        h('button', { type: 'button', class: 'cm-fromfile', text: ui('fromFile'), onclick: knownFromFile })));
    }
    if (plan.already_known && plan.already_known.length) {
      parts.push(h('p', { class: 'cm-muted', text: ui('already') + plan.already_known.map((id) => nameOf(id)).join(', ') }));
    }
    if (!plan.steps.length) {
      parts.push(h('p', { text: ui('nothing') }));
    } else {
      parts.push(h('p', { class: 'cm-summary' }, h('strong', { text: ui('steps')(plan.steps.length) }), ' · ' + ui('tick')),
        state.show !== 'plan' ? h('button', { type: 'button', class: 'cm-showplan', text: ui('showOnMap'), onclick: () => navigate({ show: 'plan' }) }) : null);
      parts.push(h('ol', { class: 'cm-steps' }, plan.steps.map((st, i) => {
        const why = st.because.length && st.because[0].why ? text(st.because[0].why, proseLang()) : '';
        return h('li', { class: 'cm-step' + (st.target ? ' cm-goal' : '') + (st.id === state.focus ? ' cm-current' : ''), 'data-id': st.id },
          h('span', { class: 'cm-num', text: String(i + 1) }),
          h('div', { class: 'cm-stepbody' },
            h('div', { class: 'cm-stepline' },
              st.target ? null : h('input', {
                type: 'checkbox', class: 'cm-tick', title: ui('know'), 'aria-label': ui('know'),
                onchange: () => navigate({ known: state.known.concat(st.id) }),
              }),
              conceptLink(st.id),
              st.target ? h('span', { class: 'cm-badge', text: ui('goal') }) : null),
            st.because.length ? h('div', { class: 'cm-because', text: ui('because') + ' ' + chainText(st.id, st.because) }) : null,
            why ? h('div', { class: 'cm-why', text: why }) : null));
      })));
    }
    // The background: not steps, and not on the plan's map.
    if (plan.background && plan.background.length) {
      parts.push(h('h3', { class: 'cm-bghead', text: ui('background') }),
        h('ul', { class: 'cm-background' }, plan.background.map((st) => {
          const why = st.because.length && st.because[0].why ? text(st.because[0].why, proseLang()) : '';
          return h('li', { class: 'cm-bgstep', 'data-id': st.id },
            conceptLink(st.id),
            h('div', { class: 'cm-because', text: ui('because') + ' ' + chainText(st.id, st.because) }),
            why ? h('div', { class: 'cm-why', text: why }) : null);
        })));
    }
    fill(p, parts);
  }

  // ---- The map.

  let svg = null, baseVB = null, vb = null, mapKey = '', mapToken = 0;
  const svgCache = new Map();
  let nodeByName = new Map();
  // Offline, the maps drawn beforehand: {en, zh, both: index in maps,
  // maps: [SVG]}, the overviews likewise (or null), each category's map
  // likewise by category id (or null), and which is shown.
  let maps = null, overviews = null, categoryMaps = null, shownMap = '';

  // mapQuery is the view the map shows, as the query of /api/map and
  // /download: the same selection as conceptmap map's flags.
  function mapQuery() {
    const p = ['show=' + (state.show === 'category' ? 'all' : state.show)];
    if (state.show === 'category') p.push('category=' + encodeURIComponent(state.category));
    if (state.show === 'focus') p.push('focus=' + encodeURIComponent(state.focus), 'depth=' + state.depth);
    if (state.show === 'plan') {
      p.push('targets=' + join(state.targets));
      if (state.known.length) p.push('known=' + join(state.known));
    }
    if (state.rel.length) p.push('rel=' + join(state.rel));
    p.push('lang=' + state.lang);
    return p.join('&');
  }

  async function refreshMap() {
    if (!model) return;
    if (offline) {
      // The map (or the overview) drawn in the language chosen; a new
      // one is fitted anew.
      let set = maps, kind = 'map ';
      if (state.show === 'overview' && overviews) {
        set = overviews;
        kind = 'overview ';
      } else if (state.show === 'category' && categoryMaps && Object.hasOwn(categoryMaps, state.category)) {
        set = categoryMaps[state.category];
        kind = 'category ' + state.category + ' ';
      }
      const i = set[state.lang];
      const at = Number.isInteger(i) && i >= 0 && i < set.maps.length ? i : 0;
      const want = kind + at;
      if (want !== shownMap) {
        installSVG(set.maps[at] || '');
        shownMap = want;
        mapKey = '';
      }
      decorate();
      const key = state.show + '|' + state.category + '|' + state.focus + '|' + state.depth + '|' + state.rel.join(',') + '|' + planKey;
      if (key !== mapKey) {
        mapKey = key;
        fit();
      }
      return;
    }
    const key = mapQuery();
    if (key === mapKey) {
      decorate();
      return;
    }
    const token = ++mapToken;
    let svgText = svgCache.get(key);
    if (!svgText) {
      E.status.textContent = ui('drawing');
      E.status.hidden = false;
      try {
        const r = await fetch('/api/map?' + key);
        svgText = await r.text();
        if (!r.ok) throw new Error(svgText.trim());
      } catch (err) {
        if (token === mapToken) {
          E.status.textContent = err.message;
          E.status.classList.add('cm-error');
        }
        return;
      }
      if (svgCache.size > 40) svgCache.delete(svgCache.keys().next().value);
      svgCache.set(key, svgText);
    }
    if (token !== mapToken) return;
    E.status.hidden = true;
    E.status.classList.remove('cm-error');
    installSVG(svgText);
    mapKey = key;
    document.body.dataset.map = key;
    decorate();
    fit();
  }

  // installSVG puts a map into the page. Graphviz's tooltips (<title> and
  // xlink:title) make way for the page's own hover card.
  function installSVG(svgText) {
    const doc = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const root = doc.documentElement;
    if (root.localName !== 'svg' || doc.getElementsByTagName('parsererror').length) {
      E.status.textContent = 'The map is not valid SVG.';
      E.status.hidden = false;
      return;
    }
    const s = document.importNode(root, true);
    nodeByName = new Map();
    for (const g of s.querySelectorAll('g.node, g.edge')) {
      const t = g.querySelector(':scope > title');
      if (t && t.textContent.startsWith('legend_')) g.classList.add('legend');
    }
    for (const g of s.querySelectorAll('g.node')) {
      const t = g.querySelector(':scope > title');
      if (t) nodeByName.set(t.textContent, g);
      if (!g.classList.contains('legend')) {
        g.setAttribute('tabindex', '0');
        g.setAttribute('role', 'link');
      }
    }
    for (const g of s.querySelectorAll('g.edge')) {
      const t = g.querySelector(':scope > title');
      if (t) {
        const [a, b] = t.textContent.split('->');
        const na = nodeByName.get(a), nb = nodeByName.get(b);
        if (na && nb) {
          g.dataset.from = na.id;
          g.dataset.to = nb.id;
        }
      }
      const a = g.querySelector('a');
      if (a && a.getAttributeNS(XLINK, 'title')) g.dataset.why = a.getAttributeNS(XLINK, 'title');
    }
    // The map's legend is the toolbar's relation chips: hide it, so that
    // the map can use the room.
    for (const c of s.querySelectorAll('g.cluster')) {
      const t = c.querySelector(':scope > title');
      if (t && t.textContent === 'cluster_legend') c.classList.add('cm-legend');
    }
    for (const t of s.querySelectorAll('title')) t.remove();
    for (const a of s.querySelectorAll('a')) a.removeAttributeNS(XLINK, 'title');
    const box = (s.getAttribute('viewBox') || '').split(/[\s,]+/).map(Number);
    baseVB = box.length === 4 && box.every(isFinite) ? { x: box[0], y: box[1], w: box[2], h: box[3] }
      : { x: 0, y: 0, w: parseFloat(s.getAttribute('width')) || 800, h: parseFloat(s.getAttribute('height')) || 600 };
    s.removeAttribute('width');
    s.removeAttribute('height');
    s.setAttribute('class', 'cm-svg');
    if (svg) svg.remove();
    svg = s;
    E.map.prepend(svg);
    setVB(Object.assign({}, baseVB));
  }

  function nodes() {
    return svg ? [...svg.querySelectorAll('g.node')].filter((g) => !g.classList.contains('legend')) : [];
  }

  // decorate marks the map for the state: the focus, the known concepts,
  // the plan's steps (numbered, where the map does not number them) and,
  // offline, the part of the whole map in view.
  function decorate() {
    if (!svg) return;
    const known = new Set(state.known), targets = new Set(state.targets);
    const steps = new Map((plan ? plan.steps : []).map((s, i) => [s.id, i + 1]));
    const badges = !(state.show === 'plan' && !offline);
    let lit = null;
    if (offline && state.show === 'focus' && state.focus) {
      lit = new Set([...cmCore.neighbours(ix, state.focus, state.depth, state.rel).keys()].map((i) => model.concepts[i].id));
    } else if (offline && state.show === 'plan' && plan) {
      lit = new Set(steps.keys());
    } else if (offline && state.show === 'category' && shownMap.startsWith('map ')) {
      lit = new Set(model.concepts.filter((c) => c.category === state.category).map((c) => c.id));
    }
    svg.classList.toggle('cm-dim', !!lit);
    for (const b of svg.querySelectorAll('.cm-numbadge')) b.remove();
    for (const g of nodes()) {
      const id = g.id;
      g.classList.toggle('cm-focus', id === state.focus);
      g.classList.toggle('cm-known', known.has(id));
      g.classList.toggle('cm-goal', targets.has(id));
      g.classList.toggle('cm-step', steps.has(id));
      g.classList.toggle('cm-lit', !!lit && lit.has(id));
      if (badges && steps.has(id)) addBadge(g, steps.get(id));
    }
    for (const e of svg.querySelectorAll('g.edge')) {
      const on = !lit || (lit.has(e.dataset.from) && lit.has(e.dataset.to) &&
        (!state.rel.length || edgeRelationShown(e)));
      e.classList.toggle('cm-lit', !!lit && on);
    }
  }

  // edgeRelationShown tells, offline, whether an edge between two lit
  // concepts is of a relation type the filter keeps.
  function edgeRelationShown(e) {
    return model.edges.some((x) => state.rel.includes(x.relation) &&
      ((x.from === e.dataset.from && x.to === e.dataset.to) || (x.from === e.dataset.to && x.to === e.dataset.from)));
  }

  function addBadge(g, n) {
    const shape = g.querySelector('path, polygon, ellipse');
    if (!shape) return;
    const b = shape.getBBox();
    const badge = document.createElementNS(SVGNS, 'g');
    badge.setAttribute('class', 'cm-numbadge');
    const c = document.createElementNS(SVGNS, 'circle');
    c.setAttribute('cx', b.x + 2);
    c.setAttribute('cy', b.y + 2);
    c.setAttribute('r', 11);
    const t = document.createElementNS(SVGNS, 'text');
    t.setAttribute('x', b.x + 2);
    t.setAttribute('y', b.y + 6);
    t.setAttribute('text-anchor', 'middle');
    t.textContent = String(n);
    badge.append(c, t);
    g.append(badge);
  }

  // ---- Zoom and pan, by the viewBox.

  function setVB(v) {
    vb = v;
    if (svg) svg.setAttribute('viewBox', [v.x, v.y, v.w, v.h].map((x) => +x.toFixed(2)).join(' '));
  }

  function toSVG(cx, cy) {
    const m = svg.getScreenCTM();
    if (!m) return { x: 0, y: 0 };
    return new DOMPoint(cx, cy).matrixTransform(m.inverse());
  }

  function zoom(factor, cx, cy) {
    if (!svg) return;
    const r = E.map.getBoundingClientRect();
    if (cx === undefined) { cx = r.left + r.width / 2; cy = r.top + r.height / 2; }
    const w = vb.w * factor;
    if (w < baseVB.w / 40 || w > baseVB.w * 6) return;
    const p = toSVG(cx, cy);
    setVB({ x: p.x - (p.x - vb.x) * factor, y: p.y - (p.y - vb.y) * factor, w, h: vb.h * factor });
  }

  // drawing returns what the map shows: its title, clusters, concepts and
  // relations, without the legend.
  function drawing() {
    return [...svg.querySelectorAll(':scope > g.graph > text, g.cluster:not(.cm-legend), g.node:not(.legend), g.edge:not(.legend)')];
  }

  // boxOf returns the bounding box of elements in the map's coordinates.
  function boxOf(els) {
    const ctm = svg.getScreenCTM();
    if (!ctm || !els.length) return null;
    const toRoot = ctm.inverse();
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const g of els) {
      const b = g.getBBox(), m = toRoot.multiply(g.getScreenCTM());
      for (const [x, y] of [[b.x, b.y], [b.x + b.width, b.y + b.height]]) {
        const p = new DOMPoint(x, y).matrixTransform(m);
        x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
      }
    }
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }

  // fit shows the whole map, or offline the part of it in view. A
  // neighbourhood too spread out to read at once is shown around its
  // focus instead.
  function fit() {
    if (!svg) return;
    const lit = svg.classList.contains('cm-dim') ? nodes().filter((g) => g.classList.contains('cm-lit')) : [];
    let box = boxOf(lit.length ? lit : drawing());
    const pad = 24;
    box = box ? { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad } : Object.assign({}, baseVB);
    const r = E.map.getBoundingClientRect();
    const focus = state.show === 'focus' && nodes().find((g) => g.id === state.focus);
    if (focus && r.width > 0 && Math.min(r.width / box.w, r.height / box.h) < 0.5) {
      const f = boxOf([focus]);
      if (f) {
        const w = r.width / 0.75, hh = r.height / 0.75;
        box = { x: f.x + f.w / 2 - w / 2, y: f.y + f.h / 2 - hh / 2, w, h: hh };
      }
    }
    setVB(box);
  }

  let drag = null, dragged = false;
  E.map.addEventListener('wheel', (ev) => {
    if (!svg) return;
    ev.preventDefault();
    zoom(Math.exp(Math.max(-100, Math.min(100, ev.deltaY)) * 0.002), ev.clientX, ev.clientY);
  }, { passive: false });
  E.map.addEventListener('pointerdown', (ev) => {
    if (!svg || ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, vb: Object.assign({}, vb), m: svg.getScreenCTM(), id: ev.pointerId };
    dragged = false;
  });
  E.map.addEventListener('pointermove', (ev) => {
    if (drag && drag.m) {
      const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
      if (!dragged && Math.hypot(dx, dy) > 4) {
        dragged = true;
        E.map.setPointerCapture(drag.id);
        E.map.classList.add('cm-dragging');
      }
      if (dragged) setVB(Object.assign({}, drag.vb, { x: drag.vb.x - dx / drag.m.a, y: drag.vb.y - dy / drag.m.d }));
    }
    hover(ev);
  });
  const endDrag = () => {
    drag = null;
    E.map.classList.remove('cm-dragging');
  };
  E.map.addEventListener('pointerup', endDrag);
  E.map.addEventListener('pointercancel', endDrag);
  E.map.addEventListener('pointerleave', () => { E.hover.hidden = true; });
  E.map.addEventListener('click', (ev) => {
    if (dragged) { dragged = false; return; }
    const g = ev.target.closest && ev.target.closest('g.node');
    if (g && !g.classList.contains('legend') && svg && svg.contains(g)) clickNode(g);
  });
  E.map.addEventListener('keydown', (ev) => {
    const g = ev.target.closest && ev.target.closest('g.node');
    if (g && (ev.key === 'Enter' || ev.key === ' ')) {
      ev.preventDefault();
      clickNode(g);
    }
  });
  E.zoom.addEventListener('click', (ev) => {
    const z = ev.target.dataset && ev.target.dataset.zoom;
    if (z === 'in') zoom(1 / 1.25);
    else if (z === 'out') zoom(1.25);
    else if (z === 'fit') fit();
  });

  // A click on a concept moves there: its neighbourhood, or on the plan
  // or a category, the concept within it. A click on a category of the
  // overview shows its concepts.
  function clickNode(g) {
    const cat = categoryNode(g);
    if (cat) navigate({ show: 'category', category: cat.id, focus: '' });
    else if (byID.has(g.id)) navigate({ focus: g.id, show: keptShow() });
  }
  const keptShow = () => (state.show === 'plan' || state.show === 'category' ? state.show : 'focus');

  function hover(ev) {
    const t = ev.target.closest ? ev.target.closest('g.node, g.edge') : null;
    if (!t || !svg || !svg.contains(t) || drag && dragged || t.classList.contains('legend')) {
      E.hover.hidden = true;
      return;
    }
    const [title, body] = E.hover.children;
    const cat = t.classList.contains('node') && categoryNode(t);
    if (cat) {
      title.textContent = text(cat.name);
      body.textContent = ui('concepts')(model.concepts.filter((x) => x.category === cat.id).length) + ' · ' + ui('openCategory');
    } else if (t.classList.contains('node')) {
      const c = byID.get(t.id);
      if (!c) { E.hover.hidden = true; return; }
      title.textContent = text(c.names);
      body.textContent = text(c.summary, proseLang());
    } else if (!byID.has(t.dataset.from)) {
      // Relations between two categories of the overview, and their number.
      const from = t.dataset.from && categoryOf(t.dataset.from.replace(/^category-/, ''));
      const to = t.dataset.to && categoryOf(t.dataset.to.replace(/^category-/, ''));
      if (!from || !to) { E.hover.hidden = true; return; }
      title.textContent = text(from.name) + ' → ' + text(to.name);
      body.textContent = ui('relations')(parseInt(t.textContent.trim(), 10) || 0);
    } else {
      title.textContent = nameOf(t.dataset.from) + ' — ' + nameOf(t.dataset.to);
      body.textContent = t.dataset.why || '';
    }
    const r = E.map.parentElement.getBoundingClientRect();
    E.hover.hidden = false;
    const x = Math.min(ev.clientX - r.left + 16, r.width - E.hover.offsetWidth - 8);
    const y = ev.clientY - r.top + 16;
    E.hover.style.left = Math.max(8, x) + 'px';
    E.hover.style.top = (y + E.hover.offsetHeight > r.height ? ev.clientY - r.top - E.hover.offsetHeight - 12 : y) + 'px';
  }

  // ---- Controls.

  E.langs.addEventListener('click', (ev) => {
    const l = ev.target.dataset && ev.target.dataset.lang;
    if (l && l !== state.lang) navigate({ lang: l });
  });
  E.show.addEventListener('click', (ev) => {
    const s = ev.target.dataset && ev.target.dataset.show;
    if (s && s !== state.show) navigate({ show: s });
  });
  E.downloads.addEventListener('click', (ev) => {
    if (ev.target.closest && ev.target.closest('a')) E.downloads.open = false;
  });
  E.depth.addEventListener('change', () => navigate({ depth: parseInt(E.depth.value, 10) || 1 }));

  // ---- Search with suggestions.

  let suggestions = [], active = -1, searchSeq = 0, searchTimer = 0;

  E.search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(runSearch, 80);
  });
  E.search.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!suggestions.length) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : -1) + suggestions.length) % suggestions.length;
      paintSuggest();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (suggestions.length) pick(suggestions[Math.max(active, 0)].id);
    } else if (ev.key === 'Escape') {
      closeSuggest();
    }
  });
  E.search.addEventListener('blur', () => setTimeout(closeSuggest, 150));
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && document.activeElement !== E.search && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) {
      ev.preventDefault();
      E.search.focus();
    }
  });

  async function runSearch() {
    const text = E.search.value.trim();
    const seq = ++searchSeq;
    if (!text || !model) { closeSuggest(); return; }
    let res;
    try {
      res = offline ? cmCore.search(ix, text, 8) : await getJSON('/api/search?q=' + encodeURIComponent(text) + '&limit=8');
    } catch (err) {
      return;
    }
    if (seq !== searchSeq) return;
    suggestions = res.filter((m) => byID.has(m.id));
    active = suggestions.length ? 0 : -1;
    paintSuggest();
  }

  function paintSuggest() {
    const items = suggestions.map((m, i) => {
      const c = byID.get(m.id);
      const other = state.lang === 'zh' ? c.names.en : state.lang === 'en' ? c.names.zh : '';
      return h('li', {
        role: 'option', 'data-id': m.id, id: 'cm-sug-' + i, 'aria-selected': String(i === active),
        onmousedown: (ev) => { ev.preventDefault(); pick(m.id); },
      }, h('span', { class: 'cm-sname', text: text(c.names) }),
      other && other !== text(c.names) ? h('span', { class: 'cm-sother', text: other }) : null,
      h('code', { text: c.id }));
    });
    if (!items.length) items.push(h('li', { class: 'cm-none', text: ui('noMatch') }));
    E.suggest.replaceChildren(...items);
    E.suggest.hidden = false;
    E.search.setAttribute('aria-expanded', 'true');
    if (active >= 0) E.search.setAttribute('aria-activedescendant', 'cm-sug-' + active);
  }

  function closeSuggest() {
    suggestions = [];
    active = -1;
    E.suggest.hidden = true;
    E.search.setAttribute('aria-expanded', 'false');
    E.search.removeAttribute('aria-activedescendant');
  }

  function pick(id) {
    E.search.value = '';
    closeSuggest();
    E.search.blur();
    navigate({ focus: id, show: 'focus' });
  }

  // ---- Errors, and reloads of the data (serve --watch).

  function showError(msg, title) {
    E.banner.hidden = !msg;
    q('strong', E.banner).textContent = title || '';
    q('pre', E.banner).textContent = msg || '';
  }

  async function loadModel() {
    const r = await getJSON('/api/graph');
    version = r.version;
    if (r.model) {
      setModel(r.model);
      planCache.clear();
      svgCache.clear();
      planKey = '';
      mapKey = '';
    }
    showError(r.error, r.error ? ui(r.model ? 'dataError' : 'noData') : '');
    return !!r.model;
  }

  async function poll() {
    try {
      const s = await getJSON('/api/status');
      if (s.version !== version) {
        await loadModel();
        normalize();
        update();
      } else {
        showError(s.error, s.error ? ui(model ? 'dataError' : 'noData') : '');
      }
    } catch (err) {
      // The server is gone or restarting: keep what is shown.
    }
  }

  // ---- Start.

  async function boot() {
    setBusy(1);
    try {
      if (offline) {
        setModel(readJSON('cm-model'));
        maps = readJSON('cm-maps');
        if (document.getElementById('cm-overviews')) overviews = readJSON('cm-overviews');
        if (document.getElementById('cm-categories')) categoryMaps = readJSON('cm-categories');
      } else {
        try {
          await loadModel();
        } catch (err) {
          showError(err.message, ui('noData'));
        }
      }
      Object.assign(state, decode(location.hash));
      if (!location.hash) {
        // A fresh visit: what was ticked last time, or else the file's.
        state.known = storedKnown();
        if (!state.known.length && cfg.knownFile) state.known = await fileKnown();
      }
      if (offline && !location.hash) {
        state.focus = cfg.focus || '';
        state.targets = cfg.targets || [];
      }
      navigate({}, true);
      if (cfg.watch) setInterval(poll, 1000);
    } finally {
      setBusy(-1);
    }
  }

  // For tests and the console: the state, and the graph algorithms over
  // the page's model.
  window.conceptmap = {
    state,
    navigate,
    plan: (targets, known, withBackground) => cmCore.plan(ix, targets, known || [], !!withBackground),
    search: (text, limit) => cmCore.search(ix, text, limit || 0),
    get busy() { return busy; },
    get categories() { return model ? model.categories : []; },
  };

  boot();
})();
