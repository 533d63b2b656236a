"""Read articles (text, HTML, JSON lines), clean them and keep their metadata;
load finished graphs into Neo4j (:mod:`loaders.neo4j_loader`)."""
from loaders.article import Article, LoadError
from loaders.sources import RawInput, count_inputs, iter_articles, iter_inputs, read_input

__all__ = ["Article", "LoadError", "RawInput", "count_inputs", "iter_articles", "iter_inputs", "read_input"]
