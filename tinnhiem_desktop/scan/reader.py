"""Read a stack of scanned ballots: find each page by its QR code and corner squares, measure
every box, read each person's cell.

A page is located in two steps: the QR code (zxing-cpp) says which round, form and page it is and
where it lies, roughly (its four corners give a first homography from the copy's millimetres to the
image, so rotation, skew, scale and an upside-down page are all one case); the four corner squares,
searched for near where that homography puts them, then give the exact one. The copy is warped
upright at `PX_PER_MM`, the grid lines are checked where the layout puts them (a layout that does
not match is refused, never misread), and each box's fill is the share of its inner part that is
ink.

A cell (one person, three boxes) is read as:
- a level: one box clearly marked (fill ≥ MARK), the two others clearly empty (fill ≤ EMPTY);
- no mark: all three clearly empty;
- several marks: two or more clearly marked (a crossed-out mark is one of these) — never taken
  on its own: it goes to review with its proposal;
- doubtful: anything else (a box between EMPTY and MARK: light, a stray dot, a smudge).
Only a level or no mark is `accepted`; everything else waits for a person (`needs_review`).

The pixels are handled with numpy and Pillow alone (no OpenCV: the desktop bundle stays small):
a perspective warp is Pillow's bilinear transform, the corner squares are 8-connected components
of an Otsu threshold (`_components`, on runs of dark pixels).
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np
from PIL import Image, ImageOps

from ..core.issues import TinNhiemError
from ..core.model import LEVELS, BallotForm, Mark, RoundSetup
from ..core.results import round_rule
from ..export.blank_ballots import (
    FIDUCIAL,
    FIDUCIAL_INSET,
    LAYOUT_VERSION,
    QR_SIZE,
    QR_X,
    LEVEL_W,
    BallotLayout,
    ScanCode,
    ballot_layout,
    form_check,
    parse_scan_code,
)

PX_PER_MM = 6.0  # the upright copy's resolution (about 152 dpi)
_PX_TO_MM = np.diag([1 / PX_PER_MM, 1 / PX_PER_MM, 1.0])
PDF_DPI = 200  # a scanner's PDF page is rendered at this resolution
INSET = 1.3  # mm inside each box edge that is not measured (the grid line and a little slack)
INK = 0.32  # a pixel this much darker than the paper (share of the paper's brightness) is ink
MARK = 0.045  # a box with at least this share of ink is marked
EMPTY = 0.015  # a box with at most this share is empty...
FAINT_INK, FAINT = 0.16, 0.012  # ...and at most this share of it is even faintly dark (light pencil, unsmoothed)
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp")


class Reading(StrEnum):
    LEVEL = "level"
    NO_MARK = "no_mark"
    SEVERAL = "several"
    DOUBTFUL = "doubtful"


class SetAside(StrEnum):
    """Why a page is not read."""

    NOT_OURS = "not_ours"  # no QR code of a ballot of this program
    OTHER_ROUND = "other_round"
    OTHER_FORM = "other_form"  # a form this round does not have, or whose people changed since it was printed
    OTHER_LAYOUT = "other_layout"  # a layout version this program does not know
    DUPLICATE = "duplicate"  # the same image as a page already read
    UNREADABLE = "unreadable"  # ours, but the corner squares or the grid are not where they should be


REASONS = {  # Vietnamese, for the CLI and the window
    SetAside.NOT_OURS: "không phải phiếu của chương trình (không có mã QR của phiếu)",
    SetAside.OTHER_ROUND: "phiếu của một đợt lấy phiếu khác",
    SetAside.OTHER_FORM: "loại phiếu không có trong đợt này",
    SetAside.OTHER_LAYOUT: "phiếu in theo mẫu khác (phiên bản bố cục không đọc được)",
    SetAside.DUPLICATE: "trang trùng với một trang đã đọc",
    SetAside.UNREADABLE: "không đọc được (không thấy đủ bốn ô vuông góc hoặc lưới ô)",
}


@dataclass(frozen=True)
class PageImage:
    """One page of the stack, as it came: where from, its number in the stack, its pixels."""

    source: str  # the file
    number: int  # 1-based, in the stack's order
    image: np.ndarray  # grayscale, uint8
    sha256: str  # of the image file; of the rendered page's pixels for a PDF page


@dataclass(frozen=True)
class Cell:
    order: int  # the person's order on the form
    fills: tuple[float, float, float]  # ink share of each box: cao, tín nhiệm, thấp
    reading: Reading
    proposal: Mark | None  # what the reader would key: a level, NO_MARK or MULTI; None when it cannot say
    confidence: float  # 0..1: how far the fills are from the thresholds
    accepted: bool  # stored as read; otherwise left unkeyed until someone confirms it
    box: tuple[int, int, int, int]  # x, y, w, h of the cell's three boxes in `ReadPage.upright`

    @property
    def needs_review(self) -> bool:
        return not self.accepted


@dataclass
class ReadPage:
    page: PageImage
    code: ScanCode
    form: str  # the form's code
    cells: list[Cell]
    homography: np.ndarray = field(repr=False, compare=False)  # the copy's mm to the page image's pixels
    copy_height: float = 297.0  # mm
    _upright: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def upright(self) -> np.ndarray:
        """The copy warped upright at PX_PER_MM (gray uint8), for the review's cell images. Reading
        measures only the table's boxes, so this is made by the reader only for a page with a cell
        to review, otherwise the first time it is asked for (about 0.1 s)."""
        if self._upright is None:
            width, height = int(round(210 * PX_PER_MM)), int(round(self.copy_height * PX_PER_MM))
            self._upright = _warp(self.page.image, self.homography @ _PX_TO_MM, (width, height))
        return self._upright

    def cell_image(self, order: int, margin_mm: float = 1.0) -> np.ndarray:
        cell = next(c for c in self.cells if c.order == order)
        x, y, w, h = cell.box
        m = int(margin_mm * PX_PER_MM)
        return self.upright[max(0, y - m):y + h + m, max(0, x - m):x + w + m]


@dataclass(frozen=True)
class SetAsidePage:
    page: PageImage
    reason: SetAside
    detail: str = ""
    thumbnail: np.ndarray | None = None

    @property
    def words(self) -> str:
        return REASONS[self.reason] + (f" ({self.detail})" if self.detail else "")


@dataclass
class ScannedBallot:
    """One ballot: its pages in order (one per page of the form's layout)."""

    form: str
    pages: list[ReadPage]

    @property
    def cells(self) -> list[Cell]:
        return [cell for page in self.pages for cell in page.cells]

    @property
    def doubtful(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.needs_review]


@dataclass
class HeldBack:
    """A ballot whose pages are not all in the stack: not stored."""

    form: str
    pages: list[ReadPage]
    expected: int

    @property
    def words(self) -> str:
        have = ", ".join(str(p.code.page) for p in self.pages)
        return f"phiếu loại {self.form} thiếu trang: có trang {have} trong {self.expected} trang"


@dataclass
class StackReading:
    ballots: list[ScannedBallot] = field(default_factory=list)
    set_aside: list[SetAsidePage] = field(default_factory=list)
    held_back: list[HeldBack] = field(default_factory=list)
    pages: int = 0


# -- the stack's pages -----------------------------------------------------------------------


def load_pages(scans: Path) -> Iterator[PageImage]:
    """The pages of a PDF (rendered at PDF_DPI), or the images of a folder in name order, or one image."""
    scans = Path(scans)
    if scans.is_dir():
        files = sorted(p for p in scans.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
    else:
        files = [scans]
    number = 0
    for path in files:
        if path.suffix.lower() == ".pdf":
            for image, digest in _pdf_pages(path):
                number += 1
                yield PageImage(str(path), number, image, digest)
            continue
        data = path.read_bytes()
        frames = _image_frames(data)
        for k, image in enumerate(frames):
            number += 1
            digest = hashlib.sha256(data).hexdigest() if len(frames) == 1 else _pixels_digest(image)
            yield PageImage(str(path), number, image, digest)


def _pixels_digest(image: np.ndarray) -> str:
    return hashlib.sha256(f"{image.shape}".encode() + image.tobytes()).hexdigest()


def _pdf_pages(path: Path) -> Iterator[tuple[np.ndarray, str]]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:  # not a PDF, truncated, or protected by a password
        raise TinNhiemError("scan_pdf_unreadable", file=str(path), detail=str(error).rstrip(".")) from None
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=PDF_DPI / 72, grayscale=True)
            image = np.array(bitmap.to_numpy(), copy=True)
            if image.ndim == 3:  # BGR(A) when the renderer would not give gray
                image = _gray(image[:, :, 2::-1]) if image.shape[2] >= 3 else image[:, :, 0]
            page.close()
            yield image, _pixels_digest(image)
    finally:
        document.close()


def _image_frames(data: bytes) -> list[np.ndarray]:
    """The frames of an image file (a multi-page TIFF has several), gray, turned as its EXIF
    orientation says; none when the file is not an image Pillow can open."""
    try:
        picture = Image.open(io.BytesIO(data))
        frames = []
        for k in range(getattr(picture, "n_frames", 1)):
            picture.seek(k)
            frames.append(_gray_frame(ImageOps.exif_transpose(picture)))
        return frames
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        return []


def _gray_frame(picture: Image.Image) -> np.ndarray:
    if picture.mode in ("I;16", "I;16B", "I;16L", "I"):  # 16-bit scans: keep the top 8 bits
        wide = np.asarray(picture, dtype=np.uint32)
        return (wide >> 8 if wide.max() > 255 else wide).astype(np.uint8)
    if picture.mode in ("RGBA", "LA", "PA") or (picture.mode == "P" and "transparency" in picture.info):
        picture = picture.convert("RGBA")
        white = Image.new("RGBA", picture.size, (255, 255, 255, 255))
        picture = Image.alpha_composite(white, picture)  # a transparent background is paper
    return np.array(picture.convert("L"), dtype=np.uint8)


def _gray(rgb: np.ndarray) -> np.ndarray:
    weights = np.array([0.299, 0.587, 0.114], np.float32)
    return np.clip(rgb[:, :, :3].astype(np.float32) @ weights + 0.5, 0, 255).astype(np.uint8)


# -- one page ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormGeometry:
    form: BallotForm
    layout: BallotLayout


class Reader:
    """Reads the pages of one round's ballots."""

    def __init__(self, setup: RoundSetup, round_id: str) -> None:
        self.setup = setup
        self.round_id = round_id[:6].upper()
        self._geometry: dict[str, FormGeometry] = {}

    def geometry(self, form_code: str) -> FormGeometry:
        if form_code not in self._geometry:
            form = self.setup.form(form_code)
            self._geometry[form_code] = FormGeometry(form, ballot_layout(form, round_rule(self.setup).in_force))
        return self._geometry[form_code]

    def read_page(self, page: PageImage) -> list[ReadPage | SetAsidePage]:
        """The copies on one scanned page (two when an uncut sheet of half-page ballots is scanned)."""
        if page.image is None or page.image.size == 0:
            return [SetAsidePage(page, SetAside.UNREADABLE, "tệp ảnh hỏng")]
        squares = _corner_squares(page.image)
        if squares is not None:
            for height in self._copy_heights():
                turns = sorted(range(4), key=lambda turn: -_qr_darkness(page.image, _homography(squares, height, turn),
                                                                        height))
                for turn in turns:  # which corner of the image is the copy's top left; the likeliest first
                    homography = _homography(squares, height, turn)
                    text = _code_at(page.image, homography, height)
                    code = parse_scan_code(text) if text else None
                    if code is not None:
                        return [self._read_copy(page, code, squares=(squares, turn))]
        codes = [(parse_scan_code(text), corners) for text, corners in _find_codes(page.image)]
        codes = [(code, corners) for code, corners in codes if code is not None]
        if not codes:
            return [SetAsidePage(page, SetAside.NOT_OURS, thumbnail=thumbnail(page.image))]
        copies = [self._read_copy(page, code, corners=corners) for code, corners in codes]
        read = [c for c in copies if isinstance(c, ReadPage)]
        height, width = page.image.shape
        if (len(read) == 1 and len(copies) == 1 and height > 1.2 * width
                and self.geometry(read[0].form).layout.per_page == 2):
            # an uncut sheet of two half-page copies, one of them not found: never drop it silently
            copies.append(SetAsidePage(page, SetAside.UNREADABLE, "nửa tờ còn lại của tờ chưa cắt",
                                       thumbnail(page.image)))
        return copies

    def _copy_heights(self) -> list[float]:
        return sorted({self.geometry(f.code).layout.copy_height for f in self.setup.forms}, reverse=True)

    def _read_copy(self, page: PageImage, code: ScanCode, corners: np.ndarray | None = None,
                   squares: tuple[np.ndarray, int] | None = None) -> ReadPage | SetAsidePage:
        """One copy, located by the corner squares already found (and which way up), or from its
        code's corners."""
        if code.round_id != self.round_id:
            return SetAsidePage(page, SetAside.OTHER_ROUND, f"mã đợt {code.round_id}", thumbnail(page.image))
        if code.version != LAYOUT_VERSION:
            return SetAsidePage(page, SetAside.OTHER_LAYOUT, f"phiên bản {code.version}", thumbnail(page.image))
        if not 1 <= code.form_index <= len(self.setup.forms):
            return SetAsidePage(page, SetAside.OTHER_FORM, f"loại phiếu thứ {code.form_index}", thumbnail(page.image))
        form = self.setup.forms[code.form_index - 1]
        if form_check(form) != code.check:
            return SetAsidePage(page, SetAside.OTHER_FORM, f"danh sách của loại phiếu {form.code} đã khác khi in",
                                thumbnail(page.image))
        geometry = self.geometry(form.code)
        layout = geometry.layout
        if code.pages != len(layout.pages) or not 1 <= code.page <= code.pages:
            return SetAsidePage(page, SetAside.OTHER_LAYOUT, f"trang {code.page}/{code.pages}", thumbnail(page.image))
        if squares is not None:
            homography = _homography(squares[0], layout.copy_height, squares[1])
        else:
            homography = _locate(page.image, layout, corners)
        if homography is None:
            return SetAsidePage(page, SetAside.UNREADABLE, "không thấy đủ bốn ô vuông góc", thumbnail(page.image))
        layout_page = layout.pages[code.page - 1]
        first_row_y = layout_page.first_row_y  # on the copy, the top copy's figures are the copy's own
        rows = len(layout_page.orders)
        # Only the table's level columns are warped upright and measured: the grid's row lines and
        # the boxes, with 2 mm around them (the same pixels as in the whole upright copy).
        left = int(np.floor((layout.box_x[0] - 2) * PX_PER_MM))
        top = int(np.floor((first_row_y - 2) * PX_PER_MM))
        right = int(np.ceil((layout.box_x[2] + LEVEL_W + 2) * PX_PER_MM))
        bottom = int(np.ceil((first_row_y + rows * layout.pitch + 2) * PX_PER_MM))
        origin = np.array([[1, 0, left], [0, 1, top], [0, 0, 1]], np.float64)
        table = _warp(page.image, homography @ _PX_TO_MM @ origin, (right - left, bottom - top))
        ink, faint = _ink(table)
        at = (left, top)
        if not _grid_matches(ink, layout, first_row_y, rows, at):
            return SetAsidePage(page, SetAside.UNREADABLE, "lưới ô không khớp với mẫu phiếu", thumbnail(page.image))
        cells = [
            _read_cell(order, [_fill(ink, x, first_row_y + i * layout.pitch, LEVEL_W, layout.pitch, at=at)
                               for x in layout.box_x],
                       [_fill(faint, x, first_row_y + i * layout.pitch, LEVEL_W, layout.pitch, FAINT_INK, at)
                        for x in layout.box_x],
                       _px_box(layout.box_x[0], first_row_y + i * layout.pitch, 3 * LEVEL_W, layout.pitch))
            for i, order in enumerate(layout_page.orders)
        ]
        read = ReadPage(page, code, form.code, cells, homography, layout.copy_height)
        if any(cell.needs_review for cell in cells):
            read.upright  # made here, in the reading thread: the review screen shows this page's cells
        return read

    # -- the stack ----------------------------------------------------------------------------

    def read_stack(self, pages: Iterable[PageImage],
                   progress: Callable[[int], None] | None = None) -> StackReading:
        """Every page in order, grouped into ballots: a ballot is its form's pages 1..n in a row;
        a page out of that order closes the ballot before it, which is held back if incomplete."""
        result = StackReading()
        seen: set[str] = set()
        current: list[ReadPage] = []

        def close() -> None:
            if not current:
                return
            form = current[0].form
            expected = current[0].code.pages
            if len(current) == expected:
                result.ballots.append(ScannedBallot(form, list(current)))
            else:
                result.held_back.append(HeldBack(form, list(current), expected))
            current.clear()

        for page in pages:
            result.pages += 1
            if page.sha256 in seen:
                result.set_aside.append(SetAsidePage(page, SetAside.DUPLICATE, thumbnail=thumbnail(page.image)))
            else:
                seen.add(page.sha256)
                for copy in self.read_page(page):
                    if isinstance(copy, SetAsidePage):
                        result.set_aside.append(copy)
                        continue
                    follows = (current and copy.form == current[0].form
                               and copy.code.page == current[-1].code.page + 1)
                    if not follows:
                        close()
                    current.append(copy)
                    if copy.code.page == copy.code.pages:
                        close()
            if progress is not None:
                progress(result.pages)
        close()
        return result


def read_scans(setup: RoundSetup, round_id: str, scans: Path,
               progress: Callable[[int], None] | None = None) -> StackReading:
    """Read a PDF or a folder of images for this round."""
    return Reader(setup, round_id).read_stack(load_pages(scans), progress)


def thumbnail(image: np.ndarray, width: int = 160) -> np.ndarray:
    height = max(1, int(image.shape[0] * width / max(1, image.shape[1])))
    return np.array(Image.fromarray(image).resize((width, height), Image.Resampling.BOX))


# -- pixels: what OpenCV did, in numpy and Pillow ------------------------------------------------


def _warp(image: np.ndarray, homography: np.ndarray, size: tuple[int, int], fill: int = 255) -> np.ndarray:
    """The picture `size` (width, height) whose pixel (x, y) is the image's at homography · (x, y, 1)
    (pixel centres at whole numbers), sampled bilinearly; outside the image is `fill`."""
    width, height = size
    rows, cols = image.shape
    xs = np.arange(width, dtype=np.float64)
    ys = np.arange(height, dtype=np.float64)[:, None]
    h = homography
    z = h[2, 0] * xs + (h[2, 1] * ys + h[2, 2])
    u = ((h[0, 0] * xs + (h[0, 1] * ys + h[0, 2])) / z).astype(np.float32)
    v = ((h[1, 0] * xs + (h[1, 1] * ys + h[1, 2])) / z).astype(np.float32)
    u0, v0 = np.floor(u), np.floor(v)
    fu, fv = u - u0, v - v0
    inside = (u0 >= 0) & (v0 >= 0) & (u0 < cols - 1) & (v0 < rows - 1)
    iu = np.clip(u0, 0, cols - 2).astype(np.intp)
    iv = np.clip(v0, 0, rows - 2).astype(np.intp)
    flat = image.ravel()
    at = iv * cols + iu
    top = flat[at] * (1 - fu) + flat[at + 1] * fu
    bottom = flat[at + cols] * (1 - fu) + flat[at + cols + 1] * fu
    out = top * (1 - fv) + bottom * fv
    out = np.where(inside, out + 0.5, fill)
    return out.astype(np.uint8)


def _resize(image: np.ndarray, size: tuple[int, int], resample: Image.Resampling) -> np.ndarray:
    return np.asarray(Image.fromarray(image).resize(size, resample))


def _gauss3(image: np.ndarray) -> np.ndarray:
    """OpenCV's 3 × 3 Gaussian blur (σ 0.8: weights 1 2 1 each way), borders mirrored, rounded."""
    a = np.pad(image.astype(np.uint16), 1, mode="reflect")
    across = a[:, :-2] + 2 * a[:, 1:-1] + a[:, 2:]
    return ((across[:-2] + 2 * across[1:-1] + across[2:] + 8) >> 4).astype(np.uint8)


def _median3(image: np.ndarray) -> np.ndarray:
    """The 3 × 3 median (borders repeated): each column of three sorted, then the median of the
    largest of the smallest, the median of the middles and the smallest of the largest."""
    a = np.pad(image, 1, mode="edge")
    top, mid, bottom = a[:-2], a[1:-1], a[2:]
    low, high = np.minimum(top, mid), np.maximum(top, mid)
    middle = np.maximum(low, np.minimum(high, bottom))
    low, high = np.minimum(low, bottom), np.maximum(high, bottom)

    def med3(x: np.ndarray, y: np.ndarray, z: np.ndarray) -> np.ndarray:
        return np.maximum(np.minimum(x, y), np.minimum(np.maximum(x, y), z))

    lows = np.maximum(np.maximum(low[:, :-2], low[:, 1:-1]), low[:, 2:])
    highs = np.minimum(np.minimum(high[:, :-2], high[:, 1:-1]), high[:, 2:])
    middles = med3(middle[:, :-2], middle[:, 1:-1], middle[:, 2:])
    return med3(lows, middles, highs)


def _otsu(image: np.ndarray) -> int:
    """The gray level that best splits the image's histogram in two (Otsu): a pixel ≤ it is dark."""
    counts = np.bincount(image.ravel(), minlength=256).astype(np.float64)
    total = counts.sum()
    if total == 0:
        return 127
    levels = np.arange(256, dtype=np.float64)
    weight = np.cumsum(counts)  # pixels ≤ t
    mass = np.cumsum(counts * levels)
    mean_all = mass[-1] / total
    low, high = weight / total, 1 - weight / total
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_low = mass / weight
        mean_high = (mass[-1] - mass) / (total - weight)
        between = low * high * (mean_low - mean_high) ** 2
    between[~np.isfinite(between)] = -1
    best = between.max()
    if best <= 0:
        return int(mean_all)
    return int(np.flatnonzero(between >= best * (1 - 1e-12))[0])


@dataclass(frozen=True)
class Blob:
    """One 8-connected component of a mask: its bounding box, area and centroid (pixel centres at
    whole numbers)."""

    x: int
    y: int
    w: int
    h: int
    area: int
    cx: float
    cy: float


def _components(mask: np.ndarray) -> list[Blob]:
    """The 8-connected components of a boolean mask. Each row's runs of set pixels are the nodes;
    a run touches the runs of the row above that overlap it or meet it at a corner; the runs are
    joined by repeated hooking to the smaller root and pointer jumping (all in numpy)."""
    height, width = mask.shape
    padded = np.zeros((height, width + 2), np.int8)
    padded[:, 1:-1] = mask
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)  # row-major order: starts and ends pair up
    _, ends = np.nonzero(steps == -1)  # exclusive
    count = len(rows)
    if count == 0:
        return []
    stride = width + 3
    start_key, end_key = rows * stride + starts, rows * stride + ends
    above = (rows - 1) * stride
    first = np.searchsorted(end_key, above + starts, "left")  # runs above ending at or after my start - 1
    last = np.searchsorted(start_key, above + ends, "right")  # ...and starting at or before my end + 1
    links = np.maximum(last - first, 0)
    total = int(links.sum())
    parent = np.arange(count)
    if total:
        below_run = np.repeat(np.arange(count), links)
        offsets = np.arange(total) - np.repeat(np.cumsum(links) - links, links)
        above_run = np.repeat(first, links) + offsets
        while True:
            a, b = parent[above_run], parent[below_run]
            differ = a != b
            if not differ.any():
                break
            a, b = a[differ], b[differ]
            low = np.minimum(a, b)
            np.minimum.at(parent, a, low)
            np.minimum.at(parent, b, low)
            while True:
                jumped = parent[parent]
                if np.array_equal(jumped, parent):
                    break
                parent = jumped
            above_run, below_run = above_run[differ], below_run[differ]
    roots, label = np.unique(parent, return_inverse=True)
    n = len(roots)
    length = (ends - starts).astype(np.float64)
    area = np.bincount(label, length, n)
    sum_x = np.bincount(label, length * (starts + ends - 1) / 2, n)
    sum_y = np.bincount(label, length * rows, n)
    x0 = np.full(n, width)
    np.minimum.at(x0, label, starts)
    x1 = np.zeros(n, np.int64)
    np.maximum.at(x1, label, ends)
    y0 = np.full(n, height)
    np.minimum.at(y0, label, rows)
    y1 = np.zeros(n, np.int64)
    np.maximum.at(y1, label, rows)
    return [Blob(int(x0[k]), int(y0[k]), int(x1[k] - x0[k]), int(y1[k] - y0[k] + 1), int(area[k]),
                 float(sum_x[k] / area[k]), float(sum_y[k] / area[k])) for k in range(n)]


def _solid_squares(dark: np.ndarray, side: float, low: float, high: float, fill: float,
                   aspect: tuple[float, float]) -> list[Blob]:
    """Components of `dark` that are solid squares about `side` px wide: area within
    (low·side)² .. (high·side)², at least `fill` of their bounding box, width/height within
    `aspect`."""
    found = []
    for blob in _components(dark):
        if not (low * side) ** 2 <= blob.area <= (high * side) ** 2:
            continue
        if blob.area < fill * blob.w * blob.h or not aspect[0] <= blob.w / max(1, blob.h) <= aspect[1]:
            continue
        found.append(blob)
    return found


def _perspective(source: np.ndarray, target: np.ndarray) -> np.ndarray | None:
    """The homography taking the points `source` to `target` (exact for four, least squares for
    more), both normalised first; None when the points are degenerate."""
    source, target = np.asarray(source, np.float64), np.asarray(target, np.float64)

    def normaliser(points: np.ndarray) -> np.ndarray:
        centre = points.mean(axis=0)
        spread = np.sqrt(((points - centre) ** 2).sum(axis=1)).mean() or 1.0
        k = np.sqrt(2) / spread
        return np.array([[k, 0, -k * centre[0]], [0, k, -k * centre[1]], [0, 0, 1]])

    ns, nt = normaliser(source), normaliser(target)
    s = (ns @ np.c_[source, np.ones(len(source))].T).T
    t = (nt @ np.c_[target, np.ones(len(target))].T).T
    rows = []
    for (x, y, _), (u, v, _) in zip(s, t):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y, -u])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y, -v])
    _, singular, vt = np.linalg.svd(np.array(rows))
    if singular[-2] < 1e-10:
        return None
    h = vt[-1].reshape(3, 3)
    matrix = np.linalg.inv(nt) @ h @ ns
    if abs(matrix[2, 2]) < 1e-12:
        return None
    return matrix / matrix[2, 2]


def _similarity(source: np.ndarray, target: np.ndarray) -> np.ndarray | None:
    """The turn, uniform scale and shift (2 × 3) that best take `source` to `target` (least squares)."""
    rows, values = [], []
    for (x, y), (u, v) in zip(np.asarray(source, np.float64), np.asarray(target, np.float64)):
        rows += [[x, -y, 1, 0], [y, x, 0, 1]]
        values += [u, v]
    (a, b, tx, ty), *_ = np.linalg.lstsq(np.array(rows), np.array(values), rcond=None)
    if a == 0 and b == 0:
        return None
    return np.array([[a, -b, tx], [b, a, ty]])


# -- geometry -------------------------------------------------------------------------------


def _corner_squares(image: np.ndarray) -> np.ndarray | None:
    """The centres of the four solid squares nearest the image's corners (top left, top right,
    bottom right, bottom left of the image), found without knowing the page's scale beyond its
    being about one copy wide; None when there are not four that make a copy's rectangle. Found
    on a view about 1000 px wide (the image reduced by a whole factor), then each measured again
    on the image itself."""
    height, width = image.shape
    factor = max(1, round(width / 1000))
    view = image if factor == 1 else np.asarray(Image.fromarray(image).reduce(factor))
    sx, sy = view.shape[1] / width, view.shape[0] / height
    dark = view <= _otsu(view)
    side = view.shape[1] * FIDUCIAL / 210
    candidates = [(b.cx, b.cy) for b in _solid_squares(dark, side, 0.55, 1.6, 0.75, (0.75, 1.33))]
    if len(candidates) < 4:
        return None
    points = np.array(candidates)
    s, d = points.sum(axis=1), points[:, 0] - points[:, 1]
    corners = points[[np.argmin(s), np.argmax(d), np.argmax(s), np.argmin(d)]]
    if len({tuple(p) for p in corners}) < 4:
        return None
    corners = np.c_[(corners[:, 0] + 0.5) / sx - 0.5, (corners[:, 1] + 0.5) / sy - 0.5]
    px_per_mm = width / 210
    refined = [_find_square(image, point, px_per_mm, reach_mm=FIDUCIAL) for point in corners]
    return np.array([r if r is not None else p for r, p in zip(refined, corners)], np.float64)


def _homography(squares: np.ndarray, copy_height: float, turn: int) -> np.ndarray:
    """mm on the copy to the image, when the copy's top left square is the image's corner `turn`
    (0 top left, 1 top right, 2 bottom right, 3 bottom left: turned by 90° steps)."""
    near, far_x, far_y = FIDUCIAL_INSET, 210 - FIDUCIAL_INSET, copy_height - FIDUCIAL_INSET
    targets = np.array([(near, near), (far_x, near), (far_x, far_y), (near, far_y)], np.float64)
    image_points = np.roll(squares, -turn, axis=0)
    homography = _perspective(targets, image_points)
    return homography if homography is not None else np.eye(3)


def _qr_darkness(image: np.ndarray, homography: np.ndarray, copy_height: float) -> float:
    """How dark the place of the QR code is under this guess of the page's turn (cheap, 2 px/mm)."""
    x, y = QR_X, (copy_height - QR_SIZE) / 2
    shift = np.array([[0.5, 0, x], [0, 0.5, y], [0, 0, 1]])
    size = int(QR_SIZE * 2)
    patch = _warp(image, homography @ shift, (size, size))
    return 255 - float(patch.mean())


MICRO_QR_MODULES = 17  # an M4 Micro QR code is 17 × 17 modules, printed QR_SIZE wide with no border


def _code_at(image: np.ndarray, homography: np.ndarray, copy_height: float) -> str | None:
    """The Micro QR code where the copy has it. The corner squares put it within a small part of
    a module, so its modules are sampled where they were printed (each one's centre, warped
    upright at 10 px a module) and drawn again clean for zxing-cpp, at a few thresholds and
    shifts of a third of a module; failing that, the warped picture itself is given to zxing-cpp
    at two sizes, as it is and thresholded. Error correction decides: a code is never guessed."""
    import zxingcpp

    x, y, side = QR_X, (copy_height - QR_SIZE) / 2, QR_SIZE
    module = side / MICRO_QR_MODULES
    per = 10  # px a module
    margin = 2  # modules around the code in the crop
    size = (MICRO_QR_MODULES + 2 * margin) * per
    scale = per / module  # px per mm
    shift = np.array([[1 / scale, 0, x - margin * module], [0, 1 / scale, y - margin * module], [0, 0, 1]])
    crop = _warp(image, homography @ shift, (size, size)).astype(np.float32)
    for dy in (0, -3, 3):
        for dx in (0, -3, 3):
            centre = margin * per + per // 2
            ys = centre + dy + per * np.arange(MICRO_QR_MODULES)
            xs = centre + dx + per * np.arange(MICRO_QR_MODULES)
            # each module: the mean of its middle 4 × 4 px
            cells = sum(crop[np.ix_(ys + oy, xs + ox)] for oy in (-2, -1, 0, 1) for ox in (-2, -1, 0, 1)) / 16
            for level in _module_levels(cells):
                text = _decode_clean(cells <= level)
                if text is not None:
                    return text
    # the warped picture itself, at two sizes
    margin_mm = 2.5
    for scale in (12.0, 8.0):
        size = int((side + 2 * margin_mm) * scale)
        shift = np.array([[1 / scale, 0, x - margin_mm], [0, 1 / scale, y - margin_mm], [0, 0, 1]])
        crop = _warp(image, homography @ shift, (size, size))
        edge = int((margin_mm - 0.4) * scale)
        crop[:edge], crop[-edge:], crop[:, :edge], crop[:, -edge:] = 255, 255, 255, 255
        blurred = _gauss3(crop)
        flat = np.where(blurred > _otsu(blurred), 255, 0).astype(np.uint8)
        for candidate in (crop, flat):
            found = zxingcpp.read_barcodes(candidate, formats=zxingcpp.BarcodeFormat.MicroQRCode, try_rotate=False,
                                           binarizer=zxingcpp.Binarizer.GlobalHistogram)
            if found:
                return found[0].text
    return None


def _module_levels(cells: np.ndarray) -> list[float]:
    """Thresholds to try between the code's dark and light modules: Otsu's split of the module
    means first, then the midpoint of the two groups and a little either side."""
    values = np.sort(cells.ravel())
    lo, hi = float(values[:40].mean()), float(values[-40:].mean())
    if hi - lo < 40:  # no code here: paper, or a solid dark patch
        return []
    first = _otsu(np.clip(cells, 0, 255).astype(np.uint8))
    middle = (lo + hi) / 2
    levels = [first, middle, middle - 0.12 * (hi - lo), middle + 0.12 * (hi - lo)]
    out: list[float] = []
    for level in levels:
        if all(abs(level - other) > 2 for other in out):
            out.append(level)
    return out


def _decode_clean(dark: np.ndarray) -> str | None:
    """Draw the modules again, crisp (8 px a module, a quiet zone of four), and decode."""
    import zxingcpp

    picture = np.where(dark, 0, 255).astype(np.uint8)
    picture = np.pad(np.kron(picture, np.ones((8, 8), np.uint8)), 32, constant_values=255)
    found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.MicroQRCode, try_rotate=False,
                                   try_downscale=False, try_invert=False, binarizer=zxingcpp.Binarizer.FixedThreshold)
    return found[0].text if found else None


def _find_codes(image: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """Each Micro QR code on the page, with its corners (top left, top right, bottom right,
    bottom left of the symbol as printed) in the image. The whole page first; when nothing is
    found, its left and right margins (where an upright or upside-down copy has its code)
    enlarged twice, which a small code at 150 dpi and a slight turn needs."""
    import zxingcpp

    def read(part: np.ndarray, scale: float, dx: int) -> list[tuple[str, np.ndarray]]:
        found = zxingcpp.read_barcodes(part, formats=zxingcpp.BarcodeFormat.MicroQRCode)
        out = []
        for barcode in found:
            p = barcode.position
            corners = np.array([[q.x, q.y] for q in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)],
                               np.float64) / scale
            corners[:, 0] += dx
            out.append((barcode.text, corners))
        return out

    found = read(image, 1.0, 0)
    if found:
        return found
    height, width = image.shape
    strip = max(8, int(width * 0.12))
    for dx in (0, width - strip):
        part = _resize(np.ascontiguousarray(image[:, dx:dx + strip]), (2 * strip, 2 * height),
                       Image.Resampling.BICUBIC)
        found += read(part, 2.0, dx)
    return found


def _locate(image: np.ndarray, layout: BallotLayout, image_qr: np.ndarray) -> np.ndarray | None:
    """The homography from a copy's mm to the image's pixels, from the corner squares found near
    where the QR code's corners put them (a turn, scale and shift fitted to those corners: a
    perspective fitted to a 10 mm square would throw the far corners anywhere); None when one is
    missing."""
    x, y, side = layout.qr_box()
    mm_qr = np.array([[x, y], [x + side, y], [x + side, y + side], [x, y + side]], np.float64)
    rough = _similarity(mm_qr, image_qr)  # turn, scale, shift: it extrapolates steadily
    if rough is None:
        return None
    px_per_mm = float(np.mean(np.linalg.norm(np.diff(np.vstack([image_qr, image_qr[:1]]), axis=0), axis=1))) / side
    targets = np.array(layout.fiducials(), np.float64)
    predicted = targets @ rough[:, :2].T + rough[:, 2]
    found = []
    for point in predicted:
        centre = _find_square(image, point, px_per_mm)
        if centre is None:
            return None
        found.append(centre)
    return _perspective(targets, np.array(found, np.float64))


def _find_square(image: np.ndarray, point: np.ndarray, px_per_mm: float,
                 reach_mm: float = 13.0) -> tuple[float, float] | None:
    """The centre of the solid square nearest `point`, within a window of 2 × `reach_mm`."""
    reach = int(reach_mm * px_per_mm)
    cx, cy = int(round(point[0])), int(round(point[1]))
    x0, y0 = max(0, cx - reach), max(0, cy - reach)
    x1, y1 = min(image.shape[1], cx + reach), min(image.shape[0], cy + reach)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    window = image[y0:y1, x0:x1]
    dark = window <= _otsu(window)
    best, best_distance = None, None
    # solid and squarish (rotated ≤ a few °)
    for blob in _solid_squares(dark, FIDUCIAL * px_per_mm, np.sqrt(0.5), np.sqrt(1.8), 0.7, (0.6, 1.6)):
        centre = (x0 + blob.cx, y0 + blob.cy)
        distance = (centre[0] - point[0]) ** 2 + (centre[1] - point[1]) ** 2
        if best_distance is None or distance < best_distance:
            best, best_distance = centre, distance
    return best


def _ink(upright: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each pixel's darkness as a share of the paper's brightness (0 paper, 1 black): speckle
    removed (a median), and only lightly smoothed (where a thin light line survives)."""
    smooth = _median3(upright)
    paper = max(float(np.percentile(smooth, 90)), 1.0)
    light = _gauss3(upright).astype(np.float32)
    return (np.clip((paper - smooth.astype(np.float32)) / paper, 0, 1),
            np.clip((paper - light) / paper, 0, 1))


def _px_box(x: float, y: float, w: float, h: float) -> tuple[int, int, int, int]:
    return int(round(x * PX_PER_MM)), int(round(y * PX_PER_MM)), int(round(w * PX_PER_MM)), int(round(h * PX_PER_MM))


def _fill(ink: np.ndarray, x: float, y: float, w: float, h: float, level: float = INK,
          at: tuple[int, int] = (0, 0)) -> float:
    """The share of a box's inner part that is ink; `ink` is the upright copy's from pixel `at` on."""
    bx, by, bw, bh = _px_box(x + INSET, y + INSET, w - 2 * INSET, h - 2 * INSET)
    bx, by = bx - at[0], by - at[1]
    region = ink[max(0, by):by + bh, max(0, bx):bx + bw]
    return float(np.mean(region > level)) if region.size else 1.0


def _grid_matches(ink: np.ndarray, layout: BallotLayout, first_row_y: float, rows: int,
                  at: tuple[int, int] = (0, 0)) -> bool:
    """The row lines across the three level columns are dark where the layout puts them."""
    left, right = int(layout.box_x[0] * PX_PER_MM) - at[0], int((layout.box_x[2] + LEVEL_W) * PX_PER_MM) - at[0]
    band = max(1, int(0.6 * PX_PER_MM))
    hits = 0
    for i in range(rows + 1):
        y = int(round((first_row_y + i * layout.pitch) * PX_PER_MM)) - at[1]
        strip = ink[max(0, y - band):y + band + 1, left:right]
        if strip.size and float(np.mean(strip.max(axis=0) > INK)) > 0.8:
            hits += 1
    return hits >= 0.9 * (rows + 1)


# -- a cell -----------------------------------------------------------------------------------


def _read_cell(order: int, fills: Sequence[float], faints: Sequence[float], box: tuple[int, int, int, int]) -> Cell:
    """A box is empty only when it is clean both ways: little ink after the median, and little
    even faintly dark before it (a light pencil line the median thins away)."""
    fills = tuple(round(f, 4) for f in fills)
    marked = [k for k, f in enumerate(fills) if f >= MARK]
    empty = [k for k, f in enumerate(fills) if f <= EMPTY and faints[k] <= FAINT]
    if len(marked) == 1 and len(empty) == 2:
        top, second = fills[marked[0]], max(fills[k] for k in empty)
        confidence = min(1.0, (top - MARK) / MARK + 0.5) * (1 - second / EMPTY / 2)
        return Cell(order, fills, Reading.LEVEL, LEVELS[marked[0]], round(max(0.0, confidence), 3), True, box)
    if len(empty) == 3:
        confidence = 1 - max(fills) / EMPTY / 2
        return Cell(order, fills, Reading.NO_MARK, Mark.NO_MARK, round(confidence, 3), True, box)
    if len(marked) >= 2:
        return Cell(order, fills, Reading.SEVERAL, Mark.MULTI, 0.5, False, box)
    proposal = LEVELS[int(np.argmax(fills))] if marked else None
    return Cell(order, fills, Reading.DOUBTFUL, proposal, 0.0, False, box)
