/**
 * Synthetic report texts for the workspace benchmark: government work reports of made-up places, written
 * from sentence templates the extractor reads as a real report's (amounts, counts, rates, periods, places),
 * with deterministic numbers (a seeded generator), so every run adds the same workspace. About 300 figures in
 * about 14,000 characters per report, like the shipped report's density.
 */

/** A small seeded generator (mulberry32): the same seed gives the same texts on every machine. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['东城', '西岭', '南湖', '北塘', '临江', '青山', '白石', '金沙', '云台', '龙泉', '凤鸣', '长乐', '安平', '永宁', '清河', '石桥'];
const SUFFIXES = ['区', '县', '市'];
const TOWNS = ['城关镇', '河口镇', '新华街道', '东风街道', '高新园区', '经济开发区', '港区', '临空区'];

/** Sentence templates: `{a}` an amount, `{n}` a count, `{p}` a rate, `{t}` a town (each draw is new). */
const TEMPLATES = [
  '全年实现地区生产总值{a}亿元，同比增长{p}%；一般公共预算收入{a}亿元，增长{p}%。',
  '固定资产投资增长{p}%，其中工业投资{a}亿元，占比达到{p}%。',
  '{t}新签约亿元以上项目{n}个，协议投资额{a}亿元，到位资金{a}亿元。',
  '实施重点项目{n}个，完成投资{a}亿元；新建改造城市道路{a}公里，建成5G基站{n}个。',
  '城镇新增就业{n}人，城镇调查失业率控制在{p}%以内；接待游客{n}万人次，实现旅游收入{a}亿元。',
  '新建幼儿园{n}所，新增学位{n}个；改造老旧小区{n}个，惠及居民{n}户。',
  '{t}培育高新技术企业{n}家，科技型中小企业{n}家，研发投入强度达到{p}%。',
  '社会消费品零售总额{a}亿元，增长{p}%；外贸进出口总额{a}亿元，实际利用外资{a}亿美元。',
  '粮食总产量{a}万吨，完成高标准农田建设{a}万亩；农村居民人均可支配收入{n}元，增长{p}%。',
  '{t}开展安全生产检查{n}次，排查整改隐患{n}处，下达执法文书{n}份。',
  '2023年1-10月，{t}办理政务服务事项{n}件，按时办结率{p}%。',
  '截至2023年底，{t}累计建成充电桩{n}个，新能源汽车保有量{n}辆。',
];

function draw(kind: string, next: () => number): string {
  if (kind === 'a') return (1 + next() * 900).toFixed(next() < 0.5 ? 1 : 2);
  if (kind === 'p') return (0.5 + next() * 14).toFixed(1);
  if (kind === 'n') return String(Math.floor(2 + next() * 5000));
  return TOWNS[Math.floor(next() * TOWNS.length)] ?? TOWNS[0]!;
}

export interface SyntheticReport {
  title: string;
  place: string;
  published: string;
  text: string;
}

/** The `index`-th synthetic report: its place, year and text depend on the index only. */
export function syntheticReport(index: number, sentences = 110): SyntheticReport {
  const next = seeded(index + 1);
  const place = `${PLACES[index % PLACES.length]}${SUFFIXES[Math.floor(index / PLACES.length) % SUFFIXES.length]}${Math.floor(index / 48) || ''}`;
  const year = 2015 + (index % 10);
  const published = `${year}-0${1 + (index % 3)}-${String(10 + (index % 18)).padStart(2, '0')}`;
  const title = `${place}${year}年政府工作报告`;
  const lines = [title, `发布时间：${published}`, '', `一、${year - 1}年工作回顾`, ''];
  for (let s = 0; s < sentences; s++) {
    if (s > 0 && s % 12 === 0) lines.push('', `（${'一二三四五六七八九十'[(s / 12) % 10]}）重点工作${s / 12}`, '');
    const template = TEMPLATES[Math.floor(next() * TEMPLATES.length)] ?? TEMPLATES[0]!;
    lines.push(`    ${template.replace(/\{([anpt])\}/g, (_, kind: string) => draw(kind, next))}`);
  }
  return { title, place, published, text: `${lines.join('\n')}\n` };
}
