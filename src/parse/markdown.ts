/**
 * The one Markdown processor of the project (remark-parse with GFM), shared
 * by the raw-html check and the render stage. Frozen: every report reuses it.
 */

import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export const markdown = unified().use(remarkParse).use(remarkGfm).freeze();
