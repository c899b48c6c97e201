"""Fixtures of the HTTP tests: the whole stack, started once per session.

Run by tests/http.sh ("make check"), which exports BROADSIDE_SRCDIR and
BROADSIDE_BUILDDIR.  Set BROADSIDE_KEEP_STATE=1 to keep the temporary state
directory (database, logs, generated server configs) after the run.
"""

import atexit
import http.client
import os
import re
import signal
import socket
import sys
import urllib.parse

import lxml.html
import pytest
import requests

sys.path.insert(0, os.path.dirname(__file__))
from stack import Stack  # noqa: E402
# The admin's fixtures, shared by every test_admin_* module.
from adminlib import _clear_address_throttle, anon, signed_in, users  # noqa: E402,F401,E501

SRCDIR = os.environ.get(
    "BROADSIDE_SRCDIR",
    os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
BUILDDIR = os.environ.get("BROADSIDE_BUILDDIR", SRCDIR)

LANGS = ["en", "fr", "es", "ru"]
KINDS = ["news", "case-study", "statement", "event"]
SEGMENTS = {"news": "news", "case-study": "case-studies",
            "statement": "statements", "event": "events"}
KIND_OF_SEGMENT = {v: k for k, v in SEGMENTS.items()}
PAGE_SIZE = 10          # [site] page_size of the generated broadside.ini
SERVERS = ["nginx", "apache"]

# Items of the sample content that must never be seen.
HIDDEN_SLUGS = ["draft-do-not-show", "scheduled-future-statement",
                "archived-old-notice"]

VISIBLE = "status = 'published' AND published_at <= UTC_TIMESTAMP()"

ITEM_PATH = re.compile(
    r"^/(en|fr|es|ru)/(news|case-studies|statements|events)/([a-z0-9-]+)$")


class Client:
    """One web server in front of the programs."""

    def __init__(self, name, base, port):
        self.name = name
        self.base = base
        self.port = port
        self.session = requests.Session()
        # Identity unless a test asks for gzip (requests sends gzip by
        # default, and mod_deflate would change the headers).
        self.session.headers["Accept-Encoding"] = "identity"

    def url(self, path):
        return self.base + path

    def get(self, path, **kw):
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 30)
        return self.session.get(self.url(path), **kw)

    def head(self, path, **kw):
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 30)
        return self.session.head(self.url(path), **kw)

    def request(self, method, path, **kw):
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 30)
        return self.session.request(method, self.url(path), **kw)

    def raw(self, method, target, headers=None, body=b""):
        return raw_request(self.port, method, target, headers, body)

    def __repr__(self):
        return self.name


class RawResponse:
    def __init__(self, status, headers, body):
        self.status_code = status
        self.headers = headers
        self.content = body


def raw_request(port, method, target, headers=None, body=b""):
    """Sends a request exactly as given (no quoting of the target, which may
    hold malformed escapes or any bytes) and returns a RawResponse."""
    if isinstance(target, str):
        target = target.encode("latin-1")
    headers = dict(headers or {})
    lines = [method.encode("ascii") + b" " + target + b" HTTP/1.1",
             b"Host: " + headers.pop("Host", "127.0.0.1:%d" % port).encode(),
             b"Connection: close", b"Accept-Encoding: identity"]
    for k, v in headers.items():
        lines.append(k.encode("ascii") + b": " + v.encode("latin-1"))
    if body:
        lines.append(b"Content-Length: %d" % len(body))
    data = b"\r\n".join(lines) + b"\r\n\r\n" + body
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(data)
        resp = http.client.HTTPResponse(s, method=method)
        resp.begin()
        payload = resp.read()
        return RawResponse(resp.status, resp.headers, payload)


def parse(resp):
    """The lxml document of an HTML response."""
    return lxml.html.document_fromstring(resp.content)


def text_of(el):
    return " ".join(el.text_content().split())


def item_links(doc, base):
    """(lang, kind, slug) of every link in doc to an item page."""
    out = set()
    for href in doc.xpath("//a/@href"):
        u = urllib.parse.urlsplit(urllib.parse.urljoin(base + "/", href))
        if u.netloc and base.split("//", 1)[1] != u.netloc:
            continue
        m = ITEM_PATH.match(u.path)
        if m:
            out.add((m.group(1), KIND_OF_SEGMENT[m.group(2)], m.group(3)))
    return out


def rel_link(doc, rel):
    """href of the first <link> or <a> with this rel, or None."""
    hrefs = doc.xpath("//link[contains(concat(' ', normalize-space(@rel), ' '),"
                      " ' %s ')]/@href | //a[contains(concat(' ', "
                      "normalize-space(@rel), ' '), ' %s ')]/@href" % (rel, rel))
    return hrefs[0] if hrefs else None


def path_of(base, href):
    """The path and query of href, resolved against the page it is on."""
    u = urllib.parse.urlsplit(urllib.parse.urljoin(base, href))
    return u.path + ("?" + u.query if u.query else "")


def pytest_configure(config):
    """SIGTERM (a timeout, a CI run cancelled) unwinds like Ctrl-C, so that
    the stack's processes are stopped on the way out."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt("SIGTERM")
    signal.signal(signal.SIGTERM, interrupt)


def pytest_collection_modifyitems(session, config, items):
    """The database outage runs last, whatever pytest's grouping of
    parametrised tests did to the order."""
    last = [i for i in items if "database_down" in i.nodeid]
    items[:] = [i for i in items if "database_down" not in i.nodeid] + last
    # The feed tests that change the content (test_zy_*, which restore it)
    # run just before the outage, after every test that reads the content.
    late = [i for i in items if "test_zy_" in i.nodeid]
    items[:] = [i for i in items if "test_zy_" not in i.nodeid and
                "database_down" not in i.nodeid] + late + last


@pytest.fixture(scope="session")
def stack(request):
    st = Stack(SRCDIR, BUILDDIR)
    failed_before = request.session.testsfailed
    # Whatever happens to the session, nothing outlives the interpreter.
    atexit.register(st.stop)
    try:
        st.start()
    except Exception:
        st.stop()
        if st.state:
            sys.stderr.write(st.logs())
            sys.stderr.write("\nstate kept in %s\n" % st.state)
        raise
    yield st
    st.stop()
    # Anything a sanitizer or the C runtime reported in a worker is a
    # failure even if every response looked right.
    reports = []
    for name in ["public.log", "admin.log"]:
        try:
            with open(st.path(name), errors="replace") as f:
                log = f.read()
        except OSError:
            continue
        for pat in ["ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                    "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer",
                    "double free", "stack smashing", "Segmentation fault"]:
            if pat in log:
                reports.append("%s: %s\n%s" % (name, pat, log[-4000:]))
                break
    failed = request.session.testsfailed > failed_before or reports
    if os.environ.get("BROADSIDE_KEEP_STATE"):
        sys.stderr.write("\nHTTP test state kept in %s\n" % st.state)
    elif failed:
        # The logs and configuration, not the database files.
        st.remove_database()
        sys.stderr.write("\nHTTP test logs kept in %s\n" % st.state)
    else:
        st.remove()
    assert not reports, "\n".join(reports)


@pytest.fixture(scope="session")
def nginx(stack):
    return Client("nginx", stack.nginx_url, stack.nginx_port)


@pytest.fixture(scope="session")
def apache(stack):
    return Client("apache", stack.apache_url, stack.apache_port)


@pytest.fixture(scope="session", params=SERVERS)
def server(request, stack):
    """Each test using it runs once through nginx and once through Apache."""
    if request.param == "nginx":
        return Client("nginx", stack.nginx_url, stack.nginx_port)
    return Client("apache", stack.apache_url, stack.apache_port)


@pytest.fixture(scope="session")
def db(stack):
    """The content as the database holds it, for comparison with pages."""
    return Content(stack)


class Content:
    """Queries of the sample content, as the database superuser."""

    def __init__(self, stack):
        self.stack = stack

    def rows(self, query):
        return self.stack.rows("USE broadside; " + query)

    def visible(self, lang=None, kind=None):
        """Set of (lang, kind, slug) of the publicly visible items."""
        q = "SELECT lang, kind, slug FROM items WHERE " + VISIBLE
        if lang:
            q += " AND lang = '%s'" % lang
        if kind:
            q += " AND kind = '%s'" % kind
        return {tuple(r) for r in self.rows(q)}

    def hidden(self):
        """(lang, kind, slug, title) of the items that must not be seen."""
        return [tuple(r) for r in self.rows(
            "SELECT lang, kind, slug, title FROM items WHERE NOT (%s)"
            % VISIBLE)]

    def org_items(self, lang):
        """(org slug, kind, item slug) of the visible items of lang that an
        organisation signed or had a speaker at."""
        vis = VISIBLE.replace("status", "i.status").replace(
            "published_at", "i.published_at")
        return [tuple(r) for r in self.rows(
            "SELECT o.slug, i.kind, i.slug FROM organisations o "
            "JOIN signatories s ON s.org_id = o.id "
            "JOIN items i ON i.id = s.item_id WHERE i.lang = '%s' AND %s "
            "UNION SELECT o.slug, i.kind, i.slug FROM organisations o "
            "JOIN speakers sp ON sp.org_id = o.id "
            "JOIN items i ON i.id = sp.item_id WHERE i.lang = '%s' AND %s"
            % (lang, vis, lang, vis))]

    def tag_items(self, lang):
        """(tag slug, kind, item slug) of the visible items of lang."""
        vis = VISIBLE.replace("status", "i.status").replace(
            "published_at", "i.published_at")
        return [tuple(r) for r in self.rows(
            "SELECT t.slug, i.kind, i.slug FROM tags t "
            "JOIN item_tags it ON it.tag_id = t.id "
            "JOIN items i ON i.id = it.item_id WHERE t.lang = '%s' AND %s"
            % (lang, vis))]

    def published(self, lang, kind):
        """{slug: published_at as text} of the visible items."""
        return {r[0]: r[1] for r in self.rows(
            "SELECT slug, published_at FROM items WHERE lang = '%s' AND "
            "kind = '%s' AND %s" % (lang, kind, VISIBLE))}

    def item(self, lang, kind, slug):
        r = self.rows("SELECT id, title, group_id, hashtag FROM items WHERE "
                      "lang='%s' AND kind='%s' AND slug='%s'" % (lang, kind, slug))
        return r[0] if r else None


@pytest.fixture(scope="session")
def crawl(stack, nginx, db):
    """Every public HTML page reachable from the navigation, fetched once
    through nginx: {path: response}.  Follows home, listings (every page),
    tag and organisation indexes and pages, and item pages."""
    pages = {}
    todo = []
    for lang in LANGS:
        todo += ["/%s/" % lang, "/%s/tags/" % lang, "/%s/organisations/" % lang]
        todo += ["/%s/%s/" % (lang, SEGMENTS[k]) for k in KINDS]
    seen = set(todo)
    while todo:
        path = todo.pop(0)
        r = nginx.get(path)
        pages[path] = r
        if r.status_code != 200 or "html" not in r.headers.get("Content-Type", ""):
            continue
        doc = parse(r)
        for href in doc.xpath("//a/@href | //link/@href"):
            u = urllib.parse.urlsplit(urllib.parse.urljoin(nginx.url(path), href))
            if u.netloc and u.netloc != "127.0.0.1:%d" % stack.nginx_port:
                continue
            p = u.path + ("?" + u.query if u.query else "")
            if not re.match(r"^/(en|fr|es|ru)/", p):
                continue
            if re.search(r"\.(atom|rss|json|ics)$", u.path) or "/search" in p:
                continue
            if p not in seen:
                seen.add(p)
                todo.append(p)
        if len(pages) > 2000:
            break
    return pages


# -- feeds (issue 3) ---------------------------------------------------------

class FeedSet:
    """Every feed of every scope, fetched once through nginx: responses by
    path, the scopes they belong to, and parsed documents on demand."""

    def __init__(self, scopes):
        import feedlib
        self.feedlib = feedlib
        self.scopes = scopes            # [(lang, scope, page path)]
        self.responses = {}             # path: requests response
        self.fetched_at = None          # time.monotonic() when done
        self._parsed = {}

    def paths(self, fmt=None):
        return [p for p in self.responses
                if fmt is None or p.endswith("." + fmt)]

    def parsed(self, path):
        if path not in self._parsed:
            fmt = path.rsplit(".", 1)[1]
            self._parsed[path] = self.feedlib.parse_feed(
                fmt, self.responses[path].content)
        return self._parsed[path]


def feed_scope_list(client):
    """[(lang, scope, page path)] of every feed scope, found the way a
    reader finds them: the site and the four kinds of each language, and
    every tag and organisation its HTML indexes list.  scope is "site", a
    kind, "tag:SLUG" or "org:SLUG"; the feeds sit beside the page
    (page path + "feed.atom")."""
    out = []
    for lang in LANGS:
        out.append((lang, "site", "/%s/" % lang))
        out += [(lang, k, "/%s/%s/" % (lang, SEGMENTS[k])) for k in KINDS]
        for index, prefix in (("tags", "tag"), ("organisations", "org")):
            page = "/%s/%s/" % (lang, index)
            r = client.get(page)
            assert r.status_code == 200, (page, r.status_code)
            slugs = []
            for href in parse(r).xpath("//main//a/@href"):
                u = urllib.parse.urlsplit(
                    urllib.parse.urljoin(client.url(page), href))
                m = re.match(r"^/%s/%s/([a-z0-9-]+)/$" % (lang, index),
                             u.path)
                if m and m.group(1) not in slugs:
                    slugs.append(m.group(1))
            out += [(lang, "%s:%s" % (prefix, s), "%s%s/" % (page, s))
                    for s in slugs]
    return out


@pytest.fixture(scope="session")
def feed_scopes(nginx):
    return feed_scope_list(nginx)


@pytest.fixture(scope="session")
def feeds(nginx, feed_scopes):
    """Every feed (Atom, RSS, JSON) of every scope and language, fetched
    once through nginx (a FeedSet)."""
    import time
    fs = FeedSet(feed_scopes)
    for _, _, page in feed_scopes:
        for fmt in ("atom", "rss", "json"):
            path = page + "feed." + fmt
            fs.responses[path] = nginx.get(path)
    fs.fetched_at = time.monotonic()
    return fs
