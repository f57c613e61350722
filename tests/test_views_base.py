"""The small objects every view is made of: links, dates, sections, contacts, citations, counts, clipped text."""

from __future__ import annotations

import datetime as dt

import pytest
from catalogs import TODAY, Data

from macros.views.base import (
    Citation,
    Contact,
    Link,
    RecordView,
    Section,
    Site,
    Span,
    Status,
    View,
    When,
    cert_status,
    citation,
    clip,
    contact,
    day_of,
    external,
    is_external,
    record_link,
    record_links,
    sections,
    span,
    tel_href,
    term,
    term_anchor,
    terms,
    when,
)


# -- links -------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", ["http://example.org", "https://example.org/x", "mailto:info@example.org", "tel:+31201234567"])
def test_absolute_links_leave_the_site(url):
    assert is_external(url)
    assert Link(url, "x").external


@pytest.mark.parametrize("url", ["showcase/bakery/#buy", "vocabularies/sectors/", "", "ftp://example.org", "www.example.org", "/https://x"])
def test_site_urls_and_other_schemes_stay_on_the_site(url):
    assert not is_external(url)
    assert not Link(url, "x").external


def test_an_external_link_shows_its_url_unless_given_a_text():
    assert external("https://example.org") == Link("https://example.org", "https://example.org")
    assert external("https://example.org", "evidence") == Link("https://example.org", "evidence")
    assert external("https://example.org", "") == Link("https://example.org", "https://example.org")


def test_no_url_makes_no_external_link():
    assert external(None) is None
    assert external(None, "evidence") is None
    assert external("", "evidence") is None


def test_a_record_link_goes_to_its_page_with_its_title():
    data = Data()
    bakery = data.enterprise("bakery", name="The Bakery")
    data.vocabulary("sectors", title="Sectors")
    catalog = data.catalog()
    assert record_link(catalog, "enterprise", bakery) == Link("showcase/bakery/", "The Bakery")
    assert record_link(catalog, "vocabulary", "sectors") == Link("vocabularies/sectors/", "Sectors")  # by id, titled by the kind's title field


def test_a_record_link_may_point_at_a_section_of_the_page():
    data = Data()
    data.enterprise("bakery", name="The Bakery")
    assert record_link(data.catalog(), "enterprise", "bakery", "buy") == Link("showcase/bakery/#buy", "The Bakery")


def test_record_links_keep_the_given_order():
    data = Data()
    a, b = data.enterprise("a", name="Alpha"), data.enterprise("b", name="Beta")
    catalog = data.catalog()
    assert record_links(catalog, "enterprise", [b, a]) == (Link("showcase/b/", "Beta"), Link("showcase/a/", "Alpha"))
    assert record_links(catalog, "enterprise", []) == ()


def test_a_vocabulary_value_links_to_its_prefixed_anchor_with_its_label():
    data = Data()
    data.vocabulary("sectors", entries=[{"id": "food", "label": "Food and drink"}, {"id": "print", "label": "Printing"}])
    catalog = data.catalog()
    assert term_anchor("food") == "term-food"
    assert term(catalog, "sectors", "food") == Link("vocabularies/sectors/#term-food", "Food and drink")
    assert terms(catalog, "sectors", ["print", "food"]) == (
        Link("vocabularies/sectors/#term-print", "Printing"),
        Link("vocabularies/sectors/#term-food", "Food and drink"),
    )
    assert terms(catalog, "sectors", []) == ()


def test_a_value_of_a_missing_vocabulary_reads_as_its_id():
    assert term(Data().catalog(), "districts", "noord") == Link("vocabularies/districts/#term-noord", "noord")


# -- dates -------------------------------------------------------------------------------------
def test_a_date_reads_day_month_year_without_a_leading_zero():
    assert when(dt.date(2026, 3, 5)) == When("2026-03-05", "5 March 2026")


def test_a_date_time_reads_with_its_time():
    assert when(dt.datetime(2026, 3, 12, 14, 0)) == When("2026-03-12T14:00:00", "12 March 2026, 14:00")


def test_no_date_is_no_when():
    assert when(None) is None


def test_a_period_has_its_start_and_end():
    assert span(dt.date(2025, 1, 2), dt.date(2026, 12, 31)) == Span(When("2025-01-02", "2 January 2025"), When("2026-12-31", "31 December 2026"), "ongoing")


def test_a_period_without_an_end_is_ongoing_unless_told_otherwise():
    assert span(dt.date(2025, 1, 2), None) == Span(When("2025-01-02", "2 January 2025"), None, "ongoing")
    assert span(dt.date(2025, 1, 2), None, "") == Span(When("2025-01-02", "2 January 2025"), None, "")


def test_a_period_may_have_only_an_end():
    assert span(None, dt.date(2026, 1, 1)) == Span(None, When("2026-01-01", "1 January 2026"), "ongoing")


def test_a_period_with_neither_start_nor_end_is_none():
    assert span(None, None) is None
    assert span(None, None, "") is None


def test_the_day_of_a_date_time_is_its_date():
    assert day_of(dt.datetime(2026, 3, 12, 23, 59)) == dt.date(2026, 3, 12)
    assert type(day_of(dt.datetime(2026, 3, 12, 23, 59))) is dt.date
    assert day_of(dt.date(2026, 3, 12)) == dt.date(2026, 3, 12)


# -- sections ----------------------------------------------------------------------------------
def test_a_page_lists_only_the_sections_it_shows_in_order():
    assert sections(("buy", "Buy", True), ("work", "Work", ()), ("impact", "Impact", ("x",)), ("gone", "Gone", 0), ("none", "None", None)) == (
        Section("buy", "Buy"),
        Section("impact", "Impact"),
    )
    assert sections() == ()


def test_a_view_knows_which_sections_it_shows():
    view = View(title="Page", toc=(Section("a", "A"), Section("b", "B")))
    assert view.has("a")
    assert view.has("b")
    assert not view.has("c")
    assert not View(title="Empty").has("a")


def test_a_view_gives_the_heading_of_a_section_it_lists():
    view = View(title="Page", toc=(Section("a", "Alpha"), Section("b", "Beta")))
    assert view.heading("b") == Section("b", "Beta")
    assert view.heading("a") == Section("a", "Alpha")


def test_a_view_refuses_a_heading_it_does_not_list():
    with pytest.raises(KeyError, match=r"^\"View has no section 'c'\"$"):
        View(title="Page", toc=(Section("a", "A"),)).heading("c")


def test_a_view_defaults_to_no_sections_and_normal_width():
    view = View(title="Page")
    assert (view.toc, view.wide) == ((), False)


def test_a_record_view_marks_its_record():
    view = RecordView(title="The Bakery", kind="enterprise", record_id="bakery")
    assert view.marker == "enterprise:bakery"
    assert (view.example, view.source_path) == (False, "")


# -- contact -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("+31 (0)20 123 4567", "tel:+31201234567"),  # the trunk 0 is not dialled from abroad
        ("  +31 (0)20 123 4567", "tel:+31201234567"),  # leading spaces do not hide the +
        ("+31(0)20-123-4567", "tel:+31201234567"),
        ("+31 20 123 4567", "tel:+31201234567"),
        ("020 123 4567", "tel:0201234567"),
        ("(020) 123-4567", "tel:0201234567"),  # brackets and hyphens dropped
        ("(0)20 123 4567", "tel:0201234567"),  # a national number keeps its 0
    ],
)
def test_a_tel_link_dials_the_number_as_written(phone, href):
    assert tel_href(phone) == href


def contact_of(**fields):
    return Data().enterprise("e", contact=fields).contact


def test_a_contact_block_is_links():
    c = contact_of(email="info@bakery.nl", phone="+31 (0)20 123 4567", url="https://bakery.nl")
    assert contact(c) == Contact(
        Link("mailto:info@bakery.nl", "info@bakery.nl"),
        Link("tel:+31201234567", "+31 (0)20 123 4567"),
        Link("https://bakery.nl", "https://bakery.nl"),
    )


def test_a_contact_block_leaves_out_what_is_not_given():
    assert contact(contact_of(email="info@bakery.nl")) == Contact(Link("mailto:info@bakery.nl", "info@bakery.nl"), None, None)
    assert contact(contact_of(phone="020 123 4567")) == Contact(None, Link("tel:0201234567", "020 123 4567"), None)
    assert contact(contact_of(url="https://bakery.nl")) == Contact(None, None, Link("https://bakery.nl", "https://bakery.nl"))


def test_no_contact_is_no_contact_block():
    assert contact(None) is None


# -- citations and states -----------------------------------------------------------------------
def test_a_citation_names_its_source_url_year_title_and_publisher():
    year = Data().monitoring(
        "2024", source={"title": "Monitor 2024", "publisher": "The City", "url": "https://example.org/monitor-2024"}, measures={"enterprises": 3}
    )
    assert citation(year) == Citation(
        source="https://example.org/monitor-2024",
        year="2024",
        title="Monitor 2024",
        url="https://example.org/monitor-2024",
        publisher="The City",
        example=False,
    )


def test_a_citation_without_a_url_cites_the_data_file_and_says_it_is_an_example():
    year = Data().monitoring("2023", source={"title": "Monitor 2023"}, example=True)
    assert citation(year) == Citation(source="data/monitoring/2023.yml", year="2023", title="Monitor 2023", url=None, publisher=None, example=True)


@pytest.mark.parametrize(
    ("fields", "status"),
    [
        ({"status": "certified"}, Status("certified", "certified")),
        ({"status": "certified", "until": TODAY + dt.timedelta(days=30)}, Status("reassessment-due", "re-assessment due")),
        ({"status": "certified", "until": TODAY - dt.timedelta(days=1)}, Status("expired", "expired")),
        ({"status": "withdrawn"}, Status("withdrawn", "withdrawn")),
        ({"status": "applied"}, Status("applied", "applied")),
    ],
)
def test_a_holding_shows_its_state_on_the_given_day(fields, status):
    cert = Data().enterprise("e", certifications=[{"scheme": "keur", **fields}]).certifications[0]
    assert cert_status(cert, TODAY) == status


def test_a_holding_state_depends_on_the_day_asked():
    cert = Data().enterprise("e", certifications=[{"scheme": "keur", "status": "certified", "until": TODAY}]).certifications[0]
    assert cert_status(cert, TODAY + dt.timedelta(days=1)) == Status("expired", "expired")
    assert cert_status(cert, TODAY - dt.timedelta(days=91)) == Status("certified", "certified")


# -- counts and text ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "limit", "clipped"),
    [
        ("short", 10, "short"),
        ("exactly 10", 10, "exactly 10"),  # at the limit: kept whole
        ("one two three four", 10, "one two…"),  # cut at the last word boundary
        ("one two, three", 10, "one two…"),  # trailing punctuation goes before the ellipsis
        ("ab cd; ef", 8, "ab cd…"),
        ("Order MAX now", 11, "Order MAX…"),  # only spaces and punctuation are stripped, never letters
        ("ab cd ef", 7, "ab cd…"),  # the space right before the limit ends the last whole word
        ("abcd efgh ij", 10, "abcd…"),
        ("abcdefghijkl", 5, "abcd…"),  # no word boundary: cut inside the word
        ("abcdefgh", 7, "abcdef…"),
    ],
)
def test_text_is_clipped_at_a_word_boundary_with_an_ellipsis(text, limit, clipped):
    assert clip(text, limit) == clipped
    assert len(clipped) <= limit


def test_an_article_title_comes_from_the_site_else_from_its_file_name():
    site = Site(article_titles=(("knowledge/isomorphism.md", "Why they look alike"), ("knowledge/other.md", "Other")))
    assert site.article_title("knowledge/isomorphism.md") == "Why they look alike"
    assert site.article_title("knowledge/how-to/buy-social-now.md") == "Buy social now"
    assert Site().article_title("buy-social.md") == "Buy social"


def test_a_date_time_written_with_another_offset_reads_on_the_citys_clock():
    moment = dt.datetime(2026, 3, 12, 13, 0, tzinfo=dt.UTC)  # 14:00 in Amsterdam in winter
    assert when(moment) == When("2026-03-12T13:00:00+00:00", "12 March 2026, 14:00")
    assert day_of(dt.datetime(2026, 7, 1, 23, 30, tzinfo=dt.UTC)) == dt.date(2026, 7, 2)
