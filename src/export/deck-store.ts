import { t } from '../i18n/zh';
import { DeckFormatError, toSlide, type Slide } from './deck-codec';

/** The storage key, versioned: a future format gets a new key instead of misreading this one. */
export const DECK_STORAGE_KEY = 'figures-board:deck:v1';

interface StoredDeck {
  version: 1;
  slides: [string, string, string][];
}

/** Reads a stored deck; null storage text is an empty deck, anything unreadable throws {@link DeckFormatError}. */
export function parseStoredDeck(text: string | null): Slide[] {
  if (text === null) return [];
  let parsed: Partial<StoredDeck>;
  try {
    parsed = JSON.parse(text) as Partial<StoredDeck>;
  } catch {
    throw new DeckFormatError('the saved deck is not JSON');
  }
  if (parsed?.version !== 1 || !Array.isArray(parsed.slides)) throw new DeckFormatError('the saved deck has no version 1 slide list');
  return parsed.slides.map((value, i) => toSlide(value, i));
}

export function serializeDeck(slides: readonly Slide[]): string {
  const stored: StoredDeck = { version: 1, slides: slides.map((s) => [s.chartId, s.title, s.query]) };
  return JSON.stringify(stored);
}

export interface DeckSnapshot {
  slides: readonly Slide[];
  /** Why the saved deck or a deck link could not be read (the deck then keeps what it had), or null. */
  error: string | null;
}

type Listener = () => void;

/**
 * The pinned slides, kept in localStorage so they survive a reload. A corrupted store gives an empty deck and a
 * readable error instead of breaking the app.
 */
export class DeckStore {
  private snapshot: DeckSnapshot;
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    let slides: Slide[] = [];
    let error: string | null = null;
    try {
      slides = parseStoredDeck(storage?.getItem(DECK_STORAGE_KEY) ?? null);
    } catch (cause) {
      error = `${t.deck.storageError}（${cause instanceof Error ? cause.message : String(cause)}）`;
    }
    this.snapshot = { slides: this.withIds(slides), error };
  }

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): DeckSnapshot => this.snapshot;

  add(slide: Omit<Slide, 'id'>): void {
    this.set([...this.snapshot.slides, ...this.withIds([{ ...slide, id: '' }])]);
  }

  rename(id: string, title: string): void {
    this.set(this.snapshot.slides.map((s) => (s.id === id ? { ...s, title } : s)));
  }

  /** Moves a slide by `delta` places (−1 earlier, +1 later), staying within the deck. */
  move(id: string, delta: number): void {
    const slides = [...this.snapshot.slides];
    const from = slides.findIndex((s) => s.id === id);
    const to = Math.max(0, Math.min(slides.length - 1, from + delta));
    if (from === -1 || from === to) return;
    const [slide] = slides.splice(from, 1);
    if (slide) slides.splice(to, 0, slide);
    this.set(slides);
  }

  remove(id: string): void {
    this.set(this.snapshot.slides.filter((s) => s.id !== id));
  }

  /** Shows a problem (e.g. an unreadable deck link) without changing the slides. */
  reportError(message: string): void {
    this.snapshot = { ...this.snapshot, error: message };
    for (const listener of this.listeners) listener();
  }

  replace(slides: readonly Slide[]): void {
    this.set(this.withIds(slides));
  }

  private withIds(slides: readonly Slide[]): Slide[] {
    return slides.map((s) => ({ ...s, id: `slide-${this.nextId++}` }));
  }

  private set(slides: Slide[]): void {
    this.snapshot = { slides, error: null };
    try {
      this.storage?.setItem(DECK_STORAGE_KEY, serializeDeck(slides));
    } catch (cause) {
      this.snapshot = { slides, error: `The deck could not be saved: ${cause instanceof Error ? cause.message : String(cause)}` };
    }
    for (const listener of this.listeners) listener();
  }
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The app's one deck. */
export const deck = new DeckStore(browserStorage());

export type { Slide } from './deck-codec';
