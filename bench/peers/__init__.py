"""One adapter per system compared by bench/compare.py.

Each adapter module has `LABEL`, `PACKAGE` (what `pip` installs it as) and
`load()`, which imports the peer (ImportError = unavailable) and returns an
object with `extract(text, year, lexicon=False) -> {"mentions", "dates"}` in
the SPEC §2 shapes. `SYSTEMS` lists the rows of the comparison table.
"""

from __future__ import annotations

import importlib

# row name -> (adapter module, use the unit lexicon)
SYSTEMS = {
    "govstat": ("govstat_peer", False),
    "jionlp": ("jionlp_peer", False),
    "recognizers": ("recognizers_peer", False),
    "recognizers+lexicon": ("recognizers_peer", True),
    "duckling": ("duckling_peer", False),
    "duckling+lexicon": ("duckling_peer", True),
    "cn2an": ("cn2an_peer", False),
    "cn2an+lexicon": ("cn2an_peer", True),
}


def adapter(system: str):
    """The adapter module of a row of SYSTEMS."""
    module, _lexicon = SYSTEMS[system]
    return importlib.import_module(f"{__name__}.{module}")
