"""Draw the application icon: `packaging/tinnhiem.png` (256 px) and `packaging/tinnhiem.ico`.

Run `QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py` after changing the drawing;
the results are committed, so a build never runs this. Every size is drawn from the same vector
shapes (not scaled down from 256 px) so the small ones stay sharp. The .ico holds one PNG-compressed
image per size (Windows Vista and later read these), written by hand: Qt's ICO writer stores a
single image per file.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

HERE = Path(__file__).parent
SIZES = (16, 24, 32, 48, 64, 128, 256)

BOX = QColor("#1f4e8c")  # the ballot box
SLOT = QColor("#0f2c52")
PAPER = QColor("#ffffff")
TICK = QColor("#c62828")


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 256, size / 256)  # draw on a 256 × 256 canvas
    painter.setPen(Qt.PenStyle.NoPen)

    # The ballot box: a rounded square filling the lower part, a dark slot across its top.
    painter.setBrush(BOX)
    painter.drawRoundedRect(QRectF(16, 96, 224, 148), 28, 28)
    painter.setBrush(SLOT)
    painter.drawRoundedRect(QRectF(48, 112, 160, 20), 10, 10)

    # The ballot going in: a white sheet standing in the slot.
    painter.setBrush(PAPER)
    painter.setPen(QPen(SLOT, 6))
    painter.drawRoundedRect(QRectF(72, 8, 112, 128), 10, 10)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(BOX)
    painter.drawRect(QRectF(52, 122, 152, 16))  # the box's front edge hides the sheet's foot

    # A red tick on the sheet.
    tick = QPainterPath(QPointF(96, 62))
    tick.lineTo(QPointF(120, 88))
    tick.lineTo(QPointF(164, 34))
    painter.setPen(QPen(TICK, 22 if size >= 32 else 30, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(tick)

    # "TN" in white on the box, where the size leaves room for it; drawn as shapes, not with a
    # font, so the icon does not depend on the fonts of the machine that draws it.
    if size >= 48:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PAPER)
        painter.drawRect(QRectF(60, 156, 68, 16))  # T
        painter.drawRect(QRectF(86, 156, 16, 70))
        painter.drawRect(QRectF(140, 156, 16, 70))  # N
        painter.drawRect(QRectF(180, 156, 16, 70))
        painter.drawPolygon([QPointF(140, 156), QPointF(158, 156), QPointF(196, 226), QPointF(178, 226)])
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size, then the PNG data (a width/height of 0 means 256)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, data in sorted(images.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)  # noqa: F841  (QPainter needs it)
    images = {size: png_bytes(draw(size)) for size in SIZES}
    (HERE / "tinnhiem.png").write_bytes(images[256])
    (HERE / "tinnhiem.ico").write_bytes(ico_bytes(images))
    print(f"wrote {HERE / 'tinnhiem.png'} and {HERE / 'tinnhiem.ico'} ({', '.join(map(str, SIZES))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
