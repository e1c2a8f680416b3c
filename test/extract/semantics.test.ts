/** The meaning rules on sentences written for them: aggregation class, units of counts, facts, parts, periods. */
import { describe, expect, it } from 'vitest';
import { findPeriods, periodLabel } from '../../src/extract/periods';
import { aggregationClass, assignFacts, assignParts } from '../../src/extract/semantics';
import type { ClassContext } from '../../src/extract/semantics';
import { mention, sentence } from './semantics-helpers';

describe('aggregation class', () => {
  const ctx = (over: Partial<ClassContext>): ClassContext => ({ kind: 'count', indicator: '企业数', clauseBefore: '', periodFrom: '', periodEnd: '', ...over });

  it.each([
    ['percent_share', '累计注册企业占比', '累计占比'],
    ['growth_rate', '新增企业数增长率', '新增企业同比增长'],
    ['age', '干部年龄', '截至2021年10月干部'],
    ['ratio', '项目数', '是上年同期的'],
    ['duration', '开工用时', '累计用时'],
  ] as const)('a %s is non-additive whatever words stand before it', (kind, indicator, clauseBefore) => {
    expect(aggregationClass(ctx({ kind, indicator, clauseBefore, periodEnd: '2021-10-31' }))).toBe('non_additive');
  });

  it.each(['平均每个项目协议投资额', '人均可支配收入', '每万人拥有医生数', '研发投入强度', '单个企业最高奖励', '单笔贷款最低额度'])(
    'an average, per-capita value, intensity or cap is non-additive: %s',
    (indicator) => {
      expect(aggregationClass(ctx({ kind: 'amount', indicator, clauseBefore: '累计新增' }))).toBe('non_additive');
    },
  );

  it.each(['累计', '现有', '共有', '拥有', '存量', '在库'])('a stock word before the figure makes a stock, even with a span period: %s', (word) => {
    expect(aggregationClass(ctx({ clauseBefore: `${word}企业`, periodFrom: '2023-01-01', periodEnd: '2023-09-30' }))).toBe('stock');
  });

  it('a stock word in the indicator makes a stock', () => {
    expect(aggregationClass(ctx({ indicator: '入库企业数' }))).toBe('stock');
  });

  it('a stock word wins over a flow word (累计新增 is a running total)', () => {
    expect(aggregationClass(ctx({ clauseBefore: '累计新增企业' }))).toBe('stock');
  });

  it.each(['新增', '新引进', '签约', '开工', '举办', '发放'])('a flow word keeps a figure as of a date additive: %s', (word) => {
    expect(aggregationClass(ctx({ clauseBefore: `${word}企业`, periodEnd: '2021-10-31' }))).toBe('additive');
  });

  it('an indicator starting with 新 is additive as of a date', () => {
    expect(aggregationClass(ctx({ indicator: '新设企业数', periodEnd: '2021-10-31' }))).toBe('additive');
  });

  it('a figure as of a date with no word of change is a stock', () => {
    expect(aggregationClass(ctx({ periodEnd: '2021-10-31' }))).toBe('stock');
  });

  it('a figure of a span or of no period is additive', () => {
    expect(aggregationClass(ctx({ periodFrom: '2023-01-01', periodEnd: '2023-09-30' }))).toBe('additive');
    expect(aggregationClass(ctx({}))).toBe('additive');
  });

  it.each([
    ['截至2023年9月底，全区现有企业500家。', '500家', 'stock'],
    ['截至2023年9月底，企业500家。', '500家', 'stock'],
    ['截至目前，入库企业20家。', '20家', 'stock'],
    ['累计入库企业120家。', '120家', 'stock'],
    ['截至2023年9月底，新增企业50家。', '50家', 'additive'],
    ['2023年1-9月，企业500家。', '500家', 'additive'],
    ['新引进总部企业12家，累计引进总部企业87家。', '12家', 'additive'],
    ['新引进总部企业12家，累计引进总部企业87家。', '87家', 'stock'],
    ['平均每个项目投资2.5亿元。', '2.5亿元', 'non_additive'],
    ['单个企业最高奖励500万元。', '500万元', 'non_additive'],
    ['企业数同比增长12.5%。', '12.5%', 'non_additive'],
    ['亿元以上项目占比20%。', '20%', 'non_additive'],
    ['干部平均年龄35岁。', '35岁', 'non_additive'],
    ['项目数是上年同期的1.5倍。', '1.5倍', 'non_additive'],
    ['项目审批用时3个月。', '3个月', 'non_additive'],
    ['新签约10亿元以上项目8个。', '10亿元', 'non_additive'],
    ['签约项目投资达到10亿元以上。', '10亿元', 'additive'],
  ])('in a sentence: %s %s → %s', (text, span, agg) => {
    expect(sentence(text, '2023-10-16')(span).agg).toBe(agg);
  });

  it('reads 签约10亿元 as no 约: the qualifier of a threshold is 以上', () => {
    expect(sentence('新签约10亿元以上项目8个。', '2023-10-16')('10亿元').qualifier).toBe('以上');
  });

  it.each([
    ['新签约10亿元以上项目8个。', '8个', 'additive'],
  ])('in a sentence: %s %s → %s', (text, span, agg) => {
    expect(sentence(text, '2023-10-16')(span).agg).toBe(agg);
  });
});

describe('base unit of counts', () => {
  it.each([
    ['引进企业12家。', '12家', '家'],
    ['签约项目8个。', '8个', '个'],
    ['出台政策5项。', '5项', '项'],
    ['赴外地招商46次。', '46次', '次'],
    ['举办推介会23场。', '23场', '场'],
    ['招聘员工12人。', '12人', 'person'],
    ['选派专员8名。', '8名', 'person'],
    ['聘请顾问3位。', '3位', 'person'],
    ['接待客商1500人次。', '1500人次', 'person_time'],
    ['组织培训5批次。', '5批次', '批'],
    ['分为4大类。', '4大类', '类'],
    ['走访企业300余家。', '300余家', '家'],
  ])('%s → %s', (text, span, baseUnit) => {
    const r = sentence(text)(span);
    expect([r.kind, r.base_unit]).toEqual(['count', baseUnit]);
  });

  it('家 and 个 are different units: a 个 after a total in 家 is not its part', () => {
    const at = sentence('新增企业20家，其中项目8个、外资企业5家。');
    expect(at('8个').part_of).toBe('');
    expect(at('5家').part_of).toBe(at('20家').fact_id);
  });
});

describe('facts', () => {
  it('the same value of one indicator stated twice is one fact, identified by its first mention', () => {
    const at = sentence('新增企业20家。全年工作中，新增企业20家。');
    expect([at('20家', 0).fact_id, at('20家', 1).fact_id]).toEqual([at('20家', 0).id, at('20家', 0).id]);
  });

  it('two different values of one indicator are two facts', () => {
    const at = sentence('新增企业20家。全年工作中，新增企业30家。');
    expect(at('30家').indicator).toBe(at('20家').indicator);
    expect(at('30家').fact_id).toBe(at('30家').id);
  });

  it('the same value for two subjects is two facts', () => {
    const at = sentence('高新区新增企业20家。经开区新增企业20家。');
    expect([at('20家', 0).subject, at('20家', 1).subject]).toEqual(['高新区', '经开区']);
    expect(at('20家', 1).fact_id).toBe(at('20家', 1).id);
  });

  it('the same value in two named periods is two facts', () => {
    const at = sentence('2022年，新增企业20家。2023年，新增企业20家。');
    expect(at('20家', 1).fact_id).toBe(at('20家', 1).id);
  });

  it('an undated mention does not join two facts of different periods', () => {
    const at = sentence('新增企业20家。2022年，新增企业20家。2023年，新增企业20家。');
    expect(at('20家', 1).fact_id).toBe(at('20家', 0).id);
    expect([at('20家', 2).fact_id, at('20家', 2).period]).toEqual([at('20家', 2).id, '2023年']);
    expect(at('20家', 0).period).toBe('2022年');
  });

  it('mentions take the period any of them names, and the first mention’s category', () => {
    const rows = assignFacts([
      mention(1, { category: 'enterprises' }),
      mention(2, { category: 'investment', period: '2023年前三季度', period_start: '2023-01-01', period_end: '2023-09-30' }),
    ]);
    for (const r of rows) {
      expect([r.fact_id, r.category, r.period, r.period_start, r.period_end]).toEqual(['t:1', 'enterprises', '2023年前三季度', '2023-01-01', '2023-09-30']);
    }
  });

  it.each([
    ['kind', { kind: 'amount' }],
    ['aggregation class', { agg: 'stock' }],
    ['base unit', { base_unit: '个' }],
    ['indicator', { indicator: '新增项目数' }],
  ] as const)('mentions of another %s are another fact', (_what, over) => {
    const [, second] = assignFacts([mention(1, {}), mention(2, over)]);
    expect(second?.fact_id).toBe('t:2');
  });
});

describe('parts of a total', () => {
  it('figures after 其中 that sum to the total point to its fact', () => {
    const at = sentence('共签约项目10个，其中制造业项目6个、服务业项目4个。');
    expect([at('6个').part_of, at('4个').part_of]).toEqual([at('10个').fact_id, at('10个').fact_id]);
    expect(at('10个').part_of).toBe('');
  });

  it('figures after 其中 that exceed the total are not parts', () => {
    const at = sentence('共签约项目10个，其中制造业项目8个、服务业项目5个。');
    expect([at('8个').part_of, at('5个').part_of]).toEqual(['', '']);
  });

  it('a figure of another unit after 其中 is not a part', () => {
    const at = sentence('实际到位资金186.3亿元，其中到位外资8650万美元。');
    expect(at('8650万美元').part_of).toBe('');
    const mixed = sentence('签约项目10个，其中制造业投资额50亿元、服务业项目3个。');
    expect([mixed('50亿元').part_of, mixed('3个').part_of]).toEqual(['', mixed('10个').fact_id]);
  });

  it('a rate or a figure of another unit between the total and 其中 is passed over', () => {
    const at = sentence('协议投资额412.5亿元，同比增长18.6%，其中：制造业236.8亿元，服务业121.4亿元。');
    expect([at('236.8亿元').part_of, at('121.4亿元').part_of]).toEqual([at('412.5亿元').fact_id, at('412.5亿元').fact_id]);
    const both = sentence('签约项目45个，协议投资额320亿元，其中制造业项目28个、协议投资额200亿元。');
    expect([both('28个').part_of, both('200亿元').part_of]).toEqual([both('45个').fact_id, both('320亿元').fact_id]);
  });

  it('the first part must be stated in the clause of 其中', () => {
    const at = sentence('签约项目45个，其中制造业项目协议投资额200亿元，新开工项目12个。');
    expect(at('12个').part_of).toBe('');
  });

  it('a partition by …中 and a list by 分别 state parts', () => {
    const at = sentence('6个问题中2个已完成，3个基本完成。');
    expect([at('2个').part_of, at('3个').part_of]).toEqual([at('6个').fact_id, at('6个').fact_id]);
    const each = sentence('新建学校5所，分别为小学3所、中学2所。');
    expect([each('3所').part_of, each('2所').part_of]).toEqual([each('5所').fact_id, each('5所').fact_id]);
  });

  it('a 中 that begins a word (中小企业) is no partition', () => {
    const at = sentence('新增10家中小企业、5家大型企业。');
    expect(at('5家').part_of).toBe('');
    const inside = sentence('在10家中小企业中，5家已上市。');
    expect(inside('5家').part_of).toBe(inside('10家').fact_id);
  });

  it('parts end at a semicolon, unless 其中： announces a list', () => {
    const at = sentence('签约项目45个，其中制造业项目28个；服务业项目17个。');
    expect([at('28个').part_of, at('17个').part_of]).toEqual([at('45个').fact_id, '']);
    const listed = sentence('签约项目45个，其中：制造业项目28个；服务业项目17个。');
    expect(listed('17个').part_of).toBe(listed('45个').fact_id);
  });

  it('parts end with the sentence', () => {
    const at = sentence('签约项目45个，其中制造业项目30个。新开工项目10个。');
    expect(at('10个').part_of).toBe('');
  });

  it('a non-additive figure has no parts and is no part', () => {
    const at = sentence('人均可支配收入5万元，其中工资性收入3万元。');
    expect(at('3万元').part_of).toBe('');
    const average = sentence('协议投资额412.5亿元，其中制造业项目236.8亿元，平均每个项目4.8亿元。');
    expect([average('4.8亿元').agg, average('4.8亿元').part_of]).toEqual(['non_additive', '']);
    expect(average('236.8亿元').part_of).toBe(average('412.5亿元').fact_id);
  });

  it('parts of a restated total point to its one fact, and a restated part is a part everywhere', () => {
    const at = sentence('新增注册企业1260家，其中外资企业45家。全区新增注册企业1260家，外资企业45家，占比3.6%。');
    expect(at('1260家', 1).fact_id).toBe(at('1260家', 0).id);
    expect([at('45家', 0).part_of, at('45家', 1).part_of]).toEqual([at('1260家', 0).id, at('1260家', 0).id]);
  });

  it('a list of totals without a marker has no parts (rows given directly)', () => {
    const text = '新增企业20家、外资企业5家';
    const rows = assignParts(text, [
      mention(1, { start: 4, end: 7, fact_id: 't:1' }),
      mention(2, { start: 12, end: 14, value_base: '5', fact_id: 't:2' }),
    ]);
    expect(rows.map((r) => r.part_of)).toEqual(['', '']);
  });
});

describe('periods', () => {
  const labelOf = (phrase: string, published = ''): [string, string, string] => {
    const [p] = findPeriods(phrase, 0, published);
    expect(p, phrase).toBeDefined();
    return [periodLabel(p?.from ?? '', p?.end ?? '', p?.text), p?.from ?? '', p?.end ?? ''];
  };

  it.each([
    ['2021年1至10月', '2021年1-10月', '2021-01-01', '2021-10-31'],
    ['2021年1-10月', '2021年1-10月', '2021-01-01', '2021-10-31'],
    ['2021年1—10月份', '2021年1-10月', '2021-01-01', '2021-10-31'],
    ['2021年前三季度', '2021年前三季度', '2021-01-01', '2021-09-30'],
    ['2021年1-9月', '2021年前三季度', '2021-01-01', '2021-09-30'],
    ['2021年上半年', '2021年上半年', '2021-01-01', '2021-06-30'],
    ['2021年第三季度', '2021年7-9月', '2021-07-01', '2021-09-30'],
    ['截至2021年10月底', '截至2021年10月', '', '2021-10-31'],
    ['截至2021年10月20日', '截至2021年10月20日', '', '2021-10-20'],
    ['截至2021年底', '截至2021年12月', '', '2021-12-31'],
    ['2021年，', '2021年', '2021-01-01', '2021-12-31'],
  ])('%s → %s', (phrase, label, from, end) => {
    expect(labelOf(phrase)).toEqual([label, from, end]);
  });

  it.each([
    ['今年以来', '2022年以来（至2022年8月4日）', '2022-01-01', '2022-08-04'],
    ['目前', '截至2022年8月4日', '', '2022-08-04'],
    ['前三季度', '2022年前三季度', '2022-01-01', '2022-09-30'],
    ['今年1-6月', '2022年上半年', '2022-01-01', '2022-06-30'],
    ['今年1至7月份', '2022年1-7月', '2022-01-01', '2022-07-31'],
  ])('%s, published 2022-08-04 → %s', (phrase, label, from, end) => {
    expect(labelOf(phrase, '2022-08-04')).toEqual([label, from, end]);
  });

  it('a relative phrase without a publication date keeps its written form and no dates', () => {
    expect(labelOf('今年1-6月')).toEqual(['今年1-6月', '', '']);
    expect(labelOf('今年以来')).toEqual(['今年以来', '', '']);
  });

  it('a figure takes the last period of its sentence before it, in its canonical label', () => {
    const at = sentence('2023年1至9月，新增企业20家，截至2023年9月底累计企业500家。');
    expect([at('20家').period, at('20家').period_start, at('20家').period_end]).toEqual(['2023年前三季度', '2023-01-01', '2023-09-30']);
    expect([at('500家').period, at('500家').period_start, at('500家').period_end]).toEqual(['截至2023年9月', '', '2023-09-30']);
  });
});
