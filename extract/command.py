"""`govstat extract FILE`: one report in, SPEC §2 JSON (or a table / HTML) out."""

from __future__ import annotations

import json
import sys

import click



@click.command("extract")
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "table", "html"]), default="json", show_default=True)
@click.option("--with-text", is_flag=True, help="Include the (extracted) text as document.text.")
@click.option("--no-meaning", is_flag=True, help="Skip the indicator layer (indicator, subject, scope, cumulative, change_of).")
def extract_command(path, fmt, with_text, no_meaning):
    """Extract every statistic and date from PATH (txt, HTML, DOCX, PDF; '-' for stdin)."""
    from .pipeline import extract_bytes, extract_file

    if path == "-":
        data = sys.stdin.buffer.read()
        doc = extract_bytes(data, name="-", meaning=not no_meaning)
    else:
        doc = extract_file(path, meaning=not no_meaning)
    if fmt == "json":
        click.echo(json.dumps(doc.to_dict(with_text=with_text), ensure_ascii=False, indent=2))
    elif fmt == "table":
        from .render import render_table

        render_table(doc)
    else:
        from .render import render_html

        click.echo(render_html(doc))
