-- Whether a layer exists, without its extent: the items routes need only that, and ST_Extent over a
-- layer of a million parcels costs more than the page itself. $1 layer id.
SELECT l.id FROM layers l WHERE l.id = $1
