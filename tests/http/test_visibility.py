"""Drafts, items in review, archived items and items scheduled for the future
are invisible everywhere: no page of their own, absent from listings, tag
and organisation pages and the home page, and not counted anywhere."""

import re

import pytest

from conftest import (HIDDEN_SLUGS, KINDS, LANGS, SEGMENTS, item_links, parse,
                      path_of, rel_link, text_of)


def test_sample_has_hidden_items(db):
    hidden = {slug for _, _, slug, _ in db.hidden()}
    for slug in HIDDEN_SLUGS:
        assert slug in hidden, "sample lacks hidden item " + slug
    statuses = {r[0] for r in db.rows(
        "SELECT DISTINCT status FROM items WHERE NOT (status = 'published' "
        "AND published_at <= UTC_TIMESTAMP())")}
    assert "draft" in statuses and "archived" in statuses
    future = db.rows("SELECT slug FROM items WHERE status = 'published' AND "
                     "published_at > UTC_TIMESTAMP()")
    assert future, "sample has no scheduled (future) item"


@pytest.mark.parametrize("slug", HIDDEN_SLUGS)
def test_hidden_item_urls_are_404(server, slug):
    for lang in LANGS:
        for kind in KINDS:
            r = server.get("/%s/%s/%s" % (lang, SEGMENTS[kind], slug))
            assert r.status_code == 404, (lang, kind, r.status_code)


def test_every_hidden_item_url_is_404(server, db):
    for lang, kind, slug, _ in db.hidden():
        r = server.get("/%s/%s/%s" % (lang, SEGMENTS[kind], slug))
        assert r.status_code == 404, (lang, kind, slug, r.status_code)


def test_crawl_reached_every_page_type(crawl, db):
    assert len(crawl) > 50
    paths = list(crawl)
    assert any(re.search(r"/tags/[^/]+/$", p) for p in paths)
    assert any(re.search(r"/organisations/[^/]+/$", p) for p in paths)
    assert any("?page=2" in p for p in paths)
    bad = {p: r.status_code for p, r in crawl.items() if r.status_code != 200}
    assert not bad, "links to pages that do not answer 200: %r" % bad


def test_hidden_items_on_no_page(crawl, db, stack):
    hidden = db.hidden()
    assert hidden
    slugs = {(lang, kind, slug) for lang, kind, slug, _ in hidden}
    titles = {" ".join(t.split()) for _, _, _, t in hidden}
    visible_titles = {" ".join(r[0].split()) for r in db.rows(
        "SELECT title FROM items WHERE status = 'published' AND "
        "published_at <= UTC_TIMESTAMP()")}
    titles -= visible_titles
    for path, r in crawl.items():
        if r.status_code != 200:
            continue
        doc = parse(r)
        leaked = item_links(doc, stack.base_url) & slugs
        assert not leaked, "%s links hidden items %r" % (path, leaked)
        text = text_of(doc)
        for t in titles:
            assert t not in text, "%s shows the hidden title %r" % (path, t)
        for slug in HIDDEN_SLUGS:
            assert slug not in r.text, "%s mentions %s" % (path, slug)


def test_every_visible_item_is_reachable(crawl, db, stack):
    linked = set()
    for r in crawl.values():
        if r.status_code == 200:
            linked |= item_links(parse(r), stack.base_url)
    assert linked == db.visible()


def main_item_links(resp, base):
    doc = parse(resp)
    main = doc.xpath("//main")
    assert main
    return item_links(main[0], base)


def follow_pages(server, path):
    """Item links in <main> of the page at path and of every page its
    rel=next chain leads to."""
    got = set()
    seen = set()
    while path and path not in seen and len(seen) < 100:
        seen.add(path)
        r = server.get(path)
        assert r.status_code == 200, (path, r.status_code)
        got |= main_item_links(r, server.base)
        nxt = rel_link(parse(r), "next")
        path = path_of(r.url, nxt) if nxt else None
    return got


@pytest.mark.parametrize("lang", LANGS)
def test_tag_pages_list_exactly_the_visible_items(server, db, lang):
    expect = {}
    for tag, kind, slug in db.tag_items(lang):
        expect.setdefault(tag, set()).add((lang, kind, slug))
    assert expect or lang != "en"
    for tag, items in expect.items():
        got = follow_pages(server, "/%s/tags/%s/" % (lang, tag))
        assert got == items, "tag %s/%s" % (lang, tag)


def test_tags_of_hidden_items_only(server, db):
    """A tag whose items are all hidden has no visible items on its page and
    is not on the tag index with a count of hidden items."""
    for lang in LANGS:
        used = {t for t, _, _ in db.tag_items(lang)}
        for (slug,) in db.rows("SELECT slug FROM tags WHERE lang = '%s'" % lang):
            if slug in used:
                continue
            r = server.get("/%s/tags/%s/" % (lang, slug))
            assert r.status_code in (200, 404)
            if r.status_code == 200:
                assert not main_item_links(r, server.base)


@pytest.mark.parametrize("lang", LANGS)
def test_org_pages_list_exactly_the_visible_items(server, db, lang):
    expect = {}
    for org, kind, slug in db.org_items(lang):
        expect.setdefault(org, set()).add((lang, kind, slug))
    for org, items in expect.items():
        got = {x for x in follow_pages(server, "/%s/organisations/%s/"
                                       % (lang, org)) if x[0] == lang}
        assert got == items, "organisation %s in %s" % (org, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_only_visible_items(server, db, lang):
    r = server.get("/%s/" % lang)
    links = main_item_links(r, server.base)
    assert links <= db.visible(), links - db.visible()
    # The newest visible item of each kind is on the home page.
    for kind in KINDS:
        pub = db.published(lang, kind)
        if not pub or kind == "event":
            continue
        newest = max(pub, key=lambda s: pub[s])
        assert (lang, kind, newest) in links, (kind, newest)


def test_counts_on_indexes_match(server, db):
    """Where the tag index shows a count next to a tag, it is the number of
    visible items."""
    for lang in LANGS:
        counts = {}
        for tag, _, _ in db.tag_items(lang):
            counts[tag] = counts.get(tag, 0) + 1
        doc = parse(server.get("/%s/tags/" % lang))
        for a in doc.xpath("//main//a[@href]"):
            m = re.search(r"/tags/([^/]+)/$", a.get("href"))
            if not m:
                continue
            # The count is the number in the link's list entry, if any.
            li = a.getparent()
            while li is not None and li.tag not in ("li", "tr", "dt", "dd"):
                li = li.getparent()
            scope = li if li is not None else a
            nums = [int(x) for x in re.findall(r"\((\d+)\)", text_of(scope))]
            nums += [int(text_of(e)) for e in scope.xpath(
                ".//*[contains(@class, 'count')]") if text_of(e).isdigit()]
            if nums:
                assert nums[-1] == counts.get(m.group(1), 0), \
                    "%s: tag %s shows %r" % (lang, m.group(1), nums)
