"""Kind-specific content of item pages: event times in several zones,
interpretation and speakers, statement signatories, the case-study PDF, news
galleries and hashtags, links between translations."""

import re
import urllib.parse

import lxml.html
import pytest

from conftest import LANGS, SEGMENTS, parse, text_of

VIS = "i.status = 'published' AND i.published_at <= UTC_TIMESTAMP()"


def page(server, lang, kind, slug):
    r = server.get("/%s/%s/%s" % (lang, SEGMENTS[kind], slug))
    assert r.status_code == 200, (lang, kind, slug, r.status_code)
    return r, parse(r)


def main_text(doc):
    return text_of(doc.xpath("//main")[0])


@pytest.fixture(scope="session")
def webinar(db):
    rows = db.rows("SELECT i.slug, i.id, e.registration_url FROM items i "
                   "JOIN events e ON e.item_id = i.id WHERE i.lang = 'en' AND "
                   "i.title LIKE '%No More Loss%' AND " + VIS)
    assert rows, "sample lacks the 'No More Loss' webinar in English"
    slug, item_id, reg = rows[0]
    return {"slug": slug, "id": item_id, "registration": reg}


def without_body(doc, body_html):
    """The page's <main> without the item's rendered body, so that times
    an editor typed into the text do not count as the page showing them."""
    main = doc.xpath("//main")[0]
    body = lxml.html.fragment_fromstring(body_html, create_parent="div")
    paras = [" ".join(p.text_content().split()) for p in body.iter()
             if p.tag in ("p", "li", "td") and p.text_content().strip()]
    assert paras, "empty body"
    first, last = paras[0], paras[-1]
    best = None
    for el in main.iter():
        if not isinstance(el.tag, str):
            continue
        t = " ".join(el.text_content().split())
        if first in t and last in t:
            best = el          # iter() is document order: keep the deepest
    if best is not None and best is not main:
        best.getparent().remove(best)
    return main


def shows(main, label, time):
    """True if a small element (a table row, list entry, paragraph...)
    shows time together with label."""
    for el in main.iter():
        if not isinstance(el.tag, str):
            continue
        t = " ".join(el.text_content().split())
        if len(t) < 160 and time in t and re.search(label, t):
            return True
    return False


def test_event_times_in_several_zones(server, db, webinar):
    start = db.rows("SELECT starts_at, tz FROM events WHERE item_id = %s"
                    % webinar["id"])[0]
    assert start == ["2021-07-21 14:00:00", "Europe/Paris"]
    body = db.rows("SELECT body_html FROM items WHERE id = %s"
                   % webinar["id"])[0][0]
    _, doc = page(server, "en", "event", webinar["slug"])
    main = without_body(doc, body)
    text = text_of(main)
    assert "Times around the world" not in text, "body not removed"
    # The event's own zone, UTC and the configured extra zones.
    assert shows(main, r"CEST|Paris", "16:00"), "16:00 CEST not shown"
    assert shows(main, r"\bUTC\b(?!\+)", "14:00"), "14:00 UTC not shown"
    assert shows(main, r"EDT|New York", "10:00"), "10:00 New York not shown"
    assert shows(main, r"EAT|Nairobi", "17:00"), "17:00 Nairobi not shown"
    assert shows(main, r"Bangkok|\+07", "21:00"), "21:00 Bangkok not shown"
    assert "21 July 2021" in text or "July 21, 2021" in text or \
        "2021-07-21" in text


def test_event_in_other_languages_shows_the_same_times(server, db, webinar):
    group = db.rows("SELECT group_id FROM items WHERE id = %s"
                    % webinar["id"])[0][0]
    others = db.rows("SELECT i.lang, i.slug FROM items i WHERE i.group_id = %s "
                     "AND i.lang <> 'en' AND %s" % (group, VIS))
    for lang, slug in others:
        _, doc = page(server, lang, "event", slug)
        text = main_text(doc)
        assert "16:00" in text and "14:00" in text and "10:00" in text, lang


def test_event_languages_speakers_registration(server, db, webinar):
    _, doc = page(server, "en", "event", webinar["slug"])
    text = main_text(doc)
    for name in ["French", "Russian", "Spanish"]:
        assert name in text, "interpretation into %s not shown" % name
    assert "English" in text
    speakers = db.rows("SELECT s.name, s.is_chair, COALESCE(o.name, ''), "
                       "COALESCE(o.short_name, ''), s.part FROM speakers s "
                       "LEFT JOIN organisations o ON o.id = s.org_id "
                       "WHERE s.item_id = %s ORDER BY s.position" % webinar["id"])
    assert len(speakers) >= 3
    positions = []
    for name, chair, org, short, part in speakers:
        assert name in text, "speaker %s missing" % name
        positions.append(text.index(name))
        if org:
            assert org in text or (short and short in text), org
        if part:
            assert " ".join(part.split()) in text, part
    assert positions == sorted(positions), "speakers out of order"
    chairs = [s for s in speakers if s[1] == "1"]
    assert chairs, "sample webinar has no chair"
    # The chair is marked as such next to their name.
    for name, *_ in chairs:
        el = doc.xpath("//main//*[contains(normalize-space(.), $n)]", n=name)[-1]
        scope = el
        for _ in range(3):
            if re.search(r"chair", text_of(scope), re.I):
                break
            scope = scope.getparent()
        assert re.search(r"chair", text_of(scope), re.I), \
            "chair %s is not marked" % name
    if webinar["registration"] and webinar["registration"] != "NULL":
        assert doc.xpath("//main//a[@href=$u]", u=webinar["registration"]), \
            "no registration link"


def test_statement_signatories(server, db):
    rows = db.rows("SELECT i.lang, i.slug, i.id FROM items i WHERE "
                   "i.kind = 'statement' AND %s AND EXISTS (SELECT 1 FROM "
                   "signatories s WHERE s.item_id = i.id)" % VIS)
    assert rows, "no visible statement has signatories"
    for lang, slug, item_id in rows:
        _, doc = page(server, lang, "statement", slug)
        text = main_text(doc)
        sigs = db.rows("SELECT o.slug, o.name, COALESCE(o.short_name, '') "
                       "FROM signatories s JOIN organisations o ON "
                       "o.id = s.org_id WHERE s.item_id = %s" % item_id)
        hrefs = doc.xpath("//main//a/@href")
        for oslug, name, short in sigs:
            assert name in text or (short and short in text), \
                "%s/%s: signatory %s missing" % (lang, slug, name)
            path = "/%s/organisations/%s/" % (lang, oslug)
            assert any(h.endswith(path) for h in hrefs), \
                "%s/%s: no link to %s" % (lang, slug, path)


def size_matches(num, unit, n):
    """True if "num unit" (e.g. "1,2 MB", "245 KiB", "5 ko") is n bytes,
    rounded to the digits shown, in powers of 1000 or 1024."""
    digits = len(num.replace(",", ".").partition(".")[2])
    value = float(num.replace(",", "."))
    u = unit.lower()
    power = 0 if u in ("bytes", "octets", "байт") else \
        1 if u[0] in "kк" else 2
    for base in (1000, 1024):
        if abs(value - n / base ** power) <= 0.5 * 10 ** -digits + 1e-9:
            return True
    # Sizes under a unit are often shown as one of it ("1 KB").
    return power > 0 and value == 1 and n < 1024 ** power


def test_case_study_pdf(server, db):
    rows = db.rows("SELECT i.lang, i.slug, m.filename, m.bytes, m.mime "
                   "FROM items i JOIN item_media im ON im.item_id = i.id "
                   "JOIN media m ON m.id = im.media_id WHERE "
                   "i.kind = 'case-study' AND im.role = 'attachment' AND "
                   "m.mime = 'application/pdf' AND " + VIS)
    assert rows, "no visible case study has a PDF"
    for lang, slug, filename, size, mime in rows:
        r, doc = page(server, lang, "case-study", slug)
        links = [a for a in doc.xpath("//main//a[@href]")
                 if urllib.parse.urlsplit(a.get("href")).path.endswith(
                     "/media/" + filename)]
        assert links, "%s/%s: no link to /media/%s" % (lang, slug, filename)
        a = links[0]
        # The size is shown with the link (in it or its parent).
        scope = text_of(a.getparent())
        found = re.findall(r"(\d+(?:[.,]\d+)?)\s*([kKMG]i?B|bytes|[kKM]o|"
                           r"octets|[кКМ][бБ]|байт)", scope)
        assert found, "%s/%s: no size next to the PDF link: %r" % (
            lang, slug, scope)
        assert any(size_matches(num, unit, int(size)) for num, unit in found), \
            "%s/%s: size %r does not match %s bytes" % (lang, slug, found, size)
        # The file itself, served by the web server.
        p = server.get(urllib.parse.urlsplit(
            urllib.parse.urljoin(r.url, a.get("href"))).path)
        assert p.status_code == 200
        assert p.headers["Content-Type"] == "application/pdf"
        assert int(p.headers["Content-Length"]) == int(size) == len(p.content)
        assert p.content.startswith(b"%PDF-")


def test_news_gallery_images_have_alt(server, db):
    rows = db.rows("SELECT i.lang, i.slug, i.id FROM items i WHERE "
                   "i.kind = 'news' AND %s AND EXISTS (SELECT 1 FROM item_media "
                   "im WHERE im.item_id = i.id AND im.role = 'gallery')" % VIS)
    assert rows, "no visible news item has a gallery"
    for lang, slug, item_id in rows:
        r, doc = page(server, lang, "news", slug)
        # Alt text per use (a translation's own), else the file's.
        media = db.rows("SELECT m.filename, COALESCE(im.alt, m.alt) FROM "
                        "item_media im JOIN "
                        "media m ON m.id = im.media_id WHERE im.item_id = %s "
                        "AND im.role = 'gallery' ORDER BY im.position" % item_id)
        imgs = doc.xpath("//main//img")
        for filename, alt in media:
            match = [i for i in imgs if "/media/" in i.get("src", "") and
                     filename.rsplit(".", 1)[0] in i.get("src")]
            assert match, "%s/%s: gallery image %s missing" % (lang, slug, filename)
            img = match[0]
            assert img.get("alt") and img.get("alt").strip(), "empty alt"
            assert " ".join(img.get("alt").split()) == " ".join(alt.split())
            src = urllib.parse.urlsplit(urllib.parse.urljoin(r.url, img.get("src")))
            f = server.get(src.path)
            assert f.status_code == 200
            assert f.headers["Content-Type"].startswith("image/")
            assert int(f.headers["Content-Length"]) == len(f.content) > 0
        for img in doc.xpath("//img"):
            assert img.get("alt") is not None, "an <img> without alt"


def test_news_hashtag(server, db):
    rows = db.rows("SELECT i.lang, i.slug, i.hashtag FROM items i WHERE "
                   "i.kind = 'news' AND i.hashtag IS NOT NULL AND " + VIS)
    assert rows, "no visible news item has a hashtag"
    assert any(h == "MoreThan" for _, _, h in rows)
    for lang, slug, tag in rows:
        _, doc = page(server, lang, "news", slug)
        assert "#" + tag in main_text(doc)


def test_translations_linked_with_hreflang(server, db):
    groups = db.rows("SELECT i.group_id FROM items i WHERE %s GROUP BY "
                     "i.group_id HAVING COUNT(*) > 1" % VIS)
    assert len(groups) >= 3, "sample has few translated items"
    for (group,) in groups:
        members = db.rows("SELECT i.lang, i.kind, i.slug FROM items i WHERE "
                          "i.group_id = %s AND %s" % (group, VIS))
        for lang, kind, slug in members:
            r, doc = page(server, lang, kind, slug)
            links = {}
            for el in doc.xpath("//*[@hreflang and @href]"):
                p = urllib.parse.urlsplit(
                    urllib.parse.urljoin(r.url, el.get("href"))).path
                if re.match(r"^/[a-z]{2}/(news|case-studies|statements|events)/",
                            p):
                    links.setdefault(el.get("hreflang"), set()).add(p)
            for olang, okind, oslug in members:
                if olang == lang:
                    continue
                want = "/%s/%s/%s" % (olang, SEGMENTS[okind], oslug)
                assert want in links.get(olang, set()), \
                    "%s/%s does not link its %s translation" % (lang, slug, olang)
            # Never a link to a hidden translation.
            hidden = db.rows("SELECT i.lang, i.kind, i.slug FROM items i WHERE "
                             "i.group_id = %s AND NOT (%s)" % (group, VIS))
            for hl, hk, hs in hidden:
                bad = "/%s/%s/%s" % (hl, SEGMENTS[hk], hs)
                assert bad not in r.text


def test_other_language_passages_marked(server, db):
    """A link to a translation is marked with the language it is in."""
    groups = db.rows("SELECT i.group_id FROM items i WHERE %s GROUP BY "
                     "i.group_id HAVING COUNT(*) > 1" % VIS)
    (group,) = groups[0]
    lang, kind, slug = db.rows("SELECT i.lang, i.kind, i.slug FROM items i "
                               "WHERE i.group_id = %s AND %s LIMIT 1"
                               % (group, VIS))[0]
    _, doc = page(server, lang, kind, slug)
    for a in doc.xpath("//body//a[@hreflang]"):
        if a.get("hreflang") != lang:
            el = a
            langs = []
            while el is not None:
                if el.get("lang"):
                    langs.append(el.get("lang"))
                el = el.getparent()
            assert langs and langs[0] == a.get("hreflang"), \
                "link text in %s without lang=%s" % (a.get("hreflang"),
                                                     a.get("hreflang"))


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_on_home(server, lang):
    doc = parse(server.get("/%s/" % lang))
    hrefs = {urllib.parse.urlsplit(h).path for h in doc.xpath("//a/@href")}
    for other in LANGS:
        assert "/%s/" % other in hrefs, "home links no /%s/" % other


def test_events_listing_order(server, db):
    """The events listing puts what is still to come first, soonest first,
    then past events, most recent first (a feed keeps publication order)."""
    rows = db.rows(
        "SELECT i.slug, e.ends_at > UTC_TIMESTAMP(), "
        "UNIX_TIMESTAMP(e.starts_at) FROM items i "
        "JOIN events e ON e.item_id = i.id WHERE i.lang = 'en' AND "
        "i.status = 'published' AND i.published_at <= UTC_TIMESTAMP()")
    upcoming = sorted((r for r in rows if r[1] == "1"),
                      key=lambda r: float(r[2]))
    past = sorted((r for r in rows if r[1] != "1"),
                  key=lambda r: -float(r[2]))
    want = [r[0] for r in upcoming + past]
    assert upcoming, "the sample content has upcoming events"
    got = []
    path = "/en/events/"
    while path:
        r = server.get(path)
        assert r.status_code == 200
        doc = parse(r)
        for href in doc.xpath("//main//h2/a/@href"):
            m = re.search(r"/en/events/([a-z0-9-]+)$",
                          urllib.parse.urlsplit(href).path)
            if m:
                got.append(m.group(1))
        nxt = doc.xpath("//link[@rel='next']/@href")
        path = nxt[0] if nxt else None
    assert got == want
