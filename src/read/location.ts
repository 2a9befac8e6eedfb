/**
 * What a report file's place says about it. Kept apart from the pipeline so
 * that finding files (and a no-change rebuild) loads none of the parser,
 * the schema or remark.
 */

/** Where a report file stands: what its path says about it. */
export interface ReportLocation {
  /** The path shown in messages (relative to the working folder). */
  readonly path: string;
  /** The year its file name states, if any (`2021.md`, `changdai-2021.md`). */
  readonly pathYear?: number | undefined;
  /** The agency folder it is in (`reports/<agency>/<year>.md`), if any. */
  readonly folderAgency?: string | undefined;
}

const YEAR_IN_NAME = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/;

/** The year a file name states: `2021.md` and `changdai-2021.md` state 2021. */
export function yearOfFileName(name: string): number | undefined {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const match = YEAR_IN_NAME.exec(base);
  return match ? Number(match[1]) : undefined;
}
