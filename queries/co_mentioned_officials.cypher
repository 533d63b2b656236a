// Pairs of officials named in the same articles, strongest pairs first (national leaders left out: they are named everywhere).
// Parameters: limit — how many pairs.
:param limit => 25;
MATCH (a:Article)-[:MENTIONS]->(o1:Official), (a)-[:MENTIONS]->(o2:Official)
WHERE o1.id < o2.id
  AND NOT EXISTS { (o1)-[:HOLDS]->(:Organization {name: '中共中央'}) }
  AND NOT EXISTS { (o2)-[:HOLDS]->(:Organization {name: '中共中央'}) }
RETURN o1.name AS official, o2.name AS co_mentioned, count(DISTINCT a) AS articles,
       collect(DISTINCT coalesce(a.title, a.source)) AS titles
ORDER BY articles DESC, official, co_mentioned
LIMIT $limit;
