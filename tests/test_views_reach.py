"""Reach: the embeds' views (figures as published, progress, source and year, example flag), the JSON-LD block that no
text can break out of, and the link-preview meta, escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from catalogs import TODAY, Data, holding

from macros import render
from macros.pages import embed_files, head_html
from macros.views import structured
from macros.views.base import EmbedCode, Link, embed_code
from macros.views.embed import campaign_embed, enterprise_embed, figures_embed, progress_percent
from macros.views.preview import head_view

HOSTILE = '</script><script>alert(1)</script><!-- <script> & "quoted" \u2028\u2029 {{ 7*7 }}'


class Elements(HTMLParser):
    """Every element a browser's tokenizer would find, and the text of the script blocks."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


# -- JSON-LD ---------------------------------------------------------------------------------------
def test_hostile_text_in_json_ld_stays_inside_its_block_and_reads_back_exactly():
    block = str(render.json_ld_block({"name": HOSTILE, "nested": [{"x": HOSTILE}]}))
    found = Elements("<body>" + block + "<p>after</p></body>")
    assert [tag for tag, _ in found.elements] == ["body", "script", "p"]
    assert len(found.scripts) == 1
    assert json.loads(found.scripts[0]) == {"name": HOSTILE, "nested": [{"x": HOSTILE}]}
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in found.scripts[0]


def test_plain_text_in_json_ld_is_written_as_it_is():
    assert render.json_ld({"name": "Café Zuid", "n": 3}) == '{"name":"Café Zuid","n":3}'


def test_an_enterprise_with_hostile_text_is_an_organization_whose_block_holds():
    data = Data()
    e = data.enterprise("e", name=HOSTILE.replace("\u2028", "").replace("\u2029", ""), summary="<img src=x onerror=alert(1)>")
    data_ld = structured.organization(data.catalog(), e, "https://wise.example.org/")
    found = Elements(head_html("showcase/e/", head_view("T", "D", "u", "S", "https://wise.example.org/", data_ld)))
    assert [tag for tag, _ in found.elements].count("script") == 1
    assert json.loads(found.scripts[0])["name"] == e.name


def test_a_seminar_online_only_is_a_virtual_event():
    data = Data()
    s = data.seminar("web", location=None, online_url="https://example.org/live", organisers=["City"])
    event = structured.event(s, "A webinar.", "P", "https://wise.example.org/")
    assert event["location"] == {"@type": "VirtualLocation", "url": "https://example.org/live"}
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["organizer"] == {"@type": "Organization", "name": "City"}
    assert event["url"] == "https://wise.example.org/seminars/web/"


def test_a_vacant_post_has_no_person_and_a_shared_one_has_a_graph():
    data = Data()
    data.post("vacant")
    data.post("shared", body="council")
    data.official("ann", memberships=[holding("shared", "2020-01-01")])
    data.official("bob", memberships=[holding("shared", "2021-01-01")])
    catalog = data.catalog()
    assert structured.post_holders(catalog, catalog.get("post", "vacant"), "") is None
    graph = structured.post_holders(catalog, catalog.get("post", "shared"), "")
    assert [p["name"] for p in graph["@graph"]] == ["Ann", "Bob"] and all("@context" not in p for p in graph["@graph"])


def test_a_former_official_holds_no_occupation_but_keeps_the_dated_role():
    data = Data()
    data.post("seat", body="council")
    o = data.official("ann", memberships=[holding("seat", "2014-01-01", "2018-01-01")])
    person = structured.person(data.catalog(), o, "")
    assert "hasOccupation" not in person
    assert person["memberOf"] == [{"@type": "Role", "roleName": "Seat", "startDate": "2014-01-01", "endDate": "2018-01-01", "url": "lobby/posts/seat/"}]


def test_the_platform_is_an_organization_with_its_address_and_logo():
    assert structured.platform("P", "https://wise.example.org/", "We do.") == {
        "@context": "https://schema.org",
        "@type": "Organization",
        "@id": "https://wise.example.org/#organization",
        "name": "P",
        "url": "https://wise.example.org/",
        "description": "We do.",
        "logo": "https://wise.example.org/assets/images/social.png",
    }


# -- link previews ---------------------------------------------------------------------------------
def test_preview_meta_is_escaped_and_complete():
    head = head_view(HOSTILE, "  many   words\n" + "x " * 400, "https://wise.example.org/a/", "Site", "https://wise.example.org/")
    found = Elements(head_html("a/", head))
    assert {tag for tag, _ in found.elements} == {"meta"}
    meta = {a.get("property") or a.get("name"): a["content"] for _, a in found.elements}
    assert meta["og:title"] == meta["twitter:title"] == HOSTILE
    assert meta["og:description"].startswith("many words x x") and len(meta["og:description"]) <= 300
    assert meta["og:image"] == meta["twitter:image"] == "https://wise.example.org/assets/images/social.png"
    assert meta["og:url"] == "https://wise.example.org/a/" and meta["twitter:card"] == "summary_large_image"
    assert head.json_ld == ""


# -- embeds ----------------------------------------------------------------------------------------
def test_the_figures_embed_publishes_small_counts_as_under_ten_with_source_and_year():
    data = Data()
    y = data.monitoring("2024", year=2024, source={"title": "Monitor", "url": "https://example.org/m"}, measures={"enterprises": 12, "jobs_target_group": 7})
    view = figures_embed(data.catalog(), y)
    assert [(f.label, f.value) for f in view.figures] == [("social enterprises", "12"), ("people of the target group at work", "<10")]
    assert (view.source, view.year, view.example, view.page) == ("https://example.org/m", "2024", False, Link("monitor/2024/", "All figures for 2024"))


def test_the_enterprise_embed_shows_its_latest_count_suppressed_and_its_year():
    data = Data()
    e = data.enterprise(
        "e",
        example=True,
        figures=[{"year": 2023, "jobs_target_group": 40}, {"year": 2025, "jobs_target_group": 3}],
        offerings=[{"name": "Bread", "category": "food"}, {"name": "Bread", "category": "food"}],
    )
    view = enterprise_embed(data.catalog(), e)
    assert view.at_work.value == "<10" and view.year == "2025" and view.example
    assert view.offers == ("Bread",)
    bare = enterprise_embed(data.catalog(), data.enterprise("bare"))
    assert bare.at_work is None and bare.year == str(TODAY.year)


def test_progress_is_a_share_of_a_positive_target_kept_between_0_and_100():
    assert (progress_percent(41, 60), progress_percent(90, 60), progress_percent(-5, 60)) == (68, 100, 0)
    assert progress_percent(5, 0) is None


def test_the_campaign_embed_dates_its_progress_by_the_latest_count():
    data = Data()
    c = data.campaign(
        "drive",
        start="2025-01-01",
        metrics=[{"label": "Pledges", "target": 10, "current": 4, "as_of": "2026-03-01"}, {"label": "Any", "target": 0, "current": 1}],
    )
    view = campaign_embed(data.catalog(), c)
    assert view.year == "2026"
    assert [(p.metric.label, p.percent, p.has_bar) for p in view.progress] == [("Pledges", 40, True), ("Any", None, False)]
    assert campaign_embed(data.catalog(), data.campaign("bare")).year == str(TODAY.year)


def test_the_embed_code_is_an_escaped_iframe_with_an_absolute_address():
    code = embed_code("enterprise", "e", 'A "quoted" <name>', 320, "https://wise.example.org/")
    assert code == EmbedCode(
        "embed/enterprise/e/",
        '<iframe src="https://wise.example.org/embed/enterprise/e/" title="A &quot;quoted&quot; &lt;name&gt;" width="100%" height="320" style="border:0" loading="lazy"></iframe>',
    )
    found = Elements(code.code)
    assert found.elements == [
        (
            "iframe",
            {
                "src": "https://wise.example.org/embed/enterprise/e/",
                "title": 'A "quoted" <name>',
                "width": "100%",
                "height": "320",
                "style": "border:0",
                "loading": "lazy",
            },
        )
    ]


def test_every_record_with_an_embed_gets_one_page_without_script_linking_back():
    data = Data()
    data.enterprise("e", name=HOSTILE.replace("\u2028", "").replace("\u2029", ""))
    data.campaign("c")
    data.monitoring("2016", year=2016)
    files = embed_files(data.catalog())
    assert sorted(files) == ["embed/campaign/c/index.html", "embed/enterprise/e/index.html", "embed/figures/2016/index.html"]
    for html in files.values():
        found = Elements(html)
        assert "script" not in {tag for tag, _ in found.elements}
        assert any(tag == "a" and a.get("href", "").startswith("../../../") for tag, a in found.elements)
        assert ("meta", {"name": "robots", "content": "noindex, indexifembedded"}) in found.elements
