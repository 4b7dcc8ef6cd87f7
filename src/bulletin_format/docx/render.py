"""Rendering a DOCX the way a reader sees it: LibreOffice to PDF, then the printed words and their boxes.

``to_pdf(paths, outdir)`` runs one headless soffice (a throw-away user profile, the project's fonts.conf so the
official font names resolve to installed free fonts); ``read_pages(pdf)`` reads every word with its box
(``pdftotext -bbox``); ``pdf_fonts(pdf)`` lists the fonts really embedded (``pdffonts``), and
``font_stand_in(name)`` the installed font fontconfig uses for a requested name. Used by ``check --render``
and by the render tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import RenderError

RENDER_TIMEOUT_S = 300  # one soffice call for a batch; a hung conversion must not hang the caller
LINE_TOLERANCE_PT = 2.0  # words whose tops are this close print on one line


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def available() -> bool:
    """True when LibreOffice and poppler-utils are installed (rendering can be measured)."""
    return bool(soffice() and shutil.which("pdftotext"))


def fonts_conf() -> Path:
    return Path(str(resources.files("bulletin_format").joinpath("render").joinpath("fonts.conf")))


def render_env() -> dict[str, str]:
    return dict(os.environ, FONTCONFIG_FILE=str(fonts_conf()))


def to_pdf(paths: Sequence[Path], outdir: Path) -> list[Path]:
    """Convert DOCX files to PDF in ``outdir`` with one soffice call; the PDF paths, in order."""
    office = soffice()
    if not office:
        raise RenderError("LibreOffice (soffice) is not installed", hint="install libreoffice-writer-nogui")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bf-lo-profile-") as profile:
        cmd = [office, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", "pdf"]
        cmd += ["--outdir", str(outdir), *map(str, paths)]
        try:
            subprocess.run(cmd, env=render_env(), capture_output=True, timeout=RENDER_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice did not finish within {RENDER_TIMEOUT_S} s") from None
    pdfs = [outdir / (Path(p).stem + ".pdf") for p in paths]
    for path, pdf in zip(paths, pdfs, strict=True):
        if not pdf.exists():
            raise RenderError("LibreOffice produced no PDF", source=str(path), hint="open the file in LibreOffice")
    return pdfs


@dataclass
class Word:
    """A printed word: its box in points from the top left of the page."""

    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass
class Page:
    width: float
    height: float
    words: list[Word] = field(default_factory=list)

    def rows(self, top: float = 0.0, bottom: float | None = None) -> list[list[Word]]:
        """Words between ``top`` and ``bottom`` grouped by line, top to bottom, each left to right."""
        bottom = self.height if bottom is None else bottom
        rows: list[list[Word]] = []
        for word in sorted((w for w in self.words if top <= w.y1 <= bottom), key=lambda w: (w.y0, w.x0)):
            if rows and abs(rows[-1][0].y0 - word.y0) < LINE_TOLERANCE_PT:
                rows[-1].append(word)
            else:
                rows.append([word])
        return [sorted(r, key=lambda w: w.x0) for r in rows]


def read_pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its words (``pdftotext -bbox``)."""
    from lxml import etree

    tool = shutil.which("pdftotext")
    if not tool:
        raise RenderError("pdftotext is not installed", hint="install poppler-utils")
    xml = subprocess.run([tool, "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    pages = []
    for page in root.iter("{*}page"):
        words = []
        for w in page.iter("{*}word"):
            x0, y0, x1, y1 = (float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))
            words.append(Word(x0, y0, x1, y1, w.text or ""))
        pages.append(Page(float(page.get("width", 0)), float(page.get("height", 0)), words))
    return pages


@dataclass
class Raster:
    """A page as grey pixels (0 black … 255 white), ``dpi`` pixels per inch."""

    width: int
    height: int
    dpi: int
    pixels: bytes

    def px(self, pt: float) -> int:
        return round(pt * self.dpi / 72)

    def pt(self, px: float) -> float:
        return px * 72 / self.dpi

    def has_run(
        self, line: int, start: int, stop: int, shortest: int, longest: int, vertical: bool = False, dark: int = 170
    ) -> bool:
        """Whether row ``line`` (or column, ``vertical``) holds, between ``start`` and ``stop``, a run of dark pixels
        at least ``shortest`` and at most ``longest`` long."""
        run = 0
        end = min(stop, self.height if vertical else self.width)
        for i in range(max(0, start), end + 1):
            value = (
                255
                if i == end
                else self.pixels[i * self.width + line]
                if vertical
                else self.pixels[line * self.width + i]
            )
            if value < dark:
                run += 1
                continue
            if shortest <= run <= longest:
                return True
            run = 0
        return False


def rasters(pdf: Path, dpi: int = 100) -> list[Raster]:
    """Every page of ``pdf`` in grey pixels (one ``pdftoppm`` call)."""
    tool = shutil.which("pdftoppm")
    if not tool:
        raise RenderError("pdftoppm is not installed", hint="install poppler-utils")
    data = subprocess.run([tool, "-r", str(dpi), "-gray", str(pdf)], capture_output=True, check=True).stdout
    pages = []
    view = memoryview(data)
    position = 0
    while position < len(data):
        header: list[bytes] = []
        while len(header) < 4:  # P5, width, height, maxval: whitespace-separated, then one whitespace byte
            end = position
            while data[end : end + 1] not in (b" ", b"\n", b"\r", b"\t"):
                end += 1
            header.append(bytes(view[position:end]))
            position = end + 1
        width, height = int(header[1]), int(header[2])
        pages.append(Raster(width, height, dpi, bytes(view[position : position + width * height])))
        position += width * height
    return pages


def pdf_fonts(pdf: Path) -> list[str]:
    """The names of the fonts embedded in ``pdf`` (subset prefixes removed)."""
    tool = shutil.which("pdffonts")
    if not tool:
        return []
    out = subprocess.run([tool, str(pdf)], capture_output=True, text=True, check=False).stdout.splitlines()[2:]
    names = []
    for line in out:
        name = line.split(" ", 1)[0]
        names.append(name.split("+", 1)[1] if "+" in name[:7] else name)
    return sorted(set(names))


def font_stand_in(name: str) -> str:
    """The installed font fontconfig gives for ``name`` with the project's fonts.conf (what LibreOffice prints)."""
    tool = shutil.which("fc-match")
    if not tool:
        return "(fc-match not installed)"
    out = subprocess.run([tool, "-f", "%{family[0]}", name], capture_output=True, text=True, env=render_env())
    return out.stdout.strip() or "(none)"
