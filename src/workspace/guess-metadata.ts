/**
 * First guesses for the metadata form, read from the text itself: the title line, the 发布日期/发布时间 line, the
 * 来源 (publisher), the place in the title, the genre from the title's words, a URL. Each is only a guess: the
 * analyst confirms or corrects it, and an empty guess leaves the field for them.
 */
import { findTitle, jurisdictionFromTitle } from '../extract/subjects';
import type { Genre, ReportMeta } from './report';

const DATE = /((?:19|20)[0-9]{2})\s*[-年./]\s*([0-9]{1,2})\s*[-月./]\s*([0-9]{1,2})/;
const DATE_LINE = /(?:发布日期|发布时间|发文日期|日期|时间)\s*[:：]\s*/;
/** Publisher lines, most telling first: a portal's 发布机构 is often its web desk, 来源 the issuing body. */
const SOURCES = [/来源\s*[:：]\s*([^\s|｜]{2,30})/, /(?:发文机关|发布机构)\s*[:：]\s*([^\s|｜]{2,30})/];
const URL = /https?:\/\/[^\s<>"'，。）)]+/;

function iso(m: RegExpExecArray | null): string {
  if (!m) return '';
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return '';
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A speech's delivery line near the top: ——2016年2月19日在某某区第十四届人民代表大会第五次会议上 gives the date
 * it was delivered and the place whose congress heard it (全国 for the national one).
 */
const DELIVERED = /((?:19|20)[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日在([\u4e00-\u9fff]{2,12}?)?第[一二三四五六七八九十]{1,4}届(全国)?人民代表大会/;

function delivered(lines: readonly string[]): { published: string; place: string } | null {
  for (const line of lines.slice(0, 24)) {
    const m = DELIVERED.exec(line);
    if (m) return { published: iso(m), place: m[5] ?? m[4] ?? '' };
  }
  return null;
}

/** The publication date: a dated line near the top, else the signature date among the last lines. */
function guessPublished(lines: readonly string[]): string {
  for (const line of lines.slice(0, 12)) {
    const at = DATE_LINE.exec(line);
    if (at) {
      const found = iso(DATE.exec(line.slice(at.index)));
      if (found) return found;
    }
  }
  for (const line of lines.slice(-8).reverse()) {
    const trimmed = line.trim();
    // A signature date stands alone on its line: 2022年8月4日
    if (/^(?:19|20)[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日$/.test(trimmed)) return iso(DATE.exec(trimmed));
  }
  return '';
}

/** The genre a title's words name. */
export function guessGenre(title: string, text: string): Genre {
  if (/整改/.test(title)) return 'rectification';
  if (/政府工作报告/.test(title.replace(/\s+/g, ''))) return 'work_report';
  if (/统计公报|国民经济和社会发展/.test(title)) return 'statistical_bulletin';
  if (/招商|投资/.test(title) && /总结|情况|报告/.test(title)) return 'investment_summary';
  if (/整改/.test(text.slice(0, 500))) return 'rectification';
  return 'other';
}

/** The title: a title-like line among the first few, else the first line with Chinese text. */
function guessTitle(lines: readonly string[], text: string): string {
  const titled = findTitle(text);
  if (titled) return titled;
  const first = lines.map((l) => l.trim()).find((l) => /[\u4e00-\u9fff]/.test(l) && !/首页|[>＞]/.test(l));
  return (first ?? '').slice(0, 80);
}

/** The place: the title's head (某某县2023年…, 滨海新区关于…), else a place name at its start. */
function guessPlace(title: string): string {
  const head = jurisdictionFromTitle(title);
  if (head) return head.replace(/^中共/, '').replace(/(委员会|人民政府)$/, '');
  return /^([\u4e00-\u9fff]{2,10}?(?:省|市|区|县|旗|州|镇))/.exec(title)?.[1] ?? '';
}

/** Every field the text suggests; empty strings where it suggests nothing. */
export function guessMetadata(text: string): ReportMeta {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const title = guessTitle(lines, text);
  const head = lines.slice(0, 12);
  const source = SOURCES.map((re) => head.map((l) => re.exec(l)?.[1]).find(Boolean)).find(Boolean) ?? '';
  const speech = delivered(lines);
  const place = guessPlace(title) || speech?.place || '';
  // A speech to a people's congress by a government is its work report.
  const genre = speech && /政府/.test(lines.slice(0, 24).join('')) && guessGenre(title, text) === 'other' ? 'work_report' : guessGenre(title, text);
  return {
    title,
    // A government work report is delivered by the place's government.
    publisher: source || (genre === 'work_report' && place ? `${place}人民政府` : ''),
    place,
    published: guessPublished(lines) || speech?.published || '',
    genre,
    url: URL.exec(text.slice(0, 2000))?.[0] ?? '',
  };
}
