import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, safeFileName } from '../../src/export/file-name';

describe('safeFileName', () => {
  it('keeps a Chinese title readable', () => {
    expect(safeFileName('招商引资/投资：主要数字（单位：亿元）', 'png')).toBe('招商引资_投资：主要数字（单位：亿元）.png');
  });

  it.each([
    ['../../etc/passwd', 'etc_passwd.csv'],
    ['..\\..\\windows', 'windows.csv'],
    ['CON', '_CON.csv'],
    ['nul.txt', '_nul.txt.csv'],
    ['lpt1', '_lpt1.csv'],
    ['', 'export.csv'],
    ['...', 'export.csv'],
    ['a<b>c:d"e|f?g*h', 'a_b_c_d_e_f_g_h.csv'],
    ['tab\tand\nnewline', 'tab_and_newline.csv'],
  ])('sanitises %j', (title, expected) => {
    expect(safeFileName(title, 'csv')).toBe(expected);
  });

  it('caps the length by characters and never ends in a dot or space', () => {
    const name = safeFileName(`${'数'.repeat(MAX_NAME_LENGTH - 1)} .and more`, 'xlsx');
    expect([...name.replace(/\.xlsx$/, '')].length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
    expect(name).toMatch(/[^. ]\.xlsx$/);
  });
});
