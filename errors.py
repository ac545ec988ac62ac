"""Errors a user can act on. The CLI prints them as one line and exits non-zero."""


class GovstatError(Exception):
    """Base class: `str(err)` is the one-line message shown to the user."""

    exit_code = 2


class InputError(GovstatError):
    """A report that cannot be read: missing, a directory, binary, corrupt, undecodable."""
