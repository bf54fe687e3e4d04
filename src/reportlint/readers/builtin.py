"""Registers the built-in readers through the same hook a plugin uses.

Each reader's module is imported only when a file of its format is read, so that linting
a text file never loads the HTML, Word or PDF stacks.
"""

from __future__ import annotations

import importlib
from typing import Any

from reportlint.document import Document
from reportlint.hookspecs import hookimpl


class LazyReader:
    """A reader whose implementation (and its dependencies) load on first use.

    `requires` names the libraries it imports and `programs` the programs it runs
    (reportlint.dependencies keys cached results by them).
    """

    def __init__(
        self,
        name: str,
        extensions: tuple[str, ...],
        target: str,
        requires: tuple[str, ...] = (),
        programs: tuple[str, ...] = (),
    ) -> None:
        self.name = name
        self.extensions = extensions
        self.requires = requires
        self.programs = programs
        self._target = target
        self._reader: Any = None

    def read(self, path: str, data: bytes) -> Any:
        if self._reader is None:
            module, _, cls = self._target.partition(":")
            self._reader = getattr(importlib.import_module(module), cls)()
        result: Document = self._reader.read(path, data)
        return result


@hookimpl
def reportlint_add_readers() -> list[Any]:
    return [
        LazyReader("text", (".txt", ".text", ""), "reportlint.readers.text:TextReader"),
        LazyReader(
            "html", (".html", ".htm", ".shtml", ".xhtml"), "reportlint.readers.html:HtmlReader", ("lxml",)
        ),
        LazyReader(
            "markdown", (".md", ".markdown"), "reportlint.readers.markdown:MarkdownReader", ("markdown_it",)
        ),
        LazyReader("docx", (".docx",), "reportlint.readers.docx:DocxReader", ("docx", "lxml")),
        LazyReader(
            "pdf", (".pdf",), "reportlint.readers.pdf:PdfReader", ("pdfplumber", "pdfminer", "pypdfium2")
        ),
        LazyReader("data", (".json", ".yaml", ".yml"), "reportlint.readers.data:DataReader", ("yaml",)),
        LazyReader(
            "doc",
            (".doc", ".wps", ".rtf"),
            "reportlint.readers.doc:DocReader",
            ("docx", "lxml"),
            ("soffice",),
        ),
    ]
