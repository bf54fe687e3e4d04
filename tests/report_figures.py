"""Test reports' figures: the sample report with figures that add up, shared by the PDF tests
and tests/data/pdf/make_office_pdfs.py (which drew its files from them)."""

from __future__ import annotations

from reportlint.model import CellValue, Report

# Figures that add up (M401–M404 hold): applications, and a review that was decided.
FIGURES = {
    "applications": {
        "new_received": {"natural_person": 5, "commercial": 2, "total": 7},
        "carried_over": {"natural_person": 1, "total": 1},
        "disclosed": {"natural_person": 3, "commercial": 1, "total": 4},
        "partly_disclosed": {"natural_person": 1, "total": 1},
        "unavailable_not_held": {"natural_person": 1, "commercial": 1, "total": 2},
        "total_results": {"natural_person": 5, "commercial": 2, "total": 7},
        "carried_forward": {"natural_person": 1, "total": 1},
    },
    "review": {
        "reconsideration": {"upheld": 1, "corrected": 1, "total": 2},
        "direct_suit": {"pending": 1, "total": 1},
    },
    "proactive": {
        "normative_documents": {"issued": 2, "repealed": 1, "in_force": 14},
        "licensing": {"decisions": 36},
        "penalty": {"decisions": 12},
    },
}


def with_figures(report: Report, figures: dict[str, dict[str, dict[str, int]]]) -> Report:
    for table, rows in figures.items():
        for row, columns in rows.items():
            for column, value in columns.items():
                report.tables[table].rows[row][column] = CellValue("number", raw=str(value), value=value)
    return report
