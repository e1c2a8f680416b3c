import type { QueryClient } from '@tanstack/react-query';

/**
 * The first key of the add flow's own answers: its draft (kept in the browser) and what is extracted from it.
 * They are not the engine's, so a change of the workspace leaves them be.
 */
export const DRAFT_QUERIES = 'report-draft';

/** Asks again for every answer of the workspace (after it changed); the add flow's own answers stay. */
export function invalidateWorkspaceAnswers(client: QueryClient): Promise<void> {
  return client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== DRAFT_QUERIES });
}
