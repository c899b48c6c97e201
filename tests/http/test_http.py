"""HTTP behaviour of the public pages: validators and conditional GET (also
through Apache's mod_deflate), caching and security headers."""

import email.utils
import gzip

import pytest

from conftest import SEGMENTS

PATHS = ["/en/", "/fr/news/", "/en/news/?page=2", "/en/tags/",
         "/en/organisations/"]


@pytest.fixture(scope="session")
def item_path(db):
    lang, kind, slug = sorted(db.visible("en", "case-study"))[0]
    return "/%s/%s/%s" % (lang, SEGMENTS[kind], slug)


def all_paths(item_path):
    return PATHS + [item_path]


def test_validators_present(server, item_path):
    for path in all_paths(item_path):
        r = server.get(path)
        assert r.status_code == 200, path
        etag = r.headers.get("ETag")
        assert etag, path
        assert etag.startswith('"') or etag.startswith('W/"'), etag
        assert etag.endswith('"'), etag
        lm = r.headers.get("Last-Modified")
        assert lm, path
        assert email.utils.parsedate_to_datetime(lm).tzinfo is not None
        assert lm.endswith(" GMT")
        cc = r.headers.get("Cache-Control", "")
        assert "max-age=" in cc or "no-cache" in cc, cc
        assert int(r.headers["Content-Length"]) == len(r.content)


def test_every_page_has_validators(crawl):
    missing = {}
    for path, r in crawl.items():
        if r.status_code != 200:
            continue
        for name in ("ETag", "Last-Modified", "Cache-Control",
                     "Content-Length"):
            if not r.headers.get(name):
                missing.setdefault(name, []).append(path)
    assert not missing, {k: v[:5] for k, v in missing.items()}


def test_validators_stable(server, item_path):
    for path in all_paths(item_path):
        a = server.get(path)
        b = server.get(path)
        assert a.headers["ETag"] == b.headers["ETag"], path
        assert a.headers["Last-Modified"] == b.headers["Last-Modified"], path
        assert a.content == b.content, path


def test_validators_differ_between_pages(server, item_path):
    etags = {server.get(p).headers["ETag"] for p in all_paths(item_path)}
    assert len(etags) == len(all_paths(item_path))


def check_304(r, full):
    assert r.status_code == 304, r.status_code
    assert r.content == b""
    assert r.headers.get("ETag") == full.headers["ETag"]
    # A 304 repeats the validators and caching headers.
    assert r.headers.get("Cache-Control") == full.headers.get("Cache-Control")


@pytest.mark.parametrize("path", PATHS + ["item"])
def test_if_none_match(server, item_path, path):
    path = item_path if path == "item" else path
    full = server.get(path)
    etag = full.headers["ETag"]
    check_304(server.get(path, headers={"If-None-Match": etag}), full)


def test_if_none_match_list(server, item_path):
    full = server.get(item_path)
    etag = full.headers["ETag"]
    inm = '"nope", %s, "other"' % etag
    check_304(server.get(item_path, headers={"If-None-Match": inm}), full)
    inm = '"nope",%s' % etag
    check_304(server.get(item_path, headers={"If-None-Match": inm}), full)


def test_if_none_match_star(server, item_path):
    full = server.get(item_path)
    check_304(server.get(item_path, headers={"If-None-Match": "*"}), full)


def test_if_none_match_weak(server, item_path):
    full = server.get(item_path)
    etag = full.headers["ETag"]
    weak = etag if etag.startswith("W/") else "W/" + etag
    check_304(server.get(item_path, headers={"If-None-Match": weak}), full)


def test_if_none_match_gzip_suffix_direct(server, item_path):
    """The -gzip form Apache's mod_deflate makes, sent straight back."""
    full = server.get(item_path)
    etag = full.headers["ETag"]
    gz = etag[:-1] + '-gzip"'
    check_304(server.get(item_path, headers={"If-None-Match": gz}), full)


def test_gzip_etag_through_apache(apache, item_path):
    """mod_deflate compresses the page and appends -gzip to the ETag; the
    client sends that ETag back and must get a 304."""
    r = apache.get(item_path, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = r.raw.read(decode_content=False)
    assert r.status_code == 200
    assert r.headers.get("Content-Encoding") == "gzip", \
        "Apache did not compress the page: is mod_deflate on?"
    etag = r.headers["ETag"]
    assert etag.endswith('-gzip"'), etag
    assert b"</html>" in gzip.decompress(raw)
    again = apache.get(item_path, headers={"Accept-Encoding": "gzip",
                                           "If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_different_etag_is_200(server, item_path):
    full = server.get(item_path)
    for inm in ['"0123456789"', 'W/"0123456789"', '"%s"' % ("x" * 100), '""',
                full.headers["ETag"][:-2] + '"', "garbage"]:
        r = server.get(item_path, headers={"If-None-Match": inm})
        assert r.status_code == 200, inm
        assert r.content == full.content


def test_if_modified_since(server, item_path):
    full = server.get(item_path)
    lm = full.headers["Last-Modified"]
    r = server.get(item_path, headers={"If-Modified-Since": lm})
    check_304(r, full)
    assert r.headers.get("Last-Modified") == lm
    # Later than the page: still not modified.
    r = server.get(item_path, headers={
        "If-Modified-Since": "Fri, 01 Jan 2100 00:00:00 GMT"})
    assert r.status_code == 304
    # Earlier: modified.
    r = server.get(item_path, headers={
        "If-Modified-Since": "Thu, 01 Jan 1998 00:00:00 GMT"})
    assert r.status_code == 200 and r.content == full.content
    # Garbage is ignored.
    r = server.get(item_path, headers={"If-Modified-Since": "yesterday"})
    assert r.status_code == 200


def test_if_none_match_wins_over_if_modified_since(server, item_path):
    """RFC 9110 13.1.3: with If-None-Match, If-Modified-Since is ignored."""
    full = server.get(item_path)
    r = server.get(item_path, headers={
        "If-None-Match": '"something-else"',
        "If-Modified-Since": full.headers["Last-Modified"]})
    assert r.status_code == 200


def test_head_conditional(server, item_path):
    full = server.get(item_path)
    r = server.head(item_path, headers={"If-None-Match": full.headers["ETag"]})
    assert r.status_code == 304


def test_security_headers(server, item_path):
    for path in all_paths(item_path) + ["/en/news/no-such-item"]:
        r = server.get(path)
        csp = r.headers.get("Content-Security-Policy", "")
        assert csp, path
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, csp
        assert "frame-ancestors" in csp, csp
        directives = {d.strip().split()[0]: d.strip().split()[1:]
                      for d in csp.split(";") if d.strip()}
        assert "default-src" in directives or "script-src" in directives
        for name in ("script-src", "default-src"):
            for src in directives.get(name, []):
                assert src in ("'self'", "'none'"), (name, src)
        assert r.headers.get("X-Content-Type-Options") == "nosniff", path
        assert r.headers.get("Referrer-Policy"), path


def test_no_inline_script(server, item_path):
    """No script at all: nothing the CSP would have to allow."""
    from conftest import parse
    for path in all_paths(item_path):
        doc = parse(server.get(path))
        assert not doc.xpath("//script[not(@src)]"), path
        for el in doc.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in el.attrib:
                assert not attr.lower().startswith("on"), (path, el.tag, attr)


def test_error_pages_not_cached_forever(server):
    r = server.get("/en/news/no-such-item")
    assert r.status_code == 404
    cc = r.headers.get("Cache-Control", "")
    assert "immutable" not in cc


def test_redirect_has_content_length(server):
    r = server.get("/")
    assert r.status_code in (301, 302, 303, 307, 308)
    assert "Content-Length" in r.headers
