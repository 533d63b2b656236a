// Places that ran a programme, matched by its name or any of its aliases, with the evidence sentence.
// Parameters: programme — a programme name or alias.
// :param programme => '主题教育'
MATCH (pl:Place)-[r:RUNS]->(p:Programme)
WHERE p.name = $programme OR $programme IN p.aliases
RETURN p.name AS programme, pl.name AS place, pl.level AS level, r.source AS source, r.evidence AS evidence
ORDER BY place;
