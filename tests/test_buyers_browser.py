"""The buyers' path in a real browser: from the home page to a downloaded list of suppliers that may get a reserved
contract, the social return calculator, the downloads of every filterable listing, and the self-test.

Expected results are computed here from the YAML (with PyYAML's safe loader, which only tests use)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
import yaml
from conftest import ROOT
from test_showcase_browser import delivers_in, raw, ready, visible

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser, example_url):
    context = browser.new_context(accept_downloads=True)
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(example_url) else r.abort())
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.base = example_url + "en/"  # the English pages: the sentences read are the English ones
    yield page
    context.close()


def rules() -> dict:
    return yaml.safe_load((ROOT / "data" / "procurement.yml").read_text(encoding="utf-8"))


def article20(e: dict, today: dt.date) -> str:
    """Article 20's test from the YAML: the latest figures with both counts, at most two years old, at least 30%."""
    minimum = rules()["reserved_contracts"]["minimum_share"]
    counted = [f for f in e.get("figures", []) if f.get("jobs_target_group") is not None and f.get("staff_total")]
    if not counted:
        return "unknown"
    latest = max(counted, key=lambda f: f["year"])
    if latest["year"] < today.year - rules()["reserved_contracts"].get("figures_valid_years", 2):
        return "unknown"
    return "yes" if 100 * latest["jobs_target_group"] / latest["staff_total"] >= minimum else "no"


def downloaded(page, trigger_selector: str) -> list[list[str]]:
    with page.expect_download() as info:
        page.click(trigger_selector)
    text = info.value.path().read_text(encoding="utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def test_a_buyer_reaches_reserved_catering_suppliers_in_noord_in_three_clicks_and_downloads_them(page):
    today = dt.date.today()
    page.goto(page.base)
    page.click("a[href$='buy-social/?article20=yes']")  # 1: suppliers that may get a reserved contract
    ready(page)
    page.check("input[name=category][value=catering]")  # 2
    page.check("input[name=area][value=noord]")  # 3
    want = {
        eid
        for eid, e in raw("enterprises").items()
        if article20(e, today) == "yes" and delivers_in(e, "noord") and any(o["category"] == "catering" for o in e.get("offerings", []))
    }
    page.wait_for_function("n => document.querySelector('[data-filterable] [data-count]').dataset.count == n", arg=str(len(want)))
    assert want and visible(page) == want
    rows = downloaded(page, "[data-download-results] a")
    assert rows[0][0] == "id" and {r[0] for r in rows[1:]} == want
    assert page.errors == []


@pytest.mark.parametrize(
    ("url", "export"),
    [
        ("showcase/?district=oost", "enterprise"),
        ("buy-social/?category=catering", "enterprise"),
        ("lobby/tracker/?status=asked", "asks"),
        ("certification/?article20=yes", "certification-matrix"),
    ],
)
def test_download_these_results_holds_the_rows_shown_with_the_exports_columns(page, url, export):
    page.goto(page.base + url)
    ready(page)
    page.wait_for_selector("[data-download-results]:not([hidden])")
    shown = set(page.eval_on_selector_all("[data-filterable] [data-item]:not([hidden])", "els => els.map(e => e.dataset.key)"))
    assert int(page.get_attribute("[data-filterable] [data-count]", "data-count")) == len(shown)  # every match is shown
    rows = downloaded(page, "[data-download-results] a")
    header = next(csv.reader(io.StringIO(page.evaluate(f"fetch('{page.base.removesuffix('en/')}data/{export}.csv').then(r => r.text())").lstrip("\ufeff"))))
    assert rows[0] == header
    assert shown and {r[0] for r in rows[1:]} == shown
    assert len(rows) - 1 == len(shown)


def test_the_calculator_gives_the_obligation_and_the_wises_that_meet_it(page):
    page.goto(page.base + "buy-social/social-return/")
    result = page.locator("[data-social-return-result]")
    page.fill("#wise-contract-value", "1000000")
    assert "€50,000" in result.inner_text()
    page.fill("#wise-contract-value", "2000000")
    assert "€100,000" in result.inner_text()
    page.fill("#wise-contract-value", "100000")
    assert "no social return applies" in result.inner_text()
    page.fill("#wise-contract-value", "1000000")
    page.check("input[name=low_labour]")
    assert "€20,000" in result.inner_text()
    all_wises = page.eval_on_selector_all("[data-wise]:not([hidden])", "els => els.length")
    page.select_option("#wise-category", "catering")
    catering = page.eval_on_selector_all("[data-wise]:not([hidden])", "els => els.map(e => e.dataset.key)")
    assert 0 < len(catering) < all_wises
    assert all(any(o["category"] == "catering" for o in raw("enterprises")[k].get("offerings", [])) for k in catering)
    assert page.get_attribute("[data-catalogue-link]", "href").endswith("?category=catering")
    assert page.errors == []


def test_the_self_test_answers_per_criterion_and_overall(page):
    page.goto(page.base + "certification/self-test/")
    criteria = page.locator("fieldset[data-criterion]")
    count = criteria.count()
    assert count >= 2
    result = page.locator("[data-self-test-result]")
    page.locator("fieldset[data-criterion] input[value=yes]").first.check()
    assert f"1 of the 1 criteria answered so far; {count - 1} to go" in result.inner_text()
    for i in range(count):
        criteria.nth(i).locator("input[value=yes]").check()
    assert f"meets all {count} criteria" in result.inner_text()
    criteria.nth(0).locator("input[value=no]").focus()
    page.keyboard.press("Space")
    assert f"meets {count - 1} of the {count} criteria" in result.inner_text()
    assert page.get_attribute("[data-self-test-result]", "aria-live") == "polite"
