"""Listing pages: every visible item exactly once, newest first; rel=prev
and rel=next; the edges of ?page=."""

import pytest

from conftest import (KINDS, LANGS, PAGE_SIZE, SEGMENTS, item_links, parse,
                      path_of, rel_link)


def pages_of(n):
    return max(1, -(-n // PAGE_SIZE))


def listing(lang, kind, page=None):
    path = "/%s/%s/" % (lang, SEGMENTS[kind])
    return path if page is None else "%s?page=%s" % (path, page)


def shown(doc, base, lang, kind):
    return {s for la, k, s in item_links(doc, base) if la == lang and k == kind}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_pages_cover_every_item_once_newest_first(server, db, lang, kind):
    published = db.published(lang, kind)
    n = len(published)
    seen = []
    for page in range(1, pages_of(n) + 1):
        r = server.get(listing(lang, kind, page))
        assert r.status_code == 200, (page, r.status_code)
        got = shown(parse(r), server.base, lang, kind)
        expect = min(PAGE_SIZE, n - (page - 1) * PAGE_SIZE)
        assert len(got) == expect, "page %d shows %d items" % (page, len(got))
        seen.append(got)
    union = set().union(*seen)
    assert union == set(published), "listing differs from the visible items"
    assert sum(len(s) for s in seen) == n, "an item is on two pages"
    # Newest first: nothing on a later page is newer than anything before.
    for earlier, later in zip(seen, seen[1:]):
        assert max(published[s] for s in later) <= \
            min(published[s] for s in earlier)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_page_past_the_last_is_404(server, db, lang, kind):
    n = len(db.visible(lang, kind))
    last = pages_of(n)
    assert server.get(listing(lang, kind, last)).status_code == 200
    assert server.get(listing(lang, kind, last + 1)).status_code == 404
    assert server.get(listing(lang, kind, 1000000)).status_code == 404


def long_listings(db):
    return [(lang, kind) for lang in LANGS for kind in KINDS
            if len(db.visible(lang, kind)) > PAGE_SIZE]


def test_some_listing_has_pages(db):
    assert long_listings(db), "sample content fills no listing past a page"


def test_rel_prev_next(server, db):
    for lang, kind in long_listings(db):
        n = len(db.visible(lang, kind))
        last = pages_of(n)
        first = server.get(listing(lang, kind))
        doc = parse(first)
        assert rel_link(doc, "prev") is None
        nxt = rel_link(doc, "next")
        assert nxt, "page 1 has no rel=next"
        assert path_of(first.url, nxt) == listing(lang, kind, 2)
        for page in range(2, last + 1):
            r = server.get(listing(lang, kind, page))
            doc = parse(r)
            prev = rel_link(doc, "prev")
            assert prev, "page %d has no rel=prev" % page
            want = listing(lang, kind) if page == 2 else None
            got = path_of(r.url, prev)
            assert got in (want, listing(lang, kind, page - 1)), got
            nxt = rel_link(doc, "next")
            if page == last:
                assert nxt is None, "last page has rel=next"
            else:
                assert path_of(r.url, nxt) == listing(lang, kind, page + 1)


def test_page_2_differs_from_page_1(server, db):
    lang, kind = long_listings(db)[0]
    a = shown(parse(server.get(listing(lang, kind, 1))), server.base, lang, kind)
    b = shown(parse(server.get(listing(lang, kind, 2))), server.base, lang, kind)
    assert a and b and not a & b


@pytest.mark.parametrize("value", [
    "0", "-1", "abc", "1.5", "", "2x", "0x10", "1e3",
    "99999999999999999999999999", "9223372036854775808",
    "%00", "%zz", "%C3%28",
])
def test_bad_page_number_is_400(server, value):
    r = server.raw("GET", "/en/news/?page=" + value)
    assert r.status_code == 400, (value, r.status_code)


def test_page_1_is_the_first_page(server):
    a = server.get("/en/news/")
    b = server.get("/en/news/?page=1")
    assert b.status_code in (200, 301, 302, 308)
    if b.status_code == 200:
        assert shown(parse(a), server.base, "en", "news") == \
            shown(parse(b), server.base, "en", "news")
