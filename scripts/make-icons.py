"""Draws the add-in's icons (assets/icon-*.png): a rising bar chart on a teal tile. Pure Python, no PIL."""
import struct, zlib, os

def png(size, path):
    bg, bar, edge = (0x0F, 0x6C, 0x74), (0xFF, 0xFF, 0xFF), (0x0A, 0x4F, 0x55)
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            u, v = x / size, 1 - (y + 0.5) / size
            colour = bg
            if min(x, y, size - 1 - x, size - 1 - y) < max(1, size // 32):
                colour = edge
            for i, h in enumerate((0.35, 0.55, 0.8)):
                left = 0.18 + i * 0.23
                if left <= u < left + 0.17 and 0.15 <= v < 0.15 + h * 0.75:
                    colour = bar
            row += bytes(colour)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets")
for s in (16, 32, 64, 80):
    png(s, os.path.join(here, f"icon-{s}.png"))
