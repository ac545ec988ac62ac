"""The database: schema, loading, Datasette metadata, templates and canned queries.

`govstat.db.open(path)` opens a database for analysis (pandas DataFrames); it is
imported lazily so that `govstat.db.schema` does not pay for pandas.
"""

import sys as _sys


def _import_sqlite_utils_without_pandas() -> None:
    """Import sqlite-utils without letting it import pandas and numpy.

    sqlite-utils imports both at import time when they are installed (0.55-0.6 s
    here, most of `govstat ingest`'s start-up) only to map their scalar types
    (numpy.int64, pandas.Timestamp) when it guesses column types for an insert.
    govstat creates its tables with declared types and inserts plain Python
    values, so the writer never needs that mapping. Modules already imported
    (a notebook that imported pandas first) are left alone, and sqlite-utils
    then maps their types as usual.
    """
    hidden = [name for name in ("pandas", "numpy") if name not in _sys.modules]
    _sys.modules.update(dict.fromkeys(hidden, None))  # `import` of a None entry raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            if _sys.modules.get(name, False) is None:
                del _sys.modules[name]


_import_sqlite_utils_without_pandas()


def open(path=None):  # noqa: A001 - the documented name
    """Open a govstat database read-only: `.statistics()`, `.compare()`, `.documents()`."""
    from .api import Store
    from .schema import DEFAULT_DB

    return Store(path or DEFAULT_DB)


__all__ = ["open"]
