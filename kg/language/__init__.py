"""What kg knows about the Chinese of these reports, each piece in one place.

Every stage imports its language knowledge from here; nothing below defines
its own copy (``tests/unit/test_house.py`` checks):

- :mod:`kg.language.text`: character classes, quotes, sentence boundaries;
- :mod:`kg.language.dates`: dates in text and metadata → ISO strings;
- :mod:`kg.language.numbers`: numerals, multipliers and the qualifiers of a figure;
- :mod:`kg.language.units`: administrative unit suffixes and self-reference
  words (我市/全县/本区…);
- :mod:`kg.language.titles`: the vocabulary of party and state posts;
- :mod:`kg.language.press`: news outlets (publisher lines, bylines, datelines);
- ``data/``: lexicons (surnames, national campaigns), each line's source noted.
"""
