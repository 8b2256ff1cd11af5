"""Makes one page of a test scan: a pdftoppm page image turned slightly (as a page fed crookedly
through a scanner), optionally a round stamp and a signature drawn over it, saved as a JPEG.
usage: scan_page.py IN.pgm OUT.jpg ANGLE QUALITY DPI [stamp]
Run with Debian's python3, whose PIL (python3-pil) img2pdf depends on."""
import math
import sys

from PIL import Image, ImageDraw, ImageFont

src, out, angle, quality, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
marks = sys.argv[6:]
img = Image.open(src).convert("L")
w, h = img.size
if "stamp" in marks:
    d = ImageDraw.Draw(img)
    # A round office stamp (mid grey: blue ink scanned in grey) over the right half of the table.
    cx, cy, r = int(w * 0.72), int(h * 0.55), int(dpi * 0.75)
    for rr, width in ((r, max(2, dpi // 60)), (int(r * 0.72), max(1, dpi // 100))):
        d.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=110, width=width)
    try:
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", max(8, dpi // 12))
    except OSError:
        font = ImageFont.load_default()
    text = "ТӨРИЙН АЛБАН ТАМГА * OFFICIAL SEAL * "
    for i, ch in enumerate(text):
        a = 2 * math.pi * i / len(text) - math.pi / 2
        x = cx + (r * 0.86) * math.cos(a)
        y = cy + (r * 0.86) * math.sin(a)
        d.text((x, y), ch, fill=110, font=font, anchor="mm")
    # A signature: a looping pen stroke across a cell boundary, lower left of the stamp.
    pts = []
    sx, sy = cx - int(dpi * 1.6), cy + int(dpi * 0.35)
    for i in range(120):
        t = i / 119
        pts.append((sx + t * dpi * 1.4 + math.sin(t * 19) * dpi * 0.08, sy - math.sin(t * 7) * dpi * 0.18 - t * dpi * 0.1))
    d.line(pts, fill=35, width=max(2, dpi // 70), joint="curve")
img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
img.save(out, "JPEG", quality=quality, dpi=(dpi, dpi))
