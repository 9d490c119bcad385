import { headOf, kvRunBytes, tailOf, type KvLayout, type KvRun } from './kv';

/**
 * A prefix cache for one model, like SGLang's RadixAttention: the keys and values of token
 * sequences already run through the model, in a radix tree keyed by token ids. Each edge holds
 * the keys/values of its own tokens only, so a child state shares its parent's entries and adds
 * just its step. Least-recently-used leaves are dropped once the cache is over its byte budget;
 * prefixes handed out by match() are pinned until released, so a forward pass in flight never
 * loses its past.
 */
interface CacheNode {
  /** The edge's tokens, from the parent node. */
  tokens: number[];
  kv: KvRun | null;
  readonly children: Map<number, CacheNode>;
  parent: CacheNode | null;
  lastUsed: number;
  pins: number;
}

export interface PrefixMatch {
  /** Tokens of the query covered by the cache. */
  readonly length: number;
  /** Their keys/values, in order (the last run may cover part of an edge). */
  readonly runs: readonly KvRun[];
  /** Unpins the prefix (call once the forward pass that used it is done). */
  release(): void;
}

export interface PrefixCacheStats {
  readonly bytes: number;
  readonly nodes: number;
  readonly lookups: number;
  readonly hitTokens: number;
  readonly evictedNodes: number;
}

export class PrefixCache {
  private readonly root: CacheNode = {
    tokens: [],
    kv: null,
    children: new Map(),
    parent: null,
    lastUsed: 0,
    pins: 0,
  };
  private clock = 0;
  private bytesHeld = 0;
  private nodeCount = 0;
  private lookups = 0;
  private hitTokens = 0;
  private evicted = 0;

  constructor(
    readonly layout: KvLayout,
    readonly budgetBytes: number,
  ) {}

  get stats(): PrefixCacheStats {
    return {
      bytes: this.bytesHeld,
      nodes: this.nodeCount,
      lookups: this.lookups,
      hitTokens: this.hitTokens,
      evictedNodes: this.evicted,
    };
  }

  /** The longest cached prefix of `ids`, at most `maxLength` tokens, pinned until released. */
  match(ids: readonly number[], maxLength = ids.length): PrefixMatch {
    this.lookups++;
    const now = ++this.clock;
    const runs: KvRun[] = [];
    const pinned: CacheNode[] = [];
    let node = this.root;
    let pos = 0;
    while (pos < maxLength) {
      const next = node.children.get(ids[pos] as number);
      if (!next?.kv) break;
      const common = commonLength(next.tokens, ids, pos, maxLength);
      next.lastUsed = now;
      next.pins++;
      pinned.push(next);
      runs.push(common === next.tokens.length ? next.kv : headOf(next.kv, this.layout, common));
      pos += common;
      if (common < next.tokens.length) break;
      node = next;
    }
    this.hitTokens += pos;
    let released = false;
    return {
      length: pos,
      runs,
      release: () => {
        if (released) return;
        released = true;
        for (const n of pinned) n.pins--;
      },
    };
  }

  /**
   * Stores the keys/values of `ids`; `kvFor(from, to)` gives those of positions [from, to),
   * asked only for the part not cached yet. Then drops old leaves while over the budget.
   */
  insert(ids: readonly number[], kvFor: (from: number, to: number) => KvRun): void {
    const now = ++this.clock;
    let node = this.root;
    let pos = 0;
    while (pos < ids.length) {
      const next = node.children.get(ids[pos] as number);
      if (!next) {
        this.attach(node, ids.slice(pos), kvFor(pos, ids.length), now);
        break;
      }
      const common = commonLength(next.tokens, ids, pos, ids.length);
      if (common < next.tokens.length) this.split(next, common);
      next.lastUsed = now;
      pos += common;
      node = next;
    }
    this.evictToBudget();
  }

  /** Empties the cache. */
  clear(): void {
    this.root.children.clear();
    this.bytesHeld = 0;
    this.nodeCount = 0;
  }

  private attach(parent: CacheNode, tokens: number[], kv: KvRun, now: number): void {
    const node: CacheNode = { tokens, kv, children: new Map(), parent, lastUsed: now, pins: 0 };
    parent.children.set(tokens[0] as number, node);
    this.bytesHeld += kvRunBytes(kv);
    this.nodeCount++;
  }

  /** Splits an edge after `at` tokens: the node keeps the head, a new child takes the tail. */
  private split(node: CacheNode, at: number): void {
    const kv = node.kv as KvRun;
    const tail: CacheNode = {
      tokens: node.tokens.slice(at),
      kv: tailOf(kv, this.layout, at),
      children: node.children.size > 0 ? new Map(node.children) : new Map(),
      parent: node,
      lastUsed: node.lastUsed,
      pins: 0,
    };
    for (const child of tail.children.values()) child.parent = tail;
    node.children.clear();
    node.children.set(tail.tokens[0] as number, tail);
    node.tokens = node.tokens.slice(0, at);
    node.kv = headOf(kv, this.layout, at);
    this.bytesHeld += kvRunBytes(node.kv) + kvRunBytes(tail.kv as KvRun) - kvRunBytes(kv);
    this.nodeCount++;
  }

  /**
   * Over budget, least-recently-used leaves go until the cache is back under LOW_WATER of it: a
   * finding of the leaves walks the whole tree, so it is done once per tenth of the budget
   * inserted rather than on every insertion of a full cache (the engine's share of the time grew
   * from 26% to 33% over 700 expansions before).
   */
  private evictToBudget(): void {
    if (this.bytesHeld <= this.budgetBytes) return;
    const target = this.budgetBytes * LOW_WATER;
    const leaves: CacheNode[] = [];
    const walk = (n: CacheNode) => {
      for (const c of n.children.values()) {
        if (c.children.size === 0) leaves.push(c);
        else walk(c);
      }
    };
    walk(this.root);
    leaves.sort((a, b) => a.lastUsed - b.lastUsed);
    // What this insertion just added or touched goes last, only when all else is pinned.
    this.dropOldest(leaves, target, (leaf) => leaf.lastUsed !== this.clock);
    if (this.bytesHeld > this.budgetBytes) this.dropOldest(leaves, this.budgetBytes, () => true);
  }

  /** Drops leaves oldest first while over `target`; a parent left childless queues in its turn. */
  private dropOldest(leaves: CacheNode[], target: number, may: (leaf: CacheNode) => boolean): void {
    for (let i = 0; i < leaves.length && this.bytesHeld > target; i++) {
      const leaf = leaves[i] as CacheNode;
      if (leaf.pins > 0 || leaf.children.size > 0 || !leaf.parent || !may(leaf)) continue;
      const parent = leaf.parent;
      parent.children.delete(leaf.tokens[0] as number);
      // Marked gone, so that the second pass over the same queue passes it by.
      leaf.parent = null;
      this.bytesHeld -= kvRunBytes(leaf.kv as KvRun);
      this.nodeCount--;
      this.evicted++;
      if (parent !== this.root && parent.children.size === 0) insertByAge(leaves, parent, i + 1);
    }
  }
}

/** Where eviction stops, as a share of the budget. */
const LOW_WATER = 0.9;

/** Tokens `edge` shares with ids[pos, limit). */
function commonLength(edge: readonly number[], ids: readonly number[], pos: number, limit: number): number {
  let n = 0;
  while (n < edge.length && pos + n < limit && edge[n] === ids[pos + n]) n++;
  return n;
}

/** Puts `node` into the age-sorted queue after index `from` (a parent that just became a leaf). */
function insertByAge(queue: CacheNode[], node: CacheNode, from: number): void {
  let i = from;
  while (i < queue.length && (queue[i] as CacheNode).lastUsed <= node.lastUsed) i++;
  queue.splice(i, 0, node);
}
