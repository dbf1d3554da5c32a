"""Draw the application icon: resources/icons/simoncer.svg, simoncer.png (256 px) and simoncer.ico.

One geometry, written twice: as SVG (the window icon, sharp at any size) and painted with Pillow (the PNG
and the Windows .ico for the bundle). No downloads; run ``python scripts/make_icons.py`` after a change and
commit the three files. The 24×24 page and menu icons beside them are hand-written SVG files.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 256
BLUE = "#1d5c96"
WHITE = "#ffffff"
GOLD = "#f2b632"
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"

TILE = (8, 8, 248, 248)
TILE_RADIUS = 52
ROOF = [(48, 124), (128, 56), (208, 124)]
WALLS = [(74, 106), (74, 204), (182, 204), (182, 106)]
HOUSE_WIDTH = 16
GRAPH = [(98, 178), (120, 154), (140, 166), (160, 136)]
GRAPH_WIDTH = 13
DOT = (160, 136, 11)  # centre x, centre y, radius


def _points(points: list[tuple[int, int]]) -> str:
    return " ".join(f"{x},{y}" for x, y in points)


def svg() -> str:
    x0, y0, x1, y1 = TILE
    cx, cy, r = DOT
    line = 'fill="none" stroke-linecap="round" stroke-linejoin="round"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">\n'
        f'  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{TILE_RADIUS}" fill="{BLUE}"/>\n'
        f'  <polyline points="{_points(ROOF)}" {line} stroke="{WHITE}" stroke-width="{HOUSE_WIDTH}"/>\n'
        f'  <polyline points="{_points(WALLS)}" {line} stroke="{WHITE}" stroke-width="{HOUSE_WIDTH}"/>\n'
        f'  <polyline points="{_points(GRAPH)}" {line} stroke="{GOLD}" stroke-width="{GRAPH_WIDTH}"/>\n'
        f'  <circle cx="{cx}" cy="{cy}" r="{r}" fill="{GOLD}"/>\n'
        "</svg>\n"
    )


def _round_line(draw: ImageDraw.ImageDraw, points: list[tuple[float, float]], width: float, fill: str) -> None:
    """A polyline with round caps and joins (Pillow's own joints leave the ends square)."""
    draw.line(points, fill=fill, width=round(width), joint="curve")
    for x, y in points:
        half = width / 2
        draw.ellipse((x - half, y - half, x + half, y + half), fill=fill)


def painted(size: int = SIZE, scale: int = 4) -> Image.Image:
    """The icon painted at ``scale`` times its size and reduced, for smooth edges."""
    k = size * scale / SIZE
    image = Image.new("RGBA", (size * scale, size * scale), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([v * k for v in TILE], radius=TILE_RADIUS * k, fill=BLUE)
    for points in (ROOF, WALLS):
        _round_line(draw, [(x * k, y * k) for x, y in points], HOUSE_WIDTH * k, WHITE)
    _round_line(draw, [(x * k, y * k) for x, y in GRAPH], GRAPH_WIDTH * k, GOLD)
    cx, cy, r = DOT
    draw.ellipse(((cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k), fill=GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "simoncer.svg").write_text(svg(), encoding="utf-8")
    image = painted()
    image.save(ICONS / "simoncer.png", optimize=True)
    image.save(ICONS / "simoncer.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    print(f"Wrote simoncer.svg, simoncer.png and simoncer.ico in {ICONS}")


if __name__ == "__main__":
    main()
