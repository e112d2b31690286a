import { describe, expect, it } from 'vitest';
import { bilingual, textColumns, wrapColumns } from '../../../drivers/printer/text-columns.js';

describe('column arithmetic for Chinese mode', () => {
  it('counts ASCII as one column and every Chinese character (including 㐀) as two', () => {
    expect(textColumns('A012')).toBe(4);
    expect(textColumns('社保 A012')).toBe(9);
    expect(textColumns('㐀')).toBe(2);
  });

  it('wraps Chinese text anywhere so no line exceeds the columns', () => {
    const lines = wrapColumns('办事完毕请对我们的服务作出评价谢谢', 32);
    expect(lines).toEqual(['办事完毕请对我们的服务作出评价谢', '谢']);
    for (const line of lines) expect(textColumns(line)).toBeLessThanOrEqual(32);
  });

  it('wraps English at the last space and never splits a Chinese character in two columns', () => {
    expect(wrapColumns('Please rate our service today', 16)).toEqual(['Please rate our', 'service today']);
    expect(wrapColumns('一二三四五六七八A', 9)).toEqual(['一二三四', '五六七八A']);
  });

  it('adds the English only when it fits next to the Chinese', () => {
    expect(bilingual('前面还有 5 人', 'Ahead: 5', 32)).toBe('前面还有 5 人  Ahead: 5');
    expect(bilingual('前面还有 5 人', 'Ahead: 5', 16)).toBe('前面还有 5 人');
  });
});
