/**
 * `raw-html`: HTML written in the prose never reaches the page (the render
 * stage drops it). Reported here, with `check`, so that an editor sees it
 * before the build and `check --strict` fails exactly where `build --strict`
 * would. Most reports have no `<` in their prose and are not parsed at all.
 */

import { visit } from 'unist-util-visit';
import { markdown } from '../parse/markdown.js';
import { defineCheck } from './types.js';

export const rawHtml = defineCheck('raw-html', ({ parsed }, emit) => {
  if (!parsed.prose.includes('<')) return;
  visit(markdown.parse(parsed.prose), 'html', (node) => {
    const found = node.value.replace(/\s+/g, ' ').trim();
    const start = node.position?.start;
    const end = node.position?.end;
    emit(
      { found: found.length > 60 ? `${found.slice(0, 57)}…` : found },
      start && end && { line: start.line, column: start.column, endLine: end.line, endColumn: end.column },
    );
  });
});
