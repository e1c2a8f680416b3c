/**
 * The workspace as one file, to share without a server: every added report (text, metadata, corrections) and
 * which shipped reports are hidden. JSON, versioned; reading it checks every field and names the report and the
 * field that is wrong, so a damaged file is refused whole and nothing already kept is touched.
 */
import { BASES } from '../extract/basis';
import { METRICS } from '../extract/metrics';
import { AGGREGATION_CLASSES, CATEGORIES } from '../extract/types';
import { GENRES, type Correction, type WorkspaceReport } from './report';

export const WORKSPACE_FORMAT = 'figures-board-workspace';
export const WORKSPACE_VERSION = 1;

export interface WorkspaceFile {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  exported_at: string;
  reports: WorkspaceReport[];
  /** doc_ids of shipped reports the analyst hid. */
  hidden: string[];
}

/** A workspace file that cannot be read, with where. */
export class WorkspaceFileError extends Error {
  constructor(message: string, readonly fileName: string) {
    super(`${fileName}：${message}`);
    this.name = 'WorkspaceFileError';
  }
}

export function serializeWorkspace(reports: readonly WorkspaceReport[], hidden: readonly string[], now = new Date()): string {
  const file: WorkspaceFile = {
    format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, exported_at: now.toISOString(), reports: [...reports], hidden: [...hidden],
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(o: Json, key: string, where: string, fail: (m: string) => never): string {
  const v = o[key];
  if (typeof v !== 'string') fail(`${where}的 ${key} 应为文本`);
  return v;
}

const CORRECTION_VALUES: Record<Correction['field'], readonly string[] | null> = {
  indicator: null, subject: null, category: CATEGORIES, agg: AGGREGATION_CLASSES, metric: ['', ...METRICS.map((m) => m.id)], basis: BASES,
  data_year: null, place: null,
};

function readCorrection(v: unknown, where: string, fail: (m: string) => never): Correction {
  if (!isObject(v)) fail(`${where}不是对象`);
  const start = v.start;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) fail(`${where}的 start 应为非负整数`);
  const field = text(v, 'field', where, fail);
  if (!(field in CORRECTION_VALUES)) fail(`${where}的 field “${field}” 不是 ${Object.keys(CORRECTION_VALUES).join('、')} 之一`);
  const value = text(v, 'value', where, fail);
  const allowed = CORRECTION_VALUES[field as Correction['field']];
  if (allowed && !allowed.includes(value)) fail(`${where}的 ${field} 值“${value}”无效`);
  if (field === 'data_year' && value !== '' && !/^(?:19|20)[0-9]{2}$/.test(value)) fail(`${where}的 data_year 值“${value}”不是年份`);
  return { start, field: field as Correction['field'], value };
}

function readReport(v: unknown, i: number, fail: (m: string) => never): WorkspaceReport {
  const where = `第 ${i + 1} 份报告`;
  if (!isObject(v)) fail(`${where}不是对象`);
  const genre = text(v, 'genre', where, fail);
  if (!(GENRES as readonly string[]).includes(genre)) fail(`${where}的 genre “${genre}” 无效`);
  const published = text(v, 'published', where, fail);
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published)) fail(`${where}的 published “${published}” 应为 YYYY-MM-DD`);
  const corrections = v.corrections;
  const excluded = v.excluded;
  if (!Array.isArray(corrections)) fail(`${where}的 corrections 应为数组`);
  if (!Array.isArray(excluded) || !excluded.every((n) => Number.isInteger(n))) fail(`${where}的 excluded 应为整数数组`);
  // Files written before additions existed have no `included`.
  const included = v.included ?? [];
  if (!Array.isArray(included) || !included.every((n) => Number.isInteger(n) && n >= 0)) fail(`${where}的 included 应为非负整数数组`);
  const report: WorkspaceReport = {
    doc_id: text(v, 'doc_id', where, fail),
    title: text(v, 'title', where, fail),
    publisher: text(v, 'publisher', where, fail),
    place: text(v, 'place', where, fail),
    published,
    genre: genre as WorkspaceReport['genre'],
    url: text(v, 'url', where, fail),
    text: text(v, 'text', where, fail),
    sha256: text(v, 'sha256', where, fail),
    added_at: text(v, 'added_at', where, fail),
    corrections: corrections.map((c, j) => readCorrection(c, `${where}第 ${j + 1} 条更正`, fail)),
    excluded: excluded as number[],
    included: included as number[],
  };
  if (!/^[\w.-]{1,64}$/.test(report.doc_id)) fail(`${where}的 doc_id “${report.doc_id}” 只能含字母、数字、-、_ 和 .`);
  if (report.text.trim() === '') fail(`${where}没有正文`);
  return report;
}

/** Reads a workspace file's text; throws a WorkspaceFileError naming what is wrong and where. */
export function parseWorkspaceFile(json: string, fileName: string): WorkspaceFile {
  const fail = (message: string): never => {
    throw new WorkspaceFileError(message, fileName);
  };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    fail(`不是有效的 JSON（${error instanceof Error ? error.message : String(error)}）`);
  }
  if (!isObject(data) || data.format !== WORKSPACE_FORMAT) fail('不是 Figures Board 工作区文件');
  const file = data as Json;
  if (file.version !== WORKSPACE_VERSION) fail(`工作区文件版本 ${String(file.version)} 不受支持（支持 ${WORKSPACE_VERSION}）`);
  if (!Array.isArray(file.reports)) fail('缺少 reports 数组');
  const hidden = file.hidden ?? [];
  if (!Array.isArray(hidden) || !hidden.every((h) => typeof h === 'string')) fail('hidden 应为文本数组');
  const reports = (file.reports as unknown[]).map((r, i) => readReport(r, i, fail));
  const seen = new Set<string>();
  reports.forEach((r, i) => {
    if (seen.has(r.doc_id)) fail(`第 ${i + 1} 份报告的 doc_id “${r.doc_id}” 与前面的报告重复`);
    seen.add(r.doc_id);
  });
  return {
    format: WORKSPACE_FORMAT, version: WORKSPACE_VERSION, exported_at: String(file.exported_at ?? ''), reports, hidden: hidden as string[],
  };
}
