"""Loads the YAML rule files in `rules/` once per process.

Language data lives in `rules/`; this module only reads it, so a domain
expert can extend units, exclusions and cue words without touching code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed contents of `rules/<name>.yaml` (cached)."""
    text = (resources.files("govstat") / "rules" / f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}
