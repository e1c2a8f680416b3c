/**
 * Category rules: a keyword lexicon per category, tried on the figure's own list item, then its
 * indicator, then the sentence, the paragraph and the section title; the unit decides last.
 */
import { allMatches } from './textIndex';
import type { Category, Kind } from './types';

/**
 * Topic keywords in priority order. Generic administrative words (单位, 部门, 街镇 …) are kept apart
 * in {@link WEAK} so that a topic word anywhere in the context outranks them.
 */
const RULES: ReadonlyArray<readonly [Category, RegExp]> = [
  ['infrastructure', /5G|基站|车站|区间|地铁|轨道|道路|管网|线路|房产|地块|公寓|停车|桥梁|充电桩|导示系统|站(?=[0-9])/],
  ['health', /医院|医疗|医联体|卫生|诊疗|疫苗|床位/],
  ['education', /学校|学位|幼儿园|公办园|分园|思政|院校|实训室|学生|(?<!主题|学习|警示)教育(?!培训|整顿)|学前|发展共同体|合作办校|专业(?!团队|能力|检测|化|机构)/],
  ['discipline', /纪检|纪委|监察|违纪|问责|处分|查处|曝光|四风|八项规定|执法文书|约谈|监督|廉|形式主义|官僚主义|提级|自查自纠/],
  ['talent', /人才|领军|毕业生|见习|招聘|就业|失业|职工|学徒|实训基地|高技能|用人单位|培训中心|经营管理人员|联盟|产才/],
  ['party_building', /党组织|党员|党支部|党建|党委|党总支|党费|党务|先锋岗|组织员|干部|两新|党课|区领导|五方面人员|理事会|网格|组织生活/],
  ['investment', /投资|注册资本|注册资金|合同外资|外资|内资|到位额|招商|签约/],
  ['finance_debt', /债|贷款|融资|金融|补贴|补助|奖补|经费|财政|收益|资金/],
  ['industry_output', /产值|营业收入|增加值|销售|零售|经济指标|营收|生产总值|税收|旅游|游客|收入(?!分配)/],
  ['governance', /整改|措施|问题|制度|会议|督查|常委会|巡视|巡察|清单|事项|诉求|任务|机制|方案|督导|检查|调度|改革|政策|文件|细则|办法|政务|审批|证照|模块|数据|整治/],
  ['projects', /项目/],
  ['enterprises', /企业|公司|央企|国企|集团|国科小|雏鹰|瞪羚|独角兽|上市|混改|实验室|研究院/],
];
/** {@link RULES} as global regexes: every keyword is found, and the nearest one decides. */
const RULES_ALL = RULES.map(([category, re]) => [category, new RegExp(re.source, 'g')] as const);
/** Generic administrative words: they decide only when no topic word does at any level. */
const WEAK: ReadonlyArray<readonly [Category, RegExp]> = [['governance', /单位|部门|街镇|开发区|机构|小组|工作组|专班/]];

/** Titles in 《》 name documents, not the topic of the figure beside them. */
const stripTitles = (s: string): string => s.replace(/《[^》]*》/g, '');

/** The first category in priority order with a keyword in `s`. */
function byPriority(s: string, rules = RULES): Category | null {
  const t = stripTitles(s);
  for (const [category, re] of rules) if (re.test(t)) return category;
  return null;
}

/** The category whose keyword occurs nearest to offset `at` of `s` (ties go to priority order). */
function byNearest(s: string, at: number): Category | null {
  const t = s.slice(0, at).replace(/《[^》]*》/g, (m) => ' '.repeat(m.length)) + stripTitles(s.slice(at));
  let best: Category | null = null;
  let bestDistance = Infinity;
  for (const [category, re] of RULES_ALL) {
    for (const m of allMatches(re, t)) {
      const end = m.index + m[0].length;
      const distance = end <= at ? at - end : Math.max(0, m.index - at);
      if (distance < bestDistance) [best, bestDistance] = [category, distance];
    }
  }
  return best;
}

/** Fallback by unit and kind when no keyword decides. */
function byUnit(unit: string, kind: Kind): Category {
  if (kind === 'amount') return 'investment';
  if (unit.endsWith('家')) return 'enterprises';
  return 'other';
}

/** Where a figure sits, as the category rules need it. */
export interface CategoryContext {
  indicator: string;
  /** The figure's list item: clause text around it up to the nearest 、 , ; or sentence end. */
  item: string;
  sentence: string;
  /** Offset of the figure within `sentence`. */
  sentenceAt: number;
  paragraph: string;
  /** Offset of the figure within `paragraph`. */
  paragraphAt: number;
  sectionTitle: string;
  unit: string;
  kind: Kind;
}

/** The category of a figure, most specific context first. */
export function categorize(c: CategoryContext): Category {
  return (
    byPriority(c.item) ??
    byPriority(c.indicator) ??
    byNearest(c.sentence, c.sentenceAt) ??
    byNearest(c.paragraph, c.paragraphAt) ??
    byPriority(c.sectionTitle) ??
    byPriority(c.item, WEAK) ??
    byPriority(c.indicator, WEAK) ??
    byUnit(c.unit, c.kind)
  );
}
