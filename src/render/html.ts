/** hast → HTML: once per page, by hast-util-to-html, never with raw HTML allowed. */

import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** The page's HTML, ending with a newline. */
export function pageHtml(tree: Root): string {
  return `${toHtml(tree, { upperDoctype: true })}\n`;
}
