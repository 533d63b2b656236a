// Pairs of officials named in the same article, strongest pairs first.
// Parameters: limit — how many pairs.
// :param limit => 25
MATCH (a:Article)-[:MENTIONS]->(o1:Official), (a)-[:MENTIONS]->(o2:Official)
WHERE o1.id < o2.id
RETURN o1.name AS official, o2.name AS co_mentioned, count(DISTINCT a) AS articles,
       collect(DISTINCT a.source) AS sources
ORDER BY articles DESC, official, co_mentioned
LIMIT $limit;
