"""Named layout profiles: every number of the DOCX layout, each tagged with where it comes from.

A profile is a flat set of settings (``"page.margin_top_mm"`` → ``Setting(37, "GB/T 9704-2012 §5.2.1 …")``).
The default, ``gbt9704-2012``, lives in ``profiles/gbt9704-2012.json``. Callers override settings with a dict
(``{"font.body": "仿宋", "bold.heading2": True}``); unknown names are an error, so typos do not pass silently.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import Any

DEFAULT_PROFILE = "gbt9704-2012"
MM_TO_TWIPS = 1440 / 25.4


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
        unknown = sorted(set(overrides) - set(self.settings))
        if unknown:
            raise ValueError(f"unknown profile setting(s): {', '.join(unknown)}")
        settings = dict(self.settings)
        for key, value in overrides.items():
            old = settings[key].value
            if isinstance(old, bool) != isinstance(value, bool) or (
                isinstance(old, (int, float)) and not isinstance(value, (int, float))
            ):
                raise ValueError(f"profile setting {key} needs a value like {old!r}, got {value!r}")
            settings[key] = Setting(value, "caller override")
        return replace(self, settings=settings)

    # Derived values in OOXML units, so the writer and the checker compute them the same way.
    def twips(self, key: str) -> int:
        """A ``*_mm`` setting in twips."""
        return round(self[key] * MM_TO_TWIPS)

    @property
    def type_area_width_tw(self) -> int:
        return self.twips("page.width_mm") - self.twips("page.margin_left_mm") - self.twips("page.margin_right_mm")

    @property
    def type_area_height_tw(self) -> int:
        return self.twips("page.height_mm") - self.twips("page.margin_top_mm") - self.twips("page.margin_bottom_mm")

    @property
    def char_tw(self) -> int:
        """One 字 of body text, in twips (the unit of every indent)."""
        return round(self["size.body_pt"] * 20)


ProfileLike = str | Profile | Mapping[str, Any] | None


def load_profile(profile: ProfileLike = None) -> Profile:
    """A Profile from a name, a Profile, or a dict of overrides of the default (``{"name": …}`` picks the base)."""
    if isinstance(profile, Profile):
        return profile
    if profile is None or isinstance(profile, str):
        return _read_named(profile or DEFAULT_PROFILE)
    if isinstance(profile, Mapping):
        overrides = dict(profile)
        base = _read_named(str(overrides.pop("name", DEFAULT_PROFILE)))
        return base.with_overrides(overrides)
    raise TypeError(f"profile must be a name, a dict of overrides or a Profile, not {type(profile).__name__}")


def _read_named(name: str) -> Profile:
    try:
        text = resources.files("bulletin_format").joinpath("profiles", f"{name}.json").read_text("utf-8")
    except FileNotFoundError:
        raise ValueError(f"unknown profile {name!r} (known: {', '.join(available_profiles())})") from None
    data = json.loads(text)
    settings = {k: Setting(v["value"], v["source"]) for k, v in data["settings"].items()}
    return Profile(name=data["name"], settings=settings, description=data.get("description", ""))


def available_profiles() -> list[str]:
    folder = resources.files("bulletin_format").joinpath("profiles")
    return sorted(p.name[: -len(".json")] for p in folder.iterdir() if p.name.endswith(".json"))
