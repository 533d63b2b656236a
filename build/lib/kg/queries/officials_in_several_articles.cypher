// Officials who appear in several articles: the people the corpus keeps coming back to.
// Parameters: min_articles — the least number of articles.
// :param min_articles => 2
MATCH (a:Article)-[:MENTIONS]->(o:Official)
WITH o, collect(DISTINCT a.source) AS sources
WHERE size(sources) >= $min_articles
RETURN o.name AS official, o.titles AS titles, size(sources) AS articles, sources
ORDER BY articles DESC, official;
