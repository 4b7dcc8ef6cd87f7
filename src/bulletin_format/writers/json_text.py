"""The JSON text ``convert()`` returns, held lean while it is made and joined once the Document is gone.

``json_writer.write`` joins its chunks while its caller still holds the Document: the Document, every chunk
and the joined text were alive together — for a name list 9× + 11× + 11× its input. ``api.convert`` has the
only reference to its Document, so it hands the chunks here (``json_writer.write_chunks``), lets the Document
go, and only then asks for the text (``JsonText.text``). Up to ``LEAN_CHARS`` nothing differs from ``write``:
the chunks are kept as they come and joined. Past it each chunk is kept in whichever form takes less memory —
UTF-8 (JSON syntax around a few Chinese characters: about half its size as a str, which takes 2 bytes a
character as soon as one is not Latin-1) or the str (Chinese text: 3 bytes a character in UTF-8) — and at
the end all become one form, UTF-8 joined and decoded once, or strs joined, whichever is smaller. Lone
surrogates (a ``text=`` input may hold them) go through UTF-8 and back unchanged (``surrogatepass``): the
text is always the chunks' join.
"""

from __future__ import annotations

import sys

# The JSON text held as plain chunks up to this many characters (a page's JSON: 10–100 K characters): below it
# the chunks are joined as ``write`` joins them, with no encoding — the cost of a typical document unchanged.
# Past it (a document of several MB) the chunks are made smaller.
LEAN_CHARS = 1 << 20


class JsonText:
    """A sink for ``json_writer.write_chunks``: ``add`` each chunk, then ``text()`` once (the chunks joined)."""

    __slots__ = ("chars", "parts")

    def __init__(self) -> None:
        self.parts: list[str | bytes] = []
        self.chars = 0  # characters added so far

    def add(self, chunk: str) -> None:
        self.chars += len(chunk)
        if self.chars <= LEAN_CHARS:
            self.parts.append(chunk)
            return
        if len(self.parts) and self.chars - len(chunk) <= LEAN_CHARS:  # just past: the chunks held made lean too
            self.parts = [_lean(part) if isinstance(part, str) else part for part in self.parts]
        self.parts.append(_lean(chunk))

    def text(self) -> str:
        """The chunks joined (``JsonText`` is empty afterwards)."""
        parts, self.parts, self.chars = self.parts, [], 0
        if all(type(part) is str for part in parts):
            return "".join(parts)  # type: ignore[arg-type]
        # all made one form, the form most of the text is held in: UTF-8, joined then decoded once, or strs joined
        in_bytes = sum(len(part) for part in parts if type(part) is bytes)
        in_strs = sum(sys.getsizeof(part) for part in parts if type(part) is str)
        if in_bytes >= in_strs:
            for i, part in enumerate(parts):
                if type(part) is str:
                    parts[i] = part.encode("utf-8", "surrogatepass")
            data = b"".join(parts)  # type: ignore[arg-type]
            del parts
            return data.decode("utf-8", "surrogatepass")
        for i, part in enumerate(parts):
            if type(part) is bytes:
                parts[i] = part.decode("utf-8", "surrogatepass")
        return "".join(parts)  # type: ignore[arg-type]


def _lean(chunk: str) -> str | bytes:
    """``chunk`` as UTF-8 when that takes less memory than the str, else the str."""
    if chunk.isascii():
        return chunk  # one byte a character either way
    data = chunk.encode("utf-8", "surrogatepass")
    return data if sys.getsizeof(data) < sys.getsizeof(chunk) else chunk
