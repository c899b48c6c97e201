"""Feed paging (issue 3, RFC 5005): the main feed of a language holds the
newest FEED_PAGE_SIZE entries and links (first, next or prev-archive) to
older pages; walking them reaches every visible item exactly once, newest
first; pages are stable; bad page numbers are client errors."""

import re
import time

import pytest

from conftest import LANGS, SEGMENTS, VISIBLE
import feedlib
from feedlib import FEED_PAGE_SIZE, FORMATS, MIME, bozo, item_path

OLDER = ("next", "prev-archive")      # RFC 5005 paged and archived feeds
BAD_PAGES = ["0", "-1", "abc", "1.5", "", "1e3", "0x2", "99999999",
             "99999999999999999999", "9223372036854775808", "%00", "2%00",
             "%zz"]


def site_order(db, lang):
    return [(lang, SEGMENTS[k], s) for k, s in db.rows(
        "SELECT kind, slug FROM items WHERE lang = '%s' AND %s "
        "ORDER BY published_at DESC, id DESC" % (lang, VISIBLE))]


def older_link(f):
    for rel in OLDER:
        if f.link(rel):
            return f.link(rel)
    return None


def walk(client, base, fmt, lang):
    """[(path, response, parsed feed)] from the main feed to the oldest
    page, following next / prev-archive."""
    path = "/%s/feed.%s" % (lang, fmt)
    pages = []
    while path is not None:
        assert path not in [p for p, _, _ in pages], "loop at " + path
        assert len(pages) < 100
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code)
        assert r.headers["Content-Type"].startswith(MIME[fmt]), path
        f = feedlib.parse_feed(fmt, r.content)
        pages.append((path, r, f))
        nxt = older_link(f)
        if nxt is None:
            path = None
        else:
            assert nxt.startswith(base + "/"), "not absolute: %r" % nxt
            path = nxt[len(base):]
    return pages


WALKED = {}


@pytest.fixture(scope="module")
def walks(nginx, stack):
    out = {(lang, fmt): walk(nginx, stack.base_url, fmt, lang)
           for lang in LANGS for fmt in FORMATS}
    WALKED["at"] = time.monotonic()
    return out


def keys(f, base):
    return [tuple(item_path(e.link, base) or (e.link,)) for e in f.entries]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_walk_reaches_every_item_once(walks, db, stack, lang, fmt):
    want = site_order(db, lang)
    pages = walks[(lang, fmt)]
    got = []
    for path, _, f in pages:
        got += keys(f, stack.base_url)
    assert len(got) == len(set(got)), "an item on two pages: %r" % [
        k for k in got if got.count(k) > 1]
    assert set(got) == set(want), {
        "missing": sorted(set(want) - set(got)),
        "unexpected": sorted(set(got) - set(want))}
    assert got == want, "not newest first across the pages"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", LANGS)
def test_main_feed_holds_one_page(walks, db, lang, fmt):
    """The subscription document holds the newest min(FEED_PAGE_SIZE,
    total) entries (default page size 20)."""
    n = len(site_order(db, lang))
    main = walks[(lang, fmt)][0][2]
    assert len(main.entries) == min(FEED_PAGE_SIZE, n), \
        "%d entries in the main feed for %d items" % (len(main.entries), n)


@pytest.mark.parametrize("fmt", FORMATS)
def test_archive_pages_hold_a_page(walks, fmt):
    """Older pages hold FEED_PAGE_SIZE entries each, but for one partial
    page at either end of the walk (numbered from the newest, the oldest
    page is partial; from the oldest, as stable archives are, the newest
    archive)."""
    pages = walks[("en", fmt)]
    assert len(pages) > 1
    sizes = [len(f.entries) for _, _, f in pages[1:]]
    assert all(0 < n <= FEED_PAGE_SIZE for n in sizes), sizes
    partial = [i for i, n in enumerate(sizes) if n < FEED_PAGE_SIZE]
    assert len(partial) <= 1 and set(partial) <= {0, len(sizes) - 1}, \
        sizes


def test_english_site_feed_has_pages(db):
    assert len(site_order(db, "en")) > FEED_PAGE_SIZE, \
        "the sample no longer fills a second feed page: paging is untested"


@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_rfc5005_links(walks, stack, fmt):
    """The main feed carries rel=first and an older link; every other page
    links back to the main feed (first or current) and names itself."""
    base = stack.base_url
    pages = walks[("en", fmt)]
    main_url = base + "/en/feed." + fmt
    path, _, main = pages[0]
    assert main.link("first"), "the main feed has no rel=first"
    assert main.link("first") in (main_url, main_url + "?page=1")
    assert older_link(main), "the main feed has no next / prev-archive link"
    for path, _, f in pages[1:]:
        assert f.self_link == base + path, (path, f.self_link)
        back = f.link("first") or f.link("current")
        assert back in (main_url, main_url + "?page=1"), (path, back)
        if f.link("previous") or f.link("next-archive"):
            newer = f.link("previous") or f.link("next-archive")
            assert newer.startswith(base + "/en/feed." + fmt), newer


def test_json_feed_next_url(walks, stack):
    pages = walks[("en", "json")]
    assert len(pages) > 1, "the JSON feed has no next_url"
    for path, _, f in pages:
        assert f.raw.get("feed_url") == stack.base_url + path


@pytest.mark.parametrize("fmt", FORMATS)
def test_pages_parse_and_are_stable(walks, nginx, fmt):
    pages = walks[("en", fmt)]
    # A second later at least: a date of "now" would show.
    wait = WALKED["at"] + 1.2 - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    for path, r, _ in pages:
        if fmt != "json":
            b, exc, _ = bozo(r.content)
            assert not b, (path, exc)
        again = nginx.get(path)
        assert again.content == r.content, "%s changed" % path
        assert again.headers.get("ETag") == r.headers.get("ETag"), path
    if fmt != "json":
        bad = feedlib.xmllint([r.content for _, r, _ in pages])
        assert not bad, bad
    else:
        for path, r, f in pages:
            assert not feedlib.check_jsonfeed(f.raw), path


def test_archive_pages_differ_in_validators(walks):
    etags = [r.headers.get("ETag") for _, r, _ in walks[("en", "atom")]]
    assert all(etags) and len(set(etags)) == len(etags), etags


@pytest.mark.parametrize("fmt", FORMATS)
def test_page_past_the_end_is_404(server, walks, fmt):
    numbers = []
    for path, _, _ in walks[("en", fmt)]:
        m = re.search(r"[?&]page=(\d+)$", path)
        if m:
            numbers.append(int(m.group(1)))
    assert numbers, "no numbered page"
    n = max(numbers)
    for p in (n + 1, n + 50):
        r = server.get("/en/feed.%s?page=%d" % (fmt, p))
        assert r.status_code == 404, (p, r.status_code)


@pytest.mark.parametrize("value", BAD_PAGES)
def test_bad_page_numbers_are_client_errors(server, value):
    for path in ("/en/feed.atom", "/en/feed.rss", "/en/feed.json",
                 "/en/news/feed.atom", "/fr/tags/vih/feed.rss"):
        r = server.raw("GET", path + "?page=" + value)
        assert r.status_code in (400, 404), (path, value, r.status_code)
