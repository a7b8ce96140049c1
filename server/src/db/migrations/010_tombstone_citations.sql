-- 010: a deleted feature's citations go into its tombstone, so restoring it brings its sources back.
-- feature_citations rows are removed with the feature (ON DELETE CASCADE, which runs after the row is
-- gone); a BEFORE DELETE trigger still sees them. Triggers of one event fire in name order, so
-- features_versioning_citations runs right after features_versioning has written the tombstone.
ALTER TABLE feature_history ADD COLUMN IF NOT EXISTS citation_ids text[];

CREATE OR REPLACE FUNCTION atlas_tombstone_citations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE feature_history h
  SET citation_ids = (SELECT coalesce(array_agg(fc.citation_id ORDER BY fc.citation_id), '{}') FROM feature_citations fc WHERE fc.feature_id = OLD.id)
  WHERE h.feature_id = OLD.id AND h.version = OLD.version + 1 AND h.op = 'delete';
  RETURN OLD;
END;
$$;

DROP TRIGGER IF EXISTS features_versioning_citations ON features;
CREATE TRIGGER features_versioning_citations BEFORE DELETE ON features
  FOR EACH ROW EXECUTE FUNCTION atlas_tombstone_citations();
