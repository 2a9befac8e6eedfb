/** Matching a row label to the catalogue, forgiving the variants real reports use. */

import { labelCore } from '../catalogue/index.js';

const PUNCTUATION = /[、，,。.．：:；;()（）[\]【】“”"'‘’《》<>〈〉\-—_·•]/g;

/** The key a label is matched by: its core without punctuation. */
export function matchKey(label: string): string {
  return labelCore(label).replace(PUNCTUATION, '');
}

// Entries remembered per index: every report repeats the same few dozen labels.
const MEMO_LIMIT = 4096;

/** A lookup from labels to catalogue entries. */
export class LabelIndex<T> {
  private readonly exact = new Map<string, T>();
  private readonly prefixes: { key: string; entry: T }[] = [];
  /** What `find` gave for a label (null: nothing); emptied when full. */
  private readonly memo = new Map<string, T | null>();

  constructor(entries: readonly T[], cores: (entry: T) => readonly string[]) {
    for (const entry of entries) {
      for (const core of cores(entry)) {
        const key = core.replace(PUNCTUATION, '');
        if (!this.exact.has(key)) this.exact.set(key, entry);
        this.prefixes.push({ key, entry });
      }
    }
    this.prefixes.sort((a, b) => b.key.length - a.key.length);
  }

  /**
   * The entry a label means: an exact match; else the longest catalogue
   * label (of four characters or more) the label starts with; else the
   * catalogue label this one is a truncation of (six characters or more).
   */
  find(label: string): T | undefined {
    let entry = this.memo.get(label);
    if (entry === undefined) {
      entry = this.lookUp(label) ?? null;
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(label, entry);
    }
    return entry ?? undefined;
  }

  private lookUp(label: string): T | undefined {
    const key = matchKey(label);
    if (key === '') return undefined;
    const exact = this.exact.get(key);
    if (exact !== undefined) return exact;
    for (const p of this.prefixes) if (p.key.length >= 4 && key.startsWith(p.key)) return p.entry;
    if (key.length >= 6) for (const p of this.prefixes) if (p.key.startsWith(key)) return p.entry;
    return undefined;
  }
}
