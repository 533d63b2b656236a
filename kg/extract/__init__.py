"""Stage 2, extraction: a clean article → one :class:`~kg.extract.records.ArticleRecord`.

- ``rules/``: the extraction rules, pure functions on character offsets;
- ``components/``: one thin spaCy factory per rule set;
- :mod:`~kg.extract.pipeline`: the spaCy pipeline (tokenizer + components);
- :mod:`~kg.extract.batch`: raw inputs → records, the unit of work of every engine;
- :mod:`~kg.extract.gazetteer`: China's administrative divisions (JioNLP);
- :mod:`~kg.extract.segmenter`, :mod:`~kg.extract.provision`: the pkuseg model,
  written at install time (``kg setup``) in a fast-loading form.
"""
