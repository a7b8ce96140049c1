-- What a site's references resolve to: $1 park id, $2 chain ids, $3 land-use code or alias or name, $4 zone id.
SELECT (SELECT f.id FROM features f WHERE f.layer_id = 'parks' AND f.id = $1) AS park,
       ARRAY(SELECT x FROM unnest($2::text[]) x WHERE NOT EXISTS (SELECT 1 FROM chains c WHERE c.id = x)) AS unknown_chains,
       (SELECT l.code FROM land_use_classes l
         WHERE l.code = $3 OR upper($3) = ANY (l.aliases) OR l.name_zh = $3 OR lower(l.name_en) = lower($3)
         ORDER BY (l.code = $3) DESC, l.level DESC LIMIT 1) AS land_use,
       (SELECT f.id FROM features f WHERE f.id = $4 AND ST_Dimension(f.geom) = 2) AS zone
