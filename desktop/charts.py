"""Small charts drawn with QPainter (QtCharts is not part of PySide6-Essentials)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QWidget

# readable on light and dark backgrounds, distinguishable for the common colour blindness
SERIES_COLOURS = ("#0f6cbd", "#e97548", "#2e9e5b", "#9b59b6", "#c0a000", "#5a6b7b")


class BarChart(QWidget):
    """Grouped bars: one group per label (e.g. a week), one bar per series (e.g. incoming)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.labels: list[str] = []
        self.series: list[tuple[str, list[float]]] = []
        # a horizontal line (e.g. the team's target), and a fixed top (100 for percentages)
        self.target: tuple[str, float] | None = None
        self.peak: float | None = None
        self.setAccessibleName(title)
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(520, 260)

    def set_data(self, labels: Sequence[str],
                 series: Sequence[tuple[str, Sequence[float]]]) -> None:
        self.labels = list(labels)
        self.series = [(name, [float(v) for v in values]) for name, values in series]
        summary = "; ".join(f"{name}: {', '.join(f'{v:g}' for v in values)}"
                            for name, values in self.series)
        self.setAccessibleDescription(summary)  # the figures for a screen reader
        self.update()

    def set_target(self, label: str, value: float | None) -> None:
        """Draw a dashed line at `value` (None: no line), named `label` in the legend."""
        self.target = None if value is None else (label, float(value))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.Mid)
        metrics = self.fontMetrics()
        line = metrics.height()
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), line + 4),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         self.title)
        # legend
        x = 0.0
        legend_y = line + 6
        for i, (name, _) in enumerate(self.series):
            colour = QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)])
            painter.fillRect(QRectF(x, legend_y + 3, 10, 10), colour)
            painter.setPen(text)
            painter.drawText(QRectF(x + 14, legend_y, 400, line),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            x += 14 + metrics.horizontalAdvance(name) + 16
        top = legend_y + line + 8
        left = float(metrics.horizontalAdvance("00000") + 6)
        bottom = float(self.height() - line - 6)
        right = float(self.width() - 4)
        if not self.labels or not self.series or bottom - top < 20:
            painter.setPen(faint)
            painter.drawText(QRectF(left, top, right - left, max(bottom - top, line)),
                             int(Qt.AlignmentFlag.AlignCenter), self.tr("No figures"))
            painter.end()
            return
        peak = max((max(v) for _, v in self.series if v), default=0.0) or 1.0
        peak = max(peak, self.target[1] if self.target else 0.0)
        peak = self.peak or float(math.ceil(peak / 3) * 3)  # three grid steps of whole numbers
        # axis and three grid lines
        painter.setPen(QPen(faint, 1))
        for step in range(4):
            value = peak * step / 3
            y = bottom - (bottom - top) * step / 3
            painter.drawLine(int(left), int(y), int(right), int(y))
            painter.setPen(text)
            painter.drawText(QRectF(0, y - line / 2, left - 4, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             f"{value:.0f}")
            painter.setPen(QPen(faint, 1))
        group = (right - left) / len(self.labels)
        bar = min(36.0, max(2.0, group * 0.8 / len(self.series)))
        inset = (group - bar * len(self.series)) / 2
        every = max(1, int(metrics.horizontalAdvance("2026-W00") * 1.2 // max(group, 1)) + 1)
        for g, label in enumerate(self.labels):
            gx = left + g * group + inset
            for s, (_, values) in enumerate(self.series):
                value = values[g] if g < len(values) else 0.0
                height = (bottom - top) * value / peak
                painter.fillRect(QRectF(gx + s * bar, bottom - height, bar - 1, height),
                                 QColor(SERIES_COLOURS[s % len(SERIES_COLOURS)]))
            if g % every == 0:
                painter.setPen(text)
                painter.drawText(QRectF(left + g * group - 20, bottom + 2, group + 40, line),
                                 int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                                 label)
        if self.target is not None:
            name, value = self.target
            y = bottom - (bottom - top) * min(value, peak) / peak
            pen = QPen(QColor("#c42b1c"), 2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(int(left), int(y), int(right), int(y))
            painter.drawText(QRectF(left, y - line - 1, right - left - 4, line),
                             int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             name)
        painter.end()


def figure_text(value: object, suffix: str = "") -> str:
    """A figure as the dashboards write it: '–' for none, one decimal with a comma."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",") + suffix
    return f"{value}{suffix}"


def tile_grid(parent: QWidget, tiles: Sequence[tuple[str, str]],
              scale: float = 1.8) -> tuple[QGridLayout, dict[str, QLabel]]:
    """Big numbers with a caption above each, in a row: (layout, value label by key)."""
    grid = QGridLayout()
    values: dict[str, QLabel] = {}
    for column, (key, title) in enumerate(tiles):
        caption = QLabel(title, parent)
        value = QLabel("–", parent)
        font = value.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        value.setFont(font)
        value.setAccessibleName(title)
        grid.addWidget(caption, 0, column)
        grid.addWidget(value, 1, column)
        values[key] = value
    return grid, values
