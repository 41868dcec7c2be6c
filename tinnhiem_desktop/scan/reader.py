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
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import cv2
import numpy as np

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
    upright: np.ndarray  # the copy warped upright at PX_PER_MM, for the review's cell images

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
            if image.ndim == 3:
                image = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY) if image.shape[2] == 3 else image[:, :, 0]
            page.close()
            yield image, _pixels_digest(image)
    finally:
        document.close()


def _image_frames(data: bytes) -> list[np.ndarray]:
    buffer = np.frombuffer(data, np.uint8)
    ok, frames = cv2.imdecodemulti(buffer, cv2.IMREAD_GRAYSCALE)
    if ok and frames:
        return list(frames)
    image = cv2.imdecode(buffer, cv2.IMREAD_GRAYSCALE)
    return [image] if image is not None else []


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
        width, height = int(round(210 * PX_PER_MM)), int(round(layout.copy_height * PX_PER_MM))
        scale = np.diag([PX_PER_MM, PX_PER_MM, 1.0])
        upright = cv2.warpPerspective(page.image, homography @ np.linalg.inv(scale), (width, height),
                                      flags=cv2.WARP_INVERSE_MAP | cv2.INTER_AREA, borderValue=255)
        ink, faint = _ink(upright)
        layout_page = layout.pages[code.page - 1]
        first_row_y = layout_page.first_row_y  # on the copy, the top copy's figures are the copy's own
        if not _grid_matches(ink, layout, first_row_y, len(layout_page.orders)):
            return SetAsidePage(page, SetAside.UNREADABLE, "lưới ô không khớp với mẫu phiếu", thumbnail(page.image))
        cells = [
            _read_cell(order, [_fill(ink, x, first_row_y + i * layout.pitch, LEVEL_W, layout.pitch)
                               for x in layout.box_x],
                       [_fill(faint, x, first_row_y + i * layout.pitch, LEVEL_W, layout.pitch, FAINT_INK)
                        for x in layout.box_x],
                       _px_box(layout.box_x[0], first_row_y + i * layout.pitch, 3 * LEVEL_W, layout.pitch))
            for i, order in enumerate(layout_page.orders)
        ]
        return ReadPage(page, code, form.code, cells, upright)

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
    return cv2.resize(image, (width, height), interpolation=cv2.INTER_AREA)


# -- geometry -------------------------------------------------------------------------------


def _corner_squares(image: np.ndarray) -> np.ndarray | None:
    """The centres of the four solid squares nearest the image's corners (top left, top right,
    bottom right, bottom left of the image), found without knowing the page's scale beyond its
    being about one copy wide; None when there are not four that make a copy's rectangle."""
    height, width = image.shape
    small = 1.0 if width <= 1400 else 1400 / width
    view = image if small == 1.0 else cv2.resize(image, None, fx=small, fy=small, interpolation=cv2.INTER_AREA)
    _, dark = cv2.threshold(view, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(dark, connectivity=8)
    side = view.shape[1] * FIDUCIAL / 210
    candidates = []
    for k in range(1, count):
        w, h, area = stats[k, cv2.CC_STAT_WIDTH], stats[k, cv2.CC_STAT_HEIGHT], stats[k, cv2.CC_STAT_AREA]
        if not (0.55 * side) ** 2 <= area <= (1.6 * side) ** 2:
            continue
        if area < 0.75 * w * h or not 0.75 <= w / max(1, h) <= 1.33:
            continue
        candidates.append(centroids[k])
    if len(candidates) < 4:
        return None
    points = np.array(candidates)
    s, d = points.sum(axis=1), points[:, 0] - points[:, 1]
    corners = points[[np.argmin(s), np.argmax(d), np.argmax(s), np.argmin(d)]]
    if len({tuple(p) for p in corners}) < 4:
        return None
    return corners / small


def _homography(squares: np.ndarray, copy_height: float, turn: int) -> np.ndarray:
    """mm on the copy to the image, when the copy's top left square is the image's corner `turn`
    (0 top left, 1 top right, 2 bottom right, 3 bottom left: turned by 90° steps)."""
    near, far_x, far_y = FIDUCIAL_INSET, 210 - FIDUCIAL_INSET, copy_height - FIDUCIAL_INSET
    targets = np.array([(near, near), (far_x, near), (far_x, far_y), (near, far_y)], np.float64)
    image_points = np.roll(squares, -turn, axis=0)
    return cv2.getPerspectiveTransform(targets.astype(np.float32), image_points.astype(np.float32)).astype(np.float64)


def _qr_darkness(image: np.ndarray, homography: np.ndarray, copy_height: float) -> float:
    """How dark the place of the QR code is under this guess of the page's turn (cheap, 2 px/mm)."""
    x, y = QR_X, (copy_height - QR_SIZE) / 2
    shift = np.array([[0.5, 0, x], [0, 0.5, y], [0, 0, 1]])
    size = int(QR_SIZE * 2)
    patch = cv2.warpPerspective(image, homography @ shift, (size, size), flags=cv2.WARP_INVERSE_MAP | cv2.INTER_AREA,
                                borderValue=255)
    return 255 - float(patch.mean())


def _code_at(image: np.ndarray, homography: np.ndarray, copy_height: float) -> str | None:
    """The Micro QR code where the copy has it, warped upright, its quiet zone cleaned (the
    table's rule is 1 mm away), tried at two sizes, as it is and thresholded."""
    import zxingcpp

    x, y, side = QR_X, (copy_height - QR_SIZE) / 2, QR_SIZE
    margin = 2.5
    for scale in (12.0, 8.0):
        size = int((side + 2 * margin) * scale)
        shift = np.array([[1 / scale, 0, x - margin], [0, 1 / scale, y - margin], [0, 0, 1]])
        crop = cv2.warpPerspective(image, homography @ shift, (size, size),
                                   flags=cv2.WARP_INVERSE_MAP | cv2.INTER_LINEAR, borderValue=255)
        edge = int((margin - 0.4) * scale)
        crop[:edge], crop[-edge:], crop[:, :edge], crop[:, -edge:] = 255, 255, 255, 255
        _, flat = cv2.threshold(cv2.GaussianBlur(crop, (3, 3), 0), 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
        for picture in (crop, flat):
            found = zxingcpp.read_barcodes(picture, formats=zxingcpp.BarcodeFormat.MicroQRCode, try_rotate=False,
                                           binarizer=zxingcpp.Binarizer.GlobalHistogram)
            if found:
                return found[0].text
    return None


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
    width = image.shape[1]
    strip = max(8, int(width * 0.12))
    for dx in (0, width - strip):
        part = cv2.resize(image[:, dx:dx + strip], None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        found += read(part, 2.0, dx)
    return found


def _locate(image: np.ndarray, layout: BallotLayout, image_qr: np.ndarray) -> np.ndarray | None:
    """The homography from a copy's mm to the image's pixels, from the corner squares found near
    where the QR code's corners put them (a turn, scale and shift fitted to those corners: a
    perspective fitted to a 10 mm square would throw the far corners anywhere); None when one is
    missing."""
    x, y, side = layout.qr_box()
    mm_qr = np.array([[x, y], [x + side, y], [x + side, y + side], [x, y + side]], np.float64)
    rough, _ = cv2.estimateAffinePartial2D(mm_qr, image_qr)  # turn, scale, shift: it extrapolates steadily
    if rough is None:
        return None
    px_per_mm = float(np.mean(np.linalg.norm(np.diff(np.vstack([image_qr, image_qr[:1]]), axis=0), axis=1))) / side
    targets = np.array(layout.fiducials(), np.float64)
    predicted = cv2.transform(targets.reshape(-1, 1, 2), rough).reshape(-1, 2)
    found = []
    for point in predicted:
        centre = _find_square(image, point, px_per_mm)
        if centre is None:
            return None
        found.append(centre)
    exact, _ = cv2.findHomography(targets, np.array(found, np.float64))
    return exact


def _find_square(image: np.ndarray, point: np.ndarray, px_per_mm: float) -> tuple[float, float] | None:
    """The centre of the solid square nearest `point`, within a window of about 26 mm."""
    reach = int(13 * px_per_mm)
    cx, cy = int(round(point[0])), int(round(point[1]))
    x0, y0 = max(0, cx - reach), max(0, cy - reach)
    x1, y1 = min(image.shape[1], cx + reach), min(image.shape[0], cy + reach)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    window = image[y0:y1, x0:x1]
    _, dark = cv2.threshold(window, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(dark, connectivity=8)
    expected = (FIDUCIAL * px_per_mm) ** 2
    best, best_distance = None, None
    for k in range(1, count):
        w, h, area = stats[k, cv2.CC_STAT_WIDTH], stats[k, cv2.CC_STAT_HEIGHT], stats[k, cv2.CC_STAT_AREA]
        if not 0.5 * expected <= area <= 1.8 * expected:
            continue
        if area < 0.7 * w * h or not 0.6 <= w / max(1, h) <= 1.6:  # solid and squarish (rotated ≤ a few °)
            continue
        centre = (x0 + centroids[k][0], y0 + centroids[k][1])
        distance = (centre[0] - point[0]) ** 2 + (centre[1] - point[1]) ** 2
        if best_distance is None or distance < best_distance:
            best, best_distance = centre, distance
    return best


def _ink(upright: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each pixel's darkness as a share of the paper's brightness (0 paper, 1 black): speckle
    removed (a median), and only lightly smoothed (where a thin light line survives)."""
    smooth = cv2.medianBlur(upright, 3)
    paper = max(float(np.percentile(smooth, 90)), 1.0)
    light = cv2.GaussianBlur(upright, (3, 3), 0).astype(np.float32)
    return (np.clip((paper - smooth.astype(np.float32)) / paper, 0, 1),
            np.clip((paper - light) / paper, 0, 1))


def _px_box(x: float, y: float, w: float, h: float) -> tuple[int, int, int, int]:
    return int(round(x * PX_PER_MM)), int(round(y * PX_PER_MM)), int(round(w * PX_PER_MM)), int(round(h * PX_PER_MM))


def _fill(ink: np.ndarray, x: float, y: float, w: float, h: float, level: float = INK) -> float:
    bx, by, bw, bh = _px_box(x + INSET, y + INSET, w - 2 * INSET, h - 2 * INSET)
    region = ink[by:by + bh, bx:bx + bw]
    return float(np.mean(region > level)) if region.size else 1.0


def _grid_matches(ink: np.ndarray, layout: BallotLayout, first_row_y: float, rows: int) -> bool:
    """The row lines across the three level columns are dark where the layout puts them."""
    left, right = int(layout.box_x[0] * PX_PER_MM), int((layout.box_x[2] + LEVEL_W) * PX_PER_MM)
    band = max(1, int(0.6 * PX_PER_MM))
    hits = 0
    for i in range(rows + 1):
        y = int(round((first_row_y + i * layout.pitch) * PX_PER_MM))
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
