/**
 * Subjects: whom or where a figure is about. A clause that names a zone (高新区, 生态城 …) or the
 * towns and streets as a group (街镇) makes that zone the subject; otherwise the document's own
 * jurisdiction is.
 */
import { allMatches } from './textIndex';

/**
 * Generic zone words of district reports, longest first. A named science park written as
 * `X-Y科技园` is recognised by pattern.
 */
const ZONES = [
  '东疆保税港区',
  '中新生态城',
  '生态城',
  '高新区',
  '经开区',
  '保税区',
  '自贸区',
  '自贸试验区',
  '开发区',
  '街镇',
];
const ZONE = new RegExp(`[\\u4e00-\\u9fff]{2,6}-[\\u4e00-\\u9fff]{2,6}科技园|${ZONES.join('|')}`, 'g');

/** Words right before a zone that make it an object (深入各开发区, 5个开发区), not the subject. */
const OBJECT_BEFORE = /(?:[0-9]+[个家所]|深入|走遍|涉及|向|与|和|对|到|赴|从|同|及|组织|有关|、)各?$/;
/** Characters right after a zone that make it one item of a list. */
const LIST_AFTER = /^[、)）(（和与及]/;
/** A zone right before a number heads that figure (其中经开区173名、保税区20名). */
const HEADS_FIGURE = /^(?:[0-9]|$)/;

/**
 * The subject named by the last zone mention in `before` (the sentence up to the figure), or
 * `fallback`. A zone inside a 《》 title is no mention. When the last mention is an object or a list
 * item (深入各开发区, 有关开发区和区属企业), the figure is about the jurisdiction, so `fallback` applies.
 */
export function subjectFor(before: string, fallback: string): string {
  let last = '';
  for (const m of allMatches(ZONE, before)) {
    const head = before.slice(0, m.index);
    const tail = before.slice(m.index + m[0].length);
    if (head.lastIndexOf('《') > head.lastIndexOf('》')) continue;
    const object = OBJECT_BEFORE.test(head) || LIST_AFTER.test(tail);
    last = object && !HEADS_FIGURE.test(tail) ? '' : m[0];
  }
  return last || fallback;
}

/**
 * The jurisdiction a report speaks for, read from its title (`滨海新区关于…的通报` → 滨海新区,
 * `某某县2023年国民经济…公报` → 某某县), or empty when the title has neither head.
 */
export function jurisdictionFromTitle(title: string): string {
  const m = /^\s*([\u4e00-\u9fff]{2,12}?)(?:人民政府|委员会)?(?:关于|(?:19|20)[0-9]{2}年)/.exec(title);
  return m?.[1] ?? '';
}

/** The title of a report: the first line among the first few that reads `…关于…通报` or `…2023年…公报`. */
export function findTitle(text: string): string {
  const lines = text.split('\n', 12);
  return lines.find((l) => /(关于.+|(19|20)[0-9]{2}年.+)(通报|报告|公报|情况)\s*$/.test(l))?.trim() ?? '';
}
