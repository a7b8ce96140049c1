-- A document's suggestions in document order, each with its place and decision.
SELECT coalesce(json_agg(json_build_object('id', s.id, 'document_id', s.document_id, 'seq', s.seq, 'type', s.type,
  'pattern', s.pattern, 'proposal', s.proposal, 'quote', s.quote, 'paragraph_seq', s.paragraph_seq, 'status', s.status,
  'decided_by', s.decided_by, 'decided_at', s.decided_at, 'reason', s.reason, 'figure_id', s.figure_id,
  'structure_id', s.structure_id) ORDER BY s.seq), '[]'::json)::text AS body
FROM document_suggestions s
WHERE s.document_id = $1
