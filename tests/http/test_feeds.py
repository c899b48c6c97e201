"""Feeds (issue 3): every Atom, RSS and JSON feed of every scope (site, the
four kinds, every tag and organisation the HTML indexes list) in every
language parses, lists the right entries in the right order, and carries
what a feed reader expects of each entry and of the feed itself.  Read
through nginx only: what a server changes is tested in
test_feed_conditional.py."""

import json
import os
import re
import time
import urllib.parse

import lxml.etree
import pytest

from conftest import (HIDDEN_SLUGS, KIND_OF_SEGMENT, LANGS, SEGMENTS,
                      SRCDIR, VISIBLE, parse, path_of, rel_link)
import feedlib
from feedlib import (FEED_PAGE_SIZE, FORMATS, MIME, absolute, bozo,
                     check_jsonfeed, db_time, html_urls, item_path, utcnow)

WEBINAR = ("en", "events", "no-more-loss-webinar")
CASE_STUDY = ("en", "case-studies",
              "international-standards-drug-use-disorders")
CASE_STUDY_PDF = "standards-case-study.pdf"


# -- what the database says --------------------------------------------------

class Item:
    pass


@pytest.fixture(scope="module")
def content(db):
    """Every item, visible or not, with its tags, signatories, attachments
    and translations: {(lang, segment, slug): Item}."""
    items = {}
    by_id = {}
    for r in db.rows(
            "SELECT id, lang, kind, slug, IFNULL(entry_id, ''), published_at,"
            " updated_at, group_id, (%s), title, IFNULL(byline, '')"
            " FROM items" % VISIBLE):
        it = Item()
        (it.id, it.lang, it.kind, it.slug, it.entry_id, it.published,
         it.updated, it.group, vis, it.title, it.byline) = r
        it.visible = vis == "1"
        it.segment = SEGMENTS[it.kind]
        it.key = (it.lang, it.segment, it.slug)
        it.published = db_time(it.published) if it.published != "NULL" \
            else None
        it.updated = db_time(it.updated)
        it.tags = []
        it.signatories = []
        it.attachments = []
        items[it.key] = it
        by_id[it.id] = it
    for item_id, slug, name in db.rows(
            "SELECT it.item_id, t.slug, t.name FROM item_tags it "
            "JOIN tags t ON t.id = it.tag_id"):
        by_id[item_id].tags.append((slug, name))
    for item_id, slug, name, short in db.rows(
            "SELECT s.item_id, o.slug, o.name, IFNULL(o.short_name, '') "
            "FROM signatories s JOIN organisations o ON o.id = s.org_id"):
        by_id[item_id].signatories.append((slug, name, short))
    for item_id, name, mime, size in db.rows(
            "SELECT im.item_id, m.original_name, m.mime, m.bytes "
            "FROM item_media im JOIN media m ON m.id = im.media_id "
            "WHERE im.role = 'attachment'"):
        by_id[item_id].attachments.append((name, mime, int(size)))
    for it in items.values():
        it.translations = {o.lang: o for o in items.values()
                           if o.group == it.group and o.id != it.id
                           and o.visible}
    return items


def kind_labels():
    """{kind: {lang: label}} from the theme's messages."""
    doc = lxml.etree.parse(os.path.join(SRCDIR, "templates", "i18n.xsl"))
    out = {}
    for s in doc.iter("{*}s", "s"):
        k = s.get("k", "")
        if k.startswith("kind-"):
            out[k[5:]] = {lang: s.get(lang) for lang in LANGS}
    return out


def site_order(db, lang):
    return [(lang, SEGMENTS[k], s) for k, s in db.rows(
        "SELECT kind, slug FROM items WHERE lang = '%s' AND %s "
        "ORDER BY published_at DESC, id DESC" % (lang, VISIBLE))]


def events_order(db, lang):
    """Events in publication order: the feed's order.  The HTML events
    listing shows upcoming events first by date (test_events_listing_order),
    which is not the order of a feed."""
    return [(lang, "events", s) for (s,) in db.rows(
        "SELECT slug FROM items i WHERE lang = '%s' AND kind = 'event' AND %s "
        "ORDER BY published_at DESC, id DESC" % (lang, VISIBLE))]


def listing_order(client, page):
    """Item keys of an HTML listing in page order, following rel=next."""
    out = []
    seen = set()
    path = page
    while path and path not in seen and len(seen) < 50:
        seen.add(path)
        r = client.get(path)
        assert r.status_code == 200, (path, r.status_code)
        doc = parse(r)
        for href in doc.xpath("//main//a/@href"):
            u = urllib.parse.urlsplit(urllib.parse.urljoin(client.url(path),
                                                           href))
            m = re.match(r"^/(en|fr|es|ru)/(news|case-studies|statements|"
                         r"events)/([a-z0-9-]+)$", u.path)
            if m and m.groups() not in out:
                out.append(m.groups())
        nxt = rel_link(doc, "next")
        path = path_of(client.url(path), nxt) if nxt else None
    return out


@pytest.fixture(scope="module")
def expected(nginx, db, feeds):
    """{page path: [item keys, newest first]} of every scope: the site's
    from the database, the others from their HTML listing."""
    out = {}
    for lang, scope, page in feeds.scopes:
        if scope == "site":
            out[page] = site_order(db, lang)
        elif scope == "event":
            out[page] = events_order(db, lang)
        else:
            out[page] = listing_order(nginx, page)
    return out


def key_of(entry, base):
    k = item_path(entry.link, base)
    return tuple(k) if k else None


def each_feed(feeds, fmts=FORMATS):
    for lang, scope, page in feeds.scopes:
        for fmt in fmts:
            yield lang, scope, page, fmt, page + "feed." + fmt


# -- the feeds answer and parse ----------------------------------------------

def test_scopes_discovered(feeds, db):
    scopes = {(lang, scope) for lang, scope, _ in feeds.scopes}
    for lang in LANGS:
        assert (lang, "site") in scopes
        for k in SEGMENTS:
            assert (lang, k) in scopes
    en = [s for lang, s, _ in feeds.scopes if lang == "en"]
    assert sum(s.startswith("tag:") for s in en) >= 5
    assert sum(s.startswith("org:") for s in en) >= 5
    # The indexes list exactly the tags and organisations with items.
    for lang in LANGS:
        tags = {"tag:" + t for t, _, _ in db.tag_items(lang)}
        orgs = {"org:" + o for o, _, _ in db.org_items(lang)}
        got = {s for la, s, _ in feeds.scopes if la == lang}
        assert tags <= got and orgs <= got, lang


def test_every_feed_answers_with_its_type(feeds):
    bad = []
    for _, _, _, fmt, path in each_feed(feeds):
        r = feeds.responses[path]
        if r.status_code != 200:
            bad.append((path, r.status_code))
            continue
        ct = r.headers.get("Content-Type", "")
        if not re.fullmatch(r"%s;\s*charset=utf-8" % re.escape(MIME[fmt]),
                            ct, re.I):
            bad.append((path, "Content-Type: " + ct))
        if r.headers.get("Content-Length") != str(len(r.content)):
            bad.append((path, "Content-Length"))
        if "max-age=" not in r.headers.get("Cache-Control", ""):
            bad.append((path, "Cache-Control: %r" %
                        r.headers.get("Cache-Control")))
        for h in ("ETag", "Last-Modified"):
            if not r.headers.get(h):
                bad.append((path, "no " + h))
    assert not bad, bad[:20]


def ok_paths(feeds, fmts):
    return [path for _, _, _, fmt, path in each_feed(feeds, fmts)
            if feeds.responses[path].status_code == 200]


def test_feeds_parse_with_feedparser(feeds):
    """Atom and RSS (Debian's feedparser 6.0 does not read JSON Feed: the
    JSON tests check that format against its spec)."""
    paths = ok_paths(feeds, ["atom", "rss"])
    assert paths
    bad = []
    for path in paths:
        b, exc, d = bozo(feeds.responses[path].content)
        if b:
            bad.append((path, repr(exc)))
        elif d.version not in ("atom10", "rss20"):
            bad.append((path, "feedparser sees version %r" % d.version))
    assert not bad, bad[:20]


def test_xml_feeds_pass_xmllint(feeds):
    paths = ok_paths(feeds, ["atom", "rss"])
    assert paths
    bad = feedlib.xmllint([feeds.responses[p].content for p in paths])
    assert not bad, {paths[i] if i >= 0 else "?": e[:3]
                     for i, e in list(bad.items())[:10]}


def test_json_feeds_follow_the_spec(feeds, stack):
    paths = ok_paths(feeds, ["json"])
    assert paths
    bad = {}
    for path in paths:
        doc = feeds.parsed(path).raw
        problems = check_jsonfeed(doc)
        if doc.get("feed_url") != stack.base_url + path:
            problems.append("feed_url %r" % doc.get("feed_url"))
        if not isinstance(doc.get("items"), list):
            problems.append("no items list")
        if problems:
            bad[path] = problems[:5]
    assert not bad, dict(list(bad.items())[:10])


# -- entries -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_entries_are_the_listing_newest_first(feeds, expected, stack, fmt):
    """The first page of each feed is the newest items of its HTML listing,
    in the same order (the site feed: every item of the language)."""
    bad = {}
    for lang, scope, page, _, path in each_feed(feeds, [fmt]):
        if feeds.responses[path].status_code != 200:
            continue
        got = [key_of(e, stack.base_url) for e in feeds.parsed(path).entries]
        # How many is test_feed_paging.py's business (one page, default
        # 20); here: at least a page's worth, the newest, in order.
        want = expected[page][:max(FEED_PAGE_SIZE, len(got))]
        if got != want:
            bad[path] = {"missing": [w for w in want if w not in got],
                         "unexpected": [g for g in got if g not in want],
                         "order": got if set(got) == set(want) else None}
    assert not bad, dict(list(bad.items())[:8])


def test_listings_agree_with_database(feeds, expected, db):
    """The expectations themselves: tag and organisation listings hold the
    visible items the database links to them."""
    for lang in LANGS:
        for tag in {t for t, _, _ in db.tag_items(lang)}:
            want = {(lang, SEGMENTS[k], s) for t, k, s in db.tag_items(lang)
                    if t == tag}
            assert set(expected["/%s/tags/%s/" % (lang, tag)]) == want
        for org in {o for o, _, _ in db.org_items(lang)}:
            want = {(lang, SEGMENTS[k], s) for o, k, s in db.org_items(lang)
                    if o == org}
            got = {x for x in expected["/%s/organisations/%s/" % (lang, org)]
                   if x[0] == lang}
            assert got == want, (lang, org)


@pytest.mark.parametrize("fmt", FORMATS)
def test_entry_fields(feeds, content, stack, fmt):
    base = stack.base_url
    bad = []
    n = 0
    for lang, scope, page, _, path in each_feed(feeds, [fmt]):
        if feeds.responses[path].status_code != 200:
            continue
        for e in feeds.parsed(path).entries:
            n += 1
            where = "%s %s" % (path, e.link)

            def fail(msg):
                bad.append("%s: %s" % (where, msg))
            k = key_of(e, base)
            if k is None:
                fail("link %r is not an absolute item URL on %s" %
                     (e.link, base))
                continue
            if k[0] != lang:
                fail("an item of another language")
            if not (isinstance(e.id, str) and e.id.startswith("tag:")):
                fail("id %r is not a tag: URI" % e.id)
            if not e.title or not e.title.strip():
                fail("no title")
            if e.published is None:
                fail("no published date")
            if fmt != "rss" and e.updated is None:
                fail("no updated date")
            if e.lang != lang:
                fail("language %r" % e.lang)
            if not e.summary or not e.summary.strip():
                fail("no summary")
            if not e.content or not e.content.strip():
                fail("no content")
            elif e.summary and e.content.strip() == e.summary.strip():
                fail("content is the summary")
            for u in html_urls(e.content):
                if not absolute(u):
                    fail("relative URL in content: %r" % u)
            if fmt == "atom":
                el = e.raw
                for name in ("id", "title", "updated"):
                    c = len(el.findall("{%s}%s" % (feedlib.ATOM_NS, name)))
                    if c != 1:
                        fail("%d atom:%s" % (c, name))
                if e.content_type not in ("html", "xhtml"):
                    fail("content type %r" % e.content_type)
            if fmt == "rss":
                g = e.raw.find("guid")
                if g is None or g.get("isPermaLink") != "false":
                    fail("guid without isPermaLink=\"false\"")
                if e.raw.find("link") is None:
                    fail("no <link>")
            if fmt == "json":
                if "content_html" not in e.raw:
                    fail("no content_html")
    assert n > 100
    assert not bad, bad[:25]


def test_atom_entries_have_authors(feeds):
    """RFC 4287 4.1.1: without a feed-level author every entry has one."""
    bad = []
    for path in ok_paths(feeds, ["atom"]):
        f = feeds.parsed(path)
        if f.raw.find("{%s}author" % feedlib.ATOM_NS) is not None:
            continue
        for e in f.entries:
            if not e.authors or not all(a.strip() for a in e.authors):
                bad.append((path, e.id))
    assert not bad, bad[:10]


def test_bylines_are_authors(feeds, content, stack):
    bad = []
    checked = 0
    for path in ok_paths(feeds, ["atom", "json"]):
        for e in feeds.parsed(path).entries:
            it = content.get(key_of(e, stack.base_url))
            if it is None or not it.byline:
                continue
            checked += 1
            if it.byline not in e.authors:
                bad.append((path, it.slug, e.authors))
    assert checked
    assert not bad, bad[:10]


def test_ids_are_stable_across_feeds_and_formats(feeds, content, stack):
    """One item, one id: in the site feed, its kind's, its tags' and
    organisations', and in Atom (id), RSS (guid) and JSON (id) alike; and
    that id is the one stored when the item was first published."""
    ids = {}
    for path in ok_paths(feeds, FORMATS):
        for e in feeds.parsed(path).entries:
            ids.setdefault(key_of(e, stack.base_url), set()).add(e.id)
    assert ids
    multi = {k: v for k, v in ids.items() if len(v) != 1}
    assert not multi, list(multi.items())[:10]
    owners = {}
    for k, v in ids.items():
        owners.setdefault(next(iter(v)), []).append(k)
    shared = {i: ks for i, ks in owners.items() if len(ks) > 1}
    assert not shared, "items sharing an id: %r" % shared
    stored = {k: next(iter(v)) for k, v in ids.items()
              if k in content and next(iter(v)) != content[k].entry_id}
    assert not stored, "ids other than items.entry_id: %r" % \
        list(stored.items())[:5]
    # Every visible item is in some feed.
    missing = [k for k, it in content.items() if it.visible and k not in ids]
    assert not missing, missing


def test_dates_are_the_items_dates(feeds, content, stack):
    bad = []
    for path in ok_paths(feeds, FORMATS):
        fmt = path.rsplit(".", 1)[1]
        for e in feeds.parsed(path).entries:
            it = content.get(key_of(e, stack.base_url))
            if it is None:
                continue
            if e.published != it.published:
                bad.append((path, it.slug, "published", str(e.published),
                            str(it.published)))
            if fmt != "rss" and e.updated != it.updated:
                bad.append((path, it.slug, "updated", str(e.updated),
                            str(it.updated)))
    assert not bad, bad[:10]


@pytest.mark.parametrize("fmt", FORMATS)
def test_kind_and_tags_are_categories(feeds, content, stack, fmt):
    labels = kind_labels()
    bad = []
    for path in ok_paths(feeds, [fmt]):
        for e in feeds.parsed(path).entries:
            it = content.get(key_of(e, stack.base_url))
            if it is None:
                continue
            words = {x for c in e.categories for x in c if x}
            kind_words = {it.kind, it.segment,
                          labels.get(it.kind, {}).get(it.lang)}
            if not words & kind_words:
                bad.append((path, it.slug, "no kind category", sorted(words)))
            for slug, name in it.tags:
                if slug not in words and name not in words:
                    bad.append((path, it.slug, "no tag " + slug))
    assert not bad, bad[:10]


def test_translations_are_hreflang_links(feeds, content, stack):
    """Atom entries link their translations (rel=alternate hreflang);
    hidden translations are not linked."""
    base = stack.base_url
    bad = []
    for path in ok_paths(feeds, ["atom"]):
        for e in feeds.parsed(path).entries:
            it = content.get(key_of(e, base))
            if it is None:
                continue
            want = {lang: "%s/%s/%s/%s" % (base, lang, o.segment, o.slug)
                    for lang, o in it.translations.items()}
            if e.translations != want:
                bad.append((path, it.slug, e.translations, want))
    assert not bad, bad[:5]
    f = feeds.parsed("/en/events/feed.atom")
    web = [e for e in f.entries if key_of(e, base) == WEBINAR]
    assert web, "the webinar is not in /en/events/feed.atom"
    assert web[0].translations.get("fr") == \
        base + "/fr/events/plus-aucune-perte"
    links = web[0].raw.findall("{%s}link" % feedlib.ATOM_NS)
    fr = [ln for ln in links if ln.get("hreflang") == "fr"]
    assert fr and fr[0].get("rel", "alternate") == "alternate"


def test_statements_list_their_signatories(feeds, content, stack):
    """Atom: one atom:contributor per signatory organisation; JSON: the
    organisations in an extension object (a key starting with "_")."""
    bad = []
    checked = 0
    for path in ok_paths(feeds, ["atom", "json"]):
        for e in feeds.parsed(path).entries:
            it = content.get(key_of(e, stack.base_url))
            if it is None or it.kind != "statement" or not it.signatories:
                continue
            checked += 1
            if path.endswith(".atom"):
                names = set(e.contributors)
            else:
                ext = {k: v for k, v in e.raw.items() if k.startswith("_")}
                names = set(re.findall(r'"([^"]*)"', json.dumps(
                    ext, ensure_ascii=False)))
            for slug, name, short in it.signatories:
                if name not in names and (not short or short not in names):
                    bad.append((path, it.slug, "missing " + name))
    assert checked > 10
    assert not bad, bad[:10]


# -- enclosures --------------------------------------------------------------

@pytest.fixture(scope="module")
def enclosure_sizes(nginx, feeds):
    """{url: (status, bytes, content type)} of every enclosure in any feed."""
    urls = set()
    for path in ok_paths(feeds, FORMATS):
        for e in feeds.parsed(path).entries:
            urls |= {u for u, _, _ in e.enclosures}
    out = {}
    for u in urls:
        if not (u and u.startswith(nginx.base + "/")):
            out[u] = (None, None, None)
            continue
        r = nginx.get(u[len(nginx.base):])
        out[u] = (r.status_code, len(r.content),
                  r.headers.get("Content-Type"))
    return out


def test_case_study_has_its_pdf(feeds, stack, enclosure_sizes):
    with open(os.path.join(SRCDIR, "sample", "media", CASE_STUDY_PDF),
              "rb") as f:
        size = len(f.read())
    for fmt in FORMATS:
        for page in ("/en/case-studies/", "/en/"):
            path = page + "feed." + fmt
            f = feeds.parsed(path)
            es = [e for e in f.entries if key_of(e, stack.base_url) ==
                  CASE_STUDY]
            if page == "/en/" and not es:
                continue        # older than the site feed's first page
            assert es, "%s lacks the case study" % path
            encs = es[0].enclosures
            assert len(encs) == 1, (path, encs)
            url, typ, length = encs[0]
            assert typ == "application/pdf", (path, typ)
            assert str(length) == str(size), (path, length, size)
            if fmt == "json":
                assert isinstance(length, int) and not isinstance(length,
                                                                  bool)
            status, got, ctype = enclosure_sizes[url]
            assert status == 200, (url, status)
            assert got == size, (url, got, size)
            assert ctype and ctype.startswith("application/pdf"), ctype


def test_every_enclosure_length_is_the_file_size(feeds, content, stack,
                                                 enclosure_sizes):
    bad = []
    for path in ok_paths(feeds, FORMATS):
        for e in feeds.parsed(path).entries:
            it = content.get(key_of(e, stack.base_url))
            want = sorted((m, s) for _, m, s in it.attachments) if it else []
            got = sorted((t, int(n) if str(n).isdigit() else n)
                         for _, t, n in e.enclosures)
            if got != want:
                bad.append((path, e.link, "enclosures %r, attachments %r"
                            % (got, want)))
            for url, typ, length in e.enclosures:
                status, size, _ = enclosure_sizes[url]
                if status != 200 or str(size) != str(length):
                    bad.append((path, url, status, size, length))
    assert not bad, bad[:10]


# -- the feed itself ---------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_feed_level_fields(feeds, stack, fmt):
    base = stack.base_url
    bad = []
    for lang, scope, page, _, path in each_feed(feeds, [fmt]):
        if feeds.responses[path].status_code != 200:
            continue
        f = feeds.parsed(path)

        def fail(msg):
            bad.append("%s: %s" % (path, msg))
        if not f.title or not f.title.strip():
            fail("no title")
        if f.self_link != base + path:
            fail("self is %r" % f.self_link)
        if f.alternate != base + page:
            fail("alternate is %r" % f.alternate)
        if f.lang != lang:
            fail("language %r" % f.lang)
        if fmt == "atom":
            if not (f.id or "").startswith("tag:"):
                fail("feed id %r" % f.id)
            if not f.subtitle:
                fail("no subtitle")
            if not absolute(f.icon):
                fail("icon %r" % f.icon)
        if fmt == "rss":
            if not (f.ttl or "").isdigit() or int(f.ttl) <= 0:
                fail("ttl %r" % f.ttl)
            sl = f.raw.find("channel/{%s}link" % feedlib.ATOM_NS)
            if sl is None or sl.get("rel") != "self" or \
                    sl.get("type") != MIME["rss"]:
                fail("no atom:link rel=self type=%s" % MIME["rss"])
        if fmt in ("atom", "rss"):
            if f.updated is None:
                fail("no updated / lastBuildDate")
            elif f.updated > utcnow():
                fail("updated in the future: %s" % f.updated)
        if f.entries and fmt != "rss":
            newest = max(e.updated for e in f.entries if e.updated)
            if f.fmt == "atom" and f.updated != newest:
                fail("updated %s, newest entry %s" % (f.updated, newest))
    assert not bad, bad[:20]


def test_rss_last_build_date_is_the_newest_entry(feeds):
    """lastBuildDate is the Atom feed's updated (the newest entry's)."""
    bad = []
    for _, _, page, _, path in each_feed(feeds, ["rss"]):
        atom = page + "feed.atom"
        if feeds.responses[path].status_code != 200 or \
                feeds.responses[atom].status_code != 200:
            continue
        a, r = feeds.parsed(atom), feeds.parsed(path)
        if a.entries and r.updated != a.updated:
            bad.append((path, str(r.updated), str(a.updated)))
    assert not bad, bad[:10]


def test_feed_ids_unique(feeds):
    ids = {}
    for path in ok_paths(feeds, ["atom"]):
        ids.setdefault(feeds.parsed(path).id, []).append(path)
    dup = {k: v for k, v in ids.items() if len(v) > 1}
    assert not dup, dup


def test_feeds_are_stable_bytes(nginx, feeds):
    """Nothing in a feed is "now": fetched again seconds later, every feed
    is the same bytes with the same validators."""
    wait = feeds.fetched_at + 2.2 - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    bad = []
    for path in ok_paths(feeds, FORMATS):
        a = feeds.responses[path]
        b = nginx.get(path)
        if b.content != a.content:
            bad.append((path, "bytes"))
        for h in ("ETag", "Last-Modified"):
            if a.headers.get(h) != b.headers.get(h):
                bad.append((path, h, a.headers.get(h), b.headers.get(h)))
    assert not bad, bad[:10]


# -- nothing hidden ----------------------------------------------------------

def test_hidden_items_in_no_feed(feeds, content):
    hidden = [it for it in content.values() if not it.visible]
    assert {it.slug for it in hidden} >= set(HIDDEN_SLUGS)
    visible_titles = {it.title for it in content.values() if it.visible}
    ids = {it.entry_id for it in hidden if it.entry_id}
    assert ids, "no hidden item has an id: the id check proves nothing"
    bad = []
    for path in ok_paths(feeds, FORMATS):
        body = feeds.responses[path].content.decode("utf-8")
        f = feeds.parsed(path)
        for e in f.entries:
            if e.id in ids:
                bad.append((path, "id " + e.id))
        for it in hidden:
            if "/%s/%s" % (it.segment, it.slug) in body:
                bad.append((path, "link to " + it.slug))
            if it.title not in visible_titles and it.title in body:
                bad.append((path, "title of " + it.slug))
        for slug in HIDDEN_SLUGS:
            if slug in body:
                bad.append((path, slug))
    assert not bad, bad[:10]


# -- HTML pages list their feeds ---------------------------------------------

def head_feeds(doc, typ):
    return [ln for ln in doc.xpath("//head/link[@href]")
            if "alternate" in (ln.get("rel") or "").split()
            and (ln.get("type") or "").lower() == typ]


def page_scope_feed(path):
    """The feed directory of an HTML page: its own scope's, or None where
    any feed of the language will do (indexes, search, items)."""
    m = re.match(r"^/(en|fr|es|ru)/$", path)
    if m:
        return path
    m = re.match(r"^(/(en|fr|es|ru)/(news|case-studies|statements|events)/)"
                 r"(\?.*)?$", path)
    if m:
        return m.group(1)
    m = re.match(r"^(/(en|fr|es|ru)/(tags|organisations)/[a-z0-9-]+/)"
                 r"(\?.*)?$", path)
    if m:
        return m.group(1)
    return None


@pytest.fixture(scope="module")
def heads(crawl):
    """{path: {type: [<link> elements]}} of the crawled HTML pages' heads:
    the alternate links of each feed type."""
    out = {}
    for path, r in crawl.items():
        if r.status_code != 200 or \
                "html" not in r.headers.get("Content-Type", ""):
            continue
        doc = parse(r)
        out[path] = {MIME[f]: head_feeds(doc, MIME[f])
                     for f in FORMATS + ["ics"]}
    return out


def test_html_pages_list_their_feeds(heads, stack):
    base = stack.base_url
    bad = []
    n = 0
    for path, head in heads.items():
        n += 1
        lang = path.split("/")[1]
        for fmt in FORMATS:
            links = head[MIME[fmt]]
            if not links:
                bad.append((path, "no %s link" % fmt))
                continue
            for ln in links:
                if not (ln.get("title") or "").strip():
                    bad.append((path, "%s link without a title" % fmt))
            first = urllib.parse.urljoin(base + path,
                                                 links[0].get("href"))
            want = page_scope_feed(path)
            if want is not None:
                if first != "%s%sfeed.%s" % (base, want, fmt):
                    bad.append((path, "first %s link %s" % (fmt, first)))
            else:
                m = re.match(r"^%s/%s/" % (re.escape(base), lang), first)
                if not (m and first.endswith("feed." + fmt)):
                    bad.append((path, "first %s link %s" % (fmt, first)))
    assert n > 50
    assert not bad, bad[:20]


def test_item_pages_list_their_kind_feed(heads, stack):
    bad = []
    for path, head in heads.items():
        m = re.match(r"^/(en|fr|es|ru)/(news|case-studies|statements|events)"
                     r"/[a-z0-9-]+$", path)
        if not m:
            continue
        hrefs = [urllib.parse.urljoin(stack.base_url + path, ln.get("href"))
                 for ln in head[MIME["atom"]]]
        want = "%s/%s/%s/feed.atom" % (stack.base_url, m.group(1),
                                       m.group(2))
        if want not in hrefs:
            bad.append((path, hrefs))
    assert not bad, bad[:10]


def test_feed_links_in_pages_resolve(heads, nginx, stack):
    hrefs = set()
    for path, head in heads.items():
        for links in head.values():
            for ln in links:
                hrefs.add(urllib.parse.urljoin(stack.base_url + path,
                                               ln.get("href")))
    assert hrefs
    bad = []
    for u in sorted(hrefs):
        if not u.startswith(stack.base_url + "/"):
            bad.append((u, "not on the site"))
            continue
        r = nginx.head(u[len(stack.base_url):])
        if r.status_code != 200:
            bad.append((u, r.status_code))
    assert not bad, bad[:10]


def test_event_listing_links_the_calendar(nginx, stack):
    for lang in LANGS:
        path = "/%s/events/" % lang
        doc = parse(nginx.get(path))
        hrefs = {urllib.parse.urljoin(stack.base_url + path, h)
                 for h in doc.xpath("//link/@href | //a/@href")}
        assert "%s/%s/events.ics" % (stack.base_url, lang) in hrefs, lang


def test_kind_labels_known():
    labels = kind_labels()
    assert set(labels) == set(KIND_OF_SEGMENT.values())
