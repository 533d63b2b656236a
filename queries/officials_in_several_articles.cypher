// Officials who appear in several articles: the people the corpus keeps coming back to.
// Parameters: min_articles — the least number of articles.
:param min_articles => 2;
MATCH (a:Article)-[:MENTIONS]->(o:Official)
WITH o, collect(DISTINCT a) AS articles
WHERE size(articles) >= $min_articles
RETURN o.name AS official, o.titles AS titles, size(articles) AS n_articles,
       [a IN articles | coalesce(a.title, a.source)] AS articles
ORDER BY n_articles DESC, official;
