"""公文 structure (发文字号, 主送机关, 落款, 附件, 附注, 版记) — filled in by the 公文 pass."""

from __future__ import annotations

from ..lines import Line, PassState
from ..model import Document, Header


def take_header(state: PassState, lines: list[Line], header: Header) -> list[Line]:
    """Take 版头 lines (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人) off the top of ``lines``."""
    return lines


def apply(doc: Document, state: PassState) -> None:
    """Turn the single article's blocks into 公文 parts (addressee, signatures, notes, attachments)."""
