// Who held a post in a place across the reports (e.g. 市委书记 of 德州市), in order of their first report.
// Parameters: city — the unit’s full name; title — the post as written in the graph.
:param city => '德州市';
:param title => '市委书记';
MATCH (o:Official)-[h:HOLDS {title: $title}]->(p:Place {name: $city})
RETURN o.name AS official, h.title AS title, p.name AS place, h.firstSeen AS first_seen,
       h.lastSeen AS last_seen, h.count AS articles
ORDER BY first_seen, official;
