"""Every public route and kind, through nginx and Apache: status, type,
landmarks, language; redirects; unknown languages; HEAD."""

import re

import pytest

from conftest import (KINDS, LANGS, SEGMENTS, item_links, parse, text_of)


def check_html_page(resp, lang):
    """What every HTML page of the site has."""
    assert resp.status_code == 200, resp.url
    ctype = resp.headers.get("Content-Type", "")
    assert re.match(r"text/html;\s*charset=utf-8$", ctype, re.I), ctype
    assert "Content-Length" in resp.headers
    assert int(resp.headers["Content-Length"]) == len(resp.content)
    assert resp.content.lstrip()[:15].lower() == b"<!doctype html>"
    doc = parse(resp)
    assert doc.get("lang") == lang
    # Landmarks: one main, a banner header, navigation, a footer.
    assert len(doc.xpath("//main")) == 1, "exactly one <main>"
    assert doc.xpath("//header"), "a <header>"
    assert doc.xpath("//nav"), "a <nav>"
    assert doc.xpath("//footer"), "a <footer>"
    # A skip link to the main content comes first in the body.
    links = doc.xpath("//body//a[@href]")
    assert links, "no links"
    first = links[0].get("href")
    assert first.startswith("#"), "first link is not a skip link"
    target = first[1:]
    assert doc.xpath("//*[@id=$id]", id=target), "skip link target missing"
    assert doc.xpath("//main[@id=$id] | //main//*[@id=$id]", id=target) or \
        doc.xpath("//*[@id=$id]//main", id=target), \
        "skip link does not lead to the main content"
    title = doc.xpath("//head/title")
    assert title and text_of(title[0]), "a non-empty <title>"
    assert doc.xpath("//main//h1"), "an <h1> in <main>"
    return doc


@pytest.mark.parametrize("lang", LANGS)
def test_home(server, lang):
    doc = check_html_page(server.get("/%s/" % lang), lang)
    # The home shows items of the language.
    assert item_links(doc, server.base), "home page links no item"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", KINDS)
def test_listing(server, db, lang, kind):
    r = server.get("/%s/%s/" % (lang, SEGMENTS[kind]))
    doc = check_html_page(r, lang)
    visible = db.visible(lang, kind)
    shown = {x for x in item_links(doc, server.base)
             if x[0] == lang and x[1] == kind}
    assert shown <= visible
    assert len(shown) == min(len(visible), 10)


@pytest.mark.parametrize("kind", KINDS)
def test_item_page_every_kind_and_language(server, db, kind):
    for lang in LANGS:
        vis = sorted(db.visible(lang, kind))
        if not vis:
            continue
        _, _, slug = vis[0]
        r = server.get("/%s/%s/%s" % (lang, SEGMENTS[kind], slug))
        doc = check_html_page(r, lang)
        _, title, _, _ = db.item(lang, kind, slug)
        h1 = text_of(doc.xpath("//main//h1")[0])
        assert h1 == " ".join(title.split())


def test_every_visible_item_has_a_page(nginx, db):
    bad = []
    for lang, kind, slug in sorted(db.visible()):
        r = nginx.get("/%s/%s/%s" % (lang, SEGMENTS[kind], slug))
        if r.status_code != 200:
            bad.append((lang, kind, slug, r.status_code))
    assert not bad


def test_sample_fills_the_site(db):
    """The sample content is what the tests need: more than one page of
    items, every kind, several languages."""
    vis = db.visible()
    assert len(vis) >= 30
    assert {k for _, k, _ in vis} == set(KINDS)
    assert {lang for lang, _, _ in vis} == set(LANGS)
    assert any(len(db.visible("en", k)) > 10 for k in KINDS), \
        "no listing has a second page"


@pytest.mark.parametrize("lang", LANGS)
def test_tag_index_and_pages(server, db, lang):
    doc = check_html_page(server.get("/%s/tags/" % lang), lang)
    tags = sorted({t for t, _, _ in db.tag_items(lang)})
    hrefs = set(doc.xpath("//main//a/@href"))
    for slug in tags:
        path = "/%s/tags/%s/" % (lang, slug)
        assert any(h.endswith(path) for h in hrefs), "tag index lacks " + path
        check_html_page(server.get(path), lang)


@pytest.mark.parametrize("lang", LANGS)
def test_org_index_and_pages(server, db, lang):
    doc = check_html_page(server.get("/%s/organisations/" % lang), lang)
    hrefs = set(doc.xpath("//main//a/@href"))
    active = {r[0] for r in db.org_items(lang)}
    assert active, "no organisation signed or spoke at a visible item"
    for (slug,) in db.rows("SELECT slug FROM organisations"):
        path = "/%s/organisations/%s/" % (lang, slug)
        r = server.get(path)
        if slug in active:
            assert any(h.endswith(path) for h in hrefs), \
                "organisation index lacks " + path
            check_html_page(r, lang)
        else:
            # Known only from hidden items, or from nothing: either an
            # empty page or none.
            assert r.status_code in (200, 404), (path, r.status_code)


def test_root_redirects_to_default_language(server, stack):
    r = server.get("/")
    assert r.status_code in (301, 302, 303, 307, 308)
    loc = r.headers["Location"]
    assert loc in ("/en/", stack.base_url + "/en/"), loc
    assert int(r.headers.get("Content-Length", "0")) == len(r.content)


@pytest.mark.parametrize("path,target", [
    ("/en", "/en/"), ("/ru", "/ru/"),
    ("/en/news", "/en/news/"), ("/fr/events", "/fr/events/"),
    ("/en/tags", "/en/tags/"), ("/en/organisations", "/en/organisations/"),
])
def test_trailing_slash_redirect(server, stack, path, target):
    r = server.get(path)
    assert r.status_code in (301, 308), (path, r.status_code)
    loc = r.headers["Location"]
    assert loc in (target, stack.base_url + target), loc


@pytest.mark.parametrize("path", [
    "/de/", "/xx/news/", "/EN/", "/en-gb/", "/de", "/en/blog/",
    "/en/news/no-such-item", "/en/tags/no-such-tag/",
    "/en/organisations/no-such-org/", "/en/news/a/b", "/favicon.ico",
])
def test_unknown_is_404(server, path):
    r = server.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert re.match(r"text/html;\s*charset=utf-8$",
                    r.headers.get("Content-Type", ""), re.I)
    doc = parse(r)
    assert doc.xpath("//main"), "404 page is in the site's design"
    assert int(r.headers["Content-Length"]) == len(r.content)


def test_404_page_language(server):
    """The error page of a language's URL speaks that language."""
    r = server.get("/fr/news/no-such-item")
    assert r.status_code == 404
    assert parse(r).get("lang") == "fr"


@pytest.mark.parametrize("path", [
    "/en/", "/fr/news/", "/en/tags/", "/en/organisations/", "/",
    "/en/news/no-such-item",
])
def test_head(server, path):
    g = server.get(path)
    h = server.head(path)
    assert h.status_code == g.status_code
    assert h.content == b""
    for name in ["Content-Type", "Content-Length", "ETag", "Last-Modified",
                 "Cache-Control", "Location", "Content-Security-Policy"]:
        if name == "Content-Length" and server.name == "apache" and \
                g.headers.get(name) == "0" and h.headers.get(name) is None:
            # Apache's HTTP header filter removes "Content-Length: 0"
            # from every HEAD response, whoever set it.
            continue
        assert h.headers.get(name) == g.headers.get(name), name


def test_item_head(server, db):
    lang, kind, slug = sorted(db.visible("en", "statement"))[0]
    path = "/%s/%s/%s" % (lang, SEGMENTS[kind], slug)
    g = server.get(path)
    h = server.head(path)
    assert h.status_code == 200 and h.content == b""
    assert h.headers["Content-Length"] == g.headers["Content-Length"]
    assert h.headers["ETag"] == g.headers["ETag"]
