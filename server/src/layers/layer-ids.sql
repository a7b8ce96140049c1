-- Every catalogued layer's id, in catalogue order (what the client fetches first: index.html's preload hints).
SELECT id FROM layers ORDER BY sort, id
