"""The Python API for notebooks: `govstat.db.open(path)` -> pandas DataFrames.

    import govstat.db
    store = govstat.db.open("govstat.db")
    store.statistics(indicator="vehicles.disposed")   # one row per statistic
    store.compare("vehicles.disposed")                # region x year pivot
    store.documents()                                 # one row per report
"""

from __future__ import annotations

import os

import pandas as pd

from .schema import DEFAULT_DB, connect

_STAT_FILTERS = ("indicator", "unit", "kind", "province", "city", "county", "admin_code", "year",
                 "doc_type", "section", "document_id", "level", "period")  # fmt: skip


_INT_COLUMNS = {"id", "mention_id", "document_id", "year", "start", "end", "chars", "cumulative", "mentions", "idx"}


class Store:
    """A read-only view of a govstat database whose methods return DataFrames."""

    def __init__(self, path: str | os.PathLike = DEFAULT_DB):
        self.path = os.fspath(path)
        self.db = connect(self.path, readonly=True)
        self.conn = self.db.conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def sql(self, query: str, params=None) -> pd.DataFrame:
        """Any read-only SQL as a DataFrame (integer columns stay integers, with <NA>)."""
        frame = pd.read_sql_query(query, self.conn, params=params)
        for column in _INT_COLUMNS.intersection(frame.columns):
            frame[column] = frame[column].astype("Int64")
        return frame

    def statistics(self, indicator: str | None = None, **filters) -> pd.DataFrame:
        """Rows of the `statistics` view (one per mention), filtered by equality on
        indicator, unit, kind, province, city, county, admin_code, year, doc_type,
        section, document_id, level, period."""
        filters["indicator"] = indicator
        unknown = set(filters) - set(_STAT_FILTERS)
        if unknown:
            raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}; use one of {', '.join(_STAT_FILTERS)}")
        where, params = [], []
        for name, value in filters.items():
            if value is not None:
                where.append(f'"{name}" = ?')
                params.append(value)
        query = "SELECT * FROM statistics"
        if where:
            query += " WHERE " + " AND ".join(where)
        query += " ORDER BY document_id, start"
        return self.sql(query, params)

    def compare(
        self,
        indicator: str,
        unit: str | None = None,
        *,
        aggfunc: str = "sum",
        include_changes: bool = False,
        include_plans: bool = False,
    ) -> pd.DataFrame:
        """A region x year table of one indicator in one unit (the pair that is
        comparable across cities). Without `unit`, the indicator's most frequent
        unit is used. By default sizes of changes (同比增长10%) and plan targets
        (section `plan`) are left out, and several statistics of one region and
        year are summed (`aggfunc` = sum | max | mean | count …)."""
        if unit is None:
            row = self.conn.execute(
                "SELECT unit FROM mentions WHERE indicator = ? AND unit IS NOT NULL "
                "GROUP BY unit ORDER BY COUNT(*) DESC, unit LIMIT 1",
                (indicator,),
            ).fetchone()
            if row is None:
                return pd.DataFrame()
            unit = row[0]
        query = (
            "SELECT COALESCE(region, county, city, province, organization, source) AS region, year, value "
            "FROM statistics WHERE indicator = ? AND unit = ? AND year IS NOT NULL AND value IS NOT NULL"
        )
        if not include_changes:
            query += " AND change IS NULL"
        if not include_plans:
            query += " AND (section IS NULL OR section != 'plan')"
        frame = self.sql(query, [indicator, unit])
        if frame.empty:
            return pd.DataFrame()
        table = frame.pivot_table(index="region", columns="year", values="value", aggfunc=aggfunc)
        table.columns.name = f"year ({indicator}, {unit})"
        return table

    def documents(self, with_text: bool = False) -> pd.DataFrame:
        """One row per stored report, with its number of statistics."""
        text = ", d.text" if with_text else ""
        return self.sql(
            "SELECT d.id, d.sha256, d.source, d.title, d.organization, d.province, d.city, d.county, "
            "d.admin_code, d.level, d.year, d.period, d.published, d.doc_type, d.format, d.encoding, "
            f"d.chars, d.ingested_at, d.extractor_version{text}, "
            "(SELECT COUNT(*) FROM mentions m WHERE m.document_id = d.id) AS mentions "
            "FROM documents d ORDER BY d.id"
        )

    def search(self, query: str, limit: int = 100) -> pd.DataFrame:
        """Sentences containing `query` (trigram full-text index; LIKE for 1-2 characters)."""
        if len(query) >= 3:
            sql = (
                "SELECT s.id, s.document_id, d.source, s.start, s.\"end\", s.text FROM sentences_fts f "
                "JOIN sentences s ON s.id = f.rowid JOIN documents d ON d.id = s.document_id "
                "WHERE sentences_fts MATCH ? ORDER BY s.id LIMIT ?"
            )
            params = ['"' + query.replace('"', '""') + '"', limit]
        else:
            sql = (
                "SELECT s.id, s.document_id, d.source, s.start, s.\"end\", s.text FROM sentences s "
                "JOIN documents d ON d.id = s.document_id WHERE s.text LIKE ? ORDER BY s.id LIMIT ?"
            )
            params = ["%" + query.replace("%", "").replace("_", "") + "%", limit]
        return self.sql(sql, params)

    def errors(self) -> pd.DataFrame:
        """The ingest_errors table."""
        return self.sql("SELECT * FROM ingest_errors ORDER BY id")


def open(path: str | os.PathLike = DEFAULT_DB) -> Store:  # noqa: A001 - the documented name
    """Open a govstat database read-only for analysis."""
    return Store(path)
