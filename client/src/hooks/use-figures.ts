import { useQuery, type QueryClient } from '@tanstack/react-query';
import { documentKeys, fetchFigures, fetchSuggestions, queryKeys } from '../lib/api';

/** The extractor's suggestions of a document (GET /api/documents/:id/suggestions). */
export function useSuggestions(documentId: string) {
  return useQuery({ queryKey: documentKeys.suggestions(documentId), queryFn: ({ signal }) => fetchSuggestions(documentId, signal) });
}

/** Every figure of a subject with its series (GET /api/figures); idle while `subjectId` is null. */
export function useFigures(subjectType: string, subjectId: string | null) {
  return useQuery({
    queryKey: documentKeys.figures(subjectType, subjectId ?? ''),
    queryFn: ({ signal }) => fetchFigures(subjectType, subjectId!, signal),
    enabled: subjectId !== null,
    staleTime: 60_000,
  });
}

/** After a figure, a document or a decision changed: everything that shows figures, documents or discrepancies refetches. */
export function invalidateFigureData(client: QueryClient): Promise<unknown> {
  return Promise.all(
    [queryKeys.documents, ['figures'], queryKeys.chains, ['targets'], queryKeys.discrepancies, ['features'], ['search'], ['analytics']].map((queryKey) =>
      client.invalidateQueries({ queryKey }),
    ),
  );
}
