// What places reported under a programme: figures linked to it by MEASURES.
// Parameters: programme — a programme name or alias.
:param programme => '主题教育';
MATCH (c:Place)-[:REPORTS]->(m:Metric)-[:MEASURES]->(p:Programme)
WHERE p.name = $programme OR $programme IN p.aliases
RETURN p.name AS programme, c.name AS place, m.subject AS subject, m.value AS value, m.unit AS unit,
       m.text AS text
ORDER BY place, subject;
