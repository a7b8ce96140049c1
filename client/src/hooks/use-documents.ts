import { useQuery } from '@tanstack/react-query';
import { fetchDocument, fetchDocuments, queryKeys } from '../lib/api';

/** The list of source documents (GET /api/documents). */
export function useDocuments(enabled = true) {
  return useQuery({ queryKey: queryKeys.documents, queryFn: ({ signal }) => fetchDocuments(signal), staleTime: Infinity, enabled });
}

/** One document with its text and citations; idle while `id` is null. */
export function useDocument(id: string | null) {
  return useQuery({
    queryKey: queryKeys.document(id ?? ''),
    queryFn: ({ signal }) => fetchDocument(id!, signal),
    enabled: id !== null,
    staleTime: Infinity,
  });
}
