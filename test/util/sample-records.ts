import { toFigureRecord, type FigureRecord } from '../../src/data/figure-record';
import { SAMPLE_FIGURES } from './sample-data';

/** The sample dataset as typed records, as the app holds them. */
export const SAMPLE_RECORDS: FigureRecord[] = SAMPLE_FIGURES.map((row, i) => toFigureRecord(row, i + 2));

/** One sample record by id. */
export function sample(id: string): FigureRecord {
  const found = SAMPLE_RECORDS.find((r) => r.id === id);
  if (!found) throw new Error(`No sample ${id}`);
  return found;
}

/** Serialises a chart option for a file snapshot: formatters show as their outputs' absence, not their code. */
export function optionSnapshot(option: unknown): string {
  return `${JSON.stringify(option, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v), 2)}\n`;
}
