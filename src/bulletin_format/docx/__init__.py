"""GB/T 9704-2012 DOCX: profiles (profile.py), the OOXML layer (ooxml.py), line and page estimates (measure.py),
paragraph styles (styles.py), the layout in GB/T terms (writer.py) and the conformance checker (check.py)."""

from __future__ import annotations

from .profile import DEFAULT_PROFILE, Profile, Setting, available_profiles, load_profile

__all__ = ["DEFAULT_PROFILE", "Profile", "Setting", "available_profiles", "load_profile"]
