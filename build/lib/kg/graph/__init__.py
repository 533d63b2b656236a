"""Stage 3, the graph: records → a networkx MultiDiGraph per ``../shared/SCHEMA.md``.

- :mod:`~kg.graph.schema`: labels, relationship types, list properties (the contract);
- :mod:`~kg.graph.builder`: records → graph, deterministic ids;
- :mod:`~kg.graph.export`: GraphML (APOC convention) and node-link JSON, and reading back;
- :mod:`~kg.graph.evaluate`: a graph scored against gold annotations (``kg eval``).
"""
