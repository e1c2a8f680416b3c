import { useEffect } from 'react';
import { useUrlParam } from '../../app/useAppState';
import { decodeDeck, encodeDeck, type Slide } from '../../export/deck-codec';
import { deck } from '../../export/deck-store';
import { t } from '../../i18n/zh';

// The deck text this page last wrote to the URL: anything else found there came from a shared link.
let lastWritten: string | null = null;

/**
 * Keeps the `deck` URL parameter in step with the deck, so the address is a share link; opening a link with
 * another deck adopts it (saved locally from then on); an unreadable link is reported through the deck.
 */
export function useDeckLink(slides: readonly Slide[]): void {
  const [param, setParam] = useUrlParam('deck');
  useEffect(() => {
    const encoded = slides.length > 0 ? encodeDeck(slides) : null;
    if (param === encoded) {
      // The address already holds this deck (e.g. after a reload): it is ours, not a link to adopt on the next edit.
      lastWritten = param;
      return;
    }
    if (param !== null && param !== lastWritten) {
      lastWritten = param;
      try {
        deck.replace(decodeDeck(param));
      } catch (cause) {
        deck.reportError(`${t.deck.linkError}${cause instanceof Error ? `（${cause.message}）` : ''}`);
      }
      return;
    }
    lastWritten = encoded;
    setParam(encoded, { replace: true });
  }, [param, slides, setParam]);
}
