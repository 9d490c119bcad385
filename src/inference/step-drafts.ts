/**
 * Drafts from the task's rules: the token ids of every step the rules allow next, in a trie. A
 * row that has drawn a path of the trie so far can only go on validly along the trie, and where
 * the trie has a single way on (after `10-4`, only `=6 (left: 5 6 6)` and the newline) those
 * tokens are a draft that the decoding checks in one forward pass. The draft only decides how
 * many positions a pass feeds; every token is still drawn from the model's own distribution, so
 * the samples are those of plain decoding.
 */
export interface DraftNode {
  readonly children: Map<number, DraftNode>;
}

export const emptyDraftNode = (): DraftNode => ({ children: new Map() });

/** The trie of the given token sequences (each a step with its separator). */
export function draftTrie(sequences: readonly (readonly number[])[]): DraftNode {
  const root = emptyDraftNode();
  for (const ids of sequences) {
    let node = root;
    for (const tok of ids) {
      let next = node.children.get(tok);
      if (!next) {
        next = emptyDraftNode();
        node.children.set(tok, next);
      }
      node = next;
    }
  }
  return root;
}

/** Where a row stands after drawing `tok`: null once it has left the trie (no drafts from then on). */
export function followDraft(node: DraftNode | null, tok: number): DraftNode | null {
  return node?.children.get(tok) ?? null;
}

/** The tokens the trie forces from `node` (a chain of single children), at most `max`. */
export function forcedTokens(node: DraftNode | null, max: number): number[] {
  const out: number[] = [];
  let at = node;
  while (at && at.children.size === 1 && out.length < max) {
    const [tok, next] = at.children.entries().next().value as [number, DraftNode];
    out.push(tok);
    at = next;
  }
  return out;
}

/**
 * Token ids of step texts, memoized: the same steps come back on every expansion of the same
 * position. Bounded, so a long session does not grow it without end.
 */
export class StepEncoder {
  private readonly memo = new Map<string, readonly number[]>();

  constructor(
    private readonly encode: (text: string) => number[],
    private readonly capacity = 8192,
  ) {}

  ids(text: string): readonly number[] {
    let ids = this.memo.get(text);
    if (!ids) {
      if (this.memo.size >= this.capacity) this.memo.clear();
      ids = this.encode(text);
      this.memo.set(text, ids);
    }
    return ids;
  }
}
