-- Names a document may use for a subject: chains, mapped parks, zones, sites, structure and green
-- features with their aliases, the district and the city (neither is a row of its own).
SELECT 'chain' AS subject_type, c.id AS subject_id, ARRAY[c.name_zh] AS names FROM chains c
UNION ALL
SELECT 'feature', f.id,
       ARRAY[f.name_zh] || coalesce(ARRAY(SELECT jsonb_array_elements_text(f.properties->'aliases')
                                          WHERE jsonb_typeof(f.properties->'aliases') = 'array'), '{}')
FROM features f WHERE f.layer_id IN ('parks', 'zones', 'sites', 'structure', 'green')
UNION ALL
SELECT 'district', 'gaogang', ARRAY['泰州医药高新区（高港区）', '医药高新区（高港区）']
UNION ALL
SELECT 'city', 'taizhou', ARRAY['泰州市', '泰州中心城区', '全市']
ORDER BY 1, 2
