// An official’s career as the reports show it: every post, where, from the first to the last report naming it.
// Parameters: name — the official’s name.
:param name => '李猛';
MATCH (o:Official {name: $name})-[h:HOLDS]->(x)
RETURN o.name AS official, h.title AS title, x.name AS at, h.firstSeen AS first_seen, h.lastSeen AS last_seen,
       h.count AS articles
ORDER BY first_seen, title;
