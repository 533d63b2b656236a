"""The runtime: how a build runs, whatever the stages do.

- :mod:`~kg.runtime.build`: inputs → cache → engine → graph, merged in input order;
- :mod:`~kg.runtime.engines`: where extraction runs (in process, N processes, Dask);
- :mod:`~kg.runtime.cache`: per-input records between builds (incremental builds).
"""
