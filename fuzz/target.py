"""The shared main of the fuzz targets: instrument reportlint and the reader's parser, seed, fuzz."""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris
from common import ROOT, seeds

CORPUS = ROOT / "fuzz" / ".corpus"


def load(reader_module: str, parsers: list[str]) -> None:
    """Import (and so instrument, for coverage) reportlint, the reader and its parser library."""
    with atheris.instrument_imports(include=["reportlint", *parsers]):
        import importlib

        import reportlint.api
        import reportlint.plugins

        reportlint.plugins.rules()
        reportlint.plugins.readers()
        importlib.import_module(reader_module)
        for name in parsers:
            importlib.import_module(name)
        assert reportlint.api


def fuzz(target: str, one_input: Callable[[bytes], None]) -> None:
    """Run libFuzzer on `one_input`, starting from the target's seed corpus (written on first run)."""
    corpus = CORPUS / target
    corpus.mkdir(parents=True, exist_ok=True)
    for name, data in seeds(target).items():  # a seed added since the corpus grew joins it
        if not (corpus / name).exists():
            (corpus / name).write_bytes(data)
    flags = [arg for arg in sys.argv[1:] if arg.startswith("-")]
    folders = [arg for arg in sys.argv[1:] if not arg.startswith("-")] or [str(corpus)]
    atheris.Setup([sys.argv[0], *flags, *folders], one_input)
    atheris.Fuzz()
