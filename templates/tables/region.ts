/** What the three report tables and the headline table share. */

import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';

/**
 * A table inside a keyboard-focusable scroll region labelled by the table's
 * caption (a `<section>` with a name is a region: the native form of
 * `<div role="region">`): a wide table scrolls on its own and the page
 * still reflows at 320 px (WCAG 1.4.10). `id` is the table's; the caption is
 * `<id>-caption`.
 */
export function tableInRegion(id: string, caption: readonly (string | ElementContent)[], className: string, ...content: Element[]): Element {
  const captionId = `${id}-caption`;
  return h('section', { className: ['table-region'], ariaLabelledBy: captionId, tabIndex: 0 }, [
    // The caption's text is held within the viewport (and kept in view while the table scrolls sideways), so it reflows too.
    h('table', { id, className: ['data-table', className] }, [h('caption', { id: captionId }, h('span', { className: ['caption-text'] }, ...caption)), ...content]),
  ]);
}

/**
 * A table's values by row key and column key: numbers, or exact decimal
 * strings (amounts), shown as written. Any text will do, which is how
 * `src/render/report-html.ts` compiles a table once with markers in its cells.
 */
export type CellValues = Readonly<Record<string, Readonly<Record<string, number | string>> | undefined>>;

/** A number cell: right-aligned in tabular figures (the stylesheet's `.num`), named by its headers. */
export function numberCell(value: number | string, headers: readonly string[], colSpan?: number): Element {
  return h('td', { className: ['num'], headers: [...headers], colSpan: colSpan && colSpan > 1 ? colSpan : undefined }, String(value));
}
