"""Loads the YAML rule files in `rules/` once per process.

Language data lives in `rules/`; this module only reads it, so a domain
expert can extend units, exclusions and cue words without touching code.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml


# libyaml's C parser reads the rule files ~10x faster than the pure-Python one,
# which matters for the start-up of `govstat extract` (0.6 s -> 0.06 s).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed contents of `rules/<name>.yaml` (cached)."""
    return load_path(resources.files("govstat") / "rules" / f"{name}.yaml")


def load_path(path) -> dict:
    """Parse one YAML file (a rule file, or Datasette metadata) with the fast loader."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
