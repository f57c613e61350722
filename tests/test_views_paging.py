"""Paged listings: how many pages, their addresses, the pager, each page's slice of the items and title, the
buy-social categories shared out over pages, the item file's entries, and the pages and item files the build makes."""

from __future__ import annotations

import json

import pytest
from catalogs import Data
from htmltools import item_rows

from macros.pages import PAGE_TYPES, item_file, listing_pages, render_site
from macros.views.base import Link
from macros.views.buy_social import Category, buy_social_view, categories_on_page
from macros.views.enterprise import showcase_view
from macros.views.paging import CARDS, ROWS, Entry, PageLink, Pager, Paging, entry, page_count, page_title, page_url, window
from macros.views.scheme import certification_view
from macros.views.tracker import tracker_view


# -- how many pages, and where ----------------------------------------------------------------------
@pytest.mark.parametrize(("count", "pages"), [(0, 1), (1, 1), (48, 1), (49, 2), (96, 2), (97, 3)])
def test_items_take_as_many_pages_as_they_fill_and_never_fewer_than_one(count, pages):
    assert page_count(count, 48) == pages


def test_a_page_of_no_items_is_refused():
    with pytest.raises(ValueError, match="at least one item"):
        page_count(10, 0)


def test_the_first_page_keeps_the_listings_address_and_the_others_go_beneath_it():
    assert [page_url("showcase/", n) for n in (1, 2, 17)] == ["showcase/", "showcase/page/2/", "showcase/page/17/"]


# -- the pager's numbers ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("number", "pages", "shown"),
    [
        (1, 1, (1,)),
        (1, 3, (1, 2, 3)),
        (1, 10, (1, 2, 3, None, 10)),
        (5, 10, (1, 2, 3, 4, 5, 6, 7, None, 10)),  # 2 stands for itself: an ellipsis would hide nothing
        (6, 10, (1, None, 4, 5, 6, 7, 8, 9, 10)),
        (10, 10, (1, None, 8, 9, 10)),
        (50, 100, (1, None, 48, 49, 50, 51, 52, None, 100)),
    ],
)
def test_the_pager_shows_the_first_and_last_pages_and_two_either_side_of_this_one(number, pages, shown):
    assert window(number, pages) == shown


def test_the_pager_labels_the_items_of_this_page_and_links_the_previous_and_next():
    pager = Paging("showcase/", 48, 100, "Enterprises", number=2).pager
    assert pager == Pager(
        label="Enterprises 49–96 of 100",
        previous=Link("showcase/", "Previous page"),
        next=Link("showcase/page/3/", "Next page"),
        links=(PageLink(1, "showcase/", False), PageLink(2, "showcase/page/2/", True), PageLink(3, "showcase/page/3/", False)),
    )


def test_the_first_page_has_no_previous_and_the_last_no_next_and_its_label_ends_at_the_last_item():
    first, last = Paging("x/", 48, 100, "Asks").pager, Paging("x/", 48, 100, "Asks", number=3).pager
    assert (first.previous, first.next) == (None, Link("x/page/2/", "Next page"))
    assert (last.previous, last.next, last.label) == (Link("x/page/2/", "Previous page"), None, "Asks 97–100 of 100")


def test_a_listing_on_one_page_has_no_pager():
    assert Paging("x/", 48, 48, "Asks").pager is None
    assert Paging("x/", 48, 0, "Asks").pager is None


def test_a_page_beyond_the_listing_is_refused():
    paging = Paging("x/", 48, 49, "Asks")
    assert paging.page(2).number == 2
    for number in (0, 3):
        with pytest.raises(ValueError, match="pages 1 to 2"):
            paging.page(number)


def test_the_item_file_sits_beside_the_first_page():
    assert Paging("lobby/tracker/", ROWS, 3, "Asks").items_url == "lobby/tracker/items.json"


def test_every_page_but_the_first_names_its_number_in_its_title():
    paging = Paging("x/", 10, 25, "Asks")
    assert [page_title("Showcase", paging.page(n)) for n in (1, 2, 3)] == ["Showcase", "Showcase, page 2 of 3", "Showcase, page 3 of 3"]


# -- a listing's pages -------------------------------------------------------------------------------------
def city(enterprises: int) -> Data:
    data = Data()
    for i in range(enterprises):
        data.enterprise(f"e{i:03}", name=f"Enterprise {i:03}", district="noord" if i % 2 else "west", geo={"lat": 52.3, "lon": 4.9} if i == 0 else None)
    return data


def test_the_showcase_shows_a_page_of_cards_in_id_order_and_counts_them_all():
    view = showcase_view(city(CARDS + 1).catalog())
    assert view.paging == Paging("showcase/", CARDS, CARDS + 1, "Enterprises")
    assert [c.key for c in view.shown] == [f"e{i:03}" for i in range(CARDS)]
    second = view.on_page(2)
    assert [c.key for c in second.shown] == [f"e{CARDS:03}"]
    assert (second.title, second.count, second.facets) == ("Showcase, page 2 of 2", CARDS + 1, view.facets)


def test_a_listing_that_fits_shows_every_item_on_its_one_page():
    view = showcase_view(city(3).catalog())
    assert ([c.key for c in view.shown], view.paging.pages, view.paging.pager) == (["e000", "e001", "e002"], 1, None)


def test_pages_are_made_from_the_first_page_only():
    view = showcase_view(city(CARDS + 1).catalog()).on_page(2)
    with pytest.raises(ValueError, match="first page"):
        view.on_page(1)


def test_the_tracker_and_the_matrix_page_their_rows_at_their_own_size():
    data = city(1)
    data.position("p", asks=[{"id": f"a{i}", "text": f"Ask {i}."} for i in range(3)])
    catalog = data.catalog()
    assert tracker_view(catalog).paging == Paging("lobby/tracker/", ROWS, 3, "Asks")
    assert certification_view(catalog).paging == Paging("certification/", ROWS, 1, "Enterprises")


# -- buy-social: categories over pages ------------------------------------------------------------------
def category(name: str, suppliers: int) -> Category:
    return Category(name, name, "", None, tuple(f"{name}{i}" for i in range(suppliers)))


CATEGORIES = (category("a", 3), category("empty", 0), category("b", 4), category("last", 0))


def shown(categories, start, stop, last=False) -> list[tuple[str, tuple]]:
    return [(c.anchor, c.suppliers) for c in categories_on_page(categories, start, stop, last)]


def test_a_category_shows_on_each_page_its_suppliers_fall_on_with_those_suppliers():
    assert shown(CATEGORIES, 0, 2) == [("a", ("a0", "a1"))]
    assert shown(CATEGORIES, 2, 4) == [("a", ("a2",)), ("empty", ()), ("b", ("b0",))]


def test_an_empty_category_shows_where_its_place_falls_and_trailing_ones_on_the_last_page():
    assert shown(CATEGORIES, 0, 3) == [("a", ("a0", "a1", "a2"))]  # "empty" is at 3: the next page's
    assert shown(CATEGORIES, 3, 6) == [("empty", ()), ("b", ("b0", "b1", "b2"))]
    assert shown(CATEGORIES, 6, 7, last=True) == [("b", ("b3",)), ("last", ())]
    assert shown(CATEGORIES, 6, 7, last=False) == [("b", ("b3",))]


def test_with_no_supplier_at_all_every_category_is_on_the_one_page():
    empty = (category("x", 0), category("y", 0))
    assert shown(empty, 0, 0, last=True) == [("x", ()), ("y", ())]


def test_every_category_and_supplier_is_on_exactly_one_page_however_the_pages_fall():
    for size in range(1, 9):
        pages = page_count(7, size)
        seen = [s for n in range(pages) for _, suppliers in shown(CATEGORIES, n * size, min(7, (n + 1) * size), n == pages - 1) for s in suppliers]
        anchors = [a for n in range(pages) for a, s in shown(CATEGORIES, n * size, min(7, (n + 1) * size), n == pages - 1) if not s]
        assert seen == ["a0", "a1", "a2", "b0", "b1", "b2", "b3"], size
        assert anchors == ["empty", "last"], size


def catalogue(suppliers: int) -> Data:
    data = Data()
    data.vocabulary("offering-categories", entries=[{"id": c, "label": c.title(), "cpv": ["55520000-1"]} for c in ("catering", "cleaning", "printing")])
    for i in range(suppliers):
        data.enterprise(f"e{i:03}", offerings=[{"name": "Lunch", "category": "catering"}, {"name": "Flyers", "category": "printing"}])
    return data


def test_the_catalogue_pages_its_supplier_cards_category_by_category():
    view = buy_social_view(catalogue(30).catalog())  # 60 cards: catering's 30, then printing's 30
    assert (view.count, view.paging.pages) == (60, 2)
    assert [(c.anchor, len(c.suppliers)) for c in view.shown_categories] == [("category-catering", 30), ("category-cleaning", 0), ("category-printing", 18)]
    assert [(c.anchor, len(c.suppliers)) for c in view.on_page(2).shown_categories] == [("category-printing", 12)]
    assert [view.group_of(i) for i in (0, 29, 30, 59)] == [0, 0, 2, 2]


# -- the item file's entries -----------------------------------------------------------------------------
class Card:
    def __init__(self, **fields):
        self.__dict__.update(fields)


def test_an_entry_has_each_facets_values_in_the_facets_order_and_none_for_a_facet_the_card_lacks():
    card = Card(key="k", filters=(("district", "noord"), ("sector", "food print")), words="bread", geo=("52.37", "-4.5"))
    assert entry(card, ("sector", "network", "district"), group=2) == Entry("k", (("food", "print"), (), ("noord",)), "bread", (52.37, -4.5), 2)


def test_an_entry_without_a_pin_has_none():
    assert entry(Card(key="k", filters=(), words=""), ("sector",)).geo is None


def test_the_search_box_searches_the_words_each_card_shows_or_stands_for():
    data = catalogue(0)
    data.enterprise("e000", name="Enterprise 000")
    data.enterprise("bakery", name="The Bakery", summary="Bread AND cakes.", offerings=[{"name": "Lunch", "category": "catering", "description": "Soup."}])
    data.position("p", asks=[{"id": "a", "text": "Buy MORE bread."}])
    catalog = data.catalog()
    card = next(c for c in showcase_view(catalog).cards if c.key == "bakery")
    assert card.words == "the bakery bread and cakes. lunch soup."
    (supplier,) = buy_social_view(catalog).items
    assert supplier.words == "the bakery lunch"
    assert tracker_view(catalog).rows[0].words == "buy more bread."
    assert [r.words for r in certification_view(catalog).matrix] == ["the bakery", "enterprise 000"]


# -- pages and item files of the site --------------------------------------------------------------------
SHOWCASE = next(p for p in PAGE_TYPES if p.url == "showcase/")


def test_a_paged_listing_makes_each_page_only_the_first_in_the_navigation():
    pages = listing_pages(SHOWCASE, showcase_view(city(2 * CARDS + 1).catalog()))
    assert [(p.url, p.title, p.nav) for p in pages] == [
        ("showcase/", "Showcase", True),
        ("showcase/page/2/", "Showcase, page 2 of 3", False),
        ("showcase/page/3/", "Showcase, page 3 of 3", False),
    ]
    assert 'href="../3/" rel="next"' in pages[1].html and 'href="../../" rel="prev"' in pages[1].html
    assert pages[2].html.count("data-item ") == 1 and 'data-count="97"' in pages[2].html


def test_a_view_paging_another_address_than_its_page_type_is_refused():
    tracker = next(p for p in PAGE_TYPES if p.url == "lobby/tracker/")
    with pytest.raises(ValueError, match="the view pages showcase/"):
        listing_pages(tracker, showcase_view(city(1).catalog()))


def test_the_item_file_holds_every_item_with_its_card_and_links_relative_to_the_file():
    view = showcase_view(city(CARDS + 2).catalog())
    content = json.loads(item_file(SHOWCASE, view))
    assert (content["facets"], content["size"], content["groups"]) == (
        ["sector", "district", "target_group", "category", "certification", "network"],
        CARDS,
        [],
    )
    items = item_rows(content)
    assert [i["key"] for i in items] == [c.key for c in view.cards]
    first = items[0]
    assert first == {
        "key": "e000",
        "values": [["food"], ["west"], [], [], [], []],
        "words": "enterprise 000 what e000 does. ",
        "geo": [52.3, 4.9],
        "html": first["html"],
    }
    assert first["html"].startswith(
        '<li class="wise-card" data-item data-key="e000" data-record="enterprise:e000">\n<a href="e000/" data-item-link>Enterprise 000</a>'
    )
    assert content["items"]["geo"][1] is None and "geo" not in items[1]


def test_the_item_files_card_is_the_card_of_the_listings_pages():
    view = showcase_view(city(CARDS + 1).catalog())
    last = json.loads(item_file(SHOWCASE, view))["items"]["html"][-1]
    page = listing_pages(SHOWCASE, view)[1].html
    assert last.replace('href="', 'href="../../') in page


def test_the_catalogues_item_file_gives_each_category_its_opening_and_closing_and_each_card_its_category():
    buy_social = next(p for p in PAGE_TYPES if p.url == "buy-social/")
    content = json.loads(item_file(buy_social, buy_social_view(catalogue(2).catalog())))
    assert [g["open"].split("\n")[0] for g in content["groups"]] == [
        '<section id="category-catering">',
        '<section id="category-cleaning">',
        '<section id="category-printing">',
    ]
    assert content["groups"][0]["open"].endswith('<ul class="wise-cards">\n') and content["groups"][0]["close"] == "\n</ul>\n</section>"
    assert "No supplier in this category yet." in content["groups"][1]["open"]
    assert [(i["key"], i["group"]) for i in item_rows(content)] == [("e000", 0), ("e001", 0), ("e000", 2), ("e001", 2)]
    assert "geo" not in content["items"]
    assert content["items"]["html"][0].count('href="../showcase/e000/#buy"') == 1


def test_record_text_in_the_item_file_is_escaped_html_in_json():
    data = city(0)
    data.enterprise("x", name='<script>alert(1)</script> "quoted" {{ 7*7 }}')
    content = json.loads(item_file(SHOWCASE, showcase_view(data.catalog())))
    (item,) = item_rows(content)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#34;quoted&#34; &#123;&#123; 7*7 &#125;&#125;" in item["html"]
    assert "<script>" not in item["html"] and item["words"].startswith('<script>alert(1)</script> "quoted"')


def test_the_site_has_an_item_file_for_each_paged_listing_and_every_page_of_each():
    data = catalogue(CARDS)
    rendered = render_site(data.catalog())
    assert sorted(rendered.files) == [
        "buy-social/items.json",
        "certification/items.json",
        "lobby/decisions/items.json",
        "lobby/tracker/items.json",
        "showcase/items.json",
    ]
    urls = {p.url for p in rendered.pages}
    assert {"buy-social/", "buy-social/page/2/", "showcase/"} <= urls and "showcase/page/2/" not in urls and "buy-social/page/3/" not in urls


def test_a_card_laid_out_before_is_taken_as_it_was_and_an_edited_one_is_laid_out_again():
    from macros import pages

    pages.CARD_HTML.clear()
    first = item_file(SHOWCASE, showcase_view(city(3).catalog()))
    kept = len(pages.CARD_HTML)
    assert kept == 3  # one per card
    assert item_file(SHOWCASE, showcase_view(city(3).catalog())) == first and len(pages.CARD_HTML) == kept
    edited = city(3)
    edited.enterprise(sorted(edited.records["enterprise"])[0], summary="Edited since.")
    again = json.loads(item_file(SHOWCASE, showcase_view(edited.catalog())))
    assert len(pages.CARD_HTML) == kept + 1 and any("Edited since." in html for html in again["items"]["html"])
