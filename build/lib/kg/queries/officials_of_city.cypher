// Officials of a city and the posts they hold there or in the districts, counties and townships under it.
// Parameters: city — the unit's full name as in the graph.
// :param city => '德州市'
MATCH (c:Place {name: $city})
MATCH (o:Official)-[h:HOLDS]->(p:Place)
WHERE p = c OR EXISTS { (p)-[:PART_OF*1..4]->(c) }
RETURN o.name AS official, h.title AS title, p.name AS place, collect(DISTINCT h.source) AS sources
ORDER BY place, official, title;
