"""A blank report in the current format: the six sections, the three tables with zeros.

An author who starts from it cannot get the template wrong; what is left to write is
the content, marked with 【…】 where the agency's own words belong.
"""

from __future__ import annotations

from reportlint.model import CellValue, Report, Section, TableData
from reportlint.template import for_year

_TEXT = {
    "overview": (
        "本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》"
        "（国办公开办函〔2021〕30号）编制。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n"
        "（一）主动公开\n【主动公开政府信息的情况】\n"
        "（二）依申请公开\n【收到和处理政府信息公开申请的情况】\n"
        "（三）政府信息管理\n【政府信息管理的情况】\n"
        "（四）政府信息公开平台建设\n【政府信息公开平台建设的情况】\n"
        "（五）监督保障\n【监督保障的情况；人民政府的报告写明工作考核、社会评议和责任追究结果情况】"
    ),
    "problems": "【本年度政府信息公开工作存在的主要问题，上年度问题的整改情况，以及改进措施】",
    "other": "本年度未收取信息处理费。【如收取，写明依据《政府信息公开信息处理费管理办法》收取的金额】\n【其他需要报告的事项】",
}


def blank_report(year: int, agency: str) -> Report:
    template = for_year(year)
    report = Report(path="", template=template.id, year=year, agency=agency)
    report.title = f"{agency}{year}年政府信息公开工作年度报告"
    for position, spec in enumerate(template.sections):
        text = _TEXT.get(spec.key, "").format(year=year)
        report.sections.append(Section(spec.key, True, spec.heading, True, None, text, position))
    for key, table in template.tables.items():
        rows = {row.key: {c.key: CellValue("number", "0", 0) for c in row.columns} for row in table.rows}
        report.tables[key] = TableData(key, True, None, rows)
    return report
