// Officials of a city and the posts they hold there or in the units under it, with how long the reports show them.
// Parameters: city — the unit’s full name as in the graph.
:param city => '德州市';
MATCH (c:Place {name: $city})
MATCH (p:Place)-[:PART_OF*0..4]->(c)
MATCH (o:Official)-[h:HOLDS]->(p)
RETURN o.name AS official, h.title AS title, p.name AS place, h.count AS articles,
       h.firstSeen AS first_seen, h.lastSeen AS last_seen
ORDER BY place, official, title;
