"""The database: schema, loading, Datasette metadata, templates and canned queries.

`govstat.db.open(path)` opens a database for analysis (pandas DataFrames); it is
imported lazily so that `govstat.db.schema` does not pay for pandas.
"""


def open(path=None):  # noqa: A001 - the documented name
    """Open a govstat database read-only: `.statistics()`, `.compare()`, `.documents()`."""
    from .api import Store
    from .schema import DEFAULT_DB

    return Store(path or DEFAULT_DB)


__all__ = ["open"]
