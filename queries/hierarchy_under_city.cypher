// The administrative units under a city that the articles name, with their level and full chain.
// Parameters: city — the unit’s full name as in the graph.
:param city => '德州市';
MATCH path = (p:Place)-[:PART_OF*1..4]->(c:Place {name: $city})
RETURN p.name AS place, p.level AS level, length(path) AS depth,
       [n IN reverse(nodes(path)) | n.name] AS chain
ORDER BY depth, place;
