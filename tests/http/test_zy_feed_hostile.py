"""Hostile text in feeds (issue 3): items whose title, summary, body and
event location hold control characters, noncharacters, "]]>", markup,
right-to-left text, emoji, Cyrillic and a title as long as the column
takes, and an item with no body.  They are written straight into the
database with the read/write account, past the cleaning the programs do
when content is stored: the case of "feeds still refuse to emit a character
outside XML 1.0's Char if it ever reaches them".  Every feed and calendar
must still parse and hold the items.  The items are deleted afterwards."""

import html
import json
import re

import icalendar
import pytest

import feedlib
from feedlib import FORMATS, NOT_XML_CHAR, bozo, check_jsonfeed, html_urls

TAG = "harm-reduction"
TITLE_MAX = 500             # items.title is VARCHAR(500)

HOSTILE_TITLE_HEAD = (
    "Hostile \x01title\x0b with ]]> and <script>alert(1)</script> & &amp; "
    "\u202eright-to-left override\u202c \u05e9\u05dc\u05d5\u05dd "
    "\u0645\u0631\u062d\u0628\u0627 \U0001F600\U0001F3F3\ufe0f\u200d"
    "\U0001F308 \u041f\u0440\u0438\u0432\u0435\u0442, \u043c\u0438\u0440 "
    "\ufffe\uffff\x1f end ")
HOSTILE_TITLE = (HOSTILE_TITLE_HEAD + "\u0416" * TITLE_MAX)[:TITLE_MAX]
HOSTILE_SUMMARY = (
    "Summary with \x01 a control, ]]> a CDATA end, <b>not bold</b>, "
    "\U0001F600, \u0395\u03bb\u03bb\u03b7\u03bd\u03b9\u03ba\u03ac, "
    "\u05e2\u05d1\u05e8\u05d9\u05ea, \x0c form feed.")
HOSTILE_BODY = (
    "<p>Body with \x0b a vertical tab, ]]&gt; and ]]> raw, "
    "<a href=\"/en/news/\">a relative link</a>, "
    "<img src=\"/static/favicon.svg\" alt=\"\">, "
    "\u202bRTL embedding\u202c, \u041a\u0438\u0440\u0438\u043b\u043b\u0438"
    "\u0446\u0430, \U0001F600.</p>"
    "<p><script>alert(1)</script>&lt;script&gt;alert(2)&lt;/script&gt;</p>"
    "<p>\ufffe\uffff noncharacters, \x1b escape, \x7f delete, \x00 NUL.</p>")
HOSTILE_LOCATION = ("Room 1; Floor 2, \\Annex\\\nLine two \x01 "
                    "\u041a\u0438\u0435\u0432 \U0001F600")
EMPTY_TITLE = "An item with no body"

ITEMS = {
    "hostile": ("news", "zz-hostile-text", HOSTILE_TITLE, HOSTILE_SUMMARY,
                HOSTILE_BODY, 1),
    "empty": ("news", "zz-empty-body", EMPTY_TITLE, "", "", 2),
    "event": ("event", "zz-hostile-event", HOSTILE_TITLE[:200],
              HOSTILE_SUMMARY, HOSTILE_BODY, 3),
}

FEEDS = (["/en/feed." + f for f in FORMATS] +
         ["/en/news/feed." + f for f in FORMATS] +
         ["/en/events/feed." + f for f in FORMATS] +
         ["/en/tags/%s/feed.%s" % (TAG, f) for f in FORMATS])


def sqlstr(s):
    if s == "":
        return "''"
    return "CONVERT(X'%s' USING utf8mb4)" % s.encode("utf-8").hex()


def clean(s):
    """s as a feed may show it: without the characters XML cannot carry."""
    return NOT_XML_CHAR.sub("", s)


def norm(s):
    return " ".join((s or "").split())


@pytest.fixture(scope="module")
def hostile(stack, db):
    """Inserts the items (newest first in every English feed they are in);
    yields {name: entry id}; deletes them."""
    sql = stack.admin_sql
    made = {}

    def drop():
        for name, (kind, slug, *_rest) in ITEMS.items():
            rows = stack.admin_rows(
                "SELECT id, group_id FROM items WHERE lang = 'en' AND "
                "kind = '%s' AND slug = '%s'" % (kind, slug))
            for item_id, group in rows:
                sql("DELETE FROM item_tags WHERE item_id = %s" % item_id)
                sql("DELETE FROM events WHERE item_id = %s" % item_id)
                sql("DELETE FROM items WHERE id = %s" % item_id)
                sql("DELETE FROM translation_groups WHERE id = %s AND NOT "
                    "EXISTS (SELECT 1 FROM items WHERE group_id = %s)"
                    % (group, group))
        sql("UPDATE site_state SET generation = generation + 1, "
            "changed_at = UTC_TIMESTAMP() WHERE id = 1")

    drop()              # a run interrupted before its clean-up
    try:
        for name, (kind, slug, title, summary, body, age) in ITEMS.items():
            group = stack.admin_rows(
                "INSERT INTO translation_groups (created_at) VALUES "
                "(UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()")[0][0]
            item_id = stack.admin_rows(
                "INSERT INTO items (kind, lang, group_id, slug, title, "
                "summary, body_md, body_html, status, published_at, "
                "version, created_at, updated_at) VALUES ('%s', 'en', %s, "
                "'%s', %s, %s, %s, %s, 'published', UTC_TIMESTAMP() - "
                "INTERVAL %d MINUTE, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() - "
                "INTERVAL %d MINUTE); SELECT LAST_INSERT_ID()" % (
                    kind, group, slug, sqlstr(title), sqlstr(summary),
                    sqlstr(body), sqlstr(body), age, age))[0][0]
            sql("UPDATE items SET entry_id = CONCAT('tag:127.0.0.1,', "
                "DATE_FORMAT(published_at, '%%Y-%%m-%%d'), ':', id) "
                "WHERE id = %s" % item_id)
            sql("INSERT INTO item_tags (item_id, tag_id) SELECT %s, id FROM "
                "tags WHERE lang = 'en' AND slug = '%s'" % (item_id, TAG))
            if kind == "event":
                sql("INSERT INTO events (item_id, starts_at, ends_at, tz, "
                    "location) VALUES (%s, UTC_TIMESTAMP() + INTERVAL 30 DAY,"
                    " UTC_TIMESTAMP() + INTERVAL 30 DAY + INTERVAL 90 MINUTE,"
                    " 'Europe/Paris', %s)" % (item_id,
                                              sqlstr(HOSTILE_LOCATION)))
            made[name] = stack.admin_rows(
                "SELECT entry_id FROM items WHERE id = %s" % item_id)[0][0]
        sql("UPDATE site_state SET generation = generation + 1, "
            "changed_at = UTC_TIMESTAMP() WHERE id = 1")
        # What went in is what the test thinks went in.
        got = stack.admin_rows("SELECT HEX(title) FROM items WHERE slug = "
                               "'zz-hostile-text'")[0][0]
        assert bytes.fromhex(got).decode("utf-8") == HOSTILE_TITLE
        yield made
    finally:
        drop()


@pytest.fixture(scope="module")
def fetched(hostile, nginx):
    return {p: nginx.get(p) for p in FEEDS}


def entries_by_id(path, resp):
    fmt = path.rsplit(".", 1)[1]
    return {e.id: e for e in feedlib.parse_feed(fmt, resp.content).entries}


def test_feeds_still_answer(fetched):
    bad = {p: r.status_code for p, r in fetched.items()
           if r.status_code != 200}
    assert not bad, bad


def test_feeds_still_parse(fetched):
    bad = []
    xml = [p for p in FEEDS if not p.endswith(".json")]
    for p in xml:
        b, exc, _ = bozo(fetched[p].content)
        if b:
            bad.append((p, repr(exc)))
    lint = feedlib.xmllint([fetched[p].content for p in xml])
    bad += [(xml[i], e[:3]) for i, e in lint.items()]
    for p in FEEDS:
        if p.endswith(".json"):
            try:
                doc = json.loads(fetched[p].content.decode("utf-8"))
            except ValueError as e:
                bad.append((p, repr(e)))
                continue
            bad += [(p, x) for x in check_jsonfeed(doc)]
    assert not bad, bad[:10]


def test_feeds_hold_the_items(fetched, hostile):
    want = {"hostile": ["/en/feed.", "/en/news/feed.", "/en/tags/"],
            "empty": ["/en/feed.", "/en/news/feed.", "/en/tags/"],
            "event": ["/en/feed.", "/en/events/feed.", "/en/tags/"]}
    bad = []
    for p in FEEDS:
        ids = entries_by_id(p, fetched[p])
        for name, prefixes in want.items():
            if any(p.startswith(x) for x in prefixes) and \
                    hostile[name] not in ids:
                bad.append((p, name))
    assert not bad, bad


def test_no_forbidden_character_emitted(fetched):
    bad = []
    for p in FEEDS:
        body = fetched[p].content.decode("utf-8")
        if p.endswith(".json"):
            # Decoded strings: "\u0001" escapes count as well.
            def walk(v):
                if isinstance(v, str):
                    yield v
                elif isinstance(v, list):
                    for x in v:
                        yield from walk(x)
                elif isinstance(v, dict):
                    for k, x in v.items():
                        yield k
                        yield from walk(x)
            for s in walk(json.loads(body)):
                m = NOT_XML_CHAR.search(s)
                if m:
                    bad.append((p, repr(m.group(0))))
                    break
        else:
            m = NOT_XML_CHAR.search(body)
            if m:
                bad.append((p, repr(m.group(0))))
            if re.search(r"&#(x0*([0-8bcef]|1[0-9a-f])|0*([0-8]|1[124-9]|"
                         r"2[0-9]|3[01]));", body, re.I):
                bad.append((p, "a control character as a reference"))
    assert not bad, bad


def test_hostile_title_survives(fetched, hostile):
    want = norm(clean(HOSTILE_TITLE))
    bad = []
    for p in FEEDS:
        e = entries_by_id(p, fetched[p]).get(hostile["hostile"])
        if e is None:
            continue
        if norm(e.title) != want:
            bad.append((p, "title", e.title[:120]))
        if p.endswith(".atom"):
            t = e.raw.find("{%s}title" % feedlib.ATOM_NS)
            if t.get("type", "text") != "text":
                bad.append((p, "plain-text title sent as type=%s"
                            % t.get("type")))
        for frag in ("]]>", "<script>alert(1)</script>", "\u202e",
                     "\U0001F600", "\u041f\u0440\u0438\u0432\u0435\u0442"):
            if frag not in (e.title or ""):
                bad.append((p, "title lost %r" % frag))
    assert not bad, bad[:10]


def test_hostile_summary_and_content(fetched, hostile):
    bad = []
    for p in FEEDS:
        e = entries_by_id(p, fetched[p]).get(hostile["hostile"])
        if e is None:
            continue
        summary = e.summary
        if p.endswith(".rss"):
            # RSS's description is HTML: the plain-text summary escaped.
            summary = html.unescape(summary or "")
        if norm(summary) != norm(clean(HOSTILE_SUMMARY)):
            bad.append((p, "summary", e.summary))
        if "Body with" not in (e.content or "") or \
                "\u041a\u0438\u0440\u0438\u043b\u043b\u0438\u0446\u0430" \
                not in (e.content or ""):
            bad.append((p, "content lost", (e.content or "")[:200]))
        for u in html_urls(e.content):
            if not feedlib.absolute(u):
                bad.append((p, "relative URL %r" % u))
    assert not bad, bad[:10]


def test_empty_body_item(fetched, hostile):
    bad = []
    for p in FEEDS:
        e = entries_by_id(p, fetched[p]).get(hostile["empty"])
        if e is None:
            continue
        if e.title != EMPTY_TITLE:
            bad.append((p, e.title))
        if p.endswith(".json") and not (
                isinstance(e.raw.get("content_html"), str) or
                isinstance(e.raw.get("content_text"), str)):
            bad.append((p, "neither content_html nor content_text"))
    assert not bad, bad


def test_calendars_with_hostile_event(nginx, hostile):
    for path in ("/en/events.ics", "/en/events/zz-hostile-event.ics"):
        r = nginx.get(path)
        assert r.status_code == 200, (path, r.status_code)
        body = r.content
        for i, line in enumerate(body.split(b"\r\n")[:-1]):
            assert len(line) <= 75, (path, i + 1, len(line))
            line.decode("utf-8")
        text = body.decode("utf-8")
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", text), path
        cal = icalendar.Calendar.from_ical(body)
        evs = [ev for ev in cal.walk("VEVENT")
               if norm(str(ev.get("SUMMARY"))) ==
               norm(clean(HOSTILE_TITLE[:200]))]
        assert evs, "%s: the hostile event is missing or its SUMMARY " \
            "garbled" % path
        loc = str(evs[0].get("LOCATION"))
        assert loc == clean(HOSTILE_LOCATION).replace("\x7f", ""), \
            (path, loc)
