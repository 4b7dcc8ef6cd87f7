"""DOCX writer: GB/T 9704-2012 layout for 简报, 公文, speeches and news (the work is done in ``bulletin_format.docx``).

Options: ``profile`` — a profile name (default ``gbt9704-2012``), a dict of setting overrides, or a Profile;
``seal`` — lay out 署名 and 成文日期 for a sealed document (GB/T 9704 §7.3.5.1: 成文日期 右空四字, the organ centred
over the date, room for the seal above it) instead of the unsealed layout (§7.3.5.2).

Every failure is a ``BulletinFormatError`` subclass: options are checked before any work
(``WriterOptionError``, ``ProfileError``), and anything the layout or python-docx cannot do becomes a
``DocxWriteError`` naming the document.
"""

from __future__ import annotations

import inspect
from typing import Any

from ..docx.profile import ProfileLike, load_profile
from ..errors import BulletinFormatError, DocxWriteError, WriterOptionError
from ..model import Document


def check_options(profile: ProfileLike = None, seal: bool = False) -> None:
    """The writer's options checked before any work (``convert`` calls this before it reads the input):
    a bad ``seal`` is a WriterOptionError, a bad profile a ProfileError."""
    _check_seal(seal, None)
    load_profile(profile)


def _check_seal(seal: object, name: str | None) -> None:
    if not isinstance(seal, bool):
        raise WriterOptionError(f"seal must be True or False, not {seal!r}", source=name)


def write(doc: Document, profile: ProfileLike = None, seal: bool = False, **unknown: Any) -> bytes:
    """``doc`` as DOCX bytes. Characters XML cannot hold and bidi controls are dropped, with a warning in
    ``doc.warnings``.

    The signature seen by ``inspect`` lists only the real options (``__signature__`` below), so that
    ``batch.split_options`` can tell which options this writer accepts; a misspelled option given directly
    lands in ``unknown`` and is a ``WriterOptionError``, not a bare TypeError.
    """
    from ..docx.writer import compose

    name = (doc.source.path if doc.source else None) or "<document>"
    if unknown:
        raise WriterOptionError(
            f"unknown DOCX writer option(s): {', '.join(sorted(unknown))}",
            source=name,
            hint="the DOCX writer takes profile= and seal=",
        )
    _check_seal(seal, name)
    prof = load_profile(profile)
    try:
        data, dropped = compose(doc, prof, seal=seal)
    except BulletinFormatError:
        raise
    except Exception as e:  # a limit of python-docx or lxml: typed, with the document named
        raise DocxWriteError(
            f"the DOCX writer failed ({type(e).__name__}: {e})",
            source=name,
            hint="please report this with the input; other output formats are not affected",
        ) from e
    for key, count in dropped.items():
        if count:
            warning = f"docx: dropped {count} {key}"
            if warning not in doc.warnings:
                doc.warnings.append(warning)
    return data


# a function takes attributes, but mypy does not model them: inspect.signature reads this one
write.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
    [p for p in inspect.signature(write).parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
)
