/**
 * Section headings of rectification reports and work reports: 一、… / (一)… / 1.… and the
 * 针对“举一反三”整改事项 paragraphs.
 */

/** The section a line belongs to. */
export interface SectionInfo {
  /** Heading path such as `二(一)1` or `二(一)1-举一反三`; empty before the first heading. */
  section: string;
  /** Text of the innermost heading. */
  title: string;
}

const CN_NUM = '[一二三四五六七八九十百零]+';
const LEVEL1 = new RegExp(`^\\s*(${CN_NUM})、(.*)$`);
const LEVEL2 = new RegExp(`^\\s*[(（](${CN_NUM})[)）](.*)$`);
const LEVEL3 = /^\s*([0-9]+)[.．、](?![0-9])(.*)$/;
const CROSS_CHECK = /针对[“"]举一反三[”"]整改事项[“"]/;
const CROSS_CHECK_ITEM = /整改事项[“"](.*?)[”"][,，]?进行了以下整改/;
const CROSS_CHECK_ITEM_LOOSE = /整改事项[“"]([^”"]*)[”"]/;
/** The suffix that marks figures inside a 举一反三 paragraph. */
export const CROSS_CHECK_SUFFIX = '-举一反三';

function headingTitle(rest: string): string {
  const sentence = rest.split('。')[0] ?? '';
  return sentence.replace(/[,，]?进行了以下整改$/, '').trim();
}

/** A level-1/2 heading is a short line that is not a running sentence. */
const isShortHeading = (rest: string): boolean => rest.trim().length <= 80 && !/。./.test(rest.trim());

/**
 * Assigns every line (index 0 = line 1) its heading path and innermost heading title. Headings
 * reset their sub-levels; a 举一反三 paragraph adds {@link CROSS_CHECK_SUFFIX} to its own line only.
 */
export function sectionsByLine(lines: readonly string[]): SectionInfo[] {
  let l1 = '';
  let l2 = '';
  let l3 = '';
  let title = '';
  const path = (): string => l1 + (l2 ? `(${l2})` : '') + l3;
  return lines.map((line) => {
    const m1 = LEVEL1.exec(line);
    const m2 = LEVEL2.exec(line);
    const m3 = LEVEL3.exec(line);
    if (m1 && isShortHeading(m1[2] ?? '')) {
      [l1, l2, l3, title] = [m1[1] ?? '', '', '', (m1[2] ?? '').trim()];
    } else if (m2 && isShortHeading(m2[2] ?? '')) {
      [l2, l3, title] = [m2[1] ?? '', '', (m2[2] ?? '').trim()];
    } else if (m3) {
      [l3, title] = [m3[1] ?? '', headingTitle(m3[2] ?? '')];
    }
    if (CROSS_CHECK.test(line)) {
      const item = (CROSS_CHECK_ITEM.exec(line) ?? CROSS_CHECK_ITEM_LOOSE.exec(line))?.[1] ?? '';
      return { section: path() + CROSS_CHECK_SUFFIX, title: item };
    }
    return { section: path(), title };
  });
}
