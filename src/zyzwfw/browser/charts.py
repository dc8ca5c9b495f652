"""Charts as inline SVG, drawn on the server.

No script library is needed and a chart shows before any script runs. Each
chart is an ``<svg role="img">`` with a title and a description that say
what it shows in words; the page puts the same numbers in a table next to
it. The drawing scales with the width of the page (``viewBox``), so a phone
shows the same chart smaller.
"""

from html import escape


#: Colours of the series, in order; readable on white and for most colour
#: vision deficiencies (the Okabe–Ito palette).
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)

#: The colour of the rest, in a share of volume.
OTHERS_COLOUR = "#999999"


def _svg(width, height, title, description, body, chart_id):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hall-chart" role="img" '
        f'viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc">'
        f'<title id="{chart_id}-title">{escape(title)}</title>'
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )


def _nice_max(value):
    """Return a round number at least ``value``, for the top of an axis."""
    if value <= 0:
        return 1
    step = 1
    while step * 10 <= value:
        step *= 10
    for factor in (1, 2, 5, 10):
        if step * factor >= value:
            return step * factor
    return step * 10


def line_chart(chart_id, title, description, labels, series):
    """Return a line chart of a few series over the same labels.

    :param chart_id: An id unique in the page, for the title and description.
    :param title: What the chart shows.
    :param description: The chart in words (its text alternative).
    :param labels: The labels of the x axis, such as the months.
    :param series: ``(name, values)`` pairs; values are numbers, one per label.
    :returns: SVG markup.
    :rtype: str
    """
    width, height = 520, 300
    left, right, top, bottom = 44, 12, 16, 64
    plot_width = width - left - right
    plot_height = height - top - bottom
    top_value = _nice_max(
        max((max(values, default=0) for _n, values in series), default=0)
    )
    step = plot_width / max(len(labels) - 1, 1)
    parts = []

    for fraction in (0, 0.25, 0.5, 0.75, 1):
        y = top + plot_height * (1 - fraction)
        value = top_value * fraction
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
            f'stroke="#ddd" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" '
            f'font-size="13" fill="#555">{value:g}</text>'
        )
    for index, label in enumerate(labels):
        x = left + index * step
        parts.append(
            f'<text x="{x:.1f}" y="{height - bottom + 18}" text-anchor="middle" '
            f'font-size="12" fill="#555">{escape(str(label))}</text>'
        )

    for number, (name, values) in enumerate(series):
        colour = PALETTE[number % len(PALETTE)]
        points = " ".join(
            f"{left + index * step:.1f},"
            f"{top + plot_height * (1 - value / top_value):.1f}"
            for index, value in enumerate(values)
        )
        parts.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.5" '
            f'points="{points}"/>'
        )
        for index, value in enumerate(values):
            parts.append(
                f'<circle cx="{left + index * step:.1f}" '
                f'cy="{top + plot_height * (1 - value / top_value):.1f}" r="3" '
                f'fill="{colour}"><title>{escape(str(labels[index]))}：{value:g}'
                f"</title></circle>"
            )
        legend_x = left + number * 150
        parts.append(
            f'<rect x="{legend_x}" y="{height - 24}" width="14" height="4" '
            f'fill="{colour}"/>'
            f'<text x="{legend_x + 20}" y="{height - 17}" font-size="15" '
            f'fill="#222">{escape(name)}</text>'
        )
    return _svg(width, height, title, description, "".join(parts), chart_id)


def bar_chart(chart_id, title, description, bars, highlight_zero=True):
    """Return a horizontal bar chart, one bar per label, its value at its end.

    The label stands above its bar so that long department names fit on a
    phone.

    :param chart_id: An id unique in the page.
    :param title: What the chart shows.
    :param description: The chart in words.
    :param bars: ``(label, value)`` pairs, in the order to draw.
    :param highlight_zero: Mark bars of value 0 in the warning colour.
    :returns: SVG markup.
    :rtype: str
    """
    width = 480
    row = 44
    left, right = 4, 56
    height = max(row * len(bars) + 8, 40)
    top_value = max((value for _label, value in bars), default=0) or 1
    parts = []
    for index, (label, value) in enumerate(bars):
        y = 4 + index * row
        bar_width = (width - left - right) * value / top_value
        colour = "#b00020" if highlight_zero and not value else PALETTE[0]
        parts.append(
            f'<text x="{left}" y="{y + 15}" font-size="15" fill="#222">'
            f"{escape(label)}</text>"
            f'<rect x="{left}" y="{y + 20}" width="{max(bar_width, 2):.1f}" '
            f'height="16" fill="{colour}"/>'
            f'<text x="{left + max(bar_width, 2) + 6:.1f}" y="{y + 34}" '
            f'font-size="15" fill="{colour}">{value:g}</text>'
        )
    return _svg(width, height, title, description, "".join(parts), chart_id)


def share_chart(chart_id, title, description, shares, others_label, shown=7):
    """Return one bar split into each department's share, with a legend.

    :param chart_id: An id unique in the page.
    :param title: What the chart shows.
    :param description: The chart in words.
    :param shares: ``(label, share)`` pairs, largest first, shares summing to 1.
    :param others_label: The label of the departments after the first ``shown``.
    :param shown: How many shares get their own colour.
    :returns: SVG markup.
    :rtype: str
    """
    pieces = [(label, share) for label, share in shares[:shown] if share]
    rest = sum(share for _label, share in shares[shown:] if share)
    if rest:
        pieces.append((others_label, rest))
    width = 480
    legend_row = 26
    height = 56 + legend_row * len(pieces)
    parts = []
    x = 0.0
    for index, (label, share) in enumerate(pieces):
        colour = (
            OTHERS_COLOUR
            if rest and index == len(pieces) - 1
            else PALETTE[index % len(PALETTE)]
        )
        piece_width = width * share
        parts.append(
            f'<rect x="{x:.1f}" y="8" width="{piece_width:.1f}" height="32" '
            f'fill="{colour}"><title>{escape(label)}：{share * 100:.1f}%</title>'
            f"</rect>"
        )
        y = 56 + index * legend_row
        parts.append(
            f'<rect x="0" y="{y}" width="16" height="16" fill="{colour}"/>'
            f'<text x="24" y="{y + 14}" font-size="15" fill="#222">'
            f"{escape(label)}　{share * 100:.1f}%</text>"
        )
        x += piece_width
    return _svg(width, height, title, description, "".join(parts), chart_id)
