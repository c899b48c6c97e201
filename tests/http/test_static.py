"""Files the web server serves itself (the theme's CSS, uploaded media), and
pages that request nothing from any other host."""

import os
import re
import urllib.parse

import pytest

from conftest import SRCDIR, parse

# Attributes that make a browser fetch something when the page loads.
RESOURCE_XPATH = (
    "//@src | //@srcset | //@poster | //object/@data | //@background"
    " | //link[not(contains(concat(' ', normalize-space(@rel), ' '),"
    " ' alternate ')) and not(contains(concat(' ', normalize-space(@rel),"
    " ' '), ' canonical ')) and not(@rel='prev') and not(@rel='next')]/@href")


def test_stylesheet_served_by_the_web_server(server, stack):
    doc = parse(server.get("/en/"))
    sheets = doc.xpath("//link[@rel='stylesheet']/@href")
    assert sheets, "no stylesheet linked"
    for href in sheets:
        path = urllib.parse.urlsplit(urllib.parse.urljoin(server.base + "/en/",
                                                          href)).path
        assert path.startswith("/static/"), path
        r = server.get(path)
        assert r.status_code == 200, path
        assert r.headers["Content-Type"].split(";")[0] == "text/css"
        assert r.headers.get("X-Content-Type-Options") == "nosniff"
        name = path[len("/static/"):]
        with open(os.path.join(SRCDIR, "static", name), "rb") as f:
            assert r.content == f.read()
        assert len(r.content) > 0
        # Served from the file by the web server (the programs send no
        # byte ranges), with the web server's validators.
        assert r.headers.get("Accept-Ranges") == "bytes"
        assert r.headers.get("ETag") and r.headers.get("Last-Modified")


def test_static_missing_file(server):
    r = server.get("/static/no-such-file.css")
    assert r.status_code == 404


def test_static_no_dotfiles_no_listing(server):
    assert server.get("/static/").status_code in (403, 404)
    assert server.get("/static/.htaccess").status_code in (403, 404)
    assert server.get("/static/../broadside.ini").status_code in (400, 403, 404)


def test_css_requests_nothing_elsewhere():
    for name in os.listdir(os.path.join(SRCDIR, "static")):
        if not name.endswith(".css"):
            continue
        with open(os.path.join(SRCDIR, "static", name)) as f:
            css = f.read()
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css):
            assert not re.match(r"^(https?:)?//", url), (name, url)
        assert not re.search(r"@import\s+(url\()?\s*['\"]?(https?:)?//", css)


def test_media_served_inert(server, db):
    rows = db.rows("SELECT filename, bytes, mime FROM media")
    assert rows
    for filename, size, mime in rows:
        r = server.get("/media/" + filename)
        assert r.status_code == 200, filename
        assert r.headers["Content-Type"].split(";")[0] == mime, filename
        assert int(r.headers["Content-Length"]) == int(size) == len(r.content)
        assert r.headers.get("X-Content-Type-Options") == "nosniff"
        csp = r.headers.get("Content-Security-Policy", "")
        assert "default-src 'none'" in csp and "sandbox" in csp, csp


def test_media_never_executes(server, stack):
    """A script that somehow reached the media directory is served as bytes,
    never run."""
    path = stack.path("media", "probe.php")
    with open(path, "w") as f:
        f.write("<?php echo 'EXECUTED'; ?>\n")
    cgi = stack.path("media", "probe.cgi")
    with open(cgi, "w") as f:
        f.write("#!/bin/sh\necho Content-Type: text/plain\necho\necho EXECUTED\n")
    os.chmod(cgi, 0o755)
    try:
        for name in ["probe.php", "probe.cgi"]:
            r = server.get("/media/" + name)
            assert r.status_code in (200, 403, 404)
            if r.status_code == 200:
                assert b"EXECUTED'" in r.content or b"echo EXECUTED" in r.content
                assert r.headers.get("X-Content-Type-Options") == "nosniff"
                assert "sandbox" in r.headers.get("Content-Security-Policy", "")
    finally:
        os.unlink(path)
        os.unlink(cgi)


def test_media_is_get_only(server):
    r = server.raw("POST", "/media/x.pdf", {"Content-Type": "text/plain"}, b"x")
    assert r.status_code in (403, 405)


def resource_urls(doc):
    out = []
    for v in doc.xpath(RESOURCE_XPATH):
        if v.attrname == "srcset":
            out += [c.strip().split()[0] for c in v.split(",") if c.strip()]
        else:
            out.append(str(v))
    for style in doc.xpath("//@style | //style/text()"):
        out += re.findall(r"url\(\s*['\"]?([^'\")]+)", style)
    return out


def test_no_third_party_requests(crawl, stack):
    base = urllib.parse.urlsplit(stack.base_url)
    checked = 0
    for path, r in crawl.items():
        if r.status_code != 200:
            continue
        doc = parse(r)
        for url in resource_urls(doc):
            u = urllib.parse.urlsplit(url)
            assert u.scheme in ("", "http", "https"), (path, url)
            if u.netloc:
                assert (u.scheme, u.netloc) == (base.scheme, base.netloc), \
                    "%s loads %s" % (path, url)
            checked += 1
        # No script from anywhere, no frames.
        assert not doc.xpath("//iframe | //frame | //embed"), path
    assert checked > 0


@pytest.mark.parametrize("path", ["/en/", "/en/news/", "/en/tags/"])
def test_absolute_urls_use_the_base_url(server, stack, path):
    """Absolute URLs come from the configured base URL, not the Host header."""
    r = server.raw("GET", path, {"Host": "evil.example"})
    assert r.status_code in (200, 400, 404, 421)
    assert b"evil.example" not in r.content
