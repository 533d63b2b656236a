"""Stage 1, text in: read articles (text, HTML, JSON lines), decode and clean
them, split page chrome from the body and keep the metadata it carries.

- :mod:`~loaders.sources`: walk files, folders and JSON lines → raw inputs → articles;
- :mod:`~loaders.decode`: bytes → text (UTF-8, GB18030, Big5, with reasons);
- :mod:`~loaders.clean`: Traditional → Simplified, pinyin glosses, punctuation;
- :mod:`~loaders.boilerplate`: bylines, editor lines, footers → publisher, reporters, date;
- :mod:`~loaders.html`: the main text of a page and what its ``<head>`` says;
- :mod:`~loaders.article`: what they yield, an :class:`Article` or a :class:`BadInput`.
"""
from loaders.article import Article, BadInput
from loaders.sources import RawInput, count_inputs, iter_articles, iter_inputs, read_input

__all__ = ["Article", "BadInput", "RawInput", "count_inputs", "iter_articles", "iter_inputs", "read_input"]
