// Figures a city reported, grouped by what they measure (subject), with value, unit, qualifier and article.
// Parameters: city — the unit’s full name as in the graph.
:param city => '德州市';
MATCH (c:Place {name: $city})-[r:REPORTS]->(m:Metric)
MATCH (a:Article {id: r.article})
RETURN coalesce(m.subject, '(no subject)') AS subject, m.value AS value, m.unit AS unit,
       m.qualifier AS qualifier, m.text AS text, coalesce(m.date, a.date) AS date, a.title AS article,
       a.source AS source
ORDER BY subject, value DESC;
