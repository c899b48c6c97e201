"""Conditional GET of feeds and calendars (issue 3), through nginx and
Apache: validators on every response, 304 on If-None-Match (exact, weak,
lists, *, the -gzip ETag of Apache's mod_deflate) and If-Modified-Since, a
bodyless 304 that repeats the validators, HEAD.  That validators follow
each feed's own content is test_zy_feed_changes.py's part."""

import email.utils
import gzip
import re

import pytest

import feedlib
from feedlib import MIME, http_date, utcnow

# An archive page of the English Atom feed: the one its next or
# prev-archive link names (how page numbers run is the feed's business).
ARCHIVE = "archive-of:/en/feed.atom"

RESOURCES = [
    "/en/feed.atom", "/en/feed.rss", "/en/feed.json", "/fr/news/feed.atom",
    "/en/tags/harm-reduction/feed.rss", "/en/organisations/inpud/feed.json",
    "/ru/statements/feed.json", ARCHIVE, "/en/events.ics",
    "/en/events/no-more-loss-webinar.ics",
]


def mime_of(path):
    return MIME[path.split("?")[0].rsplit(".", 1)[1]]


@pytest.fixture(scope="module")
def real(nginx, stack):
    """{resource: the path to fetch}."""
    out = {p: p for p in RESOURCES}
    main = ARCHIVE.split(":", 1)[1]
    f = feedlib.parse_atom(nginx.get(main).content)
    href = f.link("prev-archive") or f.link("next")
    assert href and href.startswith(stack.base_url + "/"), \
        "%s links no archive page" % main
    out[ARCHIVE] = href[len(stack.base_url):]
    return out


@pytest.fixture(scope="module")
def full(nginx, apache, real):
    """{(server name, resource): the 200 response}."""
    out = {}
    for c in (nginx, apache):
        for p in RESOURCES:
            out[(c.name, p)] = c.get(real[p])
    return out


def base(server, full, path):
    r = full[(server.name, path)]
    assert r.status_code == 200, (server.name, path, r.status_code)
    return r


def check_304(r, full):
    assert r.status_code == 304, r.status_code
    assert r.content == b""
    for h in ("ETag", "Last-Modified", "Cache-Control"):
        assert r.headers.get(h) == full.headers.get(h), \
            "%s: %r on the 304, %r on the 200" % (h, r.headers.get(h),
                                                  full.headers.get(h))


@pytest.mark.parametrize("path", RESOURCES)
def test_validators(server, full, real, path):
    r = base(server, full, path)
    path = real[path]
    assert re.fullmatch(r"%s;\s*charset=utf-8" % re.escape(mime_of(path)),
                        r.headers.get("Content-Type", ""), re.I)
    etag = r.headers.get("ETag", "")
    assert re.fullmatch(r'(W/)?"[\x21\x23-\x7e]+"', etag), etag
    lm = http_date(r.headers["Last-Modified"])
    assert r.headers["Last-Modified"].endswith(" GMT")
    assert lm <= utcnow(), "Last-Modified in the future: %s" % lm
    cc = r.headers.get("Cache-Control", "")
    assert re.search(r"max-age=\d+", cc), cc
    assert int(r.headers["Content-Length"]) == len(r.content)


@pytest.mark.parametrize("path", RESOURCES)
def test_if_none_match_forms(server, full, real, path):
    r = base(server, full, path)
    path = real[path]
    etag = r.headers["ETag"]
    strong = etag[2:] if etag.startswith("W/") else etag
    forms = [etag, "W/" + strong, strong, '"x", %s, "y"' % etag,
             '"x",%s' % etag, "*", strong[:-1] + '-gzip"',
             "W/" + strong[:-1] + '-gzip"', strong[:-1] + '-br"']
    for inm in forms:
        check_304(server.get(path, headers={"If-None-Match": inm}), r)


@pytest.mark.parametrize("path", RESOURCES)
def test_other_etags_are_200(server, full, real, path):
    r = base(server, full, path)
    path = real[path]
    etag = r.headers["ETag"]
    for inm in ['"0123456789"', 'W/"nope"', '""', etag[:-2] + '"',
                etag[:-1] + 'x"', "garbage"]:
        again = server.get(path, headers={"If-None-Match": inm})
        assert again.status_code == 200, inm
        assert again.content == r.content, inm


@pytest.mark.parametrize("path", RESOURCES)
def test_if_modified_since(server, full, real, path):
    r = base(server, full, path)
    path = real[path]
    lm = r.headers["Last-Modified"]
    check_304(server.get(path, headers={"If-Modified-Since": lm}), r)
    later = email.utils.format_datetime(http_date(lm).replace(year=2100),
                                        usegmt=True)
    assert server.get(path, headers={"If-Modified-Since": later}) \
        .status_code == 304
    earlier = "Thu, 01 Jan 1998 00:00:00 GMT"
    again = server.get(path, headers={"If-Modified-Since": earlier})
    assert again.status_code == 200 and again.content == r.content
    assert server.get(path, headers={"If-Modified-Since": "yesterday"}) \
        .status_code == 200
    # If-None-Match wins (RFC 9110 13.1.3).
    assert server.get(path, headers={"If-None-Match": '"other"',
                                     "If-Modified-Since": lm}) \
        .status_code == 200


@pytest.mark.parametrize("path", RESOURCES)
def test_head(server, full, real, path):
    r = base(server, full, path)
    path = real[path]
    h = server.head(path)
    assert h.status_code == 200
    assert h.content == b""
    for name in ("ETag", "Last-Modified", "Cache-Control", "Content-Type",
                 "Content-Length"):
        assert h.headers.get(name) == r.headers.get(name), name
    c = server.head(path, headers={"If-None-Match": r.headers["ETag"]})
    check_304(c, r)


@pytest.mark.parametrize("path", RESOURCES)
def test_gzip_etag_through_apache(apache, full, real, path):
    """mod_deflate compresses the feed and appends -gzip to its ETag; a
    reader sends that ETag back and gets a 304."""
    plain = base(apache, full, path)
    path = real[path]
    r = apache.get(path, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = r.raw.read(decode_content=False)
    assert r.status_code == 200
    assert r.headers.get("Content-Encoding") == "gzip", \
        "Apache did not compress %s" % path
    etag = r.headers["ETag"]
    assert etag.endswith('-gzip"'), etag
    assert gzip.decompress(raw) == plain.content
    again = apache.get(path, headers={"Accept-Encoding": "gzip",
                                      "If-None-Match": etag})
    assert again.status_code == 304, again.status_code
    assert again.content == b""


def test_validators_differ_between_resources(server, full):
    etags = {}
    for p in RESOURCES:
        etags.setdefault(base(server, full, p).headers["ETag"], []).append(p)
    dup = {e: ps for e, ps in etags.items() if len(ps) > 1}
    assert not dup, dup


def test_formats_of_one_scope_differ(server):
    etags = {server.get("/en/news/feed." + f).headers.get("ETag")
             for f in ("atom", "rss", "json")}
    assert None not in etags and len(etags) == 3, etags


def test_validators_stable_between_workers(server, full):
    """Every worker answers with the same validators (more requests than
    workers, one connection each)."""
    for p in RESOURCES[:3]:
        want = base(server, full, p).headers["ETag"]
        for _ in range(6):
            r = server.raw("GET", p)
            assert r.headers.get("ETag") == want, p
