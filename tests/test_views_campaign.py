"""A campaign's page (progress with each metric's source and year, milestones in date order, call to
action, sections) and the listing: running and upcoming campaigns by start, then ended ones latest first."""

from __future__ import annotations

import datetime as dt

from catalogs import TODAY, Data
from markupsafe import Markup

from macros.views.base import EmbedCode, Link, Section, Span, When
from macros.views.campaign import CampaignCard, CampaignView, Metric, Milestone, campaign_view, campaigns_view, current_first, with_unit


def page(data: Data, campaign_id: str = "drive") -> CampaignView:
    catalog = data.catalog()
    return campaign_view(catalog, catalog.get("campaign", campaign_id))


def test_a_campaign_page_shows_progress_milestones_in_date_order_and_what_it_is_about():
    data = Data()
    data.post("alderman")
    data.position("p")
    data.enterprise("bakery")
    data.campaign(
        "drive",
        name="Buy Social Week",
        goal="More social buying.",
        description="**Buy** social.",
        start="2026-05-01",
        end="2026-06-30",
        positions=["p"],
        targets=["alderman"],
        enterprises=["bakery"],
        milestones=[
            {"date": "2026-05-20", "title": "Debate", "note": "In the council", "source": "https://example.org/debate"},
            {"date": "2026-05-01", "title": "Launch"},
        ],
        metrics=[
            {"label": "Buyers signed", "target": 1000, "current": 250, "as_of": "2026-05-15", "source": "https://example.org/count"},
            {"label": "Spend", "target": 2.5, "current": 1.25, "unit": "million euro"},
        ],
        call_to_action={"text": "Sign the pledge", "url": "https://example.org/sign"},
        hashtags=["buysocial", "#wise"],
        example=True,
    )
    assert page(data) == CampaignView(
        title="Buy Social Week",
        toc=(
            Section("metrics", "Progress"),
            Section("milestones", "Milestones"),
            Section("positions", "Positions"),
            Section("targets", "Addressed to"),
            Section("enterprises", "Enterprises taking part"),
            Section("embed", "Embed this"),
        ),
        preview="More social buying.",
        kind="campaign",
        record_id="drive",
        example=True,
        source_path="data/campaigns/drive.yml",
        goal="More social buying.",
        period=Span(When("2026-05-01", "1 May 2026"), When("2026-06-30", "30 June 2026")),
        hashtags="#buysocial #wise",
        call_to_action=Link("https://example.org/sign", "Sign the pledge"),
        call_to_action_text=None,
        description=Markup("<p><strong>Buy</strong> social.</p>"),
        metrics=(
            Metric(
                "Buyers signed",
                "250",
                "1,000",
                When("2026-05-15", "15 May 2026"),
                "https://example.org/count",
                "2026",
                Link("https://example.org/count", "source"),
            ),
            Metric("Spend", "1.25 million euro", "2.5 million euro", None, "data/campaigns/drive.yml", None, None),
        ),
        milestones=(
            Milestone(When("2026-05-01", "1 May 2026"), "Launch", None, None),
            Milestone(When("2026-05-20", "20 May 2026"), "Debate", "In the council.", Link("https://example.org/debate", "source")),
        ),
        positions=(Link("lobby/positions/p/", "P"),),
        targets=(Link("lobby/posts/alderman/", "Alderman"),),
        enterprises=(Link("showcase/bakery/", "Bakery"),),
        embed=EmbedCode(
            "embed/campaign/drive/",
            '<iframe src="embed/campaign/drive/" title="Buy Social Week: progress" width="100%" height="440" style="border:0" loading="lazy"></iframe>',
        ),
    )


def test_a_bare_campaign_has_no_sections_period_hashtags_or_call_to_action():
    data = Data()
    data.campaign("drive")
    view = page(data)
    assert view.toc == (Section("embed", "Embed this"),)
    assert (view.period, view.hashtags, view.call_to_action, view.call_to_action_text, view.description) == (None, None, None, None, Markup(""))
    assert (view.metrics, view.milestones, view.positions, view.targets, view.enterprises) == ((), (), (), (), ())


def test_a_call_to_action_without_a_link_is_shown_as_text():
    data = Data()
    data.campaign("drive", call_to_action={"text": "Come to the town hall"}, start="2026-07-01")
    view = page(data)
    assert (view.call_to_action, view.call_to_action_text) == (None, "Come to the town hall")
    assert view.period == Span(When("2026-07-01", "1 July 2026"), None, "ongoing")


def test_a_metric_without_a_unit_is_its_number_and_a_metric_in_units_names_them():
    assert (with_unit("250", None), with_unit("250", "pledges")) == ("250", "250 pledges")


def test_a_metrics_year_is_the_year_it_was_measured_and_its_source_its_own_or_the_campaigns_file():
    data = Data()
    data.campaign("drive", metrics=[{"label": "Pledges", "target": 10, "current": 4, "as_of": "2025-12-31", "unit": "pledges"}])
    (metric,) = page(data).metrics
    assert metric == Metric("Pledges", "4 pledges", "10 pledges", When("2025-12-31", "31 December 2025"), "data/campaigns/drive.yml", "2025", None)


# -- the listing ---------------------------------------------------------------------------------------
def listing_data() -> Data:
    data = Data()
    data.campaign("a-ended-long", start="2024-01-01", end="2025-01-01")
    data.campaign("b-ended-recent", end=TODAY - dt.timedelta(days=1))
    data.campaign("c-ended-recent", end=TODAY - dt.timedelta(days=1))
    data.campaign("d-ends-today", start="2026-01-01", end=TODAY)
    data.campaign("e-upcoming", start="2026-09-01", end="2026-09-30")
    data.campaign("f-no-dates")
    data.campaign("g-open", start="2025-01-01")
    data.campaign("h-same-start", start="2026-01-01")
    data.campaign("i-started-today", start=TODAY)
    return data


def test_running_and_upcoming_campaigns_come_first_by_start_then_ended_ones_latest_first():
    order = [c.id for c in current_first(listing_data().catalog())]
    assert order == [
        "g-open",
        "d-ends-today",
        "h-same-start",
        "f-no-dates",
        "i-started-today",
        "e-upcoming",
        "c-ended-recent",
        "b-ended-recent",
        "a-ended-long",
    ]


def test_the_listing_shows_each_campaign_with_its_goal_and_period():
    data = Data()
    data.campaign("old", goal="Old goal.", start="2024-01-01", end="2024-02-01", example=True)
    data.campaign("new", goal="New goal.")
    view = campaigns_view(data.catalog())
    assert (view.title, view.count, view.toc) == ("Campaigns", 2, ())
    assert view.cards == (
        CampaignCard("campaign:new", Link("campaigns/new/", "New"), False, "New goal.", None),
        CampaignCard(
            "campaign:old", Link("campaigns/old/", "Old"), True, "Old goal.", Span(When("2024-01-01", "1 January 2024"), When("2024-02-01", "1 February 2024"))
        ),
    )
