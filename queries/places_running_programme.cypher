// Places that ran a programme, matched by its name or any of its aliases, with when and the evidence sentences.
// Parameters: programme — a programme name or alias.
:param programme => '主题教育';
MATCH (pl:Place)-[r:RUNS]->(p:Programme)
WHERE p.name = $programme OR $programme IN p.aliases
RETURN p.name AS programme, pl.name AS place, pl.level AS level, r.count AS articles,
       r.firstSeen AS first_seen, r.lastSeen AS last_seen, r.evidence AS evidence
ORDER BY first_seen, place;
