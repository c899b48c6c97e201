"""Search (/{lang}/search?q=): finds visible items of the language, never
hidden ones, paginates like a listing, refuses what it cannot search."""

import re
import urllib.parse

import pytest

from conftest import LANGS, item_links, parse, path_of, rel_link, text_of


def search(server, lang, q, page=None):
    path = "/%s/search?q=%s" % (lang, urllib.parse.quote(q))
    if page:
        path += "&page=%d" % page
    return server.get(path)


def results(server, lang, q):
    """Item links of every page of a search, following rel=next."""
    got = []
    r = search(server, lang, q)
    seen = set()
    while True:
        assert r.status_code == 200, (q, r.status_code)
        doc = parse(r)
        got.append(item_links(doc.xpath("//main")[0], server.base))
        nxt = rel_link(doc, "next")
        if not nxt:
            return got
        p = path_of(r.url, nxt)
        assert p not in seen and len(seen) < 50
        seen.add(p)
        r = server.get(p)


@pytest.mark.parametrize("lang", LANGS)
def test_search_form(server, lang):
    r = server.get("/%s/search" % lang)
    assert r.status_code == 200
    doc = parse(r)
    assert doc.get("lang") == lang
    assert doc.xpath("//form[contains(@action, '/%s/search')]//input[@name='q']"
                     % lang), "no search form"
    # Every page offers the form.
    home = parse(server.get("/%s/" % lang))
    assert home.xpath("//form//input[@name='q']")


def test_search_finds_visible_items(server, db):
    for lang in LANGS:
        rows = db.rows("SELECT kind, slug, title FROM items WHERE lang = '%s' "
                       "AND status = 'published' AND published_at <= "
                       "UTC_TIMESTAMP() ORDER BY published_at DESC LIMIT 3"
                       % lang)
        for kind, slug, title in rows:
            found = set().union(*results(server, lang, title))
            assert (lang, kind, slug) in found, (lang, title)


def test_search_results_are_visible_items_of_the_language(server, db):
    pages = results(server, "en", "harm reduction")
    allres = set().union(*pages)
    assert len(pages) > 1, "expected more than one page of results"
    assert allres <= db.visible("en"), allres - db.visible("en")
    assert sum(len(p) for p in pages) == len(allres), "an item on two pages"


def test_search_never_finds_hidden_items(server, db):
    hidden = db.hidden()
    assert hidden
    for lang, kind, slug, title in hidden:
        words = re.findall(r"\w{5,}", title)
        for q in [title, slug.replace("-", " ")] + words[:4]:
            for page in results(server, lang, q):
                assert (lang, kind, slug) not in page, (q, slug)
            r = search(server, lang, q)
            assert slug not in r.text, q
            if q != title:
                # (The page repeats the query, so not when it is the title.)
                assert " ".join(title.split()) not in text_of(parse(r)), q


def test_search_for_nothing_found(server):
    r = search(server, "en", "zzqxjv-no-such-word")
    assert r.status_code == 200
    assert not item_links(parse(r).xpath("//main")[0], server.base)


def test_search_echo_is_escaped(server):
    r = search(server, "en", "<script>alert(1)</script>")
    assert r.status_code == 200
    assert b"<script>alert(1)" not in r.content
    doc = parse(r)
    assert not doc.xpath("//script")


def test_search_too_long_is_400(server):
    r = search(server, "en", "a" * 201)
    assert r.status_code == 400
    assert search(server, "en", "a" * 200).status_code == 200


@pytest.mark.parametrize("query", ["q=%zz", "q=%C3%28", "q=a%00b",
                                   "q=harm&page=0", "q=harm&page=abc"])
def test_search_bad_input_is_400(server, query):
    r = server.raw("GET", "/en/search?" + query)
    assert r.status_code == 400, (query, r.status_code)


def test_search_page_past_the_last_is_404(server):
    pages = results(server, "en", "harm reduction")
    r = search(server, "en", "harm reduction", page=len(pages) + 1)
    assert r.status_code == 404
