-- Every chain with the text a query is matched against and its 2024 revenue and 2030 target.
SELECT c.id, c.name_zh, c.name_en, c.group_id, c.focus_zh, coalesce(c.focus_en, '') AS focus_en, c.keywords,
       (SELECT t.value FROM targets t WHERE t.subject_type = 'chain' AND t.subject_id = c.id AND t.year = 2024 AND t.metric = 'revenue') AS revenue_2024,
       (SELECT t.value FROM targets t WHERE t.subject_type = 'chain' AND t.subject_id = c.id AND t.year = 2030 AND t.metric = 'revenue') AS target_2030
FROM chains c
ORDER BY c.seq
