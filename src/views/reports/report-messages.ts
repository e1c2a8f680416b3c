/**
 * Strings of the add flow that src/i18n/zh.ts does not hold yet. They belong under `t.reports` there (source,
 * review and the draft); they are kept here until they move, read at render time like the others.
 */
import { MAX_TEXT_CHARS } from '../../workspace/source-check';

/** A number of characters in 万字 (1 234 567 → 123.5 万字). */
const wan = (chars: number): string => `${(chars / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万字`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const reportMessages = {
  source: {
    tooLarge: (chars: number, bytes: number, limit: number) =>
      `正文有 ${wan(chars)}（${mb(bytes)}），超过可提取的上限 ${wan(limit)}。请只保留报告本身，或把它分成几份分别添加。`,
    fileTooLarge: (name: string, bytes: number, limit: number) =>
      `${name} 有 ${mb(bytes)}，超过上限：正文最多 ${wan(MAX_TEXT_CHARS)}，文本文件最大 ${mb(limit)}。请只保留报告本身，或把它分成几份分别添加。`,
    noDigits: '正文里没有任何数字，没有可提取的内容。',
    sameAsk: (title: string) => `这份正文已在工作区中：“${title}”。\n要打开它审阅吗？（取消则留在这里）`,
  },
  review: {
    extracting: (percent: number) => `正在提取：${percent}%`,
    saving: (percent: number) => `正在保存：${percent}%`,
    loading: '已保存，正在载入各视图…',
    cancel: '取消提取',
    noFigures: '这份正文里没有找到数字（数字后面要有单位，如 5亿元、12个、3.5%）。可以在全文中选中规则漏掉的数字加入；没有数字的报告不能保存。',
    nothingKept: '所有数字都已排除，没有可保存的数字。',
    sameOnSave: (title: string) => `同一份正文已作为“${title}”保存在工作区中（可能是在另一个标签页中），这份未保存。可在列表中审阅它。`,
    addedBare: (digits: string) => `已加入 ${digits}（后面没有单位，按个数计），正在重新提取…`,
    shownFirst: (shown: number, total: number) => `表中只显示前 ${shown} 个（共 ${total} 个），可用查找缩小范围。`,
    showMore: (n: number) => `再显示 ${n} 个`,
  },
  draftNotKept: (message: string) => `草稿未能保存到浏览器：${message.replace(/[。.]$/, '')}。刷新或关闭页面会丢失尚未保存的修改。`,
} as const;
