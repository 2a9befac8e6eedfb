/** Writing the numbers of a relation for a message: `第一项 3 + 第二项 0 = 3`. */

/** `a + b + c = sum` with names, or plain numbers when names are empty. */
export function sumText(terms: readonly (readonly [name: string, value: number])[]): string {
  const sum = terms.reduce((s, [, v]) => s + v, 0);
  return `${terms.map(([name, v]) => `${name}${name ? ' ' : ''}${v}`).join(' + ')} = ${sum}`;
}
