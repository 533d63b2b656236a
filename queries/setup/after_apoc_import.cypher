// Run after CALL apoc.import.graphml('file:///graph.graphml', {readLabels: true}) to get the database
// `kg load` gives (tests/integration/test_neo4j.py checks they are identical, and that `kg load` on top
// changes nothing). GraphML carries lists as JSON strings; Neo4j stores lists, and no list of maps, so
// an aggregated fact's evidence objects become three parallel lists.
// Parameters: none. Paste the whole file into Neo4j Browser (one statement per ';').
MATCH (n) WHERE n.titles IS :: STRING SET n.titles = apoc.convert.fromJsonList(n.titles);
MATCH (n) WHERE n.aliases IS :: STRING SET n.aliases = apoc.convert.fromJsonList(n.aliases);
MATCH (n) WHERE n.sources IS :: STRING SET n.sources = apoc.convert.fromJsonList(n.sources);
MATCH ()-[r:HOLDS|RUNS]->() WHERE r.articles IS :: STRING
WITH r, apoc.convert.fromJsonList(r.evidence) AS evidence
SET r.articles = apoc.convert.fromJsonList(r.articles),
    r.evidence = [e IN evidence | e.sentence],
    r.evidenceArticles = [e IN evidence | e.article],
    r.evidenceOffsets = [e IN evidence | e.offset];
// The constraints and indexes kg load creates (kg.neo4j.cypher.schema_statements).
CREATE CONSTRAINT kg_article_id IF NOT EXISTS FOR (n:`Article`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_city_id IF NOT EXISTS FOR (n:`City`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_metric_id IF NOT EXISTS FOR (n:`Metric`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_official_id IF NOT EXISTS FOR (n:`Official`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_organization_id IF NOT EXISTS FOR (n:`Organization`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_person_id IF NOT EXISTS FOR (n:`Person`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_place_id IF NOT EXISTS FOR (n:`Place`) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT kg_programme_id IF NOT EXISTS FOR (n:`Programme`) REQUIRE n.id IS UNIQUE;
CREATE INDEX kg_official_name IF NOT EXISTS FOR (n:`Official`) ON (n.name);
CREATE INDEX kg_person_name IF NOT EXISTS FOR (n:`Person`) ON (n.name);
CREATE INDEX kg_place_name IF NOT EXISTS FOR (n:`Place`) ON (n.name);
CREATE INDEX kg_city_name IF NOT EXISTS FOR (n:`City`) ON (n.name);
CREATE INDEX kg_organization_name IF NOT EXISTS FOR (n:`Organization`) ON (n.name);
CREATE INDEX kg_programme_name IF NOT EXISTS FOR (n:`Programme`) ON (n.name);
CREATE FULLTEXT INDEX kg_names IF NOT EXISTS FOR (n:`Official`|`Person`|`Place`|`City`|`Organization`|`Programme`) ON EACH [n.name, n.aliases, n.titles] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
