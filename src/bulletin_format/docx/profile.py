"""Named layout profiles: every number of the DOCX layout, each tagged with where it comes from.

A profile is a flat set of settings (``"page.margin_top_mm"`` → ``Setting(37, "GB/T 9704-2012 §5.2.1 …")``).
The default, ``gbt9704-2012``, lives in ``profiles/gbt9704-2012.json``. Callers override settings with a dict
(``{"font.body": "仿宋", "bold.heading2": True}``); unknown names are an error, so typos do not pass silently.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ProfileError

DEFAULT_PROFILE = "gbt9704-2012"
MM_TO_TWIPS = 1440 / 25.4
# A profile name is a file name inside the package's profiles/ folder, never a path.
PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
# Upper bounds that keep every derived OOXML value inside its schema type: lengths in twips are 32-bit
# (ST_TwipsMeasure), w:sz is at most 3276 half-points (ST_HpsMeasure), a font name at most 31 characters.
MAX_MM = 2000.0  # 2 m: larger than any paper OOXML applications print on
MAX_PT = 1638.0
MAX_TW = 31680  # 22 inches, Word's largest page side
MAX_COUNT = 100  # blank lines, indents in 字, lines per mark: anything more is a typo
MAX_FONT_NAME = 31
ALIGNMENTS = ("left", "both", "center", "right", "distribute")
HEX_COLOR = re.compile(r"^[0-9A-Fa-f]{6}$")
# Settings that may be zero or negative (the grid's character spacing tightens the type).
SIGNED = {"grid.char_spacing_pt"}
MAY_BE_ZERO_SUFFIX = ("_chars", "blank_lines_after_rule", "blank_lines_before_number", "blank_lines_before_title")
MAY_BE_ZERO = {"rule.space_pt", "rule.gap_below_text_mm"}
CALLER = "caller override"  # the source of a setting the caller gave


def check_setting(key: str, value: Any, like: Any) -> Any:
    """``value`` for setting ``key`` when it has the type of ``like`` and a usable range; else ProfileError."""

    def bad(why: str) -> ProfileError:
        return ProfileError(
            f"profile setting {key} = {value!r} {why}",
            hint=f"give a value like the default {like!r}",
        )

    if isinstance(like, bool):
        if not isinstance(value, bool):
            raise bad("must be true or false")
        return value
    if isinstance(like, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad("must be a number")
        if not math.isfinite(value):
            raise bad("must be a finite number")
        whole = not key.endswith(("_mm", "_pt"))  # counts and twips
        if whole and not float(value).is_integer():
            raise bad("must be a whole number")
        if whole:
            value = int(value)
        limit = (
            MAX_MM
            if key.endswith("_mm")
            else MAX_PT
            if key.endswith("_pt")
            else MAX_TW
            if key.endswith("_tw")
            else MAX_COUNT
            if not key.endswith(("lines_per_page", "chars_per_line"))
            else 1000
        )
        if key in SIGNED:
            if abs(value) > 10:
                raise bad("is out of range (between -10 and 10)")
            return value
        zero_ok = key in MAY_BE_ZERO or key.endswith(MAY_BE_ZERO_SUFFIX)
        if value < 0 or (value == 0 and not zero_ok):
            raise bad("must be greater than zero" if not zero_ok else "must not be negative")
        if value > limit:
            raise bad(f"is too large (at most {limit:g})")
        return value
    if isinstance(like, str):
        if not isinstance(value, str):
            raise bad("must be text")
        if key.startswith("font."):
            if not value.strip() or len(value) > MAX_FONT_NAME or any(ord(c) < 32 for c in value):
                raise bad(f"must be a font name of 1 to {MAX_FONT_NAME} characters")
        elif key.startswith("color."):
            if not HEX_COLOR.match(value):
                raise bad("must be a colour as six hex digits (RRGGBB)")
        elif key == "align.text":
            if value not in ALIGNMENTS:
                raise bad(f"must be one of {', '.join(ALIGNMENTS)}")
        elif len(value) > 40 or any(ord(c) < 32 for c in value):
            raise bad("must be a short line of text")
        return value
    return value


@dataclass(frozen=True)
class Setting:
    """One layout value and where it comes from (GB/T 9704 §, practice, measured, or the caller)."""

    value: Any
    source: str


@dataclass
class Profile:
    """A named set of layout settings; read values with ``profile["name"]``."""

    name: str
    settings: dict[str, Setting] = field(default_factory=dict)
    description: str = ""

    def __getitem__(self, key: str) -> Any:
        return self.settings[key].value

    def source(self, key: str) -> str:
        return self.settings[key].source

    def with_overrides(self, overrides: Mapping[str, Any]) -> Profile:
        """A copy with ``overrides`` applied; each override is tagged as coming from the caller."""
        bad_names = sorted(repr(k) for k in overrides if not isinstance(k, str))
        if bad_names:
            raise ProfileError(f"profile setting names must be text, not {', '.join(bad_names)}")
        unknown = sorted(set(overrides) - set(self.settings))
        if unknown:
            raise ProfileError(
                f"unknown profile setting(s): {', '.join(unknown)}",
                hint="see docs/docx-format.md, 'All settings of gbt9704-2012', for the names",
            )
        settings = dict(self.settings)
        for key, value in overrides.items():
            settings[key] = Setting(check_setting(key, value, settings[key].value), CALLER)
        profile = replace(self, settings=settings)
        profile.check_geometry()
        return profile

    def check_geometry(self) -> None:
        """The page must leave a type area, and the mark's size bounds must be in order."""
        if self.type_area_width_tw <= 0 or self.type_area_height_tw <= 0:
            raise ProfileError(
                f"profile {self.name}: the margins leave no type area on the page",
                hint="make page.width_mm and page.height_mm larger than the margins around them",
            )
        if self["grid.line_pitch_tw"] > self.type_area_height_tw:
            raise ProfileError(f"profile {self.name}: grid.line_pitch_tw is taller than the type area")
        if self["size.mark_min_pt"] > self["size.mark_max_pt"]:
            raise ProfileError(f"profile {self.name}: size.mark_min_pt is larger than size.mark_max_pt")
        self._check_counts()

    def _check_counts(self) -> None:
        """A caller's lines per page or characters per line must be what the page, type and grid give: the writer
        sets type and grid, it cannot set a count (a count nothing honours would pass silently)."""
        for key, derived, change in (
            ("grid.chars_per_line", self.chars_per_line, "size.body_pt or grid.char_spacing_pt"),
            ("grid.lines_per_page", self.lines_per_page, "grid.line_pitch_tw"),
        ):
            if self.source(key) == CALLER and self[key] != derived:
                raise ProfileError(
                    f"profile {self.name}: {key} = {self[key]}, but the type area and the type give {derived}",
                    hint=f"leave {key} out (it follows the type), or change {change} to give {self[key]}",
                )

    # Derived values in OOXML units, so the writer and the checker compute them the same way.
    def twips(self, key: str) -> int:
        """A ``*_mm`` setting in twips."""
        return round(float(self[key]) * MM_TO_TWIPS)

    @property
    def type_area_width_tw(self) -> int:
        return self.twips("page.width_mm") - self.twips("page.margin_left_mm") - self.twips("page.margin_right_mm")

    @property
    def type_area_height_tw(self) -> int:
        return self.twips("page.height_mm") - self.twips("page.margin_top_mm") - self.twips("page.margin_bottom_mm")

    @property
    def char_tw(self) -> int:
        """One 字 of body text, in twips (the unit of every indent)."""
        return round(float(self["size.body_pt"]) * 20)

    @property
    def chars_per_line(self) -> int:
        """Full-width characters of body text on one line of the type area: 28 for 三号 with -0.25 pt spacing on the
        156 mm type area (GB/T 9704-2012 §5.2.3); other type sizes or spacings give other counts."""
        body_tw = round(stored_pt(self["size.body_pt"]) * 20)
        return chars_on_line(self.type_area_width_tw, body_tw, round(float(self["grid.char_spacing_pt"]) * 20))

    @property
    def lines_per_page(self) -> int:
        """Grid lines of the type area: 22 for the 225 mm type area and a 579 tw pitch (GB/T 9704-2012 §5.2.3)."""
        pitch = int(self["grid.line_pitch_tw"])
        return self.type_area_height_tw // pitch if pitch > 0 else 0


def chars_on_line(width_tw: int, char_tw: int, spacing_tw: int) -> int:
    """How many full-width characters of ``char_tw`` with ``spacing_tw`` between them fit ``width_tw``.

    Each character advances its size plus the spacing, but the last one needs only its own size: n fit when
    n × size + (n - 1) × spacing ≤ width. Measured in LibreOffice 7.4 on the 156 mm (8845 tw) type area: 12, 14, 15,
    16, 18 and 22 pt with -0.25 pt print 37, 32, 29, 28, 24 and 20; 15.5 pt with -0.25 pt prints 28 (29 × 305 tw
    is exactly 8845), 17.5 pt with -0.5 pt 25 and 14.5 pt with +0.25 pt 30, where width // advance gives 29, 26
    and 29.
    """
    advance = char_tw + spacing_tw
    if advance <= 0 or char_tw > width_tw:
        return 0
    return (width_tw - char_tw) // advance + 1


def stored_pt(size_pt: float) -> float:
    """A type size as a DOCX stores it: in half-points (w:sz), so 15.3 pt is written, and read back, as 15.5 pt."""
    return round(float(size_pt) * 2) / 2


ProfileLike = str | Profile | Mapping[str, Any] | None


def load_profile(profile: ProfileLike = None) -> Profile:
    """A Profile from a name, a Profile, or a dict of overrides of the default (``{"name": …}`` picks the base)."""
    if isinstance(profile, Profile):
        return profile
    if profile is None or isinstance(profile, str):
        return _read_named(profile or DEFAULT_PROFILE)
    if isinstance(profile, Mapping):
        overrides = dict(profile)
        name = overrides.pop("name", DEFAULT_PROFILE)
        if not isinstance(name, str):
            raise ProfileError(f"the profile name must be text, not {name!r}", hint=_known_hint())
        return _read_named(name).with_overrides(overrides)
    raise ProfileError(
        f"profile must be a name, a dict of overrides or a Profile, not {type(profile).__name__}",
        hint=_known_hint(),
    )


def _known_hint() -> str:
    return f"use one of: {', '.join(available_profiles())}, or a dict of setting overrides"


def _read_named(name: str) -> Profile:
    if not PROFILE_NAME.match(name) or name not in available_profiles():
        raise ProfileError(f"unknown profile {name!r}", hint=_known_hint())
    profile_name, settings, description = _named(name)
    # a Profile of its own (a caller may change it); its Settings are frozen and shared
    return Profile(name=profile_name, settings=dict(settings), description=description)


@lru_cache(maxsize=16)
def _named(name: str) -> tuple[str, dict[str, Setting], str]:
    """A packaged profile's file, read once per process."""
    text = resources.files("bulletin_format").joinpath("profiles").joinpath(f"{name}.json").read_text("utf-8")
    data = json.loads(text)
    settings = {k: Setting(v["value"], v["source"]) for k, v in data["settings"].items()}
    return data["name"], settings, data.get("description", "")


def available_profiles() -> list[str]:
    return list(_available_profiles())


@lru_cache(maxsize=1)
def _available_profiles() -> tuple[str, ...]:
    """The profiles in the package's profiles/ folder (listed once per process: the package does not change)."""
    folder = resources.files("bulletin_format").joinpath("profiles")
    return tuple(sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json")))
