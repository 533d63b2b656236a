// The same kind of figure compared across places (e.g. 群众满意度, 党员干部): every place's values side by side.
// Parameters: subject — text contained in the metric's subject.
// :param subject => '党员'
MATCH (c:Place)-[r:REPORTS]->(m:Metric)
WHERE m.subject CONTAINS $subject
RETURN c.name AS place, m.subject AS subject, m.value AS value, m.unit AS unit, m.qualifier AS qualifier,
       m.text AS text, r.source AS source
ORDER BY subject, value DESC;
