"""Every error kg raises on purpose, in one module, each with a code.

Like spaCy's ``Errors`` (``E088``), a code names the kind of failure in a bug
report or a log whatever the wording; unlike spaCy's, each kind is a class, so
callers catch what they can handle. The CLI catches :class:`KGError` once
(:func:`kg.cli.main`), prints ``error [CODE]: message`` and exits with the
class's ``exit_status``:

- 2: the command cannot start (a missing model, file, server or parameter, a held lock);
- 1: the work began and stopped part-way (a Neo4j load cut off), or some
  inputs were skipped (``kg build``, reported per input, not raised);
- 3: the work failed (a build whose outputs could not be written).

A bad *article* is not an exception: the loaders yield a
:class:`loaders.article.BadInput` naming the file and the reason, and the batch
goes on (:class:`DecodeError` is how the decoder says why).

>>> str(GraphFileError("out/graph.graphml: no such file"))
'out/graph.graphml: no such file'
>>> GraphFileError.code, GraphFileError.exit_status
('E201', 2)
"""
from __future__ import annotations


class KGError(Exception):
    """Base of kg's errors; the message names the file, address or setting at fault."""

    code = "E000"
    exit_status = 2


# -- E0xx: setup (model, gazetteer, settings) ------------------------------------------------
class ModelMissing(KGError):
    """The pkuseg model this version reads is not provisioned: run ``kg setup``."""

    code = "E001"


class ProvisionError(KGError):
    """``kg setup`` could not fetch, check or convert the segmenter model."""

    code = "E002"


class ModelFormatError(KGError):
    """A provisioned model folder is of another format or shape: run ``kg setup``."""

    code = "E003"


class GazetteerError(KGError):
    """The gazetteer table is missing or malformed."""

    code = "E004"


class SettingError(KGError):
    """A setting has a value kg does not know (an unknown segmenter)."""

    code = "E005"


# -- E1xx: inputs and runs -------------------------------------------------------------------
class DecodeError(KGError):
    """The bytes are empty, binary, or in no encoding we can read (becomes a BadInput)."""

    code = "E101"


class EngineError(KGError):
    """An extraction engine that cannot start (no scheduler there, Dask not installed…)."""

    code = "E102"


# -- E2xx: graphs -----------------------------------------------------------------------------
class GraphFileError(KGError):
    """A graph file that cannot be read; the message names the file."""

    code = "E201"


class GraphError(KGError):
    """A record that cannot be merged into the graph (an edge to a missing node)."""

    code = "E202"


# -- E3xx: Neo4j ------------------------------------------------------------------------------
class Neo4jConnectionError(KGError):
    """No Neo4j at the address, or it refused the credentials."""

    code = "E301"


class Neo4jLoadError(KGError):
    """The load stopped part-way, or the graph is off the schema; re-running is safe."""

    code = "E302"
    exit_status = 1


class QueryNotFound(KGError):
    """No query of that name in the library."""

    code = "E303"


class QueryParameterError(KGError):
    """A query parameter that the query does not take, or not written NAME=VALUE."""

    code = "E304"


class NameNotAllowed(KGError, ValueError):
    """A label or relationship type outside the schema's allow-lists (never enters Cypher)."""

    code = "E305"


class QueryFailed(KGError):
    """The server refused or failed a library query."""

    code = "E306"
    exit_status = 1


class InputPathError(KGError):
    """An input path that does not exist: nothing is built, the last graph stays."""

    code = "E103"


class OutputError(KGError):
    """The output folder cannot be used (a file, not writable, on a read-only or virtual file system)."""

    code = "E104"


class BuildLocked(KGError):
    """Another build is writing the same output folder."""

    code = "E105"


class BuildFailed(KGError):
    """A build stopped before its outputs were complete (a full disk, a failed write);
    the previous build in the folder is intact."""

    code = "E106"
    exit_status = 3


class AssemblyError(KGError):
    """Out-of-core assembly cannot run or cannot go on (a missing extra, partitions that do not match)."""

    code = "E107"
    exit_status = 3


class IncompleteBuild(GraphFileError):
    """A build folder whose last build did not finish: its files are not read."""

    code = "E203"
