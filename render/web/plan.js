// The explorer's graph algorithms, over a model (render/web.Model). They
// follow package graph step by step, so that an offline page gives what the
// command line gives: plan is Graph.PlanWith (same steps, same background,
// same order, same "because" chains), search is Graph.Search, neighbours is Graph.Neighbors.
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
  // and after it (after), in edge order; for each edge its learning role
  // and reach (0 for no limit), its own or its type's; and a rank for
  // "among equals": category first, then English name, then id.
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
      from: [], to: [], first: [], role: [], reach: [],
      out: [], in: [], before: [], after: [], rank: new Array(n),
    };
    for (let v = 0; v < n; v++) {
      ix.out.push([]); ix.in.push([]); ix.before.push([]); ix.after.push([]);
    }
    model.edges.forEach((e, i) => {
      const f = byID.get(e.from), t = byID.get(e.to);
      const r = rels.get(e.relation);
      ix.from.push(f); ix.to.push(t); ix.first.push(r ? r.first : 'none');
      ix.role.push(e.role || (r && r.role) || 'none');
      ix.reach.push(e.reach === -1 ? 0 : (e.reach || (r && r.reach) || 0));
      ix.out[f].push(i);
      ix.in[t].push(i);
      const o = order(ix, i);
      if (o) {
        ix.after[o[0]].push(i);
        ix.before[o[1]].push(i);
      }
    });
    const keys = cs.map((c) => [catRank.get(c.category) || 0, fold(c.names.en || c.names.zh || ''), c.id]);
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

  // reaches says whether edge e pulls its first end into a plan when its
  // other end lies d links from a target.
  function reaches(ix, e, d) {
    return ix.reach[e] === 0 || d < ix.reach[e];
  }

  // reachable is graph's reachable: each concept's distance from the
  // nearest root along prerequisite relations, within their reach, or -1;
  // via[v] is the edge through which the breadth-first search first
  // reached v.
  function reachable(ix, roots, via) {
    const dist = new Array(ix.n).fill(-1);
    const queue = [];
    for (const r of roots) {
      if (dist[r] < 0) { dist[r] = 0; queue.push(r); }
    }
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h];
      for (const e of ix.before[v]) {
        if (ix.role[e] !== 'prerequisite' || !reaches(ix, e, dist[v])) continue;
        const u = order(ix, e)[0];
        if (dist[u] < 0) {
          dist[u] = dist[v] + 1;
          if (via) via[u] = e;
          queue.push(u);
        }
      }
    }
    return dist;
  }

  // background is graph's background: what the steps' background
  // relations offer, and its prerequisites, less the steps and the known.
  function background(ix, set, dist, excluded, via) {
    let roots = [];
    const seen = new Set();
    for (const v of set) {
      for (const e of ix.before[v]) {
        const u = order(ix, e)[0];
        if (ix.role[e] !== 'background' || !reaches(ix, e, dist[v]) ||
          dist[u] >= 0 || excluded[u] >= 0 || seen.has(u)) continue;
        seen.add(u);
        via[u] = e;
        roots.push(u);
      }
    }
    if (!roots.length) return [];
    roots.sort((a, b) => a - b);
    const own = new Array(ix.n).fill(-1);
    const bdist = reachable(ix, roots, own);
    const out = roots;
    bdist.forEach((d, v) => {
      if (d > 0 && dist[v] < 0 && excluded[v] < 0 && !seen.has(v)) {
        via[v] = own[v];
        out.push(v);
      }
    });
    return out;
  }

  const orderRuns = 3;

  // learningOrder is graph's learningOrder: every concept after what its
  // relations put before it in the set, targets last, each concept just
  // in time for its first user. It builds the order from the end with a
  // stack, placing what the last placed concept needs, smallest block
  // nearest; three runs, each with the blocks the one before measured,
  // and the one with the least total wait (then longest wait) wins; then
  // sink moves single concepts closer to their first users.
  function learningOrder(ix, set, isTarget) {
    const k = set.length;
    if (k <= 1) return set.slice();
    const local = new Map();
    set.forEach((v, l) => local.set(v, l));
    const pre = [], post = [], users = new Array(k).fill(0), target = [], rank = [];
    for (let l = 0; l < k; l++) post.push([]);
    set.forEach((v, l) => {
      target.push(isTarget[v]);
      rank.push(ix.rank[v]);
      const ps = [];
      for (const e of ix.before[v]) {
        const lu = local.get(order(ix, e)[0]);
        if (lu !== undefined) { ps.push(lu); post[lu].push(l); users[lu]++; }
      }
      pre.push(ps);
    });
    // estimate: each concept's prerequisites counted as in a tree.
    let est = new Array(k).fill(0);
    const done = new Array(k).fill(false);
    const visit = (l) => {
      if (done[l]) return est[l];
      done[l] = true;
      let s = 1;
      for (const p of pre[l]) s = Math.min(s + visit(p), k);
      est[l] = s;
      return s;
    };
    for (let l = 0; l < k; l++) visit(l);

    const run = (est) => {
      const pending = users.slice(), blocks = new Array(k).fill(0), placed = [];
      let targets = [], stack = [];
      const opens = [];
      const byRank = (a, b) => rank[a] - rank[b];
      const byBlock = (a, b) => (est[b] - est[a]) || byRank(a, b);
      const push = (ready) => {
        const ts = ready.filter((l) => target[l]).sort(byRank);
        const others = ready.filter((l) => !target[l]).sort(byBlock);
        targets = targets.concat(ts);
        stack = stack.concat(others);
      };
      const ready0 = [];
      for (let l = 0; l < k; l++) if (pending[l] === 0) ready0.push(l);
      push(ready0);
      while (placed.length < k) {
        let l;
        if (targets.length) {
          l = targets.pop();
        } else {
          const top = stack.length - 1;
          l = stack.pop();
          while (opens.length && opens[opens.length - 1].base > top) {
            const b = opens.pop();
            blocks[b.l] = placed.length - b.start;
          }
          opens.push({ l, base: top, start: placed.length });
        }
        placed.push(l);
        const ready = [];
        for (const p of pre[l]) {
          if (--pending[p] === 0) ready.push(p);
        }
        push(ready);
      }
      for (const b of opens) blocks[b.l] = placed.length - b.start;
      placed.reverse();
      return [placed, blocks];
    };
    const waits = (ord) => {
      const pos = new Array(k), first = new Array(k).fill(-1);
      ord.forEach((l, i) => { pos[l] = i; });
      ord.forEach((l, i) => {
        for (const p of pre[l]) if (first[p] < 0) first[p] = i;
      });
      let sum = 0, longest = 0;
      first.forEach((f, l) => {
        if (f >= 0) { sum += f - pos[l]; longest = Math.max(longest, f - pos[l]); }
      });
      return [sum, longest];
    };
    let best = null, bestSum = -1, bestMax = 0;
    for (let i = 0; i < orderRuns; i++) {
      const [ord, blocks] = run(est);
      const [sum, longest] = waits(ord);
      if (bestSum < 0 || sum < bestSum || (sum === bestSum && longest < bestMax)) {
        best = ord; bestSum = sum; bestMax = longest;
      }
      est = blocks;
    }
    sink(best, pre, post, target);
    return best.map((l) => set[l]);
  }

  const sinkPasses = 3, sinkWindow = 40;

  // sink is graph's sink: it moves single concepts later, to just before
  // their first user, wherever that lowers the total wait.
  function sink(ord, pre, post, target) {
    const k = ord.length, pos = new Array(k);
    ord.forEach((l, i) => { pos[l] = i; });
    const firstUser = (l) => {
      let f = -1;
      for (const u of post[l]) if (f < 0 || pos[u] < f) f = pos[u];
      return f;
    };
    const fu = [];
    for (let l = 0; l < k; l++) fu.push(firstUser(l));
    for (let pass = 0; pass < sinkPasses; pass++) {
      let moved = false;
      for (let i = k - 2; i >= 0; i--) {
        const x = ord[i], j = fu[x];
        if (j < 0 || j - i < 2 || j - i > sinkWindow) continue;
        if (!target[x] && ord.slice(i + 1, j).some((y) => target[y])) continue; // the targets come last
        let delta = 1 - (j - i);
        for (let q = i + 1; q < j; q++) {
          const y = ord[q];
          if (fu[y] >= j) delta++;
          for (const p of pre[y]) if (pos[p] < i && fu[p] === q) delta--;
        }
        for (const p of pre[x]) {
          if (fu[p] !== i) continue;
          let next = j - 1;
          for (const u of post[p]) {
            if (u === x) continue;
            let q = pos[u];
            if (q > i && q < j) q--;
            next = Math.min(next, q);
          }
          delta += next - i;
        }
        if (delta >= 0) continue;
        for (let q = i + 1; q < j; q++) {
          for (const p of pre[ord[q]]) if (fu[p] === q) fu[p] = q - 1;
        }
        ord.copyWithin(i, i + 1, j);
        ord[j - 1] = x;
        for (let q = i; q < j; q++) pos[ord[q]] = q;
        for (const p of pre[x]) if (fu[p] === i) fu[p] = firstUser(p);
        moved = true;
      }
      if (!moved) return;
    }
  }

  function edgeOut(ix, i) {
    const e = ix.model.edges[i];
    const out = { from: e.from, relation: e.relation, to: e.to, why: e.why || { en: '', zh: '' } };
    if (e.role) out.role = e.role;
    if (e.reach) out.reach = e.reach === -1 ? 'all' : String(e.reach);
    return out;
  }

  // plan is Graph.PlanWith, in the shape of `conceptmap plan --json`:
  // the essential steps, and the background apart unless withBackground.
  function plan(ix, targetIDs, knownIDs, withBackground) {
    const p = { targets: targetIDs.filter((id) => ix.byID.has(id)), known: knownIDs.filter((id) => ix.byID.has(id)), already_known: [], steps: [], background: [] };
    const excluded = reachable(ix, indices(ix, knownIDs), null);
    const via = new Array(ix.n).fill(-1);
    const isTarget = new Array(ix.n).fill(false);
    const tix = indices(ix, targetIDs).sort((a, b) => ix.rank[a] - ix.rank[b]);
    const roots = [];
    for (const t of tix) {
      if (excluded[t] >= 0) {
        p.already_known.push(ix.model.concepts[t].id);
        continue;
      }
      isTarget[t] = true;
      roots.push(t);
    }
    const dist = reachable(ix, roots, via);
    const set = roots.slice();
    for (let v = 0; v < ix.n; v++) {
      if (dist[v] >= 0 && excluded[v] < 0 && !isTarget[v]) set.push(v);
    }
    const bg = background(ix, set, dist, excluded, via);
    const steps = (ord, isBackground) => ord.map((v) => {
      const because = [];
      for (let u = v; !isTarget[u]; u = order(ix, via[u])[1]) because.push(edgeOut(ix, via[u]));
      const st = { id: ix.model.concepts[v].id, because };
      if (isTarget[v]) st.target = true;
      if (isBackground && dist[v] < 0) st.background = true;
      return st;
    });
    if (withBackground) {
      p.steps = steps(learningOrder(ix, set.concat(bg), isTarget), true);
      return p;
    }
    p.steps = steps(learningOrder(ix, set, isTarget), false);
    if (bg.length) p.background = steps(learningOrder(ix, bg, isTarget), true);
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
    if (c.names.en) keys.push(c.names.en);
    if (c.names.zh) keys.push(c.names.zh);
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
