// How a programme spread: the places that ran it, in the order they were first reported running it.
// Parameters: programme — a programme name or alias.
:param programme => '主题教育';
MATCH (pl:Place)-[r:RUNS]->(p:Programme)
WHERE p.name = $programme OR $programme IN p.aliases
RETURN p.name AS programme, pl.name AS place, r.firstSeen AS first_seen, r.count AS articles
ORDER BY first_seen IS NULL, first_seen, place;
