/**
 * Indicator names: a short Chinese name of what a figure measures, read from the noun phrase that
 * governs the number — the words right before it (协议投资额1975亿元, 5G基站累计达到5137个) or the
 * noun right after its unit (分解出19个重点问题) — with adverbs, scope words and filler verbs removed.
 */
import { allMatches } from './textIndex';
import type { Kind } from './types';

/** Where a figure sits, as the indicator rules need it. */
export interface IndicatorContext {
  /** Clause text from the previous delimiter (or previous figure) up to the number or its prefix qualifier. */
  pre: string;
  /** Clause text after the unit and any suffix qualifier, up to the next delimiter. */
  post: string;
  unit: string;
  kind: Kind;
  qualifier: string;
  /** Indicator of the previous figure in the same sentence (a rate contributes its stem), if any. */
  previous: string;
  /** The whole a sentence partitions (70个单位中 … 63个已建立党组织), if one was named before. */
  whole: string;
  /** The sentence up to the figure: a bare verb (解决2110件) borrows the nearest noun named in it. */
  sentenceBefore: string;
  /** Words that name the subject or the whole jurisdiction and should not lead an indicator. */
  subjectWords: readonly string[];
}

const LEADING =
  /^(?:其中|并且?|且|同时|另外|此外|目前|全年|年末|年底|共有|拥有|已有|现有|共计|共|累计|合计|总计|已经|已|均|仅|就|还|再|又|先后|分别|全区|全市|全县|全省|以|各|在|结合实际|积极|认真|进一步|持续|此次|及时|逐一|率先)+/;
const TRAILING = /(?:累计|共计|合计|总计|分别|已|均|就|共|有|已有|达到|达|为|约为|是|至|超过|逾|近|完成|实现|控制在|保持在)+$/;
/** Scope and sequence words inside a phrase: what precedes them is setting, not the indicator. */
const SCOPE = /(?:全区|全市|全县|累计|(?<!公)共(?!同|享|建|性|产)|先后|已经|已|此次)/g;
const POST_STOP =
  /参加|参训|已|正在|进行|开展|通过|符合|进入|被|的|并|与|和|进场|联合|按照|下沉|共同(?!缔造)|确定|提拔|晋升|作出|由|入选|成立|参与|担任|深入|申报|达成|列入|实现|覆盖|作为|开通|纳入|建成|获批|获得|发现|落户|投入|捐赠|选派|选配|分别|均|滨海通办|帮办受理|中(?=[0-9,，;；。、\s]|$)|(?<=[\u4e00-\u9fff]{2})中(?=[\u4e00-\u9fff])|”|为|在|从|向|到|等|以/g;
const HEADS = [
  '单位', '企业', '公司', '项目', '问题', '措施', '会议', '学校', '幼儿园', '人员', '干部', '党员', '基站', '车站',
  '机构', '部门', '街镇', '开发区', '方案', '活动', '任务', '平台', '事项', '制度', '文件', '政策', '清单', '台账',
  '案例', '专报', '报告', '岗', '中心', '基地', '联盟', '班', '讲座', '学位', '专业', '实训室', '学员', '人选',
  '群众', '居民', '组织', '党支部', '职工', '学生', '行业', '理事会', '模块', '实验室', '研究院', '对象', '小组',
  '线索', '网格', '证照', '对接会', '招聘会', '建议书', '函', '地块', '方向', '内容', '网点', '工作组', '专员',
  '讲堂', '推动会', '举措', '区间段', '手册', '下沉点', '场景', '团队', '办校', '国企', '工作者', '诉求',
] as const;
/** Every head noun where it occurs: the one named last before a figure is its object. */
const ANY_HEAD = new RegExp(HEADS.join('|'), 'g');
/** Heads of events counted by 期, 场, 轮 or 次: the session is what is counted, not its audience. */
const EVENT_HEADS = ['培训班', '班', '讲堂', '讲座', '推动会', '会议', '会', '活动', '督查', '巡视', '检查'] as const;
const EVENT_UNITS = new Set(['期', '场', '轮', '次']);
/** Nouns that already name people, so a count of them needs no 人数. */
const PERSON_NOUN = /(?:干部|人员|党员|人才|学生|职工|群众|居民|专员|学员|人选|对象|工作者|负责人|书记|正职|副职|领导|人)$/;
/** A bare verb before a number whose object was named earlier in the sentence (解决2110件). */
const BARE_VERB = /^(?:协调)?(?:解决|完成|下发|交流|整改|办结|查处|收集|检查|培训)$/;
/** A leading prepositional phrase naming a place or party (向杨家泊镇推荐 …). */
const LEADING_PLACE = /^(?:向|对|在|从|与|为)[\u4e00-\u9fff]{1,6}?(?:镇|街|区|市|县|村|企业|单位)(?=[\u4e00-\u9fff]{2})/;
/** Counting words that are themselves the noun (13站9区间). */
const UNIT_NOUN: Readonly<Record<string, string>> = { 站: '车站', 区间: '区间' };
/** Verbs that open a long phrase (建有, 安装 …): a long name keeps only what follows the last one. */
const OPENING_VERB =
  /建立|完善|制定|召开|开展|举办|完成|实现|形成|推动|签约|收集|发放|招收|拨付|争取|遴选|新建|改造|建成|建有|安装|扩大|盘活|选派|配备|调整|检查|印发|出台|梳理|汇总|分解|细化|明确|推出|确定|指导|走访|吸纳|摸排|编发|下发|审核|查处|约谈|通报|成立|组建|达成|征集/g;
/** Counting words that count groups of the noun that follows (6类组织, 5方面21条措施). */
const GROUP_SUFFIX: Readonly<Record<string, string>> = {
  方面: '方面数', 个方面: '方面数', 大类: '类别数', 类: '类别数', 种: '类别数', 个类别: '类别数',
  批: '批次数', 批次: '批次数', 个批次: '批次数', 期: '期数', 轮: '轮数', 大: '数',
};
/** A number with its counting word at the start of a phrase (21条, 13个). */
const COUNTED = /^(?:共|提出|制定|明确|细化|对)?[0-9.]+(?:余|多)?(?:万|亿)?[个条项件名家所起类种人次批期轮]+/;

const tidy = (s: string): string => s.replace(/[“”"‘’《》]/g, '').replace(/^[()（）\s]+|[()（）\s]+$/g, '');

/** The first index of `re` in `s` that does not fall inside a head noun (方向 is not 向). */
function stopIndex(s: string, re: RegExp): number {
  for (const m of allMatches(re, s)) {
    const inside = HEADS.some((h) => {
      for (let at = s.indexOf(h); at !== -1; at = s.indexOf(h, at + 1)) if (at <= m.index && m.index < at + h.length && h !== m[0]) return true;
      return false;
    });
    if (!inside) return m.index;
  }
  return -1;
}

/**
 * The noun phrase right after the unit: up to the first verb-like word, ending at the first head
 * noun (or, for counted events, the last event head); `rest` is what follows it in the clause.
 */
export function nounPhraseAfter(post: string, heads: readonly string[] = HEADS, lastHead = false): { noun: string; headed: boolean; rest: string } {
  const cohort = /^为?“?([0-9]{2}后)”?/.exec(post);
  if (cohort) {
    const after = nounPhraseAfter(post.slice(cohort[0].length), heads, lastHead);
    return { ...after, noun: `${cohort[1] ?? ''}${after.noun}` };
  }
  let full = post
    .replace(/^(?:以上|以下|及以上|及以下|左右)/, '')
    .replace(/^[0-9.]+(?:岁|周岁)(?:及?以下|及?以上)?/, '')
    .replace(/[(（][^)）]*[)）]/g, '');
  const lead = /^的/.exec(full)?.[0].length ?? 0;
  full = full.slice(lead);
  const stop = stopIndex(full, POST_STOP);
  let run = stop === -1 ? full : full.slice(0, stop);
  if (stop !== -1 && full[stop] === '的') {
    const after = nounPhraseAfter(full.slice(stop + 1), heads, lastHead);
    if (after.headed) return after;
  }
  run = run.replace(/[0-9].*$/, '').slice(0, 20);
  // A noun compound is head-final: when the run ends in a head noun the whole run is the noun,
  // otherwise it ends at its first head (服务网点党员信息 counts 服务网点).
  const endsInHead = run.length <= 10 && heads.some((h) => run.endsWith(h));
  let cut = -1;
  for (const head of heads) {
    const at = lastHead || endsInHead ? run.lastIndexOf(head) : run.indexOf(head);
    if (at === -1) continue;
    const headEnd = at + head.length;
    if (cut === -1 || (lastHead || endsInHead ? headEnd > cut : headEnd < cut)) cut = headEnd;
  }
  const used = cut > 0 ? cut : Math.min(run.length, 12);
  const noun = tidy(run.slice(0, used));
  return { noun: noun.length > 16 ? noun.slice(-16) : noun, headed: cut > 0, rest: full.slice(used) };
}

/** The noun phrase right after the unit (kept for callers that need the name only). */
export const nounAfter = (post: string): string => nounPhraseAfter(post).noun;

/** The words before the number with adverbs, scope words, trailing verbs and earlier modifiers removed. */
export function nounBefore(pre: string, subjectWords: readonly string[]): string {
  let s = pre.trim().replace(LEADING, '');
  for (const w of subjectWords) if (w && s.startsWith(w)) s = s.slice(w.length);
  s = s.replace(LEADING, '');
  const trailingCumulative = /累计(?:达到|达)?$/.test(s);
  s = s.replace(TRAILING, '');
  const scopes = allMatches(SCOPE, s).at(-1);
  if (scopes && !s.startsWith('占') && scopes.index + scopes[0].length < s.length - 1) s = s.slice(scopes.index + scopes[0].length);
  const cutAt = Math.max(s.lastIndexOf('等'), s.slice(0, -1).lastIndexOf('的'));
  if (cutAt !== -1 && cutAt < s.length - 1) s = s.slice(cutAt + 1);
  s = tidy(s.replace(LEADING, '').replace(/就?(?:实现|完成)了?(?=[\u4e00-\u9fff]{2})/g, '').replace(LEADING_PLACE, ''));
  if (s.length > 10 && !/[较比]/.test(s)) {
    const verb = allMatches(OPENING_VERB, s).at(-1);
    if (verb && s.length - verb.index - verb[0].length >= 2) s = s.slice(verb.index + verb[0].length);
  }
  if (s.length > 16) s = s.slice(-16);
  return trailingCumulative && s ? `${s}累计` : s;
}

const withCountSuffix = (s: string): string => (/(数|量|额|率|比重|总额|人次)$/.test(s) ? s : `${s}数`);

/** The count suffix a name takes for its counting word: 人次, 人数 for people, 次数 for occasions, else 数. */
function countSuffixed(name: string, unit: string): string {
  const word = unit.replace(/^[万亿]+/, '');
  if (word === '人次') return name.endsWith('人次') ? name : `${name}人次`;
  if ((word === '人' || word === '名') && !PERSON_NOUN.test(name)) return `${name}人数`;
  if (word === '次' && !/次数$/.test(name)) return `${name.replace(/数$/, '')}次数`;
  return withCountSuffix(name);
}
const GROWTH_ONLY = /^(?:同比|比上年|较上年|比去年)?(?:增长|下降|增速|增幅|提高|降低|减少|上升|回落|下滑)$/;
/** X较成立时增加 / X比上年增加: the change of X. */
const CHANGE = /^(.{2,}?)(?:较|比)[^，,]{0,6}?(增加|减少|新增)$/;
/** 由11家调整为5家: the first figure is the value before the change. */
const FROM = /(?:从|由)$/;
const TO = /^(?:调整|增加|减少|提高|下降|压减|扩大|压缩)(?:为|到|至)$/;

/** The whole a phrase names as partitioned (…的单位中, 6个问题中), or empty. */
export function wholeNamed(text: string): string {
  const m = /([^\s,，;；。、0-9]{2,16})(?:之)?中(?:[,，]|已|$)/.exec(text.slice(-18));
  if (!m) return '';
  const s = (m[1] ?? '').replace(/^.*的/, '').replace(/^[个家项名件条所]/, '');
  return s.length >= 2 && s !== '其' ? tidy(s) : '';
}

/** The short verb phrase that says what became of a part of a whole (已完成, 正在推进中 → 正在推进). */
const partVerb = (s: string): string => tidy(s.replace(/^中/, '').replace(/(?:中|手续|工作)$/, '')).slice(0, 12);

/** A short predicate closing the clause after the counted noun (车站主体已封顶 → 封顶). */
function predicate(rest: string): string {
  const r = rest.replace(/[(（][^)）]*[)）]/g, '');
  const done = /^(?:主体)?(?:已|正在|均已|基本)(?:进行|完成)?([\u4e00-\u9fff]{2,4})$/.exec(r);
  if (done) return done[1] ?? '';
  const acted = /^(?:通过)?((?:晋升|参加|参训|入选|自查自纠)[^，,并]{0,8})(?:并|$)/.exec(r);
  return acted && !/[0-9]/.test(r) ? partVerb(acted[1] ?? '') : '';
}

/** Names a figure whose counting word counts groups (6类组织, 5方面21条措施, 7期大讲堂). */
function groupName(ctx: IndicatorContext, before: string, suffix: string): string {
  let tail = ctx.post.replace(/^(?:方面|批次|类别)/, '');
  while (COUNTED.test(tail)) tail = tail.replace(COUNTED, '');
  let thing = nounAfter(tail);
  for (const w of ctx.subjectWords) if (w && thing.startsWith(w)) thing = thing.slice(w.length);
  return `${thing || before}${suffix}`;
}

/** The part of a whole named earlier (6个问题中2个已完成 → 已完成问题数), or empty. */
function partName(ctx: IndicatorContext, before: string): string {
  const pre = ctx.pre.trim();
  const previousNoun = ctx.previous.replace(/数$/, '');
  for (const whole of [ctx.whole, previousNoun]) {
    if (!whole) continue;
    const own = pre.startsWith(whole) ? pre.slice(whole.length) : whole === ctx.whole && (before === '' || /^中/.test(pre)) ? pre : null;
    if (own === null || (whole !== ctx.whole && !/^中?(?:已|基本|正在|尚未)/.test(own))) continue;
    const verb = partVerb(own) || partVerb(ctx.post);
    if (verb && !/^[0-9]/.test(verb)) return `${verb}${whole}数`;
  }
  return '';
}

/** An event's name may join words with 和/与 or hold a verb (村和社区…培训班, 新进入…培训班): mask them from the stop words. */
const JOINERS: ReadonlyArray<readonly [string, string]> = [['和', '\uE000'], ['与', '\uE001'], ['进入', '\uE002']];
const maskJoiners = (s: string): string => JOINERS.reduce((t, [w, m]) => t.split(w).join(m), s);
const unmaskJoiners = (s: string): string => JOINERS.reduce((t, [w, m]) => t.split(m).join(w), s);

function countName(ctx: IndicatorContext, before: string): string {
  const events = EVENT_UNITS.has(ctx.unit);
  const { noun: found, headed, rest } = events ? nounPhraseAfter(maskJoiners(ctx.post), EVENT_HEADS, true) : nounPhraseAfter(ctx.post);
  const noun = ctx.subjectWords.reduce((n, w) => (w && n.startsWith(w) && n.length > w.length + 1 ? n.slice(w.length) : n), events ? unmaskJoiners(found) : found);
  const group = GROUP_SUFFIX[ctx.unit] ?? (ctx.unit === '个' ? GROUP_SUFFIX[`个${/^(?:方面|批次|类别)/.exec(ctx.post)?.[0] ?? ''}`] : undefined);
  if (group && !events) return groupName(ctx, before, group);
  if (events && (ctx.unit === '期' || ctx.unit === '轮') && noun) return `${noun.slice(-16)}${GROUP_SUFFIX[ctx.unit] ?? '数'}`;
  if (events && headed && noun.length > 13) return countSuffixed(noun.slice(-13), ctx.unit);
  if (FROM.test(ctx.pre) && /^(?:调整|增加|减少|提高|下降|压减|扩大|压缩)(?:为|到|至)/.test(ctx.post)) {
    return `${nounBefore(ctx.pre.replace(FROM, ''), ctx.subjectWords)}调整前数`;
  }
  if (TO.test(ctx.pre.trim()) && ctx.previous.endsWith('调整前数')) return ctx.previous.replace(/调整前数$/, '数');
  if (!headed) {
    const part = partName(ctx, before);
    if (part) return part;
  }
  if (headed || (noun && !before && !predicate(ctx.post)) || (noun && !/^(?:全|已|正|被|均|都|基本)/.test(noun) && !predicate(ctx.post))) {
    const quoted = /“([^”]{2,8})”$/.exec(ctx.pre)?.[1];
    const lead = quoted && !before.replace(quoted, '') ? quoted : '';
    const done = headed ? predicate(rest) : '';
    return countSuffixed(`${done}${lead}${noun}`, ctx.unit);
  }
  const unitNoun = UNIT_NOUN[ctx.unit];
  if (unitNoun) {
    const line = /^[A-Za-z0-9]+线$/.test(before) ? before : /^([A-Za-z0-9]+线)(?:车站|区间)数$/.exec(ctx.previous)?.[1];
    if (line) return `${line}${unitNoun}数`;
  }
  const change = CHANGE.exec(before);
  if (change) return `${change[1]}${change[2] === '减少' ? '减少' : '增加'}数`;
  if (BARE_VERB.test(before)) {
    const object = allMatches(ANY_HEAD, ctx.sentenceBefore).at(-1)?.[0];
    if (object) return countSuffixed(`${before}${object}`, ctx.unit);
  }
  if (before) return countSuffixed(before, ctx.unit);
  const verb = predicate(ctx.post);
  if (verb && ['人', '名', '人次'].includes(ctx.unit)) return countSuffixed(verb, ctx.unit);
  if (noun) return countSuffixed(noun, ctx.unit);
  const stem = ctx.previous.replace(/(?:增加|减少|新增)数$/, '数');
  return stem || withCountSuffix(ctx.unit.replace(/^[万亿]+/, ''));
}

/** A short indicator name for one figure. */
export function indicatorFor(ctx: IndicatorContext): string {
  const before = nounBefore(ctx.pre, ctx.subjectWords);
  const stem = ctx.previous.replace(/(?:同比)?(?:增长率|增速)$/, '');
  if (ctx.kind === 'growth_rate') {
    if (GROWTH_ONLY.test(before) || before === '') return `${stem}${before.startsWith('同比') ? '同比' : ''}增长率`;
    return before.replace(/增长$/, '增长率');
  }
  if (ctx.kind === 'percent_share') {
    if (before.startsWith('占比')) return `${stem}占比`;
    if (before.startsWith('占')) return `${stem}${before.replace(/的$/, '')}比重`;
    return before || `${stem}占比`;
  }
  if (ctx.kind === 'age') {
    const who = nounAfter(ctx.post);
    if (ctx.qualifier === '以下') return `${who}年龄上限`;
    if (ctx.qualifier === '以上') return `${who}年龄下限`;
    return before.includes('年龄') ? before : `${who}年龄`;
  }
  if (ctx.kind === 'amount') {
    const name = before || nounAfter(ctx.post) || ctx.unit;
    // A bare money verb names the money it moves: 完成投资 → 完成投资额, 到位 → 到位资金.
    return /(?:投资|引资|融资)$/.test(name) ? `${name}额` : /到位$/.test(name) ? `${name}资金` : name;
  }
  if (ctx.kind === 'area' || ctx.kind === 'quantity') return before || nounAfter(ctx.post) || ctx.unit;
  return countName(ctx, before);
}

/** Heads that say what kind of thing is counted but not which (单位数 counts some units). */
const GENERIC_HEADS = ['单位', '企业', '机构', '部门'] as const;
/** A predicate right after a counted noun that says which ones (…企业符合申报条件, …单位为…对象). */
export const WHICH_AFTER = /^(?:为(?:[0-9]{4}年度?)?)?((?:已|正在|均)?[\u4e00-\u9fff]{2,8}?)(?:对象|的|并|[，,。；;、]|$)/;
/** A verb before the number that says what was done to the counted things (共检查14家企业). */
const VERB_BEFORE = /(检查|走访|调研|督查|督导|审核|约谈|通报|帮扶|指导|培育|引进|认定|转制|完成|建成|覆盖|联系|服务)$/;

/** What the rules read to make a generic name specific. */
export interface SpecificContext {
  pre: string;
  post: string;
  unit: string;
  sentenceBefore: string;
}

/**
 * A name that names the thing counted: `所数` (a measure word alone) borrows the noun the sentence named before
 * and what became of it (民办幼儿园进行转制，已完成32所 → 转制幼儿园数); a generic head (单位数, 企业数) takes the
 * predicate after it, the same head named earlier in the sentence (区属企事业单位 … 70个单位中 → 企事业单位数), or
 * the verb before the number (共检查14家企业 → 检查企业数). Other names are returned as they are.
 */
export function specificName(name: string, ctx: SpecificContext): string {
  const word = ctx.unit.replace(/^[万亿]+/, '');
  if (name === `${word}数`) {
    const found = allMatches(ANY_HEAD, ctx.sentenceBefore).at(-1);
    if (!found) return name;
    const after = ctx.sentenceBefore.slice(found.index + found[0].length);
    const became = /^(?:进行|开展|实施)?([\u4e00-\u9fff]{2,4}?)[，,]/.exec(after)?.[1] ?? '';
    const verb = became || (VERB_BEFORE.exec(ctx.pre.replace(/^已/, ''))?.[1] ?? '');
    return `${verb}${found[0]}数`;
  }
  const head = GENERIC_HEADS.find((h) => name === `${h}数`);
  if (!head) return name;
  const rest = ctx.post.startsWith(head) ? ctx.post.slice(head.length) : '';
  const which = WHICH_AFTER.exec(rest)?.[1];
  if (which && !/^中/.test(which)) return `${which.replace(/^(?:已|均)/, '')}${head}数`;
  const verb = VERB_BEFORE.exec(ctx.pre.replace(/^共|^已/, ''))?.[1];
  if (verb) return `${verb}${head}数`;
  // The same head named earlier in this part of the sentence (after the last ；).
  const part = ctx.sentenceBefore.slice(Math.max(ctx.sentenceBefore.lastIndexOf('；'), ctx.sentenceBefore.lastIndexOf(';')) + 1);
  const earlier = new RegExp(`([\\u4e00-\\u9fff]{1,3})${head}(?!.*${head})`).exec(part);
  return earlier?.[1] ? `${earlier[1]}${head}数` : name;
}
