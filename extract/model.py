"""The result objects that flow through the pipeline and out as SPEC §2 JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass(slots=True)
class Mention:
    """One statistic: a number with what it counts or measures (SPEC §2, §3)."""

    start: int
    end: int
    text: str
    value: float | int | None = None
    value_max: float | int | None = None
    unit: str | None = None
    kind: str | None = None
    approx: str | None = None  # about | over | under
    change: str | None = None  # increase | decrease
    indicator: str | None = None
    subject: str | None = None
    scope: str | None = None
    cumulative: bool | None = None
    section: str | None = None
    sentence_start: int | None = None
    sentence_end: int | None = None
    extractor: str = "rules"
    change_of: int | None = None  # index of the mention whose change this measures

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class DateMention:
    """A calendar point or month/year expression (SPEC §5)."""

    start: int
    end: int
    text: str
    iso: str
    year_inferred: bool = False

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class DocumentInfo:
    """Who reported, where and for which period (SPEC §2 `document`)."""

    source: str | None = None
    sha256: str | None = None
    title: str | None = None
    organization: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    admin_code: str | None = None
    level: str | None = None
    year: int | None = None
    period: str | None = None
    published: str | None = None
    doc_type: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


DOCUMENT_FIELDS = [f.name for f in fields(DocumentInfo)]


@dataclass(slots=True)
class Document:
    """One extracted report: its text, metadata, statistics and dates."""

    text: str
    info: DocumentInfo = field(default_factory=DocumentInfo)
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    format: str = "text"  # text | html | docx | pdf
    encoding: str | None = None

    def to_dict(self, with_text: bool = False) -> dict:
        document = self.info.to_dict()
        if with_text:
            document["text"] = self.text
        return {
            "document": document,
            "mentions": [m.to_dict() for m in self.mentions],
            "dates": [d.to_dict() for d in self.dates],
        }
