// Programmes that ran in more than one place: shared campaigns versus local inventions.
// Parameters: min_places — the least number of distinct places.
:param min_places => 2;
MATCH (pl:Place)-[:RUNS]->(p:Programme)
WITH p, collect(DISTINCT pl.name) AS places
WHERE size(places) >= $min_places
RETURN p.name AS programme, size(places) AS n_places, places
ORDER BY n_places DESC, programme;
