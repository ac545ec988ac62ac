"""Loads the YAML rule files in `rules/` once per process.

Language data lives in `rules/`; this module only reads it, so a domain
expert can extend units, exclusions and cue words without touching code.

Parsing YAML (and importing the parser) was a sixth of `govstat extract`'s
start-up, so the parsed files are kept in a local cache: one `marshal` file of
plain dicts and lists (read in C, ~50x faster than parsing), keyed by the rule
files' names, sizes and modification times, the govstat version and the
Python version (marshal's format). A missing, stale or unreadable cache, or
rules marshal cannot hold, just means the YAML is parsed as before.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed contents of `rules/<name>.yaml` (cached)."""
    parsed = _all_rules()
    if name in parsed:
        return parsed[name]
    return load_path(RULES_DIR / f"{name}.yaml")  # not cached (unreadable YAML…): parse, or raise as before


def load_path(path) -> dict:
    """Parse one YAML file (a rule file, or Datasette metadata) with the fast loader."""
    import yaml  # only when a file is really parsed: the import alone is ~25 ms of start-up

    # libyaml's C parser reads the rule files ~10x faster than the pure-Python one
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}


def cache_dir() -> Path:
    """The user's govstat cache folder (GOVSTAT_CACHE_DIR, else XDG_CACHE_HOME or ~/.cache, + govstat)."""
    base = os.environ.get("GOVSTAT_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "govstat"


def package_dir(name: str) -> Path | None:
    """The folder of an installed package, found without importing it (its data
    files are read to build a cache, and importing the package costs start-up)."""
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


def cached(stem: str, sources, build, key=None):
    """`build()`, kept as a marshal file under `cache_dir()` keyed by `sources` (paths whose
    names, sizes and mtimes are read), the repr of `key` (what else `build` reads) and the
    govstat and Python versions; rebuilt when missing, stale or unreadable. A value marshal
    cannot hold is returned uncached."""
    from .. import __version__

    stamp = [__version__, sys.version, key]
    for path in sources:
        st = os.stat(path)
        stamp.append((str(path), st.st_size, st.st_mtime_ns))
    digest = hashlib.sha256(repr(stamp).encode()).hexdigest()[:16]
    cache = cache_dir() / f"{stem}-{digest}.marshal"
    try:
        with open(cache, "rb") as handle:
            return marshal.loads(handle.read())
    except Exception:  # missing, stale (another key) or unreadable: rebuild
        pass
    value = build()
    try:
        data = marshal.dumps(value)
    except ValueError:  # an object marshal cannot hold (a YAML date …): no cache
        return value
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.replace(tmp, cache)  # atomic: a concurrent reader sees the old file or the new one
    except OSError:
        return value  # a read-only home is fine: parse each time
    _prune(stem, keep=cache)
    return value


STALE_AFTER = 24 * 3600  # seconds


def _prune(stem: str, keep: Path) -> None:
    """Remove this cache's other versions written more than a day ago, so that each
    edit of the rules does not leave a file behind (the gazetteer's is ~0.5 MB); a
    newer one may belong to another checkout in use, which would only rebuild it."""
    import time

    cutoff = time.time() - STALE_AFTER
    for old in keep.parent.glob(f"{stem}-*"):
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass  # another process removed or replaced it


@lru_cache(maxsize=1)
def _all_rules() -> dict[str, dict]:
    """Every readable `rules/*.yaml`, parsed: name -> contents."""
    paths = sorted(RULES_DIR.glob("*.yaml"))
    return cached("rules", paths, lambda: _parse_all(paths))


def _parse_all(paths) -> dict[str, dict]:
    parsed = {}
    for path in paths:
        try:
            parsed[path.stem] = load_path(path)
        except Exception:  # left to `load`, which parses it again and raises
            continue
    return parsed


class OnFirstUse(dict):
    """key -> value, each made by its factory on first lookup, then a plain dict hit.

    For what is built from the rules but needed by few texts (compiled
    patterns): a process that reads one report builds only what it reads.
    Membership, length and keys are the factories'; `items()`, `values()`
    and `get()` make what they return."""

    def __init__(self, factories: dict):
        super().__init__()
        self._factories = factories

    def __missing__(self, key):
        value = self[key] = self._factories[key]()
        return value

    def __contains__(self, key) -> bool:
        return key in self._factories

    def __iter__(self):
        return iter(self._factories)

    def __len__(self) -> int:
        return len(self._factories)

    def keys(self):
        return self._factories.keys()

    def items(self):
        return [(key, self[key]) for key in self._factories]

    def values(self):
        return [self[key] for key in self._factories]

    def get(self, key, default=None):
        return self[key] if key in self._factories else default

