import { t } from '../../i18n/zh';
import { valueLabel } from '../shared/value-label';
import { chooseScale, compareUnits, formatAsWritten, formatNonZero, formatNumber, scaled, type DisplayScale } from '../../lib/format';
import type { PivotDimension, PivotMeasure, PivotRow, PivotSpec } from '../../queries';

/** One aggregate as the table shows it. */
export interface PivotCell {
  count: number;
  value: number | null;
  written: PivotRow['written'];
  unit: string;
  /** Why the figures of this cell are not summed, or null. */
  refused: PivotRow['refused'];
  /** How a sum reads (约, 余 … or ''). */
  qualifier: string;
}

/** A leaf or subtotal column; `key` shorter than the column dimensions means a (sub)total. */
export interface GridColumn {
  id: string;
  key: string[];
  unit: string;
  total: boolean;
}

/** A row of the table; a row with a shorter key is a group (it carries the subtotals of its children). */
export interface GridRow {
  id: string;
  key: string[];
  /** 0 for the grand total, 1… for the levels of the row dimensions. */
  depth: number;
  leaf: boolean;
  cells: (PivotCell | null)[];
}

/** How the rows are ordered: by their labels, or by the values of one column. */
export interface PivotSort {
  by: 'label' | string;
  desc: boolean;
}

export interface PivotGrid {
  rowDims: PivotDimension[];
  colDims: PivotDimension[];
  measure: PivotMeasure;
  columns: GridColumn[];
  /** Groups before their children, the grand total last. */
  rows: GridRow[];
  /** One display scale per base unit (万/亿), shared by every cell of that unit. */
  scales: Record<string, DisplayScale>;
  /** The largest absolute leaf value per unit, for the heat-map colouring. */
  heatMax: Record<string, number>;
  /** doc_id → report title: a report is labelled by its title wherever the pivot names it. */
  titles: ReadonlyMap<string, string>;
}

export { valueLabel as pivotValueLabel } from '../shared/value-label';

const collator = new Intl.Collator('zh-Hans-CN');

/** The id of a row or column key (JSON: keys may hold any text). */
export const keyId = (key: readonly string[], unit = ''): string => JSON.stringify([unit, ...key]);

/** The number a cell is compared and coloured by. */
export function cellNumber(cell: PivotCell | null | undefined, measure: PivotMeasure): number | null {
  if (!cell) return null;
  return measure === 'count' || measure === 'written' ? cell.count : cell.value;
}

interface Node {
  key: string[];
  children: Map<string, Node>;
}

function trie(keys: readonly string[][]): Node {
  const root: Node = { key: [], children: new Map() };
  for (const key of keys) {
    let node = root;
    key.forEach((part, i) => {
      let child = node.children.get(part);
      if (!child) {
        child = { key: key.slice(0, i + 1), children: new Map() };
        node.children.set(part, child);
      }
      node = child;
    });
  }
  return root;
}

function byLabel(dims: readonly PivotDimension[], titles: ReadonlyMap<string, string>) {
  return (a: Node, b: Node) => {
    const depth = a.key.length - 1;
    const [va = '', vb = ''] = [a.key[depth], b.key[depth]];
    if ((va === '') !== (vb === '')) return va === '' ? 1 : -1; // “none” last
    const dim = dims[depth] ?? 'subject';
    return collator.compare(valueLabel(dim, va, titles), valueLabel(dim, vb, titles));
  };
}

/**
 * Reshapes the pivot query's aggregates into a table: columns per unit in tree order (children, then their
 * subtotal, the unit's total last), rows in tree order (a group before its children, the grand total last),
 * siblings sorted by label or by one column's values.
 */
export function buildPivotGrid(
  data: readonly PivotRow[], spec: PivotSpec, sort: PivotSort = { by: 'label', desc: false }, titles: ReadonlyMap<string, string> = new Map(),
): PivotGrid {
  const cells = new Map<string, PivotCell>();
  for (const r of data) {
    cells.set(`${keyId(r.rowKey)}|${keyId(r.colKey, r.unit)}`, { count: r.count, value: r.value, written: r.written, unit: r.unit, refused: r.refused, qualifier: r.qualifier });
  }
  const units = [...new Set(data.map((r) => r.unit))].sort(compareUnits);
  const columns: GridColumn[] = [];
  for (const unit of units) {
    const visit = (node: Node) => {
      [...node.children.values()].sort(byLabel(spec.columns, titles)).forEach(visit);
      columns.push({ id: keyId(node.key, unit), key: node.key, unit, total: node.key.length < spec.columns.length });
    };
    visit(trie(data.filter((r) => r.unit === unit).map((r) => r.colKey)));
  }
  const cellOf = (rowKey: string[], column: GridColumn) => cells.get(`${keyId(rowKey)}|${column.id}`) ?? null;

  const sortColumn = columns.find((c) => c.id === sort.by);
  const compare = (a: Node, b: Node): number => {
    if (sortColumn) {
      const [x, y] = [cellNumber(cellOf(a.key, sortColumn), spec.measure), cellNumber(cellOf(b.key, sortColumn), spec.measure)];
      if (x === null || y === null) return x === y ? byLabel(spec.rows, titles)(a, b) : x === null ? 1 : -1;
      if (x !== y) return sort.desc ? y - x : x - y;
      return byLabel(spec.rows, titles)(a, b);
    }
    const c = byLabel(spec.rows, titles)(a, b);
    return sort.desc ? -c : c;
  };
  const rows: GridRow[] = [];
  const toRow = (key: string[]): GridRow => ({
    id: keyId(key), key, depth: key.length, leaf: key.length === spec.rows.length,
    cells: columns.map((c) => cellOf(key, c)),
  });
  const visit = (node: Node) => {
    for (const child of [...node.children.values()].sort(compare)) {
      rows.push(toRow(child.key));
      visit(child);
    }
  };
  visit(trie(data.map((r) => r.rowKey)));
  if (data.length > 0) rows.push(toRow([]));

  const scales: Record<string, DisplayScale> = {};
  const heatMax: Record<string, number> = {};
  for (const unit of units) {
    const values = data.filter((r) => r.unit === unit && r.value !== null).map((r) => r.value ?? 0);
    scales[unit] = chooseScale(spec.measure === 'avg' || spec.measure === 'sum' || spec.measure === 'min' || spec.measure === 'max' ? values : [], unit);
    const leaves = data.filter((r) => r.unit === unit && r.rowKey.length === spec.rows.length && r.colKey.length === spec.columns.length);
    heatMax[unit] = Math.max(0, ...leaves.map((r) => Math.abs(cellNumber(r, spec.measure) ?? 0)));
  }
  return { rowDims: spec.rows, colDims: spec.columns, measure: spec.measure, columns, rows, scales, heatMax, titles };
}

/** The rows left visible when some groups are collapsed. */
export function visibleRows(grid: PivotGrid, collapsed: ReadonlySet<string>): GridRow[] {
  const hidden = grid.rows.filter((r) => collapsed.has(r.id) && !r.leaf && r.depth > 0).map((r) => r.key);
  if (hidden.length === 0) return grid.rows;
  return grid.rows.filter((row) => !hidden.some((k) => row.key.length > k.length && k.every((v, i) => row.key[i] === v)));
}

/** A cell as text: counts whole, values in the unit's 万/亿 scale, a single figure as the report wrote it. */
export function cellText(cell: PivotCell | null, grid: PivotGrid, nFigures: (n: number) => string): string {
  if (!cell) return '';
  switch (grid.measure) {
    case 'count':
      return formatNumber(cell.count, 0);
    case 'written':
      return cell.count === 1 && cell.value !== null && cell.written
        ? formatAsWritten({ value: cell.value, unit: cell.written.unit, qualifier: cell.written.qualifier })
        : nFigures(cell.count);
    default: {
      if (cell.refused) return t.pivot.refusedCell;
      if (cell.value === null) return '';
      const scale = grid.scales[cell.unit] ?? { divisor: 1, prefix: '' };
      // A small value in a column of 亿 keeps its digits (0.0056, never 0.01 or 0); a sum keeps its 约/余.
      const number = formatNonZero(scaled(cell.value, scale));
      if (!cell.qualifier) return number;
      return cell.qualifier === '余' || cell.qualifier === '多' ? `${number}${cell.qualifier}` : `${cell.qualifier}${number}`;
    }
  }
}

/** Why a cell shows no sum (for its hover text), or null. */
export function cellRefusal(cell: PivotCell | null): string | null {
  return cell?.refused ? (t.refusals[cell.refused] ?? cell.refused) : null;
}

/** 0…1: how strongly a leaf cell is coloured in the heat-map mode (totals are not coloured). */
export function heatLevel(cell: PivotCell | null, row: GridRow, column: GridColumn, grid: PivotGrid): number {
  const max = grid.heatMax[column.unit] ?? 0;
  const n = cellNumber(cell, grid.measure);
  if (!row.leaf || column.total || n === null || max === 0) return 0;
  return Math.abs(n) / max;
}

/** The dimension values a cell stands for (its row's and column's keys, and its base unit). */
export function cellDimensions(grid: PivotGrid, row: GridRow, column: GridColumn): [PivotDimension, string][] {
  const pairs: [PivotDimension, string][] = [];
  row.key.forEach((v, i) => pairs.push([grid.rowDims[i] as PivotDimension, v]));
  column.key.forEach((v, i) => pairs.push([grid.colDims[i] as PivotDimension, v]));
  if (column.unit !== '' && !pairs.some(([d]) => d === 'base_unit')) pairs.push(['base_unit', column.unit]);
  return pairs;
}
