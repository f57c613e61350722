"""The site's image for link previews (Open Graph, Twitter cards): a PNG drawn at build time, in pure Python.

No third-party service and no script make it, and no font is needed: it is a picture, not a text (the preview's
title and description carry the words). People of the target group stand on rising bars, in the site's colours
(overrides/assets/stylesheets/wise.css). The same code draws the same bytes on every build.
"""

from __future__ import annotations

import math
import struct
import zlib

from .i18n import N_

SITE_IMAGE = "assets/images/social.png"  # where the build publishes it
WIDTH, HEIGHT = 1200, 630  # the size link previews ask for (1.91:1)
ALT = N_("Figures of people standing on rising bars: people at work in social enterprises")  # translated where shown

PRIMARY = (0x00, 0x48, 0x3C)  # --md-primary-fg-color
PRIMARY_DARK = (0x00, 0x33, 0x2A)  # --md-primary-fg-color--dark
LIGHT = (0xDF, 0xF3, 0xEC)  # the certification chips' background
ACCENT = (0xB3, 0x26, 0x1E)  # --md-accent-fg-color

Colour = tuple[int, int, int]


class Canvas:
    """An RGB picture held as rows of bytes; shapes are filled span by span, circles with soft edges."""

    def __init__(self, width: int, height: int, background: Colour):
        self.width, self.height = width, height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def blend(self, x: int, y: int, colour: Colour, coverage: float) -> None:
        """Mix `colour` into one pixel by how much of the pixel the shape covers (0 to 1)."""
        if 0 <= x < self.width and 0 <= y < self.height and coverage > 0:
            row, i = self.rows[y], 3 * x
            row[i : i + 3] = bytes(round(old + (new - old) * min(coverage, 1.0)) for old, new in zip(row[i : i + 3], colour, strict=True))

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        """Fill the pixels from (x0, y0) up to, not including, (x1, y1)."""
        x0, x1 = max(0, x0), min(self.width, x1)
        for y in range(max(0, y0), min(self.height, y1)):
            self.rows[y][3 * x0 : 3 * x1] = bytes(colour) * (x1 - x0)

    def circle(self, cx: float, cy: float, r: float, colour: Colour) -> None:
        """Fill a disc; each row's edge pixels get the share of them the disc covers, so the edge is smooth."""
        for y in range(max(0, math.floor(cy - r)), min(self.height, math.ceil(cy + r) + 1)):
            dy = y + 0.5 - cy
            if abs(dy) >= r:
                continue
            half = math.sqrt(r * r - dy * dy)
            left, right = cx - half, cx + half
            inner0, inner1 = math.ceil(left), math.floor(right)
            if inner1 > inner0:
                self.rect(inner0, y, inner1, y + 1, colour)
            self.blend(inner0 - 1, y, colour, inner0 - left)
            self.blend(inner1, y, colour, right - inner1)

    def png(self) -> bytes:
        """The picture as a PNG file: 8-bit RGB, no filter, compressed the same way each time."""
        raw = b"".join(b"\x00" + bytes(row) for row in self.rows)

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def person(canvas: Canvas, x: int, floor: int, colour: Colour) -> None:
    """A person standing on `floor`, centred on `x`: a head and a rounded body."""
    canvas.circle(x, floor - 150, 34, colour)
    canvas.circle(x, floor - 70, 46, colour)
    canvas.rect(x - 46, floor - 70, x + 46, floor, colour)


def site_image() -> bytes:
    """The preview image: five people, each on a bar higher than the last, and the accent line beneath them."""
    canvas = Canvas(WIDTH, HEIGHT, PRIMARY)
    canvas.rect(0, HEIGHT - 90, WIDTH, HEIGHT, PRIMARY_DARK)
    base = HEIGHT - 90
    for i in range(5):
        x = 200 + i * 200
        top = base - 40 - i * 55
        canvas.rect(x - 70, top, x + 70, base, LIGHT)
        person(canvas, x, top - 14, LIGHT if i < 4 else (0xFF, 0xFF, 0xFF))
    canvas.rect(130, base, WIDTH - 130, base + 10, ACCENT)
    return canvas.png()
