"""``kg``, the one command line: ``kg COMMAND --help`` for each command.

- :mod:`kg.cli.pipeline`: ``kg setup``, ``kg build``, ``kg views``, ``kg eval``;
- :mod:`kg.cli.neo4j`: ``kg load``, ``kg csv``, ``kg query``;
- :mod:`kg.cli.common`: the consoles and arguments they share.

Every error kg raises on purpose is a :class:`kg.errors.KGError`; :func:`main`
turns it into one line, ``error [CODE]: message``, and the class's exit status.
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


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KGError as exc:
        console.print(f"[red]error[/red] {escape(f'[{exc.code}]: {exc}')}", highlight=False)
        return exc.exit_status


def run() -> None:
    """The ``kg`` executable: exit without tearing down the loaded model.

    Freeing the segmenter's millions of objects one by one takes most of a
    second after the work is done; the OS reclaims them at once.
    """
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
