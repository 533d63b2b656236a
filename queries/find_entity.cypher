// Find officials, places, programmes and bodies by a name, a short name or a part of one (德州 finds 德州市),
// through the full-text index over names, aliases and titles (cjk analyzer).
// Parameters: text — what to look for.
:param text => '德州';
CALL db.index.fulltext.queryNodes('kg_names', $text) YIELD node, score
RETURN [x IN labels(node) WHERE x <> 'Place' OR size(labels(node)) = 1][0] AS kind, node.name AS name,
       node.titles AS titles, node.aliases AS aliases, round(score, 2) AS score
ORDER BY score DESC, name
LIMIT 20;
