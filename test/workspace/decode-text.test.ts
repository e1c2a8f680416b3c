import { describe, expect, it } from 'vitest';
import { DecodeError, decodeReportBytes, readsAsText } from '../../src/workspace';

const TEXT = '某某县2023年国民经济和社会发展统计公报\n全县地区生产总值达到123.4亿元，比上年增长5.2%。\n';

const utf16 = (text: string, littleEndian: boolean, bom: boolean): Uint8Array => {
  const units = Array.from(text, (ch) => ch.charCodeAt(0));
  const bytes = new Uint8Array((units.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  if (bom) view.setUint16(0, 0xfeff, littleEndian);
  units.forEach((u, i) => view.setUint16((i + (bom ? 1 : 0)) * 2, u, littleEndian));
  return bytes;
};

/** GBK bytes of TEXT, built from the decoder (Node has no GBK encoder): each character's two bytes found by search. */
function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (!table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array(Array.from(text).flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [])));
}

describe('decoding a chosen report file', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(TEXT);
    expect(decodeReportBytes(bytes, 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8' });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeReportBytes(withBom, 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-16 by its BOM, and without one by the zero bytes its ASCII leaves', () => {
    expect(decodeReportBytes(utf16(TEXT, true, true), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeReportBytes(utf16(TEXT, false, true), 'a.txt')).toEqual({ text: TEXT, encoding: 'utf-16be' });
    const ascii = 'GDP 2023: 123.4\nCPI 2023: 102.1\n';
    expect(decodeReportBytes(utf16(ascii, true, false), 'a.txt')).toEqual({ text: ascii, encoding: 'utf-16le' });
  });

  it('reads GBK/GB18030 when the bytes are not UTF-8 and the text reads as Chinese', () => {
    const bytes = gbk(TEXT);
    expect(bytes.length).toBeGreaterThan(TEXT.length);
    expect(decodeReportBytes(bytes, 'a.txt')).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('refuses an empty file and a binary one, naming the file', () => {
    expect(() => decodeReportBytes(new Uint8Array(), 'empty.txt')).toThrow(/empty\.txt：文件是空的/);
    const binary = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x9f, 0x00, 0xff, 0x12, 0x00, 0x88]);
    const error = (() => {
      try {
        decodeReportBytes(binary, 'scan.pdf');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DecodeError);
    expect((error as DecodeError).reason).toBe('binary');
    expect((error as DecodeError).message).toContain('scan.pdf');
  });

  it('refuses an image whatever its name says, and leaves nothing half-read', () => {
    // A PNG's signature and header: zero bytes in its length fields.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);
    expect(() => decodeReportBytes(png, 'report.txt')).toThrow(/^report\.txt：不是文本文件（含有二进制数据）/);
    // A file of spaces and newlines decodes: the add flow refuses its text as empty (source-check.test.ts).
    expect(decodeReportBytes(new TextEncoder().encode(' \n\n'), 'blank.txt').text).toBe(' \n\n');
  });

  it('refuses bytes whose only reading is mojibake, and reads them in the encoding the analyst names', () => {
    // Latin-1 text: not UTF-8; as GB18030 it decodes to rare characters, never a report's prose.
    const latin1 = new Uint8Array(Array.from('Café crème brûlée, déjà vu à la carte — résumé naïve façade.', (ch) => ch.charCodeAt(0) & 0xff));
    expect(() => decodeReportBytes(latin1, 'menu.txt')).toThrow(/无法确定文件编码/);
    // UTF-8 bytes with one stray byte: not UTF-8, and as GB18030 they decode without error to 鍏ㄥ幙鍦板尯…
    const utf8 = new TextEncoder().encode('全县地区'.repeat(20));
    const stray = new Uint8Array([...utf8, 0x81, 0x40]);
    expect(() => decodeReportBytes(stray, 'mixed.txt')).toThrow(/mixed\.txt：无法确定文件编码/);
    expect(decodeReportBytes(stray, 'mixed.txt', 'gb18030').text).toMatch(/^鍏ㄥ幙鍦板尯/);
    expect(() => decodeReportBytes(gbk(TEXT), 'a.txt', 'utf-8')).toThrow(/按 utf-8 解码失败/);
  });

  it('tells prose from mojibake', () => {
    expect(readsAsText(TEXT)).toBe(true);
    const mojibake = new TextDecoder('gb18030').decode(new TextEncoder().encode(TEXT));
    expect(readsAsText(mojibake)).toBe(false);
  });
});
