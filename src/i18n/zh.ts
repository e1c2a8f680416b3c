/** Every user-facing string of the app, in Chinese. An English dictionary with the same keys can follow. */
export const zh = {
  appTitle: '数据看板',
  appSubtitle: '政府报告数字的切片、对比与溯源',
  views: { overview: '总览', compare: '对比', explorer: '明细', deck: '演示' },
  engine: {
    starting: '查询引擎启动中',
    download: '下载引擎',
    instantiate: '编译引擎',
    open: '打开数据库',
    tables: '载入数据表',
    ready: '引擎就绪',
    readyIn: (ms: number) => `引擎就绪 · ${ms} 毫秒`,
    failed: '查询引擎启动失败',
  },
  common: {
    retry: '重试',
    loading: '加载中…',
    empty: '没有符合条件的数字',
    emptyHint: '请放宽或清除筛选条件。',
    clearAll: '清除全部',
    source: '来源',
    close: '关闭',
    figures: (n: number) => `${n} 个数字`,
    errorTitle: '出错了',
    queryFailed: '查询失败',
    none: '（无）',
    all: '全部',
  },
  dimensions: {
    category: '类别', subject: '主体', kind: '类型', base_unit: '单位', section: '章节', period: '时期', doc_id: '文件',
    q: '搜索',
  },
  categories: {
    investment: '招商引资与投资', projects: '项目', enterprises: '企业', talent: '人才与干部',
    infrastructure: '5G与基础设施', education: '教育', health: '医疗卫生', industry_output: '产业与经济',
    finance_debt: '财政与债务', governance: '社会治理', party_building: '党的建设', discipline: '纪检监察', other: '其他',
  } as Record<string, string>,
  kinds: {
    amount: '金额', count: '数量', area: '面积', percent_share: '占比', growth_rate: '增速', age: '年龄', ratio: '比率',
  } as Record<string, string>,
  baseUnits: {
    CNY: '人民币', USD: '美元', m2: '面积', count: '个数', person: '人数', person_time: '人次', percent: '百分比',
    year_of_age: '年龄',
  } as Record<string, string>,
  overview: {
    heading: '报告要点',
    themes: {
      investment: '招商引资/投资', projects: '项目', enterprises: '企业', talent: '人才与干部',
      infrastructure: '5G与基础设施', education_health: '教育/医疗', industry_finance: '产业与财政',
      discipline_party: '纪检/党建',
    } as Record<string, string>,
    chartTitle: (theme: string, unit: string) => `${theme}：主要数字（单位：${unit}）`,
    noFigures: '本主题暂无数字',
  },
  compare: {
    modes: { bars: '排序条形图', groups: '分组对比', treemap: '金额树图', pairs: '前后对比' } as Record<string, string>,
    groupBy: '分组依据',
    splitNote: (n: number) => `所选数字单位不同，已按单位拆分为 ${n} 个小图，各自使用一个刻度。`,
    cappedNote: (shown: number, total: number) => `每个单位显示数值最大的 ${shown} 个（共 ${total} 个），可在下方勾选指定数字。`,
    picked: (n: number) => `已选 ${n} 个数字`,
    clearPicks: '清除所选',
    pickHint: '勾选数字以并排对比；未勾选时显示筛选结果中数值最大的数字。',
    treemapNote: '树图只汇总人民币金额；美元金额不与人民币相加。',
    noCny: '筛选结果中没有人民币金额，无法绘制金额树图。',
    noPairs: '筛选结果中没有“由…到…”式的前后对比数字。',
    before: '之前',
    after: '之后',
    groupsNote: '每个单位单独汇总，不同单位不相加。点击分组可加入筛选。',
    crossFilterHint: '点击图形可按该项筛选其他图表',
  },
  explorer: {
    searchPlaceholder: '搜索指标、主体或原文…',
    columns: {
      id: '编号', value: '数值', indicator: '指标', subject: '主体', category: '类别', kind: '类型', period: '时期',
      section: '章节', quote: '原文',
    } as Record<string, string>,
    sortBy: (name: string) => `按${name}排序`,
  },
  provenance: {
    title: '数字溯源',
    section: '章节',
    period: '时期',
    document: '文件',
    published: '发布日期',
    publisher: '发布机构',
    line: (n: number) => `第 ${n} 行`,
    neighbours: '同段其他数字',
    previous: '上一个数字',
    next: '下一个数字',
    openOriginal: '原文链接',
    loadingText: '正在载入原文…',
    baseValue: '折算值',
  },
  exporter: {
    menu: '导出',
    copy: '复制图片',
    copied: '图片已复制到剪贴板',
    transparent: '透明背景',
    showMeta: '标题与来源',
    csv: '导出 CSV',
    xlsx: '导出 XLSX',
    pin: '钉到演示',
    pinned: (n: number) => `已钉到演示（共 ${n} 张）`,
    failed: '导出失败：',
    noChart: '图表尚未绘制',
  },
  deck: {
    title: '演示',
    empty: '演示中还没有幻灯片。在任意图表的“导出”菜单中点击“钉到演示”。',
    present: '开始演示',
    exportPptx: '导出 PPTX',
    exportPngs: '导出 PNG 组',
    share: '复制分享链接',
    shared: '分享链接已复制',
    clear: '清空演示',
    moveUp: '上移',
    moveDown: '下移',
    remove: '移除',
    slideTitle: '幻灯片标题',
    openView: '在原视图中打开',
    counter: (i: number, n: number) => `${i} / ${n}`,
    exit: '退出演示（Esc）',
    previous: '上一张（←）',
    next: '下一张（→）',
    filtersNone: '筛选：无（全部数字）',
    filters: (text: string) => `筛选：${text}`,
    unknownChart: (id: string) => `无法重现图表“${id}”：该图表类型不能放入演示。`,
    chartGone: '按当时的筛选条件，此图表已没有数据。',
    storageError: '已保存的演示无法读取，已从空演示开始。',
    linkError: '演示链接无法读取，仍显示本机保存的演示。',
    exporting: '正在导出…',
    deckFile: '演示',
  },
  filters: {
    remove: (label: string) => `移除筛选：${label}`,
    add: (dimension: string) => `按${dimension}筛选`,
  },
} as const;

export type Strings = typeof zh;

/** The active dictionary. */
export const t: Strings = zh;

/** A dimension value as people read it (category codes become Chinese names). */
export function dimensionValueLabel(dimension: string, value: string): string {
  if (value === '') return zh.common.none;
  if (dimension === 'category') return zh.categories[value] ?? value;
  if (dimension === 'kind') return zh.kinds[value] ?? value;
  if (dimension === 'base_unit') return zh.baseUnits[value] ?? value;
  return value;
}
