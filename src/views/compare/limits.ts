import { compareTop, EMPTY_FILTERS } from '../../queries';

/** How many figures of one base unit a compare bar chart draws (the largest); the deck draws the same. */
export const BARS_PER_UNIT = compareTop(EMPTY_FILTERS).perUnit;
