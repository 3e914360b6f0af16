"""The ``newsgraph`` command line. Each command parses options and makes one library call (its Python twin).

Command groups live in submodules that expose ``register(main)``; ``COMMAND_MODULES`` lists them in order.
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

COMMAND_MODULES = ["newsgraph.cli.extract", "newsgraph.cli.store"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """newsgraph: news to an evidence-linked record of who did what to whom, who said what, and who claims what."""


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(main)
