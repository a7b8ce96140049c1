-- Every catalogued layer's id and theme, in catalogue order (what the client fetches first: index.html's preload hints).
SELECT id, theme FROM layers ORDER BY sort, id
