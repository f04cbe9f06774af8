"""Draws the app icons (a white map pin on the brand blue) as PNG files.

Pure Python (zlib only) so the icons can be regenerated on any machine:
    python3 scripts/make-icons.py
"""
import struct
import zlib
from pathlib import Path

BLUE = (29, 79, 145)
WHITE = (255, 255, 255)


def pin(x: float, y: float, scale: float) -> bool:
    # A pin: a disc with a hole, above a triangle pointing down.
    cx, cy, r = 0.5, 0.42, 0.2 * scale / 0.8
    dx, dy = x - cx, y - cy
    d2 = dx * dx + dy * dy
    if d2 <= r * r and d2 >= (r * 0.45) ** 2:
        return True
    tip = cy + r * 1.9
    if cy <= y <= tip:
        half = r * (tip - y) / (tip - cy) * 0.92
        if abs(dx) <= half and d2 >= (r * 0.45) ** 2:
            return True
    return False


def draw(size: int, maskable: bool) -> bytes:
    scale = 0.62 if maskable else 0.8  # maskable icons keep a safe zone
    rows = []
    for j in range(size):
        row = bytearray([0])
        for i in range(size):
            x, y = (i + 0.5) / size, (j + 0.5) / size
            row += bytes(WHITE if pin(x, y, scale) else BLUE)
        rows.append(bytes(row))
    raw = b''.join(rows)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack('>IIBBBBB', size, size, 8, 2, 0, 0, 0)
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


out = Path(__file__).resolve().parent.parent / 'public' / 'icons'
out.mkdir(parents=True, exist_ok=True)
(out / 'icon-192.png').write_bytes(draw(192, False))
(out / 'icon-512.png').write_bytes(draw(512, False))
(out / 'icon-maskable-512.png').write_bytes(draw(512, True))
(out / 'apple-touch-icon.png').write_bytes(draw(180, False))
