/**
 * A report page's HTML, with what is the same from page to page serialised
 * once.
 *
 * The three tables are most of a report page's markup and, with hast, most
 * of its rendering time, yet their structure depends only on the report
 * format: only the numbers change. So each table's hast template is built
 * and serialised once per format, with a marker in every number cell
 * (`compileHtml`), and a report's numbers are filled in, escaped as
 * hast-util-to-html escapes text. Likewise the parts of the shell that
 * templates build with `shared` (header, footer, table of contents, section
 * headings) are serialised the first time they are met. The rest of the
 * page (title, metadata, breadcrumb, prose) is built as hast and
 * serialised as before, with a marker where each of those parts goes; their
 * HTML is then put in its place.
 *
 * The cost: the page's HTML is no longer one `toHtml` call, so the
 * equivalence has to be proved: test/render/report-html.test.ts checks,
 * for both formats, random values and random prose, that the result
 * equals `pageHtml` of the full tree (`reportPage` without `table`) byte
 * for byte. When the report's own text holds a marker, the page is
 * serialised whole instead. A whole-shell template with holes for every
 * report string was not done: the shell branches on its values (optional
 * metadata, the breadcrumb's length, a title equal to the site's name), so
 * holes would silently miss a branch; the parts above do not branch.
 */

import type { Element, Parents, Text } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { applicantColumns, applicationRows2019, applicationRows2021, disclosureRows2019, disclosureRows2021, reviewColumns, reviewGroups, type SectionKey } from '../catalogue/index.js';
import type { Report, ReportFormat } from '../model/index.js';
import { reportPage, type ReportPageInput } from '../../templates/report-page.js';
import { activeDisclosureTable } from '../../templates/tables/active-disclosure.js';
import { applicationsTable } from '../../templates/tables/applications.js';
import type { CellValues } from '../../templates/tables/region.js';
import { reviewLitigationTable, type ReviewValues } from '../../templates/tables/review-litigation.js';
import { isShared } from '../../templates/shared.js';
import { compileHtml, fillHtml, htmlOptions, joinSlots, pageHtml, slotMarker, splitAtSlots, type TextTemplate } from './html.js';

/** A table compiled once: its template and, per slot, the cell whose value fills it. */
interface CompiledTable {
  readonly template: TextTemplate;
  readonly cells: readonly (readonly [row: string, column: string])[];
}

function compileTable(cells: CompiledTable['cells'], build: (values: Record<string, Record<string, string>>) => Element): CompiledTable {
  const template = compileHtml((slot) => {
    const values: Record<string, Record<string, string>> = {};
    cells.forEach(([row, column], i) => ((values[row] ??= {})[column] = slot(i)));
    return build(values);
  }, cells.length);
  return { template, cells };
}

function fillTable(table: CompiledTable, values: CellValues): string {
  return fillHtml(
    table.template,
    table.cells.map(([row, column]) => String(values[row]?.[column] ?? '')),
  );
}

const compiled = new Map<string, CompiledTable>();

/** The compiled table `key` of `format`, compiled the first time it is asked for. */
function compiledTable(key: 'activeDisclosure' | 'applications' | 'reviewLitigation', format: ReportFormat): CompiledTable {
  const id = key === 'reviewLitigation' ? key : `${key}-${format}`;
  let table = compiled.get(id);
  if (table === undefined) {
    table = compileOne(key, format);
    compiled.set(id, table);
  }
  return table;
}

function compileOne(key: 'activeDisclosure' | 'applications' | 'reviewLitigation', format: ReportFormat): CompiledTable {
  switch (key) {
    case 'applications': {
      const catalogue = format === '2021' ? applicationRows2021 : applicationRows2019;
      const cells = catalogue.flatMap((row) => applicantColumns.map((column) => [row.key, column.key] as const));
      return compileTable(cells, (values) => applicationsTable(format, values));
    }
    case 'activeDisclosure': {
      const catalogue = format === '2021' ? disclosureRows2021 : disclosureRows2019;
      const cells = catalogue.flatMap((row) => row.columns.map((column) => [row.key, column.key] as const));
      return compileTable(cells, (values) => activeDisclosureTable(format, values));
    }
    case 'reviewLitigation': {
      const cells = reviewGroups.flatMap((group) => reviewColumns.map((column) => [group.key, column.key] as const));
      return compileTable(cells, (values) => reviewLitigationTable(values as ReviewValues));
    }
  }
}

/** The HTML of section `key`'s table, as `toHtml(sectionTable(key, report))` would give it; undefined for a section without one. */
export function sectionTableHtml(key: SectionKey, report: Report): string | undefined {
  switch (key) {
    case 'activeDisclosure':
      return fillTable(compiledTable(key, report.format), report.activeDisclosure);
    case 'applications':
      return fillTable(compiledTable(key, report.format), report.applications);
    case 'reviewLitigation':
      return fillTable(compiledTable(key, report.format), report.reviewLitigation);
    default:
      return undefined;
  }
}

/** The report page's HTML, equal to `pageHtml(reportPage(input))`. */
export function reportPageHtml(input: ReportPageInput): string {
  const fragments: string[] = [];
  const slot = (html: string): Text => ({ type: 'text', value: slotMarker(fragments.push(html) - 1) });
  const tree = withSharedAsSlots(
    reportPage({
      ...input,
      table: (key, report) => {
        const html = sectionTableHtml(key, report);
        return html === undefined ? null : slot(html);
      },
    }),
    slot,
  );
  const page = splitAtSlots(pageHtml(tree), fragments.length);
  // The report's own text holds a marker: serialise the whole tree.
  if (page === undefined) return pageHtml(reportPage({ ...input, table: undefined }));
  return joinSlots(page, fragments);
}

const sharedHtml = new WeakMap<Element, string>();

/**
 * `node` with each shared subtree (templates/shared.ts: the header, the
 * footer, the table of contents…) replaced by `slot(its HTML)`, serialised
 * the first time it is met. Only the nodes on the way to a shared one are
 * copied; the tree given is left as it is.
 */
function withSharedAsSlots<T extends Parents>(node: T, slot: (html: string) => Text): T {
  let children: Parents['children'] | undefined;
  node.children.forEach((child, i) => {
    if (child.type !== 'element') return;
    let replaced: Element | Text;
    if (isShared(child)) {
      let html = sharedHtml.get(child);
      if (html === undefined) sharedHtml.set(child, (html = toHtml(child, htmlOptions)));
      replaced = slot(html);
    } else {
      replaced = withSharedAsSlots(child, slot);
    }
    if (replaced !== child) (children ??= [...node.children])[i] = replaced;
  });
  return children === undefined ? node : ({ ...node, children } as T);
}
