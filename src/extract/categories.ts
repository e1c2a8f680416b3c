/**
 * Category rules: keyword families tried in order on the indicator, then on the clause, then on
 * the sentence; the unit decides last.
 */
import type { Category, Kind } from './types';

/** Keyword rules in priority order; the first that matches wins. */
const RULES: ReadonlyArray<readonly [Category, RegExp]> = [
  ['infrastructure', /5G|基站|车站|区间|地铁|轨道|道路|管网|线路|房产|地块|公寓|停车|桥梁|充电桩|导示系统|楼宇/],
  ['health', /医院|医疗|医联体|卫生|诊疗|疫苗|床位/],
  ['education', /学校|学位|幼儿园|公办园|分园|思政|院校|实训室|学生|教育|学前|发展共同体|专业(?!团队|能力|检测|化|机构)/],
  ['talent', /人才|领军|毕业生|见习|招聘|就业|职工|学徒|实训基地|高技能|用人单位|培训中心|经营管理人员/],
  ['discipline', /纪检|纪委|监察|违纪|问责|处分|查处|曝光|四风|八项规定|执法文书|约谈|监督|廉|形式主义|官僚主义|提级/],
  ['party_building', /党组织|党员|党支部|党建|党委|党总支|党费|党务|先锋岗|组织员|干部|两新|党课|区领导|五方面人员/],
  ['investment', /投资|注册资本|注册资金|合同外资|外资|内资|到位额|招商/],
  ['finance_debt', /债|贷款|融资|金融|补贴|补助|奖补|经费|财政|收益|资金/],
  ['industry_output', /产值|营业收入|增加值|销售|零售|经济指标|营收|生产总值|税收/],
  ['projects', /项目/],
  ['enterprises', /企业|公司|央企|国科小|雏鹰|瞪羚|独角兽|上市|混改|实验室|研究院/],
  ['governance', /整改|措施|问题|制度|会议|督查|常委会|巡视|巡察|清单|事项|诉求|任务|部门|机制|方案|督导|检查|调度|单位|街镇|开发区|改革|联盟/],
];

function byKeywords(s: string): Category | null {
  for (const [category, re] of RULES) if (re.test(s)) return category;
  return null;
}

/** Fallback by unit and kind when no keyword decides. */
function byUnit(unit: string, kind: Kind): Category {
  if (kind === 'amount') return 'investment';
  if (unit.endsWith('家')) return 'enterprises';
  return 'other';
}

/** The category of a figure from its indicator, clause and sentence, most specific first. */
export function categorize(indicator: string, clause: string, sentence: string, unit: string, kind: Kind): Category {
  return byKeywords(indicator) ?? byKeywords(clause) ?? byKeywords(sentence) ?? byUnit(unit, kind);
}
