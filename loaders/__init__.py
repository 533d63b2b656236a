"""Read articles (text, HTML, JSON lines), clean them and keep their metadata;
load finished graphs into Neo4j (:mod:`loaders.neo4j_loader`)."""
from loaders.article import Article, LoadError
from loaders.sources import count_inputs, iter_articles

__all__ = ["Article", "LoadError", "count_inputs", "iter_articles"]
