/**
 * hast → HTML: by hast-util-to-html, never with raw HTML allowed.
 *
 * A page is serialised once. For the parts that are the same on every
 * page but for a few numbers (the report tables: ~300 header and number
 * cells whose structure depends only on the report format), serialising
 * the whole tree for every report is most of the cost of a page: every
 * attribute goes through property-information and stringify-entities.
 * `compileHtml` does that once: it serialises the template's own hast with
 * a marker in each value's place and keeps the HTML between the markers;
 * `fillHtml` then puts a report's values in, escaped exactly as
 * hast-util-to-html escapes text. The markup still comes only from hast
 * and hast-util-to-html; what is traded is a little generality (a value
 * can only be text, not markup or an attribute) for not rebuilding and
 * re-serialising the same cells on every page. Tests check, for both
 * formats and random values, that the result equals `toHtml` of the full
 * tree byte for byte.
 */

import type { Nodes, Root } from 'hast';
import { toHtml, type Options } from 'hast-util-to-html';

/** hast-util-to-html's options for every page and every part of one. */
export const htmlOptions: Options = { upperDoctype: true };

/** The page's HTML, ending with a newline. */
export function pageHtml(tree: Root): string {
  return `${toHtml(tree, htmlOptions)}\n`;
}

/** A template serialised once: the HTML between its slots, and which slot each gap is. */
export interface CompiledHtml {
  /** `order.length + 1` pieces of HTML. */
  readonly chunks: readonly string[];
  /** The slot whose value goes after `chunks[i]`. */
  readonly order: readonly number[];
}

/**
 * The marker standing for slot `index` while a template is serialised: two
 * private-use characters around the number, which hast-util-to-html leaves
 * as they are in text. Text of a report that happens to hold one is caught
 * by `splitAtSlots`, never mistaken for a slot.
 */
export function slotMarker(index: number): string {
  return `\uE000${index}\uE001`;
}

const MARKER = /\uE000(\d+)\uE001/g;

/** Text (not markup) that would need escaping in a text node. */
const ESCAPED_IN_TEXT = /[<&]/;

/** `value` as hast-util-to-html writes a text node holding it (outside `script` and `style`). */
export function textHtml(value: string): string {
  return ESCAPED_IN_TEXT.test(value) ? toHtml({ type: 'text', value }, htmlOptions) : value;
}

/**
 * Split serialised HTML at the markers of slots `0 … slots - 1`; undefined
 * unless each of them occurs exactly once (so that text of the input which
 * holds a marker is never taken for a slot).
 */
export function splitAtSlots(html: string, slots: number): CompiledHtml | undefined {
  const chunks: string[] = [];
  const order: number[] = [];
  const seen = new Set<number>();
  let last = 0;
  for (const match of html.matchAll(MARKER)) {
    const slot = Number(match[1]);
    if (!(slot < slots) || seen.has(slot)) return undefined;
    seen.add(slot);
    chunks.push(html.slice(last, match.index));
    order.push(slot);
    last = match.index + match[0].length;
  }
  if (seen.size !== slots) return undefined;
  chunks.push(html.slice(last));
  return { chunks, order };
}

/** Put `values[slot]` into each slot, as given (already HTML). */
export function joinSlots(compiled: CompiledHtml, values: readonly string[]): string {
  const { chunks, order } = compiled;
  let html = chunks[0]!;
  for (let i = 0; i < order.length; i++) html += values[order[i]!]! + chunks[i + 1]!;
  return html;
}

/** A compiled template that fills its slots with text. */
export interface TextTemplate {
  readonly compiled: CompiledHtml;
  readonly slots: number;
}

/**
 * Serialise `build`'s tree once, with `slot(i)` the text of slot `i`.
 * Every slot must be the whole or part of a text node (outside `script`
 * and `style`), and each must occur once: that is checked here, by
 * filling every slot with characters that need escaping and comparing the
 * result with the tree built with them.
 */
export function compileHtml(build: (slot: (index: number) => string) => Nodes, slots: number): TextTemplate {
  const compiled = splitAtSlots(toHtml(build(slotMarker), htmlOptions), slots);
  if (!compiled) throw new Error(`compileHtml: the template does not show each of its ${slots} slots exactly once.`);
  const template = { compiled, slots };
  const probe = (index: number) => `<&"'\u00A0${index}`;
  const expected = toHtml(build(probe), htmlOptions);
  if (fillHtml(template, Array.from({ length: slots }, (_, i) => probe(i))) !== expected) {
    throw new Error('compileHtml: a slot is not plain text (it sits in an attribute, a script or a style).');
  }
  return template;
}

/** The template's HTML with `values[i]` as the text of slot `i`. */
export function fillHtml(template: TextTemplate, values: readonly string[]): string {
  if (values.length !== template.slots) throw new RangeError(`fillHtml: ${values.length} values for ${template.slots} slots.`);
  return joinSlots(template.compiled, values.map(textHtml));
}
