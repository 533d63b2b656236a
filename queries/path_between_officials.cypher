// The shortest connection between two officials (shared places, articles, programmes), for Browser’s graph view.
// Parameters: from, to — officials’ names. The path never runs through a national body or leader (中共中央, 习近平):
// every report names them, so they would join any two officials and say nothing.
:param from => '李猛';
:param to => '周辉';
MATCH (a:Official {name: $from})
CALL (a) {
  MATCH (b:Official {name: $to})
  MATCH p = SHORTEST 1 (a) (()-[]-(x) WHERE x = b OR NOT (x:Organization
                                                         OR (x:Official AND EXISTS { (x)-[:HOLDS]->(:Organization) }))
                           ){1,8} (b)
  RETURN p
}
RETURN [n IN nodes(p) | coalesce(n.name, n.title, n.text)] AS path,
       [r IN relationships(p) | type(r)] AS via, length(p) AS hops, p;
