"""DOCX writer: GB/T 9704-2012 layout for 简报, 公文, speeches and news (the work is done in ``bulletin_format.docx``).

Options: ``profile`` — a profile name (default ``gbt9704-2012``), a dict of setting overrides, or a Profile.
"""

from __future__ import annotations

from ..docx.profile import ProfileLike, load_profile
from ..docx.writer import compose
from ..model import Document


def write(doc: Document, profile: ProfileLike = None) -> bytes:
    """``doc`` as DOCX bytes. Characters XML cannot hold are dropped, with a warning in ``doc.warnings``.

    The options are explicit keyword parameters (not ``**options``) so that ``batch.split_options`` can tell
    which options this writer accepts.
    """
    data, dropped = compose(doc, load_profile(profile))
    if dropped:
        warning = f"docx: dropped {dropped} control character(s) that XML cannot hold"
        if warning not in doc.warnings:
            doc.warnings.append(warning)
    return data
