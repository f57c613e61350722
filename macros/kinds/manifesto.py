"""Manifesto: the platform's manifesto and who signed it (one file, data/manifesto.yml)."""

from __future__ import annotations

from pydantic import Field, model_validator

from .fields import Date, Line, LocalLine, LocalMarkdown, LocalText, Part, RecordModel, RefTo, Slug, repeats


class Article(Part):
    """One article of the manifesto; linkable as #article-<id>."""

    id: Slug
    heading: LocalLine
    text: LocalText
    topics: list[RefTo("vocab:topics")] = Field([], description="topics the article speaks to (briefings pick articles by topic)")


class Signatory(Part):
    """An enterprise from the showcase, or another organisation by name."""

    enterprise: RefTo("enterprise") | None = None
    organisation: Line | None = None
    date: Date | None = None

    @model_validator(mode="after")
    def one_of(self):
        """A signatory is either an enterprise id or an organisation name, not both or neither."""
        if (self.enterprise is None) == (self.organisation is None):
            raise ValueError("give either enterprise (an id) or organisation (a name)")
        return self


class Manifesto(RecordModel):
    """The manifesto."""

    title: LocalLine
    adopted: Date | None = None
    preamble: LocalMarkdown | None = None
    articles: list[Article] = Field(min_length=1)
    signatories: list[Signatory] = []


def unique_articles(record: Manifesto):
    """Article ids are unique (they are the page's anchors)."""
    for i, article_id, _ in repeats(a.id for a in record.articles):
        yield ("articles", i, "id"), f"'{article_id}' appears twice", "duplicate"


def unique_signatories(record: Manifesto):
    """Each enterprise or organisation signs once."""
    for i, who, _ in repeats(s.enterprise or s.organisation for s in record.signatories):
        yield ("signatories", i), f"'{who}' has already signed", "duplicate"


MODEL = Manifesto
RULES = (unique_articles, unique_signatories)
