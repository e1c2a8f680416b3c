/**
 * Indicator names: a short Chinese name of what a figure measures, read from the words right
 * before the number (协议投资额1975亿元) or the noun right after its unit (分解出19个重点问题).
 */
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
  /** Indicator of the previous figure in the same sentence that is not a percentage, if any. */
  previous: string;
  /** Words that name the subject or the whole jurisdiction and should not lead an indicator. */
  subjectWords: readonly string[];
}

const LEADING = /^(?:其中|并且?|且|同时|另外|此外|目前|全年|年末|年底|共有|拥有|已有|现有|共计|共|累计|合计|总计|已经|已|均|仅|就|还|再|又|分别|全区|全市|全县|全省|以)+/;
const TRAILING = /(?:累计|共计|合计|总计|分别|已|均|就|共|有|已有|达到|达|为|约为|是|至|超过|逾|近)+$/;
const POST_STOP =
  /参加|参训|已|正在|进行|开展|通过|符合|进入|被|的|并|与|和|进场|主体|联合|确定|提拔|晋升|作出|由|入选|成立|参与|担任|深入|共同|申报|达成|列入|实现|覆盖|作为|开通|纳入|建成|获批|获得|发现|落户|投入|捐赠|选派|选配|分别|均|滨海通办|帮办受理|中(?=[0-9,，;；。、\s]|$)|为|在|从|向|到|等|以/;
const HEADS = [
  '单位', '企业', '公司', '项目', '问题', '措施', '会议', '学校', '幼儿园', '人员', '干部', '党员', '基站', '车站',
  '机构', '部门', '街镇', '开发区', '方案', '活动', '任务', '平台', '事项', '制度', '文件', '政策', '清单', '台账',
  '案例', '专报', '报告', '岗', '中心', '基地', '联盟', '班', '讲座', '学位', '专业', '实训室', '学员', '人选',
  '群众', '居民', '组织', '党支部', '职工', '学生', '行业', '理事会', '模块', '实验室', '研究院', '对象', '小组',
  '线索', '网格', '证照', '对接会', '招聘会', '建议书', '函', '地块', '方向', '重点', '网点', '工作组', '专员',
] as const;

const tidy = (s: string): string => s.replace(/[“”"‘’《》]/g, '').replace(/^[()（）\s]+|[()（）\s]+$/g, '');

/** The noun phrase right after the unit, cut at the first verb-like word and the last head noun. */
export function nounAfter(post: string): string {
  let run = post.replace(/^(?:以上|以下|及以上|及以下|左右)/, '');
  const stop = POST_STOP.exec(run);
  if (stop) run = run.slice(0, stop.index);
  run = run.replace(/[0-9].*$/, '').slice(0, 12);
  let cut = -1;
  for (const head of HEADS) {
    const at = run.indexOf(head);
    if (at !== -1 && (cut === -1 || at + head.length < cut)) cut = at + head.length;
  }
  for (let more = cut > 0; more; ) {
    const next = HEADS.find((h) => run.startsWith(h, cut));
    more = next !== undefined;
    if (next) cut += next.length;
  }
  return tidy(cut > 0 ? run.slice(0, cut) : run.slice(0, 8));
}

/** The words before the number with leading adverbs, trailing verbs and earlier modifiers removed. */
export function nounBefore(pre: string, subjectWords: readonly string[]): string {
  let s = pre.trim().replace(LEADING, '');
  for (const w of subjectWords) if (w && s.startsWith(w)) s = s.slice(w.length);
  s = s.replace(LEADING, '').replace(TRAILING, '');
  const cutAt = Math.max(s.lastIndexOf('等'), s.slice(0, -1).lastIndexOf('的'));
  if (cutAt !== -1 && cutAt < s.length - 1) s = s.slice(cutAt + 1);
  s = tidy(s);
  return s.length > 16 ? s.slice(-16) : s;
}

const withCountSuffix = (s: string): string => (/(数|量|额|率|比重|总额)$/.test(s) ? s : `${s}数`);
const GROWTH_ONLY = /^(?:同比|比上年|较上年|比去年)?(?:增长|下降|增速|增幅|提高|降低|减少|上升|回落|下滑)$/;

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
  const after = nounAfter(ctx.post);
  if (ctx.kind === 'amount' || ctx.kind === 'area' || ctx.kind === 'quantity') return before || after || ctx.unit;
  if (after) return withCountSuffix(after);
  if (before) return withCountSuffix(before);
  return ctx.previous || withCountSuffix(ctx.unit.replace(/^[万亿]+/, ''));
}
