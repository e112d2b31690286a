// Column arithmetic for a printer in Chinese mode: an ASCII byte prints half width (one column), every
// multi-byte GB18030 character prints full width (two columns), whatever its Unicode width class says.

export function charColumns(ch: string): number {
  return ch.codePointAt(0)! < 0x80 ? 1 : 2;
}

export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) n += charColumns(ch);
  return n;
}

/**
 * Splits text into lines of at most `columns` columns. Breaks at the last space when a line holds ASCII words,
 * anywhere between Chinese characters (Chinese has no spaces to break at).
 */
export function wrapColumns(text: string, columns: number): string[] {
  if (columns < 2) throw new RangeError(`a line needs at least 2 columns, got ${columns}`);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let used = 0;
    for (const ch of paragraph) {
      const w = charColumns(ch);
      if (used + w > columns) {
        const cut = ch === ' ' ? line.length : breakPoint(line);
        lines.push(line.slice(0, cut).join('').trimEnd());
        line = line.slice(cut);
        while (line[0] === ' ') line.shift();
        used = textColumns(line.join(''));
        if (ch === ' ' && line.length === 0) continue;
      }
      line.push(ch);
      used += w;
    }
    lines.push(line.join('').trimEnd());
  }
  return lines;
}

/** Index to break before: after the last space if the tail is an ASCII word, else at the end. */
function breakPoint(line: string[]): number {
  const lastSpace = line.lastIndexOf(' ');
  if (lastSpace <= 0) return line.length;
  const tail = line.slice(lastSpace + 1);
  return tail.every((ch) => charColumns(ch) === 1) ? lastSpace + 1 : line.length;
}

/** Chinese first; the short English follows on the same line only when both fit. */
export function bilingual(zh: string, en: string, columns: number): string {
  const joined = `${zh}  ${en}`;
  return textColumns(joined) <= columns ? joined : zh;
}
