"""``kg``, the one command line: ``kg COMMAND --help`` for each command.

- :mod:`kg.cli.pipeline`: ``kg setup``, ``kg build``, ``kg views``, ``kg eval``;
- :mod:`kg.cli.neo4j`: ``kg load``, ``kg csv``, ``kg query``;
- :mod:`kg.cli.common`: the consoles and arguments they share.

Every error kg raises on purpose is a :class:`kg.errors.KGError`; :func:`main`
turns it into one line, ``error [CODE]: message``, and the class's exit status:
0 all good, 1 some inputs skipped (kg build) or work stopped part-way (kg load),
2 the command cannot start (usage, a missing file, model or server, a held
lock), 3 it failed, 130 interrupted (Ctrl-C). No traceback unless ``--debug``.
"""
from __future__ import annotations

import argparse
import os
import sys

from rich.markup import escape

from kg.cli import neo4j, pipeline
from kg.cli.common import console
from kg.errors import KGError


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese local-government campaign reports.")
    sub = p.add_subparsers(dest="command", required=True)
    pipeline.add_parsers(sub)
    neo4j.add_parsers(sub)
    return p


# Exit status of every command (README, `kg build --help`).
OK, SKIPPED, CANNOT_START, FAILED, INTERRUPTED = 0, 1, 2, 3, 130


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KGError as exc:
        console.print(f"[red]error[/red] {escape(f'[{exc.code}]: {exc}')}", highlight=False)
        return exc.exit_status
    except KeyboardInterrupt:
        console.print("interrupted: nothing was replaced; the outputs of the last complete run are as they were")
        return INTERRUPTED
    except Exception as exc:  # a bug: one line, the traceback only when asked for
        if getattr(args, "debug", False):
            console.print_exception()
        else:
            console.print(f"[red]error[/red] {escape(f'[E000]: unexpected {exc.__class__.__name__}: {exc}')} "
                          f"(run again with --debug for the traceback)", highlight=False)
        return FAILED


def run() -> None:
    """The ``kg`` executable: exit without tearing down the loaded model.

    Freeing the segmenter's millions of objects one by one takes most of a
    second after the work is done; the OS reclaims them at once.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
