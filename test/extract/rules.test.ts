import { describe, expect, it } from 'vitest';
import { coverageAccount } from '../../src/extract/index';
import type { FigureRow } from '../../src/extract/index';
import { figuresOf } from './helpers';

const pick = (rows: FigureRow[]) =>
  rows.map((r) => ({ span: `${r.value}|${r.unit}|${r.qualifier}`, base: `${r.value_base} ${r.base_unit}`, kind: r.kind }));

describe('tricky number forms', () => {
  it.each([
    ['注册资本3.4亿元人民币。', '3.4|亿元人民币|', '340000000 CNY', 'amount'],
    ['900余家企业参加。', '900|家|余', '900 家', 'count'],
    ['投资总额约180亿元。', '180|亿元|约', '18000000000 CNY', 'amount'],
    ['解决问题10万余件。', '10|万余件|余', '100000 件', 'count'],
    ['解决问题10余万件。', '10|万件|余', '100000 件', 'count'],
    ['累计注册资金30.7亿美元。', '30.7|亿美元|', '3070000000 USD', 'amount'],
    ['盘活闲置房产13.79万平方米。', '13.79|万平方米|', '137900 m2', 'area'],
    ['占全区规上工业产值的33.89%。', '33.89|%|', '33.89 percent', 'percent_share'],
    ['同比增长11%。', '11|%|', '11 percent', 'growth_rate'],
    ['平均年龄达到42.5岁。', '42.5|岁|', '42.5 year_of_age', 'age'],
    ['42岁及以下干部人数占比达到54.7%。', '42|岁|以下', '42 year_of_age', 'age'],
    ['摸排全国170多个服务网点。', '170|个|多', '170 个', 'count'],
    ['开展志愿服务112785人次。', '112785|人次|', '112785 person_time', 'count'],
    ['引导2.5万名党员干部。', '2.5|万名|', '25000 person', 'count'],
    ['数据量约为13.5万条。', '13.5|万条|约', '135000 条', 'count'],
    ['第二产业增加值下降1.4%。', '1.4|%|', '-1.4 percent', 'growth_rate'],
    ['规模以上工业企业达到1,215家。', '1215|家|', '1215 家', 'count'],
    ['新增就业１２３４人。', '1234|人|', '1234 person', 'count'],
  ])('%s', (text, span, base, kind) => {
    expect(pick(figuresOf(text))[0]).toEqual({ span, base, kind });
  });

  it('5G基站998个 gives 998个 only and accounts for the 5 as a code', () => {
    const text = '已新建改造5G基站998个。';
    const rows = figuresOf(text);
    expect(rows.map((r) => text.slice(r.start, r.end))).toEqual(['998个']);
    const five = coverageAccount(text, rows).entries.find((e) => e.digits === '5');
    expect(five).toMatchObject({ status: 'excluded', reason: 'code' });
  });

  it('B1线6座车站 gives 6座 only', () => {
    const text = 'B1线6座车站主体已封顶。';
    expect(figuresOf(text).map((r) => text.slice(r.start, r.end))).toEqual(['6座']);
  });

  it('11名为“90后” gives 11名 only, 90 is a cohort label', () => {
    const text = '其中11名为“90后”年轻干部。';
    const rows = figuresOf(text);
    expect(rows.map((r) => `${r.value}${r.unit}`)).toEqual(['11名']);
    expect(coverageAccount(text, rows).entries.find((e) => e.digits === '90')?.reason).toBe('cohort_label');
  });

  it('6个问题中2个 gives both', () => {
    expect(figuresOf('6个问题中2个已完成,3个基本完成。').map((r) => r.value)).toEqual(['6', '2', '3']);
  });

  it('one sentence may hold several figures', () => {
    const rows = figuresOf('承接非首都功能项目905个,协议投资额1975亿元。');
    expect(rows.map((r) => [r.value_base, r.kind, r.category])).toEqual([
      ['905', 'count', 'projects'],
      ['197500000000', 'amount', 'investment'],
    ]);
  });
});

describe('exclusions', () => {
  const reasonsOf = (text: string): Record<string, string> => {
    const rows = figuresOf(text);
    const account = coverageAccount(text, rows);
    expect(account.unaccounted).toBe(0);
    return Object.fromEntries(account.entries.map((e) => [e.digits, e.reason ?? e.status]));
  };

  it.each([
    ['于2021年7月22日反馈了巡视意见。', { '2021': 'date', '7': 'date', '22': 'date' }],
    ['2021年1-10月,新增项目。', { '2021': 'date', '1': 'date', '10': 'date' }],
    ['构建“1+3+4”产业体系。', { '1': 'code', '3': 'code', '4': 'code' }],
    ['完成天保14号楼企业综合服务楼装修。', { '14': 'address' }],
    ['已启动嘉庭公寓1、3号楼装修工程。', { '1': 'address', '3': 'address' }],
    ['联系电话:65309419;', { '65309419': 'phone' }],
    ['印发《数字产业发展2021年行动方案》。', { '2021': 'year_as_name' }],
    ['起草《工作方案(2021-2023年)》。', { '2021': 'year_as_name', '2023': 'year_as_name' }],
    ['推出2021年新动能引育行动方案。', { '2021': 'year_as_name' }],
    ['Z4线已有13站。', { '4': 'code', '13': 'extracted' }],
    ['注:1.本公报数据为初步统计数。', { '1': 'enumeration' }],
  ])('%s', (text, expected) => {
    expect(reasonsOf(text)).toMatchObject(expected);
  });

  it('numbers heading a numbered paragraph are enumeration labels', () => {
    expect(reasonsOf('    12.针对问题,进行了以下整改。')).toEqual({ '12': 'enumeration' });
  });

  it('portal header and CMS residue lines are boilerplate', () => {
    const text = '发布机构: 编辑组     发布日期: 2022-08-04 06:51\nchecktaskdate=1754/1/1 0:00:00&x=1\n';
    const account = coverageAccount(text, figuresOf(text));
    expect(account.entries.every((e) => e.reason === 'boilerplate')).toBe(true);
  });

  it('reports a number with no known unit as unaccounted rather than dropping it', () => {
    const account = coverageAccount('共有成员42。', figuresOf('共有成员42。'));
    expect(account.unaccounted).toBe(1);
  });
});

describe('periods, sections and subjects', () => {
  it('attaches the nearest preceding period of the sentence', () => {
    const rows = figuresOf('截至2021年10月,完成21家央企总部走访对接;2021年前三季度,营业收入395.77亿元。新增项目3个。');
    expect(rows.map((r) => [r.period, r.period_end])).toEqual([
      ['截至2021年10月', '2021-10-31'],
      ['2021年前三季度', '2021-09-30'],
      ['', ''],
    ]);
  });

  it('anchors relative periods on the publication date', () => {
    expect(figuresOf('目前入库组织达210家。', '2022-08-04')[0]?.period_end).toBe('2022-08-04');
  });

  it('builds heading paths and marks 举一反三 paragraphs', () => {
    const text = [
      '    二、整改情况',
      '    (一)关于发展问题',
      '    1.针对招商问题,进行了以下整改。新增企业5家。',
      '    针对“举一反三”整改事项“招商力度不够”,进行了以下整改。开展推介活动10余次。',
      '    再建学校2所。',
    ].join('\n');
    expect(figuresOf(text).map((r) => [r.section, r.section_title])).toEqual([
      ['二(一)1', '针对招商问题'],
      ['二(一)1-举一反三', '招商力度不够'],
      ['二(一)1', '针对招商问题'],
    ]);
  });

  it('takes the zone named in the sentence as subject, else the default', () => {
    const rows = figuresOf('其中经开区173名、保税区20名。新增企业3家。');
    expect(rows.map((r) => r.subject)).toEqual(['经开区', '保税区', '本区']);
  });
});

describe('indicator names read the noun phrase that governs the number', () => {
  const names = (text: string): string[] => figuresOf(text).map((r) => r.indicator);

  it.each([
    ['分解出19个重点问题。', ['重点问题数']],
    ['全区5G基站累计达到5137个。', ['5G基站累计数']],
    ['此次整改全区共建立完善制度67项。', ['建立完善制度数']],
    ['明确5方面21条具体措施。', ['具体措施方面数', '具体措施数']],
    ['梳理汇总3大类13个典型问题。', ['典型问题类别数', '典型问题数']],
    ['6个问题中2个已完成,3个基本完成,1个正在推进中。', ['问题数', '已完成问题数', '基本完成问题数', '正在推进问题数']],
    ['108项整改措施已完成96项。', ['整改措施数', '已完成整改措施数']],
    ['集团由11家调整为5家。', ['集团调整前数', '集团数']],
    ['联盟成员单位较成立时增加232家,达到1634家。', ['联盟成员单位增加数', '联盟成员单位数']],
    ['组织干部参加7期学习大讲堂,1371人次参加。', ['学习大讲堂期数', '参加人次']],
    ['对2名造成不良影响的区管干部作出组织处理。', ['区管干部数']],
    ['收集群众问题2753件,解决2110件。', ['收集群众问题数', '解决问题数']],
    ['仅高新区信创产业就实现营业收入395.77亿元。', ['信创产业营业收入']],
    ['全年完成投资310亿元。', ['投资额']],
    ['其中11名为“90后”年轻干部。', ['90后年轻干部数']],
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('a growth rate passes its stem on to the share that follows', () => {
    expect(names('服务业增加值增长15.5%,占全市服务业增加值的14.53%。')).toEqual([
      '服务业增加值增长率',
      '服务业增加值占全市服务业增加值比重',
    ]);
  });
});

describe('categories and subjects', () => {
  it('ignores topic words inside 《》 titles', () => {
    const [row] = figuresOf('印发《关于加快街镇工业园区配套基础设施建设的实施细则》等5个配套政策。');
    expect(row?.category).toBe('governance');
  });

  it('lets a topic word in the sentence outrank generic words such as 单位', () => {
    expect(figuresOf('推动企事业单位建立党组织,70个单位中,63个已建立党组织。').map((r) => r.category)).toEqual([
      'party_building',
      'party_building',
    ]);
  });

  it('a zone that is a list item or object is not the subject', () => {
    const rows = figuresOf('塘沽湾学校、生态城枫叶学校等5所学校建成投用。配备有关开发区和区属企业纪委副书记3人。');
    expect(rows.map((r) => r.subject)).toEqual(['本区', '本区']);
  });
});
