"""Scans made from the program's own printed ballots: the blank ballot PDF rendered (pypdfium2),
marks drawn in the boxes as people draw them, then printed-and-scanned faults applied.

Each generated page comes with its truth: the mark each person's cell holds.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pypdfium2 as pdfium

from tinnhiem_desktop.core.model import LEVELS, Mark, RoundSetup
from tinnhiem_desktop.core.results import round_rule
from tinnhiem_desktop.export.blank_ballots import LEVEL_W, ballot_layout, write_blank_ballots

MARK_KINDS = ("x", "tick", "filled", "circled", "pencil")


@dataclass(frozen=True)
class Faults:
    dpi: int = 200
    rotation: float = 0.0  # degrees
    skew: float = 0.0  # horizontal shear, a share of the height
    scale: float = 1.0
    speckle: float = 0.0  # share of pixels flipped to black or white
    jpeg: int | None = None  # quality
    upside_down: bool = False
    photocopy: bool = False


@dataclass
class Generated:
    image: np.ndarray
    truth: dict[int, Mark]  # order -> what the voter meant
    kinds: dict[int, str]  # order -> how it was drawn
    faults: Faults

    def encoded(self) -> bytes:
        if self.faults.jpeg:
            ok, data = cv2.imencode(".jpg", self.image, [cv2.IMWRITE_JPEG_QUALITY, self.faults.jpeg])
        else:
            ok, data = cv2.imencode(".png", self.image)
        assert ok
        return data.tobytes()


class ScanGenerator:
    def __init__(self, setup: RoundSetup, round_id: str, form: str, folder: Path) -> None:
        self.setup, self.form = setup, setup.form(form)
        self.layout = ballot_layout(self.form, round_rule(setup).in_force)
        self.pdf = write_blank_ballots(setup, folder / f"blank-{form}.pdf", copies=1, forms=[form],
                                       round_id=round_id)
        self._pages: dict[tuple[int, int], np.ndarray] = {}

    def blank(self, page: int, dpi: int) -> np.ndarray:
        """One copy's page, printed: the top half of the sheet for a half-page ballot."""
        if (page, dpi) not in self._pages:
            document = pdfium.PdfDocument(str(self.pdf))
            image = document[page].render(scale=dpi / 72, grayscale=True).to_numpy().copy()
            document.close()
            if image.ndim == 3:
                image = image[:, :, 0]
            if self.layout.per_page == 2:
                image = image[:int(round(self.layout.copy_height * dpi / 25.4))]
            self._pages[(page, dpi)] = image
        return self._pages[(page, dpi)].copy()

    def page(self, rng: random.Random, faults: Faults, page: int = 0, special: float = 0.06) -> Generated:
        """A marked page: most cells a clear mark of one level; `special` of them a harder case
        (no mark, a stray dot, a crossed-out mark with another box marked, two boxes marked)."""
        image = self.blank(page, faults.dpi)
        px = faults.dpi / 25.4
        truth, kinds = {}, {}
        layout_page = self.layout.pages[page]
        for i, order in enumerate(layout_page.orders):
            y = layout_page.first_row_y + i * self.layout.pitch
            boxes = [(x, y, LEVEL_W, self.layout.pitch) for x in self.layout.box_x]
            level = rng.randrange(3)
            roll = rng.random()
            if roll < special:
                case = rng.choice(("none", "dot", "crossed", "several"))
            else:
                case = rng.choice(MARK_KINDS)
            others = [k for k in range(3) if k != level]
            if case == "none":
                truth[order] = Mark.NO_MARK
            elif case == "several":
                for k in rng.sample(range(3), 2):
                    draw_mark(image, boxes[k], "x", px, rng)
                truth[order] = Mark.MULTI
            else:
                draw_mark(image, boxes[level], case if case in MARK_KINDS else "x", px, rng)
                truth[order] = LEVELS[level]
                if case == "crossed":
                    draw_mark(image, boxes[rng.choice(others)], "scribble", px, rng)
                if case == "dot":
                    draw_mark(image, boxes[rng.choice(others)], "dot", px, rng)
            kinds[order] = case
        return Generated(apply_faults(image, faults, rng), truth, kinds, faults)


def draw_mark(image: np.ndarray, box: tuple[float, float, float, float], kind: str, px: float,
              rng: random.Random) -> None:
    x, y, w, h = (v * px for v in box)
    jitter = lambda: rng.uniform(-0.08, 0.08)  # noqa: E731
    cx, cy = x + w * (0.5 + jitter()), y + h * (0.5 + jitter())
    pen = max(1, int(round(rng.uniform(0.4, 0.6) * px)))
    ink = rng.randint(10, 60)

    def point(u: float, v: float) -> tuple[int, int]:
        return int(round(cx + u * w / 2)), int(round(cy + v * h / 2))

    if kind == "x" or kind == "pencil":
        if kind == "pencil":
            ink, pen = rng.randint(120, 150), max(1, int(round(0.35 * px)))
        a, b = rng.uniform(0.35, 0.6), rng.uniform(0.5, 0.75)
        cv2.line(image, point(-a, -b), point(a, b), ink, pen, cv2.LINE_AA)
        cv2.line(image, point(-a, b), point(a, -b), ink, pen, cv2.LINE_AA)
    elif kind == "tick":
        cv2.line(image, point(-0.35, 0.0), point(-0.1, 0.6), ink, pen, cv2.LINE_AA)
        cv2.line(image, point(-0.1, 0.6), point(0.45, -0.7), ink, pen, cv2.LINE_AA)
    elif kind == "filled":
        cv2.rectangle(image, point(-0.7, -0.55), point(0.7, 0.55), ink, -1)
    elif kind == "circled":
        cv2.ellipse(image, (int(cx), int(cy)), (int(w * 0.4), int(h * 0.38)), 0, 0, 360, ink, pen, cv2.LINE_AA)
    elif kind == "scribble":
        for k in range(9):
            v = -0.7 + 1.4 * k / 8
            cv2.line(image, point(-0.75, v), point(0.75, v + 0.15), ink, pen + 1, cv2.LINE_AA)
        cv2.line(image, point(-0.7, -0.6), point(0.7, 0.6), ink, pen, cv2.LINE_AA)
        cv2.line(image, point(-0.7, 0.6), point(0.7, -0.6), ink, pen, cv2.LINE_AA)
    elif kind == "dot":
        cv2.circle(image, point(rng.uniform(-0.5, 0.5), rng.uniform(-0.4, 0.4)), max(1, int(0.4 * px)), ink, -1)
    else:
        raise ValueError(kind)


SCAN_AREA_PAD = 8  # mm of scanner bed (white lid) around the sheet on each side, where a turned sheet's corners go


def apply_faults(image: np.ndarray, faults: Faults, rng: random.Random) -> np.ndarray:
    pad = int(round(SCAN_AREA_PAD * faults.dpi / 25.4))
    image = cv2.copyMakeBorder(image, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    height, width = image.shape
    centre = (width / 2, height / 2)
    matrix = cv2.getRotationMatrix2D(centre, faults.rotation, faults.scale)
    matrix[0, 1] += faults.skew
    matrix[0, 2] -= faults.skew * centre[1]
    image = cv2.warpAffine(image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderValue=255)
    if faults.upside_down:
        image = cv2.rotate(image, cv2.ROTATE_180)
    np_rng = np.random.default_rng(rng.randrange(2 ** 32))
    if faults.photocopy:
        image = cv2.GaussianBlur(image, (3, 3), 0)
        toner = np_rng.normal(0, 6, image.shape)
        image = np.clip(image.astype(np.float32) * 0.82 + 28 + toner, 0, 255)
        image = np.where(image < 110, image * 0.6, image).astype(np.uint8)  # harder blacks
    if faults.speckle:
        flips = np_rng.random(image.shape)
        image = image.copy()
        image[flips < faults.speckle / 2] = 0
        image[flips > 1 - faults.speckle / 2] = 255
    return image


def random_faults(rng: random.Random, dpi: int | None = None) -> Faults:
    return Faults(
        dpi=dpi or rng.choice((150, 200, 300)),
        rotation=rng.uniform(-3, 3),
        skew=rng.uniform(-0.01, 0.01),
        scale=rng.uniform(0.97, 1.03),
        speckle=rng.choice((0.0, 0.0005, 0.001)),
        jpeg=rng.choice((None, 60, 85)),
        upside_down=rng.random() < 0.15,
        photocopy=rng.random() < 0.2,
    )


