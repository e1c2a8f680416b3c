import { queryOptions } from '@tanstack/react-query';
import { loadSourceText } from '../data/embedded';

/** The full text of a source document (by its documents.csv `file`), fetched once. */
export function sourceTextOptions(file: string) {
  return queryOptions({ queryKey: ['source-text', file], queryFn: () => loadSourceText(file) });
}
