#!/usr/bin/env python3
"""Draws the app icons once (committed in static/icons/). Needs Pillow and Debian fonts-dejavu-core."""
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
for size in (192, 512):
    img = Image.new("RGB", (size, size), "#0b5cad")
    d = ImageDraw.Draw(img)
    margin = size // 10
    d.rounded_rectangle([margin, margin, size - margin, size - margin], radius=size // 8, outline="#ffffff", width=max(2, size // 48))
    font = ImageFont.truetype(FONT, size // 4)
    text = "PEAS"
    w = d.textlength(text, font=font)
    d.text(((size - w) / 2, size / 2 - size / 7), text, font=font, fill="#ffffff")
    img.save(f"static/icons/icon-{size}.png", optimize=True)
    print(f"static/icons/icon-{size}.png")
