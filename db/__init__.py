"""The database: schema, loading, Datasette metadata, templates and canned queries."""
