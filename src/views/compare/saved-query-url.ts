import { parseState, serializeState } from '../../app/url-state';

/** The URL parameter holding a saved query's SQL on the Compare page: the link alone reproduces the view. */
export const SAVED_SQL_PARAM = 'sql';

/** The query string that opens the Compare page's saved-query mode on `sql`, keeping the other parameters. */
export function savedQuerySearch(search: string, sql: string): string {
  const state = parseState(search);
  const keep = new URLSearchParams(search);
  keep.set(SAVED_SQL_PARAM, sql);
  return serializeState({ ...state, view: 'compare', figure: null, compare: { ...state.compare, mode: 'saved' } }, keep);
}
