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
from collections import OrderedDict

from reportlint import install_cache

_DROP = set("“”‘’\"'「」『』`")
# pinyin left behind by some traditional-script converters: 數(shù)據(jù)
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")
# characters frequent in reports that only traditional script writes this way
_TRADITIONAL_HINTS = set(
    "開報處數據請關條與為機總計結轉實項規務體況復訟議標準發決門單費業網傳續辦現問區縣鎮鄉這時間會個們來對動題點說還進過"
)


def has_traditional(text: str) -> bool:
    return not _TRADITIONAL_HINTS.isdisjoint(text)


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


@functools.lru_cache(maxsize=1)
def _slow() -> re.Pattern[str]:
    """Runs of the characters normalisation changes or drops: spaces, quotes, "、", and every
    character whose NFKC form is not itself (full-width forms, compatibility characters);
    characters outside the BMP are all taken as such rather than tabulated."""
    changing = _changing_ranges()
    return re.compile(rf"[\s{re.escape(''.join(sorted(_DROP)))}、{changing}\U00010000-\U0010FFFF]+")


_RANGES = re.compile(r"(?:\\u[0-9a-f]{4}-\\u[0-9a-f]{4})+")


def _changing_ranges() -> str:
    """The BMP characters NFKC changes, as a character-class body; worked out once per Unicode
    version (a pass over 65,536 characters) and kept (install_cache)."""
    kept = install_cache.entry("unicode", "nfkc-changing.txt", unicodedata.unidata_version)
    found = install_cache.read(kept)
    if found and _RANGES.fullmatch(found):
        return found
    ranges: list[list[int]] = []
    for code in range(0x80, 0x10000):
        if 0xD800 <= code < 0xE000 or unicodedata.normalize("NFKC", chr(code)) == chr(code):
            continue
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    changing = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    install_cache.write(kept, changing)
    return changing


_KEPT_CHARS = 4_000_000  # characters of normalised text kept at most (the oldest go first)
_kept: OrderedDict[tuple[str, bool], tuple[str, list[int]]] = OrderedDict()
_kept_chars = 0


def normalise_with_map(text: str, simplify: bool | None = None) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index of its source character.

    Characters normalisation leaves as they are (most of any text) are copied in runs; only
    the others are looked at one by one, so a 10 MB line costs a few bytes per character
    rather than a string object for each. Results are kept (up to _KEPT_CHARS characters),
    since every rule reads every paragraph again; a result is shared, never to be changed.
    """
    global _kept_chars
    if simplify is None:
        simplify = has_traditional(text)
    key = (text, simplify)
    found = _kept.get(key)
    if found is not None:
        _kept.move_to_end(key)
        return found
    found = _kept[key] = _normalise(text, simplify)
    _kept_chars += len(text)
    while _kept_chars > _KEPT_CHARS and len(_kept) > 1:
        (old, _), _ = _kept.popitem(last=False)
        _kept_chars -= len(old)
    return found


def _normalise(text: str, simplify: bool) -> tuple[str, list[int]]:
    source = to_simplified(text) if simplify else text
    skipped = [(m.start(), m.end()) for m in _PINYIN.finditer(source)] if "(" in source else []
    out: list[str] = []
    index: list[int] = []
    last = ""  # the last two characters written: "、" after a lone digit is read as "."
    start = 0
    for skip_start, skip_end in [*skipped, (len(source), len(source))]:
        for match in _slow().finditer(source, start, skip_start):
            if match.start() > start:
                out.append(source[start : match.start()])
                index.extend(range(start, match.start()))
                last = (last + source[max(start, match.start() - 2) : match.start()])[-2:]
            last = _char_by_char(source, match.start(), match.end(), out, index, last)
            start = match.end()
        if skip_start > start:
            out.append(source[start:skip_start])
            index.extend(range(start, skip_start))
            last = (last + source[max(start, skip_start - 2) : skip_start])[-2:]
        start = skip_end
    return "".join(out), index


def _char_by_char(source: str, start: int, end: int, out: list[str], index: list[int], last: str) -> str:
    """Normalise source[start:end] one character at a time; return the new last two characters."""
    for i in range(start, end):
        char = source[i]
        if char in _DROP:
            continue
        folded = unicodedata.normalize("NFKC", char) if ord(char) > 127 else char
        for piece in folded:
            if piece.isspace() or piece in _DROP:
                continue
            if piece == "、" and last and last[-1].isdigit() and (len(last) < 2 or not last[-2].isdigit()):
                piece = "."
            out.append(piece)
            index.append(i)
            last = (last + piece)[-2:]
    return last


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
    from rapidfuzz.distance import Levenshtein  # on first use: most labels match exactly

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
