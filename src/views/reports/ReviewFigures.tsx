import { memo, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FigureRow } from '../../extract';
import { BASES } from '../../extract/basis';
import { METRICS } from '../../extract/metrics';
import { AGGREGATION_CLASSES, CATEGORIES } from '../../extract/types';
import { dimensionValueLabel, t } from '../../i18n/zh';
import { formatAsWritten } from '../../lib/format';
import type { Correction } from '../../workspace';
import type { ReviewExtraction } from '../../workspace/review-extract';

const written = (row: FigureRow) => formatAsWritten({ value: Number(row.value), unit: row.unit, qualifier: row.qualifier });

/**
 * The table renders only the rows in its scrolled view and a few beyond (a long report has thousands of
 * figures, each row a handful of inputs): an estimate of a row's height until one is measured, and how many
 * rows beyond the view are kept rendered, so tabbing onward finds the next row already there.
 */
const ROW_HEIGHT_GUESS = 33;
const ROWS_BEYOND = 12;

/** The rows `[first, last)` of `count` to render in `scroller`'s view, and the space the others take. */
function useRowWindow(count: number, scroller: RefObject<HTMLElement | null>) {
  const [view, setView] = useState({ top: 0, height: 600 });
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT_GUESS);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    const resized = new ResizeObserver(update);
    resized.observe(el);
    el.addEventListener('scroll', update, { passive: true });
    return () => {
      resized.disconnect();
      el.removeEventListener('scroll', update);
    };
  }, [scroller]);
  const first = Math.min(count, Math.max(0, Math.floor(view.top / rowHeight) - ROWS_BEYOND));
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + ROWS_BEYOND);
  return {
    first, last, above: first * rowHeight, below: (count - last) * rowHeight,
    /** Measures a rendered row (the rows are one line each, so one is all of them). */
    measure: (row: HTMLTableRowElement | null) => {
      if (row && row.offsetHeight > 0 && Math.abs(row.offsetHeight - rowHeight) > 0.5) setRowHeight(row.offsetHeight);
    },
    /** Scrolls row `index` into the view when it is outside it. */
    reveal: (index: number) => {
      const el = scroller.current;
      const y = index * rowHeight;
      if (el && (y < el.scrollTop || y + rowHeight > el.scrollTop + el.clientHeight)) el.scrollTo({ top: Math.max(0, y - el.clientHeight / 3) });
    },
  };
}

type Field = Correction['field'];

/** The figure as the reviewer sees it: the rules' values with their corrections over them. */
function corrected(row: FigureRow, corrections: readonly Correction[]): FigureRow {
  let out = row;
  for (const c of corrections) {
    if (c.start !== row.start) continue;
    out = { ...out, [c.field]: c.field === 'data_year' ? (c.value === '' ? null : Number(c.value)) : c.value };
  }
  return out;
}

/** The corrections with `field` of the figure at `start` set to `value` (none when it is the rules' own value). */
function withCorrection(corrections: readonly Correction[], row: FigureRow, field: Field, value: string): Correction[] {
  const others = corrections.filter((c) => !(c.start === row.start && c.field === field));
  return String(row[field] ?? '') === value ? others : [...others, { start: row.start, field, value }];
}

/** A text field that commits on blur or Enter, so each correction is one edit, not one per keystroke. */
function EditText({ value, label, onCommit }: { value: string; label: string; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  return (
    <input className="cell-edit" value={draft} aria-label={label} onChange={(e) => setDraft(e.target.value)}
      onBlur={() => draft.trim() !== value && draft.trim() !== '' && onCommit(draft.trim())}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') setDraft(value);
      }} />
  );
}

export interface ReviewFiguresProps {
  text: string;
  extraction: ReviewExtraction;
  corrections: readonly Correction[];
  excluded: readonly number[];
  included: readonly number[];
  onChange: (corrections: Correction[], excluded: number[], included: number[]) => void;
}

/** The coverage account, then every figure in a table (edit, exclude) beside its place in the text. */
export const ReviewFigures = memo(function ReviewFigures({ text, extraction, corrections, excluded, included, onChange }: ReviewFiguresProps) {
  const [selected, setSelected] = useState<number | null>(extraction.found[0]?.start ?? null);
  const [query, setQuery] = useState('');
  const out = new Set(excluded);
  const rows = useMemo(() => extraction.found.map((r) => corrected(r, corrections)), [extraction.found, corrections]);
  const shown = query.trim() === '' ? rows
    : rows.filter((r) => `${r.indicator} ${r.subject} ${r.value}${r.unit} ${r.quote}`.includes(query.trim()));
  const scroller = useRef<HTMLDivElement>(null);
  const rowWindow = useRowWindow(shown.length, scroller);
  const listed = shown.slice(rowWindow.first, rowWindow.last);
  const { account } = extraction;
  const current = rows.find((r) => r.start === selected);
  const original = (start: number) => extraction.found.find((r) => r.start === start);
  const edit = (row: FigureRow, field: Field, value: string) => {
    const rule = original(row.start);
    if (rule) onChange(withCorrection(corrections, rule, field, value), [...excluded], [...included]);
  };
  const toggle = (row: FigureRow) =>
    onChange([...corrections], out.has(row.start) ? excluded.filter((s) => s !== row.start) : [...excluded, row.start], [...included]);
  const [addNote, setAddNote] = useState('');
  /** Adds the number in a selection of the text as a figure (or says why it cannot be one). */
  const addSelected = (from: number, to: number) => {
    const r = t.reports.review;
    const picked = extraction.numbers.filter((n) => n.start < Math.max(to, from + 1) && n.end > from);
    const number = picked[0];
    if (!number) return setAddNote(r.noNumber);
    const digits = text.slice(number.start, number.end);
    const figure = extraction.found.find((f) => f.start === number.start);
    if (figure) {
      setSelected(figure.start);
      const index = shown.findIndex((r) => r.start === figure.start);
      if (index >= 0) rowWindow.reveal(index);
      if (out.has(figure.start)) {
        onChange([...corrections], excluded.filter((s) => s !== figure.start), [...included]);
        return setAddNote(r.restored(digits));
      }
      return setAddNote(r.already(digits));
    }
    // Added already, and being extracted again.
    if (included.includes(number.start)) return setAddNote(r.already(digits));
    // A number the rules excluded or could not account for becomes a figure: with the unit after it, or as a count.
    onChange([...corrections], [...excluded], [...included, number.start]);
    setSelected(number.start);
    const unitAfter = number.status === 'excluded' && number.hasUnit;
    return setAddNote(unitAfter ? r.addedNumber(digits) : r.addedBare(digits));
  };

  return (
    <div className="review">
      <div className="coverage" data-testid="coverage">
        <strong>{t.reports.review.found(extraction.found.length)}</strong>
        <span>{t.reports.review.excludedRuns(account.excluded)}
          {Object.keys(account.byReason).length > 0 && (
            <span className="muted">（{Object.entries(account.byReason).map(([reason, n]) => `${t.reports.review.reasons[reason] ?? reason} ${n}`).join('、')}）</span>
          )}
        </span>
        <span>{t.reports.review.excludedCount(excluded.length)} · {t.reports.review.correctedCount(corrections.length)}</span>
        {account.unaccounted.length > 0 && (
          <details className="unaccounted">
            <summary>{t.reports.review.unaccounted(account.unaccounted.length)}</summary>
            <ul>
              {account.unaccounted.map((u) => (
                <li key={u.start}>
                  <span className="muted">{t.provenance.line(u.line)}</span>{' '}
                  {u.context.slice(0, u.at)}<mark>{u.digits}</mark>{u.context.slice(u.at + u.digits.length)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <input type="search" className="review-filter" placeholder={t.reports.review.filter} aria-label={t.reports.review.filter}
        value={query} onChange={(e) => {
          setQuery(e.target.value);
          scroller.current?.scrollTo({ top: 0 });
        }} />
      <div className="review-split">
        <div className="review-table-wrap" ref={scroller}>
          <table className="review-table" data-testid="review-table" aria-rowcount={shown.length + 1}>
            <thead>
              <tr>
                {(['keep', 'value', 'indicator', 'subject', 'category', 'agg', 'metric', 'basis', 'data_year', 'line'] as const).map((c) => (
                  <th key={c} scope="col">{t.reports.review.columns[c]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rowWindow.above > 0 && <tr className="rows-elsewhere" aria-hidden="true" style={{ height: rowWindow.above }} />}
              {listed.map((row, i) => (
                <tr key={row.start} className={`${out.has(row.start) ? 'excluded' : ''}${row.start === selected ? ' selected' : ''}`}
                  ref={i === 0 ? rowWindow.measure : undefined} aria-rowindex={rowWindow.first + i + 2}
                  onFocusCapture={() => setSelected(row.start)} onClick={() => setSelected(row.start)} data-start={row.start}>
                  <td>
                    <input type="checkbox" checked={!out.has(row.start)} onChange={() => toggle(row)}
                      aria-label={t.reports.review.exclude(written(row))} />
                  </td>
                  <td className="num">{written(row)}</td>
                  <td><EditText key={`i${row.indicator}`} value={row.indicator} label={t.reports.review.columns.indicator} onCommit={(v) => edit(row, 'indicator', v)} /></td>
                  <td><EditText key={`s${row.subject}`} value={row.subject} label={t.reports.review.columns.subject} onCommit={(v) => edit(row, 'subject', v)} /></td>
                  <td>
                    <select value={row.category} aria-label={t.reports.review.columns.category} onChange={(e) => edit(row, 'category', e.target.value)}>
                      {CATEGORIES.map((c) => <option key={c} value={c}>{dimensionValueLabel('category', c)}</option>)}
                    </select>
                  </td>
                  <td>
                    <select value={row.agg} aria-label={t.reports.review.columns.agg} onChange={(e) => edit(row, 'agg', e.target.value)}>
                      {AGGREGATION_CLASSES.map((c) => <option key={c} value={c}>{dimensionValueLabel('agg', c)}</option>)}
                    </select>
                  </td>
                  <td>
                    <select value={row.metric} aria-label={t.reports.review.columns.metric} onChange={(e) => edit(row, 'metric', e.target.value)}>
                      <option value="">{t.common.none}</option>
                      {METRICS.map((m) => <option key={m.id} value={m.id}>{m.name_zh}</option>)}
                    </select>
                  </td>
                  <td>
                    <select value={row.basis} aria-label={t.reports.review.columns.basis} onChange={(e) => edit(row, 'basis', e.target.value)}>
                      {BASES.map((b) => <option key={b} value={b}>{t.metrics.basis[b] ?? b}</option>)}
                    </select>
                  </td>
                  <td className="year-cell">
                    <EditText key={`y${row.data_year ?? ''}`} value={row.data_year === null ? '' : String(row.data_year)} label={t.reports.review.columns.data_year}
                      onCommit={(v) => {
                        const year = v.trim();
                        if (year === '' || /^(?:19|20)[0-9]{2}$/.test(year)) edit(row, 'data_year', year);
                      }} />
                  </td>
                  <td className="num">{row.line}</td>
                </tr>
              ))}
              {rowWindow.below > 0 && <tr className="rows-elsewhere" aria-hidden="true" style={{ height: rowWindow.below }} />}
            </tbody>
          </table>
        </div>
        <aside className="review-context">
          <h3>{t.reports.review.context}</h3>
          <div aria-live="polite">{current ? <Context text={text} row={current} /> : <p className="muted">{t.reports.review.pickFigure}</p>}</div>
          <FullText text={text} onAdd={addSelected} note={addNote} />
        </aside>
      </div>
    </div>
  );
});

/**
 * The whole text, to select a number the rules missed: the selection's offsets are the text's (the box holds one
 * text node), and the number inside it is added as a figure.
 */
function FullText({ text, onAdd, note }: { text: string; onAdd: (from: number, to: number) => void; note: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState('');
  const add = () => {
    const selection = window.getSelection();
    const node = box.current?.firstChild;
    if (!selection || selection.rangeCount === 0 || !node || selection.anchorNode !== node || selection.focusNode !== node) {
      setError(t.reports.review.selectFirst);
      return;
    }
    setError('');
    const [a, b] = [selection.anchorOffset, selection.focusOffset];
    onAdd(Math.min(a, b), Math.max(a, b));
  };
  return (
    <details className="full-text">
      <summary>{t.reports.review.fullText}</summary>
      <p className="muted">{t.reports.review.selectHint}</p>
      <div ref={box} className="full-text-box" data-testid="full-text" tabIndex={0}>{text}</div>
      <button type="button" onClick={add}>{t.reports.review.addSelected}</button>
      {(error || note) && <p role="status" className="muted">{error || note}</p>}
    </details>
  );
}

/** The figure's line of the text, with the figure marked. */
function Context({ text, row }: { text: string; row: FigureRow }) {
  const lineStart = text.lastIndexOf('\n', row.start - 1) + 1;
  const lineEnd = text.indexOf('\n', row.end);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const at = row.start - lineStart;
  const len = row.end - row.start;
  return (
    <blockquote className="paragraph">
      {line.slice(0, at)}<mark>{line.slice(at, at + len)}</mark>{line.slice(at + len)}
    </blockquote>
  );
}
