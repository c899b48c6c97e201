"""Helpers of the feed and calendar tests: the three feed formats read into
one shape, with lxml (structure) beside feedparser (what readers do), and
the checks every test module shares.  Not a test module itself."""

import datetime
import email.utils
import json
import os
import re
import subprocess
import tempfile
import urllib.parse
import warnings

with warnings.catch_warnings():
    # Debian's feedparser imports cgi, deprecated since Python 3.11.
    warnings.simplefilter("ignore", DeprecationWarning)
    import feedparser
import lxml.etree
import lxml.html

ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"a": ATOM_NS, "content": CONTENT_NS, "dc": DC_NS}

FORMATS = ["atom", "rss", "json"]
MIME = {"atom": "application/atom+xml", "rss": "application/rss+xml",
        "json": "application/feed+json", "ics": "text/calendar"}
JSONFEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_PAGE_SIZE = 20     # the default feed page size (issue 3)

RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|"
    r"Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UT|[+-]\d{4})$")

# Characters XML 1.0 does not allow (its Char production), and the C0
# controls JSON and iCalendar text must not carry either.
NOT_XML_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def rfc3339(s):
    """datetime (aware) of an RFC 3339 date-time; AssertionError if s is
    not one."""
    assert isinstance(s, str) and RFC3339.match(s), "not RFC 3339: %r" % s
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))


def rfc822(s):
    assert s and RFC822.match(s.strip()), "not RFC 822 with a zone: %r" % s
    d = email.utils.parsedate_to_datetime(s.strip())
    assert d.tzinfo is not None, s
    return d


def db_time(s):
    """An aware UTC datetime of a DATETIME column as the client prints it."""
    return datetime.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(
        tzinfo=datetime.timezone.utc)


def http_date(s):
    d = email.utils.parsedate_to_datetime(s)
    assert d.tzinfo is not None, s
    return d


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc)


def absolute(url):
    u = urllib.parse.urlsplit(url or "")
    return bool(u.scheme) and (bool(u.netloc) or u.scheme in (
        "mailto", "tel", "data"))


def html_urls(html):
    """Every href, src and srcset URL of an HTML fragment."""
    if not html or not html.strip():
        return []
    out = []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("href", "src", "poster", "cite", "action"):
            v = el.get(attr)
            if v is not None:
                out.append(v.strip())
        srcset = el.get("srcset")
        if srcset:
            for part in srcset.split(","):
                if part.strip():
                    out.append(part.strip().split()[0])
    return out


def text(el):
    return "" if el is None else "".join(el.itertext())


def effective_lang(el):
    while el is not None:
        v = el.get(XML_LANG)
        if v is not None:
            return v
        el = el.getparent()
    return None


# -- one shape for the three formats ----------------------------------------

class Entry:
    """An entry as the tests compare it across formats."""

    def __init__(self):
        self.id = None
        self.link = None
        self.title = None
        self.summary = None
        self.content = None        # HTML
        self.content_type = None
        self.published = None      # aware datetime
        self.updated = None
        self.lang = None
        self.categories = []       # [(term, label)]
        self.contributors = []     # names
        self.authors = []
        self.enclosures = []       # [(href, type, length)]
        self.translations = {}     # hreflang: href
        self.raw = None            # the lxml element or JSON object

    def __repr__(self):
        return "<Entry %s %s>" % (self.id, self.link)


class Feed:
    def __init__(self, fmt):
        self.fmt = fmt
        self.title = None
        self.subtitle = None
        self.id = None
        self.self_link = None
        self.alternate = None
        self.updated = None
        self.lang = None
        self.icon = None
        self.ttl = None
        self.links = {}            # rel: [href] (RFC 5005 and others)
        self.entries = []
        self.raw = None

    def link(self, rel):
        v = self.links.get(rel)
        return v[0] if v else None


def parse_atom(body):
    root = lxml.etree.fromstring(body)
    assert root.tag == "{%s}feed" % ATOM_NS, root.tag
    f = Feed("atom")
    f.raw = root
    f.title = text(root.find("a:title", NS))
    st = root.find("a:subtitle", NS)
    f.subtitle = text(st) if st is not None else None
    f.id = text(root.find("a:id", NS))
    up = root.find("a:updated", NS)
    f.updated = rfc3339(text(up)) if up is not None else None
    f.lang = effective_lang(root)
    icon = root.find("a:icon", NS)
    f.icon = text(icon) if icon is not None else None
    for ln in root.findall("a:link", NS):
        f.links.setdefault(ln.get("rel", "alternate"), []).append(
            ln.get("href"))
    f.self_link = f.link("self")
    alts = [ln for ln in root.findall("a:link", NS)
            if ln.get("rel", "alternate") == "alternate"
            and ln.get("type", "text/html") == "text/html"
            and ln.get("hreflang") in (None, f.lang)]
    f.alternate = alts[0].get("href") if alts else None
    for el in root.findall("a:entry", NS):
        e = Entry()
        e.raw = el
        e.id = text(el.find("a:id", NS))
        e.title = text(el.find("a:title", NS))
        e.lang = effective_lang(el)
        for ln in el.findall("a:link", NS):
            rel = ln.get("rel", "alternate")
            if rel == "alternate":
                hl = ln.get("hreflang")
                if hl is None or hl == e.lang:
                    if e.link is None:
                        e.link = ln.get("href")
                else:
                    e.translations[hl] = ln.get("href")
            elif rel == "enclosure":
                e.enclosures.append((ln.get("href"), ln.get("type"),
                                     ln.get("length")))
        s = el.find("a:summary", NS)
        e.summary = text(s) if s is not None else None
        c = el.find("a:content", NS)
        if c is not None:
            e.content_type = c.get("type", "text")
            if e.content_type == "xhtml":
                div = c.find("{http://www.w3.org/1999/xhtml}div")
                e.content = lxml.etree.tostring(div, encoding="unicode") \
                    if div is not None else ""
            else:
                e.content = text(c)
        p = el.find("a:published", NS)
        e.published = rfc3339(text(p)) if p is not None else None
        u = el.find("a:updated", NS)
        e.updated = rfc3339(text(u)) if u is not None else None
        e.categories = [(c.get("term"), c.get("label"))
                        for c in el.findall("a:category", NS)]
        e.contributors = [text(p.find("a:name", NS))
                          for p in el.findall("a:contributor", NS)]
        e.authors = [text(p.find("a:name", NS))
                     for p in el.findall("a:author", NS)]
        f.entries.append(e)
    return f


def parse_rss(body):
    root = lxml.etree.fromstring(body)
    assert root.tag == "rss" and root.get("version") == "2.0", root.tag
    ch = root.find("channel")
    assert ch is not None
    f = Feed("rss")
    f.raw = root
    f.title = text(ch.find("title"))
    f.subtitle = text(ch.find("description"))
    f.alternate = text(ch.find("link")).strip() or None
    f.lang = text(ch.find("language")).strip() or None
    lbd = ch.find("lastBuildDate")
    f.updated = rfc822(text(lbd)) if lbd is not None else None
    ttl = ch.find("ttl")
    f.ttl = text(ttl).strip() if ttl is not None else None
    img = ch.find("image/url")
    f.icon = text(img).strip() if img is not None else None
    for ln in ch.findall("a:link", NS):
        f.links.setdefault(ln.get("rel", "alternate"), []).append(
            ln.get("href"))
    f.self_link = f.link("self")
    for el in ch.findall("item"):
        e = Entry()
        e.raw = el
        g = el.find("guid")
        e.id = text(g).strip() if g is not None else None
        e.title = text(el.find("title"))
        e.link = text(el.find("link")).strip() or None
        d = el.find("description")
        e.summary = text(d) if d is not None else None
        c = el.find("content:encoded", NS)
        e.content = text(c) if c is not None else None
        p = el.find("pubDate")
        e.published = rfc822(text(p)) if p is not None else None
        u = el.find("a:updated", NS)
        if u is not None:
            e.updated = rfc3339(text(u))
        e.lang = text(el.find("dc:language", NS)).strip() or f.lang
        e.categories = [(text(c).strip(), text(c).strip())
                        for c in el.findall("category")]
        for enc in el.findall("enclosure"):
            e.enclosures.append((enc.get("url"), enc.get("type"),
                                 enc.get("length")))
        for ln in el.findall("a:link", NS):
            if ln.get("rel", "alternate") == "alternate" and \
                    ln.get("hreflang") not in (None, e.lang):
                e.translations[ln.get("hreflang")] = ln.get("href")
        e.contributors = [text(c).strip()
                          for c in el.findall("dc:contributor", NS)]
        e.authors = [text(c).strip() for c in el.findall("dc:creator", NS)] + \
            [text(c).strip() for c in el.findall("author")]
        f.entries.append(e)
    return f


def parse_json(body):
    doc = json.loads(body.decode("utf-8"))
    assert isinstance(doc, dict)
    f = Feed("json")
    f.raw = doc
    f.title = doc.get("title")
    f.subtitle = doc.get("description")
    f.self_link = doc.get("feed_url")
    f.alternate = doc.get("home_page_url")
    f.lang = doc.get("language")
    f.icon = doc.get("icon") or doc.get("favicon")
    if doc.get("next_url"):
        f.links["next"] = [doc["next_url"]]
    for it in doc.get("items", []):
        e = Entry()
        e.raw = it
        e.id = it.get("id")
        e.link = it.get("url")
        e.title = it.get("title")
        e.summary = it.get("summary")
        e.content = it.get("content_html")
        if it.get("date_published") is not None:
            e.published = rfc3339(it["date_published"])
        if it.get("date_modified") is not None:
            e.updated = rfc3339(it["date_modified"])
        e.lang = it.get("language") or f.lang
        e.categories = [(t, t) for t in it.get("tags", [])]
        e.enclosures = [(a.get("url"), a.get("mime_type"),
                         a.get("size_in_bytes"))
                        for a in it.get("attachments", [])]
        e.authors = [a.get("name") for a in it.get("authors", [])]
        f.entries.append(e)
    return f


PARSERS = {"atom": parse_atom, "rss": parse_rss, "json": parse_json}


def parse_feed(fmt, body):
    return PARSERS[fmt](body)


def bozo(body):
    """feedparser's verdict: (bozo, exception) of a body."""
    d = feedparser.parse(body)
    return d.bozo, d.get("bozo_exception"), d


def xmllint(bodies):
    """Runs xmllint --noout once over every body; returns {index: errors}
    of the ones it rejected."""
    tmp = tempfile.mkdtemp(prefix="broadside-xmllint.")
    files = []
    try:
        for i, b in enumerate(bodies):
            name = os.path.join(tmp, "%05d.xml" % i)
            with open(name, "wb") as f:
                f.write(b)
            files.append(name)
        bad = {}
        # xmllint reports each file's errors prefixed with its name.
        for start in range(0, len(files), 200):
            chunk = files[start:start + 200]
            p = subprocess.run(["xmllint", "--noout", "--nonet"] + chunk,
                               capture_output=True, text=True, timeout=120)
            if p.returncode == 0:
                continue
            for line in p.stderr.splitlines():
                m = re.match(r"^(%s/(\d{5})\.xml):" % re.escape(tmp), line)
                if m:
                    bad.setdefault(int(m.group(2)), []).append(line)
            if not bad:
                bad[-1] = [p.stderr]
        return bad
    finally:
        for name in files:
            try:
                os.unlink(name)
            except OSError:
                pass
        os.rmdir(tmp)


def check_jsonfeed(doc, url=None):
    """The JSON Feed 1.1 spec's fields and types; returns a list of
    problems (empty if none)."""
    bad = []

    def typ(obj, key, types, where, required=False):
        if key not in obj:
            if required:
                bad.append("%s: %s missing" % (where, key))
            return
        v = obj[key]
        if isinstance(v, bool) and bool not in types:
            bad.append("%s: %s is a boolean" % (where, key))
        elif not isinstance(v, types):
            bad.append("%s: %s is %s" % (where, key, type(v).__name__))

    if not isinstance(doc, dict):
        return ["top level is not an object"]
    if doc.get("version") != JSONFEED_VERSION:
        bad.append("version is %r" % doc.get("version"))
    typ(doc, "title", str, "feed", required=True)
    for k in ("home_page_url", "feed_url", "description", "user_comment",
              "next_url", "icon", "favicon", "language"):
        typ(doc, k, str, "feed")
    typ(doc, "expired", bool, "feed")
    for k in ("home_page_url", "feed_url", "next_url", "icon", "favicon"):
        if isinstance(doc.get(k), str) and not absolute(doc[k]):
            bad.append("feed: %s not absolute: %r" % (k, doc[k]))

    def authors(obj, where):
        typ(obj, "authors", list, where)
        for i, a in enumerate(obj.get("authors") or []):
            if not isinstance(a, dict):
                bad.append("%s: authors[%d] not an object" % (where, i))
                continue
            for k in ("name", "url", "avatar"):
                typ(a, k, str, "%s.authors[%d]" % (where, i))
            if not any(k in a for k in ("name", "url", "avatar")):
                bad.append("%s: authors[%d] is empty" % (where, i))
    authors(doc, "feed")
    if "author" in doc:
        typ(doc, "author", dict, "feed")
    typ(doc, "hubs", list, "feed")
    typ(doc, "items", list, "feed", required=True)
    for n, it in enumerate(doc.get("items") or []):
        w = "items[%d]" % n
        if not isinstance(it, dict):
            bad.append(w + " is not an object")
            continue
        typ(it, "id", str, w, required=True)
        if isinstance(it.get("id"), str) and not it["id"]:
            bad.append(w + ": empty id")
        if "content_html" not in it and "content_text" not in it:
            bad.append(w + ": neither content_html nor content_text")
        for k in ("url", "external_url", "title", "content_html",
                  "content_text", "summary", "image", "banner_image",
                  "date_published", "date_modified", "language"):
            typ(it, k, str, w)
        for k in ("date_published", "date_modified"):
            if isinstance(it.get(k), str) and not RFC3339.match(it[k]):
                bad.append("%s: %s not RFC 3339: %r" % (w, k, it[k]))
        for k in ("url", "external_url", "image", "banner_image"):
            if isinstance(it.get(k), str) and not absolute(it[k]):
                bad.append("%s: %s not absolute: %r" % (w, k, it[k]))
        typ(it, "tags", list, w)
        for t in it.get("tags") or []:
            if not isinstance(t, str):
                bad.append("%s: tag %r not a string" % (w, t))
        authors(it, w)
        typ(it, "attachments", list, w)
        for i, a in enumerate(it.get("attachments") or []):
            aw = "%s.attachments[%d]" % (w, i)
            if not isinstance(a, dict):
                bad.append(aw + " not an object")
                continue
            typ(a, "url", str, aw, required=True)
            typ(a, "mime_type", str, aw, required=True)
            typ(a, "title", str, aw)
            typ(a, "size_in_bytes", int, aw)
            typ(a, "duration_in_seconds", (int, float), aw)
            if isinstance(a.get("url"), str) and not absolute(a["url"]):
                bad.append("%s: url not absolute: %r" % (aw, a["url"]))
    return bad


def item_path(url, base):
    """(lang, segment, slug) of an absolute item URL on base, or None."""
    if not url or not url.startswith(base + "/"):
        return None
    m = re.match(r"^/(en|fr|es|ru)/(news|case-studies|statements|events)/"
                 r"([a-z0-9-]+)$", url[len(base):])
    return m.groups() if m else None
