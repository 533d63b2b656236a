// Programmes (campaigns, initiatives, mechanisms) a city ran, with how many articles report them and when.
// Parameters: city — the unit’s full name as in the graph.
:param city => '德州市';
MATCH (c:Place {name: $city})-[r:RUNS]->(p:Programme)
RETURN p.name AS programme, p.aliases AS aliases, r.count AS articles, r.firstSeen AS first_seen,
       r.lastSeen AS last_seen
ORDER BY articles DESC, programme;
