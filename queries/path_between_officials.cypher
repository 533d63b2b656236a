// The shortest connection between two officials (shared places, articles, programmes), for Browser’s graph view.
// Parameters: from, to — officials’ names.
:param from => '李猛';
:param to => '张涛';
MATCH (a:Official {name: $from})
CALL (a) {
  MATCH (b:Official {name: $to})
  MATCH p = shortestPath((a)-[*..8]-(b))
  RETURN p
}
RETURN [n IN nodes(p) | coalesce(n.name, n.title, n.text)] AS path,
       [r IN relationships(p) | type(r)] AS via, length(p) AS hops, p
LIMIT 1;
