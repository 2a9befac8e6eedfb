/**
 * Where every page and data file goes in the output, and how pages link to
 * each other. Paths are `/`-separated and relative to the output folder;
 * links are relative too, so the site works from any folder of a portal and
 * from `file://`, and they name `index.html` explicitly for the same reason.
 */

/** Top-level names the site itself uses: an agency folder must not take them. */
const RESERVED = new Set(['data', 'assets']);
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Long enough for any agency name, short enough for a file name of 255 bytes in UTF-8. */
const MAX_SLUG = 60;

/**
 * A folder name that is safe in URLs and on every file system: letters
 * (Chinese included), digits and `-` only, so no `.`, `..`, separators or
 * hidden names; ASCII in lower case, because Windows and macOS ignore case.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');
  if (slug === '') return 'agency';
  if (RESERVED.has(slug) || /^\d+$/.test(slug)) return `agency-${slug}`;
  if (WINDOWS_DEVICE.test(slug)) return `${slug}-agency`;
  return slug;
}

/**
 * The slug of every agency folder. Two folders whose names give the same
 * slug get `-2`, `-3`… in the order of their names, so the result depends
 * only on the set of folders.
 */
export function planSlugs(folders: Iterable<string>): Map<string, string> {
  const slugs = new Map<string, string>();
  const taken = new Set<string>();
  for (const folder of [...new Set(folders)].sort()) {
    const base = slugify(folder);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugs.set(folder, slug);
  }
  return slugs;
}

/** The home page. */
export const homePath = 'index.html';
/** The stylesheet, copied from templates/site.css. */
export const stylesheetPath = 'assets/site.css';
/** The site-wide data files. */
export const dataPaths = {
  reports: 'data/reports.json',
  csv: 'data/reports.csv',
  schema: 'data/report.schema.json',
} as const;

/** The folder of a report: `<slug>/<year>/`, or `<year>/` for a report without an agency folder. */
function reportFolder(slug: string | undefined, year: number): string {
  return slug === undefined ? `${year}/` : `${slug}/${year}/`;
}

/** A report's page. */
export function reportPagePath(slug: string | undefined, year: number): string {
  return `${reportFolder(slug, year)}index.html`;
}

/** A report's open-data JSON, beside its page. */
export function reportDataPath(slug: string | undefined, year: number): string {
  return `${reportFolder(slug, year)}report.json`;
}

/** An agency's page. */
export function agencyPagePath(slug: string): string {
  return `${slug}/index.html`;
}

/** The link from the page at `from` to the file at `to`, both output paths. */
export function hrefFrom(from: string, to: string): string {
  const folder = from.split('/').slice(0, -1);
  const target = to.split('/');
  let shared = 0;
  while (shared < folder.length && shared < target.length - 1 && folder[shared] === target[shared]) shared++;
  return '../'.repeat(folder.length - shared) + target.slice(shared).map(encodeURIComponent).join('/');
}
