"""Extraction rules as pure functions over text (character offsets).

Each module here is wrapped by one spaCy component in :mod:`kg.extract.components`;
keeping the rules free of spaCy lets them be tested on single sentences.
"""
