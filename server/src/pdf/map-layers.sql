-- The layer catalogue as a printed map needs it, in drawing order: style, theme, geometry type, the
-- accuracies present (a legend swatch is hatched only when the whole layer is schematic) and, for the
-- features with their own colour (style.featureColors), their names and accuracy for the legend.
SELECT l.id, l.title_zh, l.title_en, l.theme, l.geometry_type, l.style, l.sort,
       coalesce((SELECT array_agg(DISTINCT f.accuracy ORDER BY f.accuracy) FROM features f WHERE f.layer_id = l.id), '{}') AS accuracies,
       coalesce((SELECT json_agg(json_build_object('id', f.id, 'name_zh', f.name_zh, 'name_en', f.name_en, 'accuracy', f.accuracy) ORDER BY f.id)
                 FROM features f WHERE f.layer_id = l.id AND l.style->'featureColors' ? f.id), '[]'::json) AS colored
FROM layers l
ORDER BY l.sort, l.id
