// Articles per city and date: what each place published, and when, with the source to cite.
// Parameters: none.
MATCH (a:Article)
OPTIONAL MATCH (a)-[:ABOUT]->(c:Place)
RETURN coalesce(c.name, '(unknown)') AS city, a.date AS date, a.title AS title, a.publisher AS publisher,
       a.url AS url, a.source AS source
ORDER BY city, date, title;
