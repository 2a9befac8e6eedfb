/**
 * A report's prose → hast, by section. The parse stage has already emptied
 * every line that is not prose (title, headings, table rows) in
 * `parsed.prose`, so it is parsed once, as a whole (footnotes and link
 * definitions work across sections), and its top-level nodes are then given
 * to the preamble and the sections by the line they start on.
 */

import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { h } from 'hastscript';
import type { Root as MdastRoot } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { Position } from 'unist';
import { SKIP, visit } from 'unist-util-visit';
import type { SectionKey } from '../catalogue/index.js';
import { parseProse } from '../parse/prose-mdast.js';
import type { ParsedReport } from '../parse/types.js';
import { sanitizeLinks } from './sanitize.js';

/** The prose of a section: before its table and after it (all of it is `before` in a section without a table). */
export interface SectionProse {
  readonly before: readonly ElementContent[];
  readonly after: readonly ElementContent[];
}

/** A report's prose as hast, by where it goes on the page. */
export interface ReportProse {
  /** Between the title and the first section (e.g. 本报告根据…编制). */
  readonly preamble: readonly ElementContent[];
  readonly sections: ReadonlyMap<SectionKey, SectionProse>;
  /** The GFM footnotes, if any, for the end of the report. */
  readonly footnotes: readonly ElementContent[];
}

/** Where prose headings start: below the page's h1 in the preamble, below the section's h2 in a section. */
const PREAMBLE_HEADING = 2;
const SECTION_HEADING = 3;

/**
 * Render a report's prose. Raw HTML is dropped (the `raw-html` check has
 * reported it with its place); links are made safe (sanitize.ts).
 */
export function renderProse(parsed: ParsedReport): ReportProse {
  const mdast = parseProse(parsed.prose);
  dropRawHtml(mdast);
  const hast = toHast(mdast, {
    footnoteLabel: '注释',
    footnoteLabelProperties: {},
    footnoteBackLabel: (reference) => `返回正文中的第 ${reference + 1} 处引用`,
  }) as HastRoot;
  sanitizeLinks(hast);

  const metaLines = new Set<number>();
  for (const [key, entry] of parsed.meta) if (!key.startsWith('front:')) metaLines.add(entry.place.line);

  const firstHeading = parsed.sections[0]?.headingPlace.line ?? Number.POSITIVE_INFINITY;
  const preamble: ElementContent[] = [];
  const footnotes: ElementContent[] = [];
  const bySection = parsed.sections.map((section) => ({ section, before: [] as ElementContent[], after: [] as ElementContent[] }));
  for (const node of hast.children) {
    if (node.type !== 'element') continue; // the line breaks between blocks, and comments
    const position = node.position;
    if (!position) {
      footnotes.push(node); // the only block without a place: the footnotes section
      continue;
    }
    const line = position.start.line;
    if (line < firstHeading) {
      if (!isMetaParagraph(node, position, metaLines)) preamble.push(node);
      continue;
    }
    const target = bySection.find(({ section }) => line >= section.bodyStart && line <= section.bodyEnd);
    if (!target) continue;
    const rows = target.section.rows;
    const firstRow = rows[0]?.line ?? Number.POSITIVE_INFINITY;
    const lastRow = rows[rows.length - 1]?.line ?? Number.POSITIVE_INFINITY;
    if (line < firstRow) target.before.push(node);
    else if (line > lastRow) target.after.push(node);
    // Prose between the first and last row is what is left of the pasted
    // table (a group line without tabs): the table itself is rendered from the model.
  }

  // One heading mapping per part (a section's prose before and after its table is one part).
  demoteHeadings(preamble, PREAMBLE_HEADING);
  for (const { before, after } of bySection) demoteHeadings([...before, ...after], SECTION_HEADING);
  demoteHeadings(footnotes, PREAMBLE_HEADING);

  let tables = 0;
  const wrap = (nodes: readonly ElementContent[]) => nodes.map((node) => wrapTables(node, () => ++tables));
  return {
    preamble: wrap(preamble),
    sections: new Map(bySection.map(({ section, before, after }) => [section.key, { before: wrap(before), after: wrap(after) }])),
    footnotes: wrap(footnotes),
  };
}

/** Remove every raw HTML node. */
function dropRawHtml(tree: MdastRoot): void {
  visit(tree, 'html', (_node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

/** A paragraph of 发布日期：…/索引号：… lines only: the page shows those in its metadata block. */
function isMetaParagraph(node: Element, position: Position, metaLines: ReadonlySet<number>): boolean {
  if (node.tagName !== 'p') return false;
  for (let line = position.start.line; line <= position.end.line; line++) if (!metaLines.has(line)) return false;
  return true;
}

const HEADING = /^h([1-6])$/;

/**
 * Whatever levels the Markdown used, the prose headings of one part keep
 * their relative order and start at `base`: the page has one h1 (the
 * title) and the six sections are its h2s.
 */
function demoteHeadings(nodes: readonly ElementContent[], base: number): void {
  const headings: Element[] = [];
  const collect = (node: ElementContent) => {
    if (node.type !== 'element') return;
    if (HEADING.test(node.tagName)) headings.push(node);
    node.children.forEach(collect);
  };
  nodes.forEach(collect);
  const depths = [...new Set(headings.map((e) => Number(HEADING.exec(e.tagName)![1])))].sort((a, b) => a - b);
  for (const heading of headings) {
    const rank = depths.indexOf(Number(HEADING.exec(heading.tagName)![1]));
    heading.tagName = `h${Math.min(base + rank, 6)}`;
  }
}

/** A table written in the prose scrolls in its own focusable, labelled region, so the page reflows at 320 px. */
function wrapTables(node: ElementContent, next: () => number): ElementContent {
  if (node.type !== 'element') return node;
  if (node.tagName === 'table') return h('section', { className: ['table-region'], ariaLabel: `正文表格 ${next()}`, tabIndex: 0 }, node);
  node.children = node.children.map((child) => wrapTables(child, next));
  return node;
}
