// The explorer's graph algorithms, over a model (render/web.Model). They
// follow package graph step by step, so that an offline page gives what the
// command line gives: plan is Graph.Plan (same steps, same order, same
// "because" chains), search is Graph.Search, neighbours is Graph.Neighbors.
const cmCore = (function () {
  'use strict';

  // fold is graph's fold: lower case, without surrounding space.
  function fold(s) {
    return s.trim().toLowerCase();
  }

  // compare orders strings by code point, as Go's strings.Compare orders
  // their UTF-8 bytes. JavaScript compares UTF-16 units, which puts code
  // points above U+FFFF (surrogate pairs) before U+E000–U+FFFF.
  function compare(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const x = a.charCodeAt(i), y = b.charCodeAt(i);
      if (x !== y) {
        const xs = x >= 0xd800 && x <= 0xdfff, ys = y >= 0xd800 && y <= 0xdfff;
        if (xs !== ys) return xs ? 1 : -1;
        return x < y ? -1 : 1;
      }
    }
    return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
  }

  // index builds what every query runs over, as graph's index does: for
  // each concept the edges that put another concept before it (before)
  // and after it (after), in edge order, and a rank for "among equals":
  // category first, then English name, then id.
  function index(model) {
    const cs = model.concepts, n = cs.length;
    const byID = new Map();
    cs.forEach((c, i) => byID.set(c.id, i));
    const rels = new Map();
    model.relations.forEach((r) => rels.set(r.id, r));
    const catRank = new Map();
    model.categories.forEach((c, i) => catRank.set(c.id, i));
    const ix = {
      model, n, byID, rels, catRank,
      from: [], to: [], first: [],
      out: [], in: [], before: [], after: [], rank: new Array(n),
    };
    for (let v = 0; v < n; v++) {
      ix.out.push([]); ix.in.push([]); ix.before.push([]); ix.after.push([]);
    }
    model.edges.forEach((e, i) => {
      const f = byID.get(e.from), t = byID.get(e.to);
      const r = rels.get(e.relation);
      ix.from.push(f); ix.to.push(t); ix.first.push(r ? r.first : 'none');
      ix.out[f].push(i);
      ix.in[t].push(i);
      const o = order(ix, i);
      if (o) {
        ix.after[o[0]].push(i);
        ix.before[o[1]].push(i);
      }
    });
    const keys = cs.map((c) => [catRank.get(c.category) || 0, fold(c.name.en || c.name.zh || ''), c.id]);
    const byRank = cs.map((c, i) => i);
    byRank.sort((a, b) => (keys[a][0] - keys[b][0]) || compare(keys[a][1], keys[b][1]) || compare(keys[a][2], keys[b][2]));
    byRank.forEach((v, r) => { ix.rank[v] = r; });
    return ix;
  }

  // order returns, for edge i, the concept to learn first and the one
  // after it, or null for a relation that sets no order.
  function order(ix, i) {
    switch (ix.first[i]) {
      case 'target': return [ix.to[i], ix.from[i]];
      case 'source': return [ix.from[i], ix.to[i]];
    }
    return null;
  }

  function indices(ix, ids) {
    const out = [];
    for (const id of ids) {
      const i = ix.byID.get(id);
      if (i !== undefined && !out.includes(i)) out.push(i);
    }
    return out;
  }

  // closure marks the roots and everything learned before them; via[v] is
  // the edge through which the breadth-first search first reached v.
  function closure(ix, roots, via) {
    const mark = new Array(ix.n).fill(false);
    const queue = [];
    for (const r of roots) {
      if (!mark[r]) { mark[r] = true; queue.push(r); }
    }
    for (let h = 0; h < queue.length; h++) {
      for (const e of ix.before[queue[h]]) {
        const u = order(ix, e)[0];
        if (!mark[u]) {
          mark[u] = true;
          if (via) via[u] = e;
          queue.push(u);
        }
      }
    }
    return mark;
  }

  // Heap is a binary min-heap of concepts by a key. Keys are unique, so
  // the order it pops is the order of any other heap.
  class Heap {
    constructor(key) { this.items = []; this.key = key; }
    get size() { return this.items.length; }
    push(v) {
      const h = this.items;
      h.push(v);
      let i = h.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (this.key(h[p]) <= this.key(h[i])) break;
        [h[p], h[i]] = [h[i], h[p]];
        i = p;
      }
    }
    pop() {
      const h = this.items, top = h[0], last = h.pop();
      if (h.length > 0) {
        h[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < h.length && this.key(h[l]) < this.key(h[m])) m = l;
          if (r < h.length && this.key(h[r]) < this.key(h[m])) m = r;
          if (m === i) break;
          [h[i], h[m]] = [h[m], h[i]];
          i = m;
        }
      }
      return top;
    }
  }

  // learningOrder sorts set so that every concept follows its
  // prerequisites in the set, taking among the ready ones non-targets
  // first, then by rank.
  function learningOrder(ix, set, isTarget) {
    const chosen = new Array(ix.n).fill(false), pending = new Array(ix.n).fill(0);
    for (const v of set) chosen[v] = true;
    for (const v of set) {
      for (const e of ix.before[v]) {
        if (chosen[order(ix, e)[0]]) pending[v]++;
      }
    }
    const h = new Heap((v) => ix.rank[v] + (isTarget[v] ? ix.n : 0));
    for (const v of set) {
      if (pending[v] === 0) h.push(v);
    }
    const out = [];
    while (h.size > 0) {
      const v = h.pop();
      out.push(v);
      for (const e of ix.after[v]) {
        const w = order(ix, e)[1];
        if (chosen[w] && --pending[w] === 0) h.push(w);
      }
    }
    return out;
  }

  function edgeOut(ix, i) {
    const e = ix.model.edges[i];
    return { from: e.from, relation: e.relation, to: e.to, why: e.why || { en: '', zh: '' } };
  }

  // plan is Graph.Plan, in the shape of `conceptmap plan --json`.
  function plan(ix, targetIDs, knownIDs) {
    const p = { targets: targetIDs.filter((id) => ix.byID.has(id)), known: knownIDs.filter((id) => ix.byID.has(id)), already_known: [], steps: [] };
    const excluded = closure(ix, indices(ix, knownIDs), null);
    const via = new Array(ix.n).fill(-1);
    const isTarget = new Array(ix.n).fill(false);
    const tix = indices(ix, targetIDs).sort((a, b) => ix.rank[a] - ix.rank[b]);
    const roots = [];
    for (const t of tix) {
      if (excluded[t]) {
        p.already_known.push(ix.model.concepts[t].id);
        continue;
      }
      isTarget[t] = true;
      roots.push(t);
    }
    const need = closure(ix, roots, via);
    const set = roots.slice();
    for (let v = 0; v < ix.n; v++) {
      if (need[v] && !excluded[v] && !isTarget[v]) set.push(v);
    }
    for (const v of learningOrder(ix, set, isTarget)) {
      const because = [];
      for (let u = v; !isTarget[u]; u = order(ix, via[u])[1]) because.push(edgeOut(ix, via[u]));
      const st = { id: ix.model.concepts[v].id, because };
      if (isTarget[v]) st.target = true;
      p.steps.push(st);
    }
    return p;
  }

  // neighbours is Graph.Neighbors in both directions: the concepts within
  // depth hops of id, following only the relation types in rels (all if
  // it is empty), each with its depth.
  function neighbours(ix, id, depth, rels) {
    const start = ix.byID.get(id);
    const dist = new Map();
    if (start === undefined) return dist;
    dist.set(start, 0);
    const queue = [start];
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h], d = dist.get(v);
      if (d >= depth) continue;
      for (const e of ix.out[v].concat(ix.in[v])) {
        if (rels.length && !rels.includes(ix.model.edges[e].relation)) continue;
        const w = ix.from[e] === v ? ix.to[e] : ix.from[e];
        if (!dist.has(w)) { dist.set(w, d + 1); queue.push(w); }
      }
    }
    return dist;
  }

  const letterOrDigit = /[\p{L}\p{Nd}]/u;

  // hasWordPrefix reports whether a word of k, after the first, starts
  // with q.
  function hasWordPrefix(k, q) {
    let i = 0;
    for (const r of k) {
      if (i > 0 && !letterOrDigit.test(r) && k.startsWith(q, i + r.length)) return true;
      i += r.length;
    }
    return false;
  }

  // distance is the Levenshtein distance between a and b, in code points.
  function distance(a, b) {
    const ra = Array.from(a), rb = Array.from(b);
    let prev = Array.from({ length: rb.length + 1 }, (_, j) => j);
    for (let i = 1; i <= ra.length; i++) {
      const cur = [i];
      for (let j = 1; j <= rb.length; j++) {
        const cost = ra[i - 1] === rb[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      }
      prev = cur;
    }
    return prev[rb.length];
  }

  function closeEnough(d, n) {
    if (n < 3) return d === 0;
    return d <= Math.max(1, Math.min(3, Math.floor(n / 3)));
  }

  function scoreConcept(c, q) {
    let best = 0;
    const qn = Array.from(q).length;
    const keys = [c.id];
    if (c.name.en) keys.push(c.name.en);
    if (c.name.zh) keys.push(c.name.zh);
    for (const a of c.aliases || []) keys.push(a);
    for (let k of keys) {
      k = fold(k);
      let s = 0;
      if (k === q) s = 100;
      else if (k.startsWith(q)) s = 90;
      else if (hasWordPrefix(k, q)) s = 80;
      else if (k.includes(q)) s = 70;
      else if (qn >= 3) {
        const d = distance(q, k);
        if (closeEnough(d, qn)) s = 60 - 5 * d;
      }
      best = Math.max(best, s);
    }
    if (best > 0) return best;
    const a = c.analogy || {};
    for (const t of [c.summary.en, c.summary.zh, a.en, a.zh]) {
      if (t && t.toLowerCase().includes(q)) return 30;
    }
    return 0;
  }

  // search is Graph.Search: [{id, score}], best first, then by rank.
  function search(ix, text, limit) {
    const q = fold(text);
    if (!q) return [];
    const words = q.split(/\s+/u).filter(Boolean);
    const ms = [];
    ix.model.concepts.forEach((c, i) => {
      let s = scoreConcept(c, q);
      if (s === 0 && words.length > 1) {
        let total = 0;
        for (const w of words) {
          const ws = scoreConcept(c, w);
          if (ws === 0) { total = 0; break; }
          total += ws;
        }
        s = Math.trunc(Math.trunc(total / words.length) * 9 / 10);
      }
      if (s > 0) ms.push({ i, score: s });
    });
    ms.sort((a, b) => (b.score - a.score) || (ix.rank[a.i] - ix.rank[b.i]));
    return (limit > 0 ? ms.slice(0, limit) : ms).map((m) => ({ id: ix.model.concepts[m.i].id, score: m.score }));
  }

  return { index, plan, search, neighbours, order, compare, fold };
})();
