// The same kind of figure compared across places (e.g. 群众满意度, 党员干部), with the date each was reported.
// Parameters: subject — text contained in the metric’s subject.
:param subject => '党员';
MATCH (c:Place)-[r:REPORTS]->(m:Metric)
WHERE m.subject CONTAINS $subject
MATCH (a:Article {id: r.article})
RETURN c.name AS place, m.subject AS subject, m.value AS value, m.unit AS unit, m.qualifier AS qualifier,
       m.text AS text, coalesce(m.date, a.date) AS date, a.title AS article
ORDER BY subject, value DESC;
