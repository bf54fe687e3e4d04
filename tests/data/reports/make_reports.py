"""Regenerate the test reports in this folder: `python tests/data/reports/make_reports.py`.

One consistent set of figures is rendered in every plain-text layout the reader must handle;
the broken variants change that report in one place. Each case is written as `<case>.txt`
(the report) and `<case>.yaml` (what tests/test_reports.py asserts about it). The texts are
our own; only the shape of the layouts follows what published reports look like.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent

# ---------------------------------------------------------------- the template's labels

NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
COLUMNS3 = [
    "natural_person",
    "commercial",
    "research",
    "public_interest",
    "legal_service",
    "other_org",
    "total",
]
RESULTS = "三、本年度办理结果"

# (key, kind, group label printed on this row or "", label). kind: top = label spans the three
# label columns; result = under 三、本年度办理结果, spans two; item = third label column.
ROWS3_2021 = [
    ("new_received", "top", "", "一、本年新收政府信息公开申请数量"),
    ("carried_over", "top", "", "二、上年结转政府信息公开申请数量"),
    ("disclosed", "result", RESULTS, "（一）予以公开"),
    ("partly_disclosed", "result", "", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    ("withheld_state_secret", "item", "（三）不予公开", "1.属于国家秘密"),
    ("withheld_prohibited", "item", "", "2.其他法律行政法规禁止公开"),
    ("withheld_security", "item", "", "3.危及“三安全一稳定”"),
    ("withheld_third_party", "item", "", "4.保护第三方合法权益"),
    ("withheld_internal", "item", "", "5.属于三类内部事务信息"),
    ("withheld_process", "item", "", "6.属于四类过程性信息"),
    ("withheld_enforcement", "item", "", "7.属于行政执法案卷"),
    ("withheld_query", "item", "", "8.属于行政查询事项"),
    ("unavailable_not_held", "item", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("unavailable_to_be_made", "item", "", "2.没有现成信息需要另行制作"),
    ("unavailable_unclear", "item", "", "3.补正后申请内容仍不明确"),
    ("unprocessed_petition", "item", "（五）不予处理", "1.信访举报投诉类申请"),
    ("unprocessed_repeated", "item", "", "2.重复申请"),
    ("unprocessed_publication", "item", "", "3.要求提供公开出版物"),
    ("unprocessed_excessive", "item", "", "4.无正当理由大量反复申请"),
    ("unprocessed_confirmation", "item", "", "5.要求行政机关确认或重新出具已获取信息"),
    (
        "other_no_correction",
        "item",
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other_fee_unpaid",
        "item",
        "",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other_other", "item", "", "3.其他"),
    ("total_results", "result", "", "（七）总计"),
    ("carried_forward", "top", "", "四、结转下年度继续办理"),
]
OTHER_ROWS = ("other_no_correction", "other_fee_unpaid", "other_other")
ROWS3_2019 = [r for r in ROWS3_2021 if r[0] not in OTHER_ROWS]
ROWS3_2019.insert(-2, ("other_handling", "result", "", "（六）其他处理"))
OUTCOMES_2021 = [r[0] for r in ROWS3_2021[2:-2]]

REVIEW_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
REVIEW_ROWS = ["reconsideration", "direct_suit", "suit_after_reconsideration"]

# ---------------------------------------------------------------- the consistent figures

# Section 二 (2021 format): (caption, column labels, [(row label, cells)]).
PROACTIVE_2021 = [
    (
        "第二十条第（一）项",
        ["本年制发件数", "本年废止件数", "现行有效件数"],
        [("规章", ["0", "1", "5"]), ("行政规范性文件", ["6", "2", "31"])],
    ),
    ("第二十条第（五）项", ["本年处理决定数量"], [("行政许可", ["245"])]),
    ("第二十条第（六）项", ["本年处理决定数量"], [("行政处罚", ["87"]), ("行政强制", ["9"])]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], [("行政事业性收费", ["12.5"])]),
]
# Section 二 in the 2019 trial format (本年增/减 may be negative).
PROACTIVE_2019 = [
    (
        "第二十条第（一）项",
        ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
        [("规章", ["0", "0", "5"]), ("规范性文件", ["4", "4", "27"])],
    ),
    (
        "第二十条第（五）项",
        ["上一年项目数量", "本年增/减", "处理决定数量"],
        [("行政许可", ["36", "-2", "180"]), ("其他对外管理服务事项", ["12", "1", "40"])],
    ),
    (
        "第二十条第（六）项",
        ["上一年项目数量", "本年增/减", "处理决定数量"],
        [("行政处罚", ["25", "0", "64"]), ("行政强制", ["4", "-1", "7"])],
    ),
    ("第二十条第（八）项", ["上一年项目数量", "本年增/减"], [("行政事业性收费", ["3", "0"])]),
    ("第二十条第（九）项", ["采购项目数量", "采购总金额"], [("政府集中采购", ["8", "126.4"])]),
]

# Section 三: the six applicant columns of each row; 总计 and （七）总计 are computed below.
APPLICANT_FIGURES = {
    "new_received": [40, 6, 1, 0, 2, 3],
    "carried_over": [3, 1, 0, 0, 0, 0],
    "disclosed": [14, 3, 1, 0, 0, 2],
    "partly_disclosed": [4, 1, 0, 0, 0, 0],
    "withheld_prohibited": [1, 0, 0, 0, 0, 0],
    "withheld_third_party": [2, 1, 0, 0, 0, 0],
    "withheld_internal": [1, 0, 0, 0, 0, 0],
    "withheld_process": [1, 0, 0, 0, 0, 0],
    "withheld_query": [3, 0, 0, 0, 0, 0],
    "unavailable_not_held": [6, 1, 0, 0, 1, 0],
    "unavailable_to_be_made": [1, 0, 0, 0, 0, 0],
    "unavailable_unclear": [1, 0, 0, 0, 0, 1],
    "unprocessed_petition": [2, 0, 0, 0, 0, 0],
    "unprocessed_repeated": [1, 1, 0, 0, 0, 0],
    "unprocessed_confirmation": [1, 0, 0, 0, 0, 0],
    "other_no_correction": [1, 0, 0, 0, 0, 0],
    "carried_forward": [4, 0, 0, 0, 1, 0],
}
REVIEW_FIGURES = {
    "reconsideration": [2, 1, 0, 1],
    "direct_suit": [1, 0, 1, 0],
    "suit_after_reconsideration": [0, 0, 0, 1],
}


def applications(template: str = "gov-2021") -> dict[str, list[int]]:
    """The 25 × 7 figures, checked against every identity of the table."""
    rows = {key: list(APPLICANT_FIGURES.get(key, [0] * 6)) for key, *_ in ROWS3_2021}
    rows["total_results"] = [sum(rows[k][c] for k in OUTCOMES_2021) for c in range(6)]
    for values in rows.values():
        values.append(sum(values))
    for c in range(7):
        assert rows["new_received"][c] + rows["carried_over"][c] == (
            rows["total_results"][c] + rows["carried_forward"][c]
        ), c
    if template == "gov-2019":
        rows["other_handling"] = [sum(rows[k][c] for k in OTHER_ROWS) for c in range(7)]
        for key in OTHER_ROWS:
            del rows[key]
    return rows


def review() -> dict[str, list[int]]:
    return {key: [*v, sum(v)] for key, v in REVIEW_FIGURES.items()}


# ---------------------------------------------------------------- the report


@dataclass
class Report:
    agency: str
    year: int
    template: str = "gov-2021"
    title: bool = True
    headings: dict[str, str] = field(default_factory=dict)  # overrides of the standard headings
    order: list[str] = field(default_factory=lambda: ["一", "二", "三", "四", "五", "六"])
    proactive: list = field(default_factory=list)
    apps: dict[str, list[str]] = field(default_factory=dict)  # row key -> 7 cell strings
    rows3: list = field(default_factory=list)
    review: dict[str, list[str]] = field(default_factory=dict)
    applications_text: str | None = None  # a sentence in 三 instead of the table
    other_text: str = "本年度未收取信息处理费。本年度上级政务公开工作要点确定的各项任务均已按期完成。"
    digits: str = "ascii"  # or "fullwidth"

    def cell(self, text: str) -> str:
        if self.digits == "fullwidth":
            return text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
        return text


def base(agency: str, year: int, template: str = "gov-2021") -> Report:
    apps = applications(template)
    return Report(
        agency=agency,
        year=year,
        template=template,
        proactive=copy.deepcopy(PROACTIVE_2021 if template == "gov-2021" else PROACTIVE_2019),
        apps={k: [str(v) for v in values] for k, values in apps.items()},
        rows3=list(ROWS3_2021 if template == "gov-2021" else ROWS3_2019),
        review={k: [str(v) for v in values] for k, values in review().items()},
    )


HEADINGS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def overview(r: Report) -> list[str]:
    a = applications(r.template)
    return [
        f"{r.year}年，{r.agency}以《中华人民共和国政府信息公开条例》为依据，围绕本单位职责推进政务公开，"
        f"现将本年度政府信息公开工作情况报告如下。本报告统计期限为{r.year}年1月1日至{r.year}年12月31日。",
        "（一）主动公开。全年通过门户网站和政务新媒体主动公开各类政府信息612条，"
        "重点做好规划计划、财政资金、行政执法等领域的信息发布。",
        f"（二）依申请公开。全年新收政府信息公开申请{a['new_received'][6]}件，上年结转{a['carried_over'][6]}件，"
        f"办结{a['total_results'][6]}件，结转下年度继续办理{a['carried_forward'][6]}件，均在法定期限内作出答复。",
        "（三）政府信息管理。落实公开前保密审查，按季度清理已公开的行政规范性文件，及时标注失效和废止情况。",
        "（四）政府信息公开平台建设。调整政府信息公开专栏的栏目设置，完善检索功能，保障平台安全稳定运行。",
        "（五）监督保障。将政务公开纳入年度目标考核，全年组织业务培训两次，"
        "本年度未发生因政府信息公开工作引发的责任追究。",
    ]


PROBLEMS = [
    "（一）存在的主要问题。一是部分栏目更新不够及时；二是政策解读形式较为单一；三是工作人员业务能力有待提升。",
    "（二）改进措施。一是建立栏目更新台账，明确责任人和更新时限；二是综合运用图表、视频等方式开展政策解读；"
    "三是定期组织业务培训，提高依申请公开答复质量。",
]


# ---------------------------------------------------------------- table layouts
# Every table is first laid out as HTML-like rows of cells (rowspan cells appear once, on
# their first row); each layout then writes those rows its own way.


def html_rows_proactive(r: Report) -> list[list[str]]:
    rows = []
    for caption, columns, body in r.proactive:
        rows.append([caption])
        rows.append(["信息内容", *columns])
        rows += [[label, *(r.cell(v) for v in cells)] for label, cells in body]
    return rows


def html_rows_applications(r: Report, split: bool = False) -> list[list[str]]:
    applicants = [_split(a) if split else a for a in APPLICANTS]
    rows = [[NOTE, "申请人情况"], ["自然人", "法人或其他组织", "总计"], applicants[1:]]
    for key, _kind, group, label in r.rows3:
        rows.append([*([group] if group else []), label, *(r.cell(v) for v in r.apps[key])])
    return rows


def html_rows_review(r: Report, split: bool = False) -> list[list[str]]:
    labels = [_split(c) if split and c != "总计" else c for c in REVIEW_COLUMNS]
    values = [r.cell(v) for key in REVIEW_ROWS for v in r.review[key]]
    return [["行政复议", "行政诉讼"], [*labels, "未经复议直接起诉", "复议后起诉"], labels * 2, values]


def _split(label: str) -> str:
    """Break a header cell before its last two characters (商业\n企业, 社会公益\n组织)."""
    return label if len(label) < 4 else label[:-2] + "\n" + label[-2:]


def tab_tables(r: Report) -> dict[str, list[str]]:
    """Tab-separated rows with the empty cells of merged labels, as the seed report has them."""
    proactive = []
    for caption, columns, body in r.proactive:
        proactive.append(caption + "\t\t\t")
        proactive.append("\t".join(["信息内容", *columns, *[""] * (3 - len(columns))]))
        for label, cells in body:
            proactive.append("\t".join([label, *(r.cell(v) for v in cells), *[""] * (3 - len(cells))]))
    apps = [
        NOTE + "\t\t\t申请人情况" + "\t" * 7,
        "\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计",
        "\t\t\t\t" + "\t".join(APPLICANTS[1:]) + "\t",
    ]
    for key, kind, group, label in r.rows3:
        labels = {"top": [label, "", ""], "result": [group, label, ""], "item": ["", group, label]}[kind]
        apps.append("\t".join([*labels, *(r.cell(v) for v in r.apps[key])]))
    values = [r.cell(v) for key in REVIEW_ROWS for v in r.review[key]]
    review_rows = [
        "行政复议\t\t\t\t\t行政诉讼" + "\t" * 9,
        "\t".join(REVIEW_COLUMNS) + "\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t",
        "\t" * 5 + "\t".join(REVIEW_COLUMNS * 2),
        "\t".join(values),
    ]
    return {"二": proactive, "三": apps, "四": review_rows}


def pipe_tables(r: Report, leading: bool = True) -> dict[str, list[str]]:
    """One table row per line, cells between `|` (with or without the leading one)."""

    def line(cells: list[str]) -> str:
        return ("| " if leading else "") + " | ".join(cells) + " |"

    return {
        "二": [line(c) for c in html_rows_proactive(r)],
        "三": [line(c) for c in html_rows_applications(r)],
        "四": [line(c) for c in html_rows_review(r)],
    }


def stream_tables(r: Report, style: str, split: bool = False) -> dict[str, list[str]]:
    """One cell per line: style "bar" puts a line holding only `|` after each cell,
    style "suffix" ends each cell's line with ` |`."""

    def cells(rows: list[list[str]]) -> list[str]:
        out = []
        for row in rows:
            for cell in row:
                if style == "bar":
                    out += [*cell.split("\n"), "|"]
                else:
                    out.append(cell + " |")
        return out

    return {
        "二": cells(html_rows_proactive(r)),
        "三": cells(html_rows_applications(r, split)),
        "四": cells(html_rows_review(r, split)),
    }


def _vertical(labels: list[str]) -> list[str]:
    """Column headers printed one character per line, as a PDF text layer gives narrow cells."""
    depth = max(len(label) for label in labels)
    return [" ".join(label[i] for label in labels if i < len(label)) for i in range(depth)]


def pdf_tables(r: Report, vertical: bool = False) -> dict[str, list[str]]:
    """PDF text layer: header lines, then each row as its label and the figures, space-separated."""
    proactive = []
    for caption, columns, body in r.proactive:
        proactive += [caption, " ".join(["信息内容", *columns])]
        proactive += [" ".join([label, *(r.cell(v) for v in cells)]) for label, cells in body]
    orgs = _vertical(APPLICANTS[1:]) if vertical else [" ".join(APPLICANTS[1:])]
    apps = [NOTE + " 申请人情况", "自然人 法人或其他组织 总计", *orgs]
    for key, _kind, group, label in r.rows3:
        if group:
            apps.append(group)
        apps.append(" ".join([label, *(r.cell(v) for v in r.apps[key])]))
    review_rows = [
        "行政复议 行政诉讼",
        "未经复议直接起诉 复议后起诉",
        *(_vertical(REVIEW_COLUMNS * 3) if vertical else [" ".join(REVIEW_COLUMNS * 3)]),
        " ".join(r.cell(v) for key in REVIEW_ROWS for v in r.review[key]),
    ]
    return {"二": proactive, "三": apps, "四": review_rows}


LAYOUTS = {
    "tab": tab_tables,
    "pipe": pipe_tables,
    "pipe_no_leading": lambda r: pipe_tables(r, leading=False),
    "cell_lines": lambda r: stream_tables(r, "bar"),
    "cell_pipe_suffix": lambda r: stream_tables(r, "suffix"),
    "split_headers": lambda r: stream_tables(r, "bar", split=True),
    "pdf_text": pdf_tables,
    "pdf_vertical": lambda r: pdf_tables(r, vertical=True),
}


def render(r: Report, layout: str = "tab") -> str:
    tables = LAYOUTS[layout](r)
    if r.applications_text is not None:
        tables["三"] = [r.applications_text]
    wrap = layout.startswith("pdf")
    body = {
        "一": _paragraphs(overview(r), wrap),
        "二": tables["二"],
        "三": tables["三"],
        "四": tables["四"],
        "五": _paragraphs(PROBLEMS, wrap),
        "六": _paragraphs([r.other_text], wrap),
    }
    lines = []
    if r.title:
        lines += [f"{r.agency}{r.year}年政府信息公开工作年度报告", ""]
    for ordinal in r.order:
        lines += [r.headings.get(ordinal, HEADINGS[ordinal]), "", *body[ordinal], ""]
    return "\n".join(lines)


def _paragraphs(paragraphs: list[str], wrap: bool) -> list[str]:
    out = []
    for p in paragraphs:
        if wrap:  # a PDF text layer breaks lines where the page does, not where sentences end
            out += _wrap(p, 34)
        else:
            out += [p, ""]
    return out


def _wrap(paragraph: str, width: int) -> list[str]:
    """Break a line every `width` characters, but never before punctuation or inside a number."""
    lines, start = [], 0
    while len(paragraph) - start > width:
        end = start + width
        while end < len(paragraph) and (
            paragraph[end] in "，。、；：》）”" or (paragraph[end - 1].isdigit() and paragraph[end].isdigit())
        ):
            end += 1
        lines.append(paragraph[start:end])
        start = end
    return [*lines, paragraph[start:]]


def line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise ValueError(needle)


# ---------------------------------------------------------------- the cases

NOT_IN_A_CLEAN_REPORT = [
    "E001", "E002", "E003", "E004",
    "S101", "S102", "S103", "S104", "S105", "S106",
    "L201", "L202", "L203", "L204",
    "V301", "V302", "V303", "V304", "V305", "V307",
    "M401", "M402", "M403", "M404",
    "F501", "F502", "F503",
]  # fmt: skip
ARITHMETIC = ["M401", "M402", "M403", "M404"]

CELLS_2021 = [
    {"table": "proactive", "row": "normative_documents", "column": "in_force", "value": 31},
    {"table": "proactive", "row": "licensing", "column": "decisions", "value": 245},
    {"table": "proactive", "row": "fees", "column": "amount", "value": 12.5},
    {"table": "applications", "row": "new_received", "column": "total", "value": 52},
    {"table": "applications", "row": "disclosed", "column": "natural_person", "value": 14},
    {"table": "applications", "row": "unavailable_not_held", "column": "legal_service", "value": 1},
    {"table": "applications", "row": "other_no_correction", "column": "total", "value": 1},
    {"table": "applications", "row": "total_results", "column": "natural_person", "value": 39},
    {"table": "applications", "row": "carried_forward", "column": "total", "value": 5},
    {"table": "review", "row": "reconsideration", "column": "total", "value": 4},
    {"table": "review", "row": "direct_suit", "column": "other", "value": 1},
    {"table": "review", "row": "suit_after_reconsideration", "column": "pending", "value": 1},
]


def cells(*picks: tuple[str, str, str]) -> list[dict]:
    found = {(c["table"], c["row"], c["column"]): c for c in CELLS_2021}
    return [found[p] for p in picks]


def ref(table: str, row: str, column: str) -> dict[str, str]:
    return {"table": table, "row": row, "column": column}


CASES: dict[str, tuple[str | bytes, dict]] = {}


def case(name: str, report: Report | str | bytes, spec: dict, layout: str = "tab") -> None:
    text = render(report, layout) if isinstance(report, Report) else report
    if isinstance(report, Report):
        model = {"year": report.year, "template": report.template}
        if report.title:
            model["agency"] = report.agency
        spec = {"description": spec.pop("description"), "model": model, **spec}
    CASES[name] = (text, spec)


def clean(description: str, **extra: object) -> dict:
    return {"description": description, "cells": CELLS_2021, "absent": NOT_IN_A_CLEAN_REPORT, **extra}


def build() -> None:
    # -- every layout, as a consistent report with no finding at all
    case(
        "layout_tab",
        base("青禾市生态环境局", 2023),
        clean("tab-separated rows with the empty cells of merged labels, like the seed report"),
    )
    case(
        "layout_pipe",
        base("云溪县人民政府办公室", 2022),
        clean("pipe-separated rows with a leading and a trailing | ; rowspan labels only on their first row"),
        "pipe",
    )
    case(
        "layout_pipe_no_leading",
        base("临江市交通运输局", 2024),
        clean("pipe-separated rows without a leading | (规章 | 0 | 1 | 5 |)"),
        "pipe_no_leading",
    )
    case(
        "layout_cell_lines",
        base("北岭区市场监督管理局", 2023),
        clean("one cell per line, cells separated by lines holding only |"),
        "cell_lines",
    )
    case(
        "layout_cell_pipe_suffix",
        base("南屏县住房和城乡建设局", 2022),
        clean("one cell per line, each line ending with ' |'"),
        "cell_pipe_suffix",
    )
    case(
        "layout_split_headers",
        base("东湖区人力资源和社会保障局", 2024),
        clean("one cell per line with | lines; header cells split over two lines (商业\\n企业, 结果\\n维持)"),
        "split_headers",
    )
    case(
        "layout_pdf_text",
        base("西峡市自然资源和规划局", 2021),
        clean("PDF text layer: wrapped prose, each table row a label then space-separated figures"),
        "pdf_text",
    )

    case(
        "layout_pdf_vertical_headers",
        base("西峡市自然资源和规划局", 2022),
        clean("PDF text layer whose narrow header cells come out one character per line (商/业/企/业)"),
        "pdf_vertical",
    )

    r = base("临川区柳湾街道办事处", 2023)
    r.digits = "fullwidth"
    r.proactive[0][2][0] = ("规章", ["/", "/", "/"])  # a 街道 makes no 规章
    r.proactive[2][2][1] = ("行政强制", ["—"])
    for values in r.apps.values():
        values[3] = "-"  # 社会公益组织: all zero, written as not applicable
    r.proactive[0] = ("第二十条第(一)项", *r.proactive[0][1:])
    r.proactive[1] = ("第二十条第(五)项", *r.proactive[1][1:])
    r.rows3 = [
        (k, kind, g.replace("（", "(").replace("）", ")"), lab.replace("（", "(").replace("）", ")"))
        if k in ("disclosed", "partly_disclosed", "withheld_state_secret", "unavailable_not_held")
        else (k, kind, g, lab)
        for k, kind, g, lab in r.rows3
    ]
    case(
        "layout_fullwidth_and_na",
        r,
        clean(
            "full-width digits (１４, １２．５), half-width and full-width brackets mixed, "
            "/ - — cells meaning not applicable",
            cells=[
                *cells(
                    ("proactive", "normative_documents", "in_force"),
                    ("proactive", "licensing", "decisions"),
                    ("proactive", "fees", "amount"),
                    ("applications", "new_received", "total"),
                    ("applications", "disclosed", "natural_person"),
                    ("applications", "unavailable_not_held", "legal_service"),
                    ("applications", "total_results", "natural_person"),
                    ("review", "reconsideration", "total"),
                ),
                {"table": "applications", "row": "partly_disclosed", "column": "total", "value": 5},
            ],
        ),
    )

    # -- encodings (written as bytes below)
    case(
        "encoding_gb18030",
        base("石桥县卫生健康委员会", 2023),
        clean("the tab-separated report saved in GB18030", encoding="gb18030"),
    )
    case(
        "encoding_utf8_bom",
        base("白沙市教育局", 2024),
        clean("the pipe-separated report saved in UTF-8 with a byte-order mark", encoding="utf-8-sig"),
        "pipe",
    )

    # -- the 2019 trial format, in a 2020 report: right for its year
    case(
        "template_2019",
        base("青禾市司法局", 2020, "gov-2019"),
        {
            "description": "a 2020 report in the 2019 trial format: 本年新制作数量, 第二十条第（九）项, "
            "a single （六）其他处理 row; a signed 本年增/减",
            "cells": [
                {
                    "table": "proactive",
                    "row": "normative_documents",
                    "column": "total_published",
                    "value": 27,
                },
                {"table": "proactive", "row": "licensing", "column": "decisions", "value": 180},
                {"table": "proactive", "row": "licensing", "column": "change", "value": -2},
                {"table": "proactive", "row": "procurement", "column": "amount", "value": 126.4},
                {"table": "applications", "row": "new_received", "column": "total", "value": 52},
                {"table": "applications", "row": "other_handling", "column": "total", "value": 1},
                {"table": "applications", "row": "total_results", "column": "natural_person", "value": 39},
                {"table": "review", "row": "reconsideration", "column": "total", "value": 4},
            ],
            "absent": NOT_IN_A_CLEAN_REPORT,
        },
    )

    # -- arithmetic
    r = base("江口市农业农村局", 2023)
    r.apps["new_received"][6] = "53"
    case(
        "m401_row_total",
        r,
        {
            "description": "一、本年新收 总计 written 53 where the six applicant columns add up to 52",
            "expect": [
                {
                    "code": "M401",
                    "cell": ref("applications", "new_received", "total"),
                    "expected": 52,
                    "actual": 53,
                }
            ],
            "absent": ["M402", "M404", "V301", "V302"],
        },
    )
    r = base("江口市农业农村局", 2023)
    r.apps["total_results"][0] = "38"
    case(
        "m402_results_total",
        r,
        {
            "description": "（七）总计 for 自然人 written 38 where the outcomes add up to 39",
            "expect": [
                {
                    "code": "M402",
                    "cell": ref("applications", "total_results", "natural_person"),
                    "expected": 39,
                    "actual": 38,
                }
            ],
            "absent": ["M404", "V301", "V302"],
        },
    )
    r = base("江口市农业农村局", 2023)
    r.apps["carried_forward"][0] = "5"
    r.apps["carried_forward"][6] = "6"
    case(
        "m403_balance",
        r,
        {
            "description": "结转下年度 one too many for 自然人 (row total kept in step): 一+二 ≠ （七）总计+四",
            "expect": [
                {
                    "code": "M403",
                    "cell": ref("applications", "carried_forward", "natural_person"),
                    "expected": 43,
                    "actual": 44,
                }
            ],
            "absent": ["M401", "M402", "M404", "V301", "V302"],
        },
    )
    r = base("江口市农业农村局", 2023)
    r.review["reconsideration"][4] = "5"
    case(
        "m404_review_total",
        r,
        {
            "description": "行政复议 总计 written 5 where 结果维持+结果纠正+其他结果+尚未审结 = 4",
            "expect": [
                {
                    "code": "M404",
                    "cell": ref("review", "reconsideration", "total"),
                    "expected": 4,
                    "actual": 5,
                }
            ],
            "absent": ["M401", "M402", "M403", "V301", "V302"],
        },
    )

    # -- structure
    r = base("丰河县统计局", 2022)
    r.order = ["一", "二", "三", "四", "六"]
    case(
        "s101_missing_section",
        r,
        {
            "description": "section 五 (problems and improvements) left out",
            "expect": [{"code": "S101"}],
            "absent": ["S102", "S103", "S105", "S106", "F501", *ARITHMETIC],
        },
    )
    r = base("丰河县统计局", 2022)
    r.order = ["一", "二", "三", "五", "四", "六"]
    case(
        "s102_sections_swapped",
        r,
        {
            "description": "sections 四 and 五 in the wrong order",
            "cells": cells(("review", "reconsideration", "total"), ("applications", "new_received", "total")),
            "expect": [{"code": "S102"}],
            "absent": ["S101", "S103", "S105", "F501", *ARITHMETIC],
        },
    )
    r = base("丰河县统计局", 2022)
    r.headings = {
        "四": "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
        "五": "五、存在问题及改进情况",
    }
    text = render(r)
    case(
        "s103_nonstandard_titles",
        r,
        {
            "description": "the 条例 wording for 四 and 存在问题及改进情况 for 五: non-standard, not missing",
            "cells": cells(("review", "reconsideration", "total")),
            "expect": [
                {"code": "S103", "line": line_of(text, "四、因政府信息公开工作")},
                {"code": "S103", "line": line_of(text, "五、存在问题及改进情况")},
            ],
            "absent": ["S101", "S102", "F501", *ARITHMETIC],
        },
    )
    r = base("丰河县统计局", 2022)
    r.title = False
    case(
        "s105_no_title",
        r,
        {
            "description": "the report starts at 一、总体情况 with no title line",
            "expect": [{"code": "S105"}],
            "absent": ["S101", "S102", "S103", *ARITHMETIC],
        },
    )
    r = base("丰河县统计局", 2022)
    r.applications_text = "本年度收到和处理政府信息公开申请的情况与上年基本持平。"
    case(
        "s106_missing_table",
        r,
        {
            "description": "section 三 holds one sentence and no table",
            "cells": cells(("proactive", "licensing", "decisions"), ("review", "reconsideration", "total")),
            "expect": [{"code": "S106"}],
            "absent": ["S101", "L203", "V302", *ARITHMETIC],
        },
    )

    # -- labels
    r = base("松林市文化和旅游局", 2024)
    r.proactive[0] = (
        r.proactive[0][0],
        ["本年制发件数", "本年废止件数", "现行有效文件数"],
        r.proactive[0][2],
    )
    r.rows3 = [
        (k, kind, g, "4.保护第三人合法权益" if k == "withheld_third_party" else lab)
        for k, kind, g, lab in r.rows3
    ]
    text = render(r)
    case(
        "l201_label_typos",
        r,
        {
            "description": "a column label typo (现行有效文件数) and a row label typo (保护第三人合法权益); "
            "the figures are still read",
            "cells": [
                {"table": "proactive", "row": "normative_documents", "column": "in_force", "value": 31},
                {"table": "applications", "row": "withheld_third_party", "column": "total", "value": 3},
            ],
            "expect": [
                {"code": "L201", "suggestion": "现行有效件数", "line": line_of(text, "现行有效文件数")},
                {"code": "L201", "suggestion": "4.保护第三方合法权益", "line": line_of(text, "保护第三人")},
            ],
            "absent": ["L203", "L204", *ARITHMETIC],
        },
    )
    r = base("松林市文化和旅游局", 2023, "gov-2019")
    case(
        "l202_old_template",
        r,
        {
            "description": "a 2023 report still in the 2019 trial format: one L202, its tables read as drawn",
            "expect": [{"code": "L202"}],
            "exact": True,
        },
    )
    CASES["l202_old_template"][1]["model"]["template"] = "gov-2019"
    r = base("松林市文化和旅游局", 2024)
    r.rows3 = [row for row in r.rows3 if row[0] != "withheld_security"]
    case(
        "l203_missing_row",
        r,
        {
            "description": "the row 3.危及“三安全一稳定” (all zero) left out of table 三",
            "cells": cells(
                ("applications", "disclosed", "natural_person"),
                ("applications", "total_results", "natural_person"),
            ),
            "expect": [{"code": "L203"}],
            "absent": ["L204", "V302", *ARITHMETIC],
        },
    )

    # -- cell values
    r = base("杉坪县退役军人事务局", 2023)
    r.apps["withheld_security"][0] = "暂无"
    case(
        "v301_text_cell",
        r,
        {
            "description": "a table 三 cell reads 暂无 instead of 0",
            "expect": [{"code": "V301", "cell": ref("applications", "withheld_security", "natural_person")}],
            "absent": ["L204", *ARITHMETIC],
        },
    )
    r = base("杉坪县退役军人事务局", 2023)
    r.apps["unprocessed_repeated"][1] = ""  # a 1 left out
    r.apps["disclosed"][6] = ""  # a 20 left out
    case(
        "v302_blank_cells",
        r,
        {
            "description": "two blank cells (商业企业 of 重复申请, 总计 of 予以公开): missing, not 0, so the sums "
            "that need them are not assessed",
            "expect": [
                {"code": "V302", "cell": ref("applications", "unprocessed_repeated", "commercial")},
                {"code": "V302", "cell": ref("applications", "disclosed", "total")},
            ],
            "absent": ["V301", *ARITHMETIC],
        },
        "pipe",
    )
    r = base("杉坪县退役军人事务局", 2023)
    r.apps["withheld_state_secret"][0] = "-1"
    r.apps["withheld_state_secret"][6] = "-1"
    r.apps["disclosed"][0] = "15"
    r.apps["disclosed"][6] = "21"
    case(
        "v303_negative",
        r,
        {
            "description": "a negative count (-1 属于国家秘密) in table 三; every sum still holds",
            "expect": [
                {"code": "V303", "cell": ref("applications", "withheld_state_secret", "natural_person")}
            ],
            "absent": ARITHMETIC,
        },
    )
    r = base("杉坪县退役军人事务局", 2023)
    r.proactive[2][2][0] = ("行政处罚", ["86.5"])
    case(
        "v304_decimal_count",
        r,
        {
            "description": "a decimal count (行政处罚 86.5); the decimal fee 12.5 万元 stays allowed",
            "expect": [{"code": "V304", "cell": ref("proactive", "penalty", "decisions")}],
            "absent": ["V301", *ARITHMETIC],
        },
    )
    r = base("杉坪县退役军人事务局", 2023)
    r.proactive[3][2][0] = ("行政事业性收费", ["5000元"])
    case(
        "v305_unit_in_cell",
        r,
        {
            "description": "the 万元 fee cell written as 5000元",
            "expect": [{"code": "V305", "cell": ref("proactive", "fees", "amount")}],
            "absent": ARITHMETIC,
        },
    )

    # -- fees
    r = base("梅岭区审计局", 2023)
    r.other_text = "无。"
    case(
        "f501_no_fee_statement",
        r,
        {
            "description": "section 六 says only 无。",
            "expect": [{"code": "F501"}],
            "absent": ["F502", "F503", "S101"],
        },
    )
    r = base("梅岭区审计局", 2023)
    r.other_text = (
        "本年度未收取信息处理费。因个别申请人短期内申请数量明显超出合理范围，本年度收取信息处理费共计200元。"
    )
    case(
        "f502_fee_contradiction",
        r,
        {
            "description": "section 六 says no fee was charged and that 200元 was charged",
            "expect": [{"code": "F502"}],
            "absent": ["F501", "F503"],
        },
    )
    r = base("梅岭区审计局", 2023)
    r.other_text = "2022年度本局未收取信息处理费。"
    case(
        "f503_fee_year",
        r,
        {
            "description": "the fee statement of a 2023 report names 2022 (copied from last year)",
            "expect": [{"code": "F503", "expected": 2023, "actual": 2022}],
            "absent": ["F501", "F502"],
        },
    )

    # -- input
    case(
        "e001_binary",
        bytes(range(256)) * 4,
        {
            "description": "bytes that are not text, in a .txt file",
            "expect": [{"code": "E001"}],
            "exact": True,
        },
    )
    case(
        "e002_not_a_report",
        "\n".join(
            [
                "关于开展社区义务植树活动的通知",
                "",
                "各居民小组：",
                "",
                "为美化居住环境，社区定于下周六上午在河滨公园开展义务植树活动，欢迎居民报名参加。",
                "",
                "一、集合时间：上午八点半。",
                "二、集合地点：河滨公园东门。",
                "三、注意事项：请自带手套和水杯，雨天顺延。",
                "",
                "社区居民委员会",
                "",
            ]
        ),
        {
            "description": "a text file that is not an annual report at all",
            "expect": [{"code": "E002"}],
            "exact": True,
        },
    )


def main() -> None:
    build()
    for old in HERE.glob("*.txt"):
        old.unlink()
    for old in HERE.glob("*.yaml"):
        old.unlink()
    for name, (text, spec) in CASES.items():
        encoding = spec.pop("encoding", "utf-8")
        data = text if isinstance(text, bytes) else text.encode(encoding)
        (HERE / f"{name}.txt").write_bytes(data)
        dumped = yaml.dump(spec, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=200)
        (HERE / f"{name}.yaml").write_text(dumped, encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    """Block style for the case, flow style for each cell or expectation; no &anchors."""

    def ignore_aliases(self, data: object) -> bool:
        return True

    def represent_dict(self, data: dict) -> yaml.Node:  # type: ignore[override]
        node = super().represent_dict(data)
        node.flow_style = all(not isinstance(v, (dict, list)) or k == "cell" for k, v in data.items())
        return node

    def represent_list(self, data: list) -> yaml.Node:  # type: ignore[override]
        node = super().represent_list(data)
        node.flow_style = all(isinstance(v, str) for v in data)
        return node


_Dumper.add_representer(dict, _Dumper.represent_dict)
_Dumper.add_representer(list, _Dumper.represent_list)


if __name__ == "__main__":
    main()
