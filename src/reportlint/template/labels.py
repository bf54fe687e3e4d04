"""Label normalisation and fuzzy matching.

Real reports write the template's labels with half-width brackets, straight or curly
quotes, spaces and line breaks inside cells, "1、" for "1.", traditional characters and
small typos. Matching compares normalised forms; every normalised character remembers
where it came from, so a match can still be located in the source.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz.distance import Levenshtein

_DROP = set("“”‘’\"'「」『』`")
# pinyin left behind by some traditional-script converters: 數(shù)據(jù)
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
# characters frequent in reports that only traditional script writes this way
_TRADITIONAL_HINTS = set(
    "開報處數據請關條與為機總計結轉實項規務體況復訟議標準發決門單費業網傳續辦現問區縣鎮鄉這時間會個們來對動題點說還進過"
)


def has_traditional(text: str) -> bool:
    return any(char in _TRADITIONAL_HINTS for char in text)


@functools.lru_cache(maxsize=1)
def _converter() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length so that offsets stay valid."""
    converter = _converter()
    converted: str = converter.convert(text)  # type: ignore[attr-defined]
    if len(converted) == len(text):
        return converted
    return "".join(c if len(c) == 1 else o for o, c in ((o, converter.convert(o)) for o in text))  # type: ignore[attr-defined]


def normalise_with_map(text: str, simplify: bool | None = None) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index of its source character."""
    if simplify is None:
        simplify = has_traditional(text)
    source = to_simplified(text) if simplify else text
    skip: set[int] = set()
    if "(" in source:
        for match in _PINYIN.finditer(source):
            skip.update(range(match.start(), match.end()))
    out: list[str] = []
    index: list[int] = []
    for i, char in enumerate(source):
        if i in skip or char in _DROP:
            continue
        folded = unicodedata.normalize("NFKC", char) if ord(char) > 127 else char
        for piece in folded:
            if piece.isspace() or piece in _DROP:
                continue
            if piece == "、" and out and out[-1].isdigit() and (len(out) < 2 or not out[-2].isdigit()):
                piece = "."
            out.append(piece)
            index.append(i)
    return "".join(out), index


@functools.lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """The normalised form alone (cached: template labels are normalised again and again)."""
    return normalise_with_map(text)[0]


def allowed_distance(label: str) -> int:
    """How many edits a label tolerates: none for the short ones, where a typo is another word."""
    size = len(label)
    if size <= 3:
        return 0
    if size <= 6:
        return 1
    if size <= 12:
        return 2
    return 3


def distance(a: str, b: str, cutoff: int) -> int:
    return int(Levenshtein.distance(a, b, score_cutoff=cutoff))


def nearest(text: str, labels: dict[str, str]) -> tuple[str, int] | None:
    """The label (by normalised form → key) nearest to `text` within its tolerance, if any."""
    best: tuple[str, int] | None = None
    for norm in labels:
        limit = allowed_distance(norm)
        if not limit or abs(len(norm) - len(text)) > limit:
            continue
        found = distance(text, norm, limit)
        if found <= limit and (best is None or found < best[1]):
            best = (norm, found)
    return best
