-- The parks a sheet may name, by id or by name (zh or en), for resolving 所属园区 / park cells.
SELECT id, name_zh, name_en FROM features WHERE layer_id = 'parks' ORDER BY id
