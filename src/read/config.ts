/**
 * Reading the site configuration file. A missing default file means "no
 * configuration"; a file named on the command line must exist. Every problem
 * is an `InputError` naming the file and the field.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { defaultConfigFile, defaultSiteConfig, type SiteConfig } from '../options.js';
import { InputError } from './files.js';

/** A configuration read before, with what it was read from: a rebuild by the same tool need not validate the same text again. */
export interface KnownConfig {
  /** `configSource` of the text it was read from. */
  readonly source: string;
  readonly config: SiteConfig;
}

/** Read and validate the site configuration: `file` as given by `--config`, or the default file when it exists. */
export async function readSiteConfig(file: string | undefined, cwd: string): Promise<SiteConfig> {
  return (await readSiteConfigFile(file, cwd)).config;
}

/**
 * `readSiteConfig`, with the source it was read from (`configSource`: a
 * hash of the file's text, or `''` when there is no file). When `known`
 * was read by the same tool from the same text, it is taken as it is:
 * validating the same text with the same schema gives the same result, and
 * this way a rebuild loads no zod.
 */
export async function readSiteConfigFile(file: string | undefined, cwd: string, known?: KnownConfig): Promise<KnownConfig> {
  const path = resolve(cwd, file ?? defaultConfigFile);
  const shown = relative(cwd, path).split(sep).join('/') || path;
  let text: string;
  try {
    // Synchronous: a rebuild has nothing else to do while it waits.
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (file === undefined && code === 'ENOENT') return { source: '', config: defaultSiteConfig() };
    throw new InputError(`无法读取配置文件 ${shown}（${code ?? 'error'}）。Cannot read the configuration file ${shown}.`, { cause });
  }
  const source = configSource(text);
  if (known?.source === source) return known;
  return { source, config: await parseSiteConfig(text, shown) };
}

/** What a configuration read from `text` is remembered by. */
export function configSource(text: string): string {
  return createHash('sha256').update(`nianbao.config\u0000${text}`).digest('hex').slice(0, 32);
}

/** Parse a configuration file's text; `shown` names the file in messages. */
export async function parseSiteConfig(text: string, shown: string): Promise<SiteConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new InputError(`配置文件 ${shown} 不是有效的 JSON：${(cause as Error).message}。${shown} is not valid JSON.`, { cause });
  }
  const { siteConfigSchema } = await import('../config-schema.js');
  const result = siteConfigSchema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.flatMap((issue) => {
    const at = (key?: string) => [...issue.path, ...(key === undefined ? [] : [key])].join('.') || '(整个文件 the whole file)';
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `  ${shown}: ${at(key)}: 没有这个字段，是否拼写有误？(unknown field)`);
    return [`  ${shown}: ${at()}: ${issue.message}`];
  });
  throw new InputError(`配置文件 ${shown} 有误 (invalid configuration):\n${problems.join('\n')}`);
}
