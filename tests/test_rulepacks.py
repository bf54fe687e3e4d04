"""Rule packs: the built-in ones load; a broken one is refused with its path and the reason."""

from __future__ import annotations

import pytest

from reportlint import plugins
from reportlint.plugins import PluginError
from reportlint.rulepacks import load_pack


def test_built_in_packs_give_m401_to_m404_for_both_templates():
    identity_rules = [r for r in plugins.rules() if r.code.startswith("M4")]
    assert {(r.code, t) for r in identity_rules for t in r.templates} == {
        (c, t) for c in ("M401", "M402", "M403", "M404") for t in ("gov-2021", "gov-2019")
    }


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("pack: x\ntemplates: [gov-2021]\nidentities: [{code: M499}]\n", "required"),
        (
            "pack: x\ntemplates: [gov-2021]\nidentities:\n  - {code: M499, name: bad, summary: s, table: review, each: row,"
            " check: 'total == upheld + nonsense', message: {zh: a, en: b}}\n",
            "nonsense",
        ),
        (
            "pack: x\ntemplates: [gov-2021]\nidentities:\n  - {code: M499, name: bad, summary: s, table: review, each: row,"
            " check: 'total == exec(1)', message: {zh: a, en: b}}\n",
            "not allowed",
        ),
    ],
)
def test_a_broken_pack_is_refused(tmp_path, body, reason):
    path = tmp_path / "pack.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(PluginError, match=reason):
        load_pack(path)
