// The evidence sentences behind every fact about an entity (official, place, programme), and their articles.
// Parameters: name — the entity’s name.
:param name => '李猛';
MATCH (x)
WHERE (x:Official OR x:Place OR x:Programme OR x:Person OR x:Organization) AND x.name = $name
MATCH (x)-[r]-(y)
WHERE r.evidence IS NOT NULL
RETURN type(r) AS fact, coalesce(y.title, y.name, y.text) AS other, r.title AS title,
       coalesce(r.articles, [r.article], [y.id]) AS articles, r.evidence AS evidence, r.confidence AS confidence
ORDER BY fact, other;
