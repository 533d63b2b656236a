"""Read articles (text, HTML, JSON lines), clean them and keep their metadata."""
from loaders.article import Article, LoadError
from loaders.sources import iter_articles

__all__ = ["Article", "LoadError", "iter_articles"]
