// Programmes (campaigns, initiatives, mechanisms) a city ran, with the articles that report them.
// Parameters: city — the unit's full name as in the graph.
// :param city => '德州市'
MATCH (c:Place {name: $city})-[r:RUNS]->(p:Programme)
RETURN p.name AS programme, p.aliases AS aliases, count(DISTINCT r.source) AS articles,
       collect(DISTINCT r.source) AS sources
ORDER BY articles DESC, programme;
