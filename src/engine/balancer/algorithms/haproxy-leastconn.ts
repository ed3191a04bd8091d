/**
 * HAProxy 2.6 `balance leastconn` (src/lb_fwlc.c, real-systems §2.5): key 0 when idle, else (inflight + 1)
 * × 4096 / eweight; the tree's first wins, and a server taking or ending a request goes behind the others of
 * its key, so idle servers take turns whatever their weights (5,1,1 gives a b c). Simplifies: moves between
 * picks replay as take, answers (onResponse order), other load changes, then state changes; no maxconn.
 */
import type { AlgorithmFactory, GroupView } from '../algorithm.ts';
import { EbTree } from './haproxy-eb-tree.ts';
import { EWEIGHT_MAX, ServerSet, type ServerChange } from './haproxy-servers.ts';

export const create: AlgorithmFactory = (options) => {
  const servers = new ServerSet('dynamic', options?.allBackups ?? false);
  let trees = [new EbTree(), new EbTree()];
  let key = new Float64Array(0);
  let inTree = new Uint8Array(0);
  let lastPick = -1;
  // answers since the last pick, in order: each member's latest answer number (no list that could grow)
  let answerSeq = new Float64Array(0);
  let seq = 0, synced = 0;
  const answered: number[] = [];

  const loadKey = (view: GroupView, i: number, eweight: number) => {
    const inflight = view.active(i);
    return inflight > 0 ? Math.floor(((inflight + 1) * EWEIGHT_MAX) / eweight) : 0;
  };
  const place = (view: GroupView, i: number, eweight: number) => {
    if (inTree[i]) trees[servers.isBackup[i]].remove(i, key[i]);
    key[i] = loadKey(view, i, eweight);
    trees[servers.isBackup[i]].insert(i, key[i]);
    inTree[i] = 1;
  };
  const onChange: ServerChange = (i, nowUsable, eweight, view) => {
    if (nowUsable) place(view, i, eweight);
    else if (inTree[i]) {
      trees[servers.isBackup[i]].remove(i, key[i]);
      inTree[i] = 0;
    }
  };
  const rebuild = (view: GroupView) => {
    servers.reset(view);
    trees = [new EbTree(), new EbTree()];
    key = new Float64Array(view.size);
    inTree = new Uint8Array(view.size);
    lastPick = -1;
    answerSeq = new Float64Array(view.size);
    synced = seq;
    for (let i = 0; i < view.size; i++) if (servers.usable[i] === 1) place(view, i, servers.eweight[i]);
  };
  /** fwlc_srv_reposition for every server whose load moved since the last pick. */
  const reposition = (view: GroupView) => {
    const ew = servers.eweight;
    if (lastPick >= 0 && inTree[lastPick]) place(view, lastPick, ew[lastPick]);
    if (seq > synced) {
      answered.length = 0;
      for (let i = 0; i < view.size; i++) if (answerSeq[i] > synced && inTree[i]) answered.push(i);
      answered.sort((a, b) => answerSeq[a] - answerSeq[b]);
      for (const i of answered) place(view, i, ew[i]);
      synced = seq;
    }
    for (let i = 0; i < view.size; i++) if (inTree[i] && key[i] !== loadKey(view, i, ew[i])) place(view, i, ew[i]);
    lastPick = -1;
  };
  return {
    rebuild,
    onResponse(member) {
      if (member < answerSeq.length) answerSeq[member] = ++seq;
    },
    pick(view, request) {
      if (view.size !== servers.size) rebuild(view);
      reposition(view); // the moves happened before any state change seen now
      servers.sync(view, onChange);
      const g = servers.lookupGroup();
      if (g < 0) return servers.fbck;
      const tree = trees[g];
      const avoid = request.avoid ?? -1;
      let avoided = -1;
      for (let k = 0; k < tree.size; k++) {
        const s = tree.valueAt(k);
        if (s !== avoid) return (lastPick = s);
        avoided = s;
      }
      return (lastPick = avoided);
    },
    inspect: () => ({ trees: [{ name: 'load', keyName: '(held + 1) × 4096 / weight, 0 when idle', ...trees[Math.max(0, servers.lookupGroup())].entries() }] }),
  };
};
