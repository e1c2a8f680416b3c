/**
 * The document's place in its figures: its own (海拉尔区), or its title's jurisdiction, and a zone the text names
 * within it named with it (清水县开发区).
 */
import { findTitle, jurisdictionFromTitle } from './subjects';
import type { ExtractOptions, FigureRow } from './types';

/** The place a document's figures are about unless the text names another: its own, or its title's jurisdiction. */
export function documentPlace(text: string, opts: Pick<ExtractOptions, 'place' | 'subject' | 'title'>): string {
  return opts.place || (opts.subject ?? jurisdictionFromTitle(opts.title ?? findTitle(text)));
}

/**
 * The rows as extracting with the document's place `to` instead of `from` gives them: the place is only ever the
 * document's own, or a zone named with it (清水县开发区), so naming it again is all that changes. The review
 * extracts before the analyst settles the place, and names it after without reading the text again.
 */
export function relabelPlace(rows: readonly FigureRow[], from: string, to: string): FigureRow[] {
  if (from === to) return [...rows];
  // A zone's name without its place's (there was none) is named as extraction names it: with the place's, once.
  const zone = (name: string) => (to !== '' && !name.startsWith(to) ? `${to}${name}` : name);
  return rows.map((r) => {
    if (r.place === from) return { ...r, place: to };
    if (from === '') return { ...r, place: zone(r.place) };
    if (r.place.startsWith(from)) return { ...r, place: zone(r.place.slice(from.length)) };
    return r;
  });
}

