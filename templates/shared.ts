/**
 * Parts of the page that are the same on page after page — the site header
 * and footer (for one configuration and one depth of page), the table of
 * contents, the section headings — built once and then reused as the very
 * same hast node. That saves rebuilding them, and lets
 * `src/render/report-html.ts` serialise each of them once.
 *
 * A shared node is reused by every page that asks for it: nothing may
 * change it (or anything inside it) once it is built.
 */

import type { Element } from 'hast';

/** What a shared part is built from: strings and such, and at most one object (the site configuration), taken by identity. */
type Args = readonly (string | number | boolean | undefined | object)[];

const sharedNodes = new WeakSet<Element>();
const noObject = {};

/**
 * `build`, remembering what it built for each list of arguments. `build`
 * must depend on nothing but its arguments; an object argument counts as
 * itself, not as its content, so it must not change either. What was
 * built for an object is forgotten with the object.
 */
export function shared<A extends Args>(build: (...args: A) => Element): (...args: A) => Element {
  const built = new WeakMap<object, Map<string, Element>>();
  return (...args: A) => {
    const objects = args.filter((arg): arg is object => typeof arg === 'object');
    if (objects.length > 1) throw new TypeError('shared: at most one object argument.');
    const owner = objects[0] ?? noObject;
    // An argument's place fixes its type, so the object (and undefined) can stand as null.
    const key = JSON.stringify(args.map((arg) => (typeof arg === 'object' ? null : arg)));
    let byKey = built.get(owner);
    if (byKey === undefined) built.set(owner, (byKey = new Map()));
    let node = byKey.get(key);
    if (node === undefined) {
      node = build(...args);
      sharedNodes.add(node);
      byKey.set(key, node);
    }
    return node;
  };
}

/** Whether `node` was built by a `shared` template, and so is the same on many pages. */
export function isShared(node: Element): boolean {
  return sharedNodes.has(node);
}
