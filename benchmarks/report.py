"""One result row per measured figure, printed as a table: ours, the baseline, the ratio, the target."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    metric: str
    ours: float
    baseline: float | None
    unit: str
    target: float | None = None
    baseline_name: str = ""

    @property
    def ratio(self) -> float | None:
        return self.ours / self.baseline if self.baseline else None

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "OK" if self.ours < self.target else "MELESET"


def median_ms(fn: Callable[[], object], repeat: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.1f} {unit}" if value >= 10 else f"{value:.2f} {unit}"


def render(results: list[Result]) -> str:
    header = ("metric", "ours", "baseline", "ratio", "target", "", "baseline is")
    rows = [
        (
            r.metric,
            _fmt(r.ours, r.unit),
            _fmt(r.baseline, r.unit),
            f"{r.ratio:.2f}x" if r.ratio is not None else "-",
            f"< {_fmt(r.target, r.unit)}" if r.target is not None else "-",
            r.verdict,
            r.baseline_name,
        )
        for r in results
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=True)]
    line = lambda cells: "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    from benchmarks.keys import ENCRYPTION_NOTE

    note = f"\nDatabase: {ENCRYPTION_NOTE}."
    return "\n".join([line(header), sep, *(line(r) for r in rows), note])
