"""govstat as a spaCy pipeline component.

    import spacy
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("govstat_statistics")
    doc = nlp("全市更新公车356辆,同比增长10.55%")
    [(s.text, s._.value, s._.unit, s._.indicator) for s in doc.spans["statistics"]]

The component is a thin caller of the same pipeline the CLI uses; it puts
statistics in `doc.spans["statistics"]`, dates in `doc.spans["dates"]`, the
normalised fields as span extensions and the document fields in
`doc._.govstat_document`. The factory is registered through the
`spacy_factories` entry point, so `add_pipe` works without importing govstat.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .model import DateMention, Mention

MENTION_FIELDS = (
    "value", "value_max", "unit", "kind", "approx", "change", "indicator",
    "subject", "scope", "cumulative", "section", "change_of",
)
DATE_FIELDS = ("iso", "year_inferred")


def _register_extensions() -> None:
    for name in MENTION_FIELDS + DATE_FIELDS + ("mention",):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("govstat_document"):
        Doc.set_extension("govstat_document", default=None)


class StatisticsComponent:
    """Adds govstat's statistics and dates to a Doc as span groups."""

    def __init__(self, nlp: Language, name: str, meaning: bool = True):
        self.name = name
        self.meaning = meaning
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from .pipeline import extract_text

        result = extract_text(doc.text, meaning=self.meaning)
        doc._.govstat_document = result.info
        doc.spans["statistics"] = [
            s for s in (self._span(doc, m, m.kind or "count", MENTION_FIELDS) for m in result.mentions) if s
        ]
        doc.spans["dates"] = [s for s in (self._span(doc, d, "DATE", DATE_FIELDS) for d in result.dates) if s]
        return doc

    @staticmethod
    def _span(doc: Doc, item: Mention | DateMention, label: str, fields) -> Span | None:
        # Token boundaries from the segmenter need not match a mention's
        # characters: expand to whole tokens, keep the exact mention on `_.mention`.
        span = doc.char_span(item.start, item.end, label=label, alignment_mode="expand")
        if span is None:
            return None
        for name in fields:
            setattr(span._, name, getattr(item, name))
        span._.mention = item
        return span


@Language.factory("govstat_statistics", default_config={"meaning": True})
def make_statistics_component(nlp: Language, name: str, meaning: bool) -> StatisticsComponent:
    return StatisticsComponent(nlp, name, meaning=meaning)


def chinese_pipeline(meaning: bool = True) -> Language:
    """`spacy.blank("zh")` with the jieba segmenter and the govstat component added."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("govstat_statistics", config={"meaning": meaning})
    return nlp
