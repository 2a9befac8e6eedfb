/** Small readers of hast trees for the tests. */

import type { Element, Nodes } from 'hast';

/** Every element of a tree, in document order. */
export function elements(node: Nodes): Element[] {
  const found: Element[] = [];
  const walk = (n: Nodes) => {
    if (n.type === 'element') found.push(n);
    if ('children' in n) for (const child of n.children) walk(child);
  };
  walk(node);
  return found;
}

/** The text of a node. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map((c) => textOf(c)).join('') : '';
}

/** For every `td` with a `headers` list: the texts of the header cells it names, in order. */
export function headerChains(table: Element): string[][] {
  const byId = new Map<string, Element>();
  for (const e of elements(table)) if (e.tagName === 'th' && typeof e.properties['id'] === 'string') byId.set(e.properties['id'], e);
  return elements(table)
    .filter((e) => e.tagName === 'td' && Array.isArray(e.properties['headers']))
    .map((td) =>
      (td.properties['headers'] as string[]).map((id) => {
        const th = byId.get(id);
        if (!th) throw new Error(`headers names a missing id: ${id}`);
        return textOf(th);
      }),
    );
}
