/** A pinned chart: which chart, under which title, and the app state (query string) that reproduces it. */
export interface Slide {
  id: string;
  /** The chart's `data-chart` id, e.g. `compare-bars-CNY`; its prefix picks the renderer. */
  chartId: string;
  title: string;
  /** The view's query string at pin time (filters, mode, picks), without the deck itself. */
  query: string;
}

/** A deck or deck link that cannot be read, with what was wrong. */
export class DeckFormatError extends Error {
  constructor(detail: string) {
    super(`The deck cannot be read: ${detail}`);
    this.name = 'DeckFormatError';
  }
}

/** Query-string keys that never belong to a slide's state. */
const NOT_SLIDE_STATE = ['deck', 'fig'];

/** The part of a query string that reproduces a chart (the deck parameter and open panel left out). */
export function slideQuery(search: string): string {
  const params = new URLSearchParams(search);
  for (const key of NOT_SLIDE_STATE) params.delete(key);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new DeckFormatError('the link holds characters outside base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Validates one slide-shaped value (from storage or a link). */
export function toSlide(value: unknown, index: number, id = `s${index + 1}`): Slide {
  const [chartId, title, query] = Array.isArray(value) ? value : [];
  if (typeof chartId !== 'string' || chartId === '' || typeof title !== 'string' || typeof query !== 'string') {
    throw new DeckFormatError(`slide ${index + 1} is not [chartId, title, query]`);
  }
  if (query !== '' && !query.startsWith('?')) throw new DeckFormatError(`slide ${index + 1} has no query string`);
  return { id, chartId, title, query };
}

/** A compact, URL-safe text for a deck: base64url of `[[chartId, title, query], …]`. */
export function encodeDeck(slides: readonly Slide[]): string {
  return toBase64Url(JSON.stringify(slides.map((s) => [s.chartId, s.title, s.query])));
}

/** Reads a deck link; throws {@link DeckFormatError} saying what is wrong. */
export function decodeDeck(text: string): Slide[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromBase64Url(text));
  } catch (cause) {
    if (cause instanceof DeckFormatError) throw cause;
    throw new DeckFormatError('the link is not an encoded slide list');
  }
  if (!Array.isArray(parsed)) throw new DeckFormatError('the link does not hold a list of slides');
  return parsed.map((value, i) => toSlide(value, i));
}
