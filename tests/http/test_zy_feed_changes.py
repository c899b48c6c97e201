"""Validators follow each feed's own content (issue 3): after a change to an
item, the feeds it is in answer 200 with new validators, and the feeds it
is not in still answer 304; an unpublished item leaves its feeds (which
change validators too), and comes back when published again; an event's
.ics gets a new SEQUENCE and LAST-MODIFIED; a new slug keeps the entry id.

The database is changed directly with the programs' read/write account, as
the admin program would (the content generation is bumped too), and every
change is undone before the test ends.  Runs after the other tests that
read the content (conftest orders test_zy_* late) and before the outage."""

import time

import pytest

from conftest import VISIBLE
import feedlib
from feedlib import db_time, http_date

MARKER = "Feed change marker 7f3a"


def hexstr(s):
    """A MariaDB expression for the UTF-8 string s, whatever it holds."""
    if s == "":
        return "''"
    return "CONVERT(X'%s' USING utf8mb4)" % s.encode("utf-8").hex()


class Changer:
    def __init__(self, stack, db, nginx, apache):
        self.stack = stack
        self.db = db
        self.clients = [nginx, apache]
        self.base = stack.base_url
        self.last = time.time()

    def sql(self, query):
        self.stack.admin_sql(query)
        self.last = time.time()

    def bump(self):
        self.sql("UPDATE site_state SET generation = generation + 1, "
                 "changed_at = UTC_TIMESTAMP() WHERE id = 1")

    def new_second(self):
        """Waits until the clock is in a later second than the last change
        (or than the start of the module), so that a change made next has
        a later date than anything before it."""
        while int(time.time()) <= int(self.last):
            time.sleep(0.05)

    def snapshot(self, paths):
        """{(client name, path): response} through both servers."""
        out = {}
        for c in self.clients:
            for p in paths:
                r = c.get(p)
                assert r.status_code == 200, (c.name, p, r.status_code)
                out[(c.name, p)] = r
        return out

    def revalidate(self, before, paths, use="etag"):
        """{(client name, path): response} of conditional GETs with the
        validators of before."""
        out = {}
        for c in self.clients:
            for p in paths:
                old = before[(c.name, p)]
                h = ({"If-None-Match": old.headers["ETag"]} if use == "etag"
                     else {"If-Modified-Since": old.headers["Last-Modified"]})
                out[(c.name, p)] = c.get(p, headers=h)
        return out

    def item(self, item_id):
        r = self.db.rows(
            "SELECT id, lang, kind, slug, entry_id, updated_at, version, "
            "status, body_html, body_md FROM items WHERE id = %s" % item_id)
        keys = ["id", "lang", "kind", "slug", "entry_id", "updated_at",
                "version", "status", "body_html", "body_md"]
        return dict(zip(keys, r[0]))

    def restore(self, it):
        self.sql("UPDATE items SET slug = '%s', updated_at = '%s', "
                 "version = %s, status = '%s', body_html = %s, body_md = %s "
                 "WHERE id = %s" % (
                     it["slug"], it["updated_at"], it["version"],
                     it["status"], hexstr(it["body_html"]),
                     hexstr(it["body_md"]), it["id"]))
        self.bump()


@pytest.fixture(scope="module")
def ch(stack, db, nginx, apache):
    return Changer(stack, db, nginx, apache)


def feeds_of(page):
    return [page + "feed." + f for f in feedlib.FORMATS]


def vis(alias="i"):
    return VISIBLE.replace("status", alias + ".status").replace(
        "published_at", alias + ".published_at")


def tag_slugs_of(db, item_id):
    return [r[0] for r in db.rows(
        "SELECT t.slug FROM item_tags it JOIN tags t ON t.id = it.tag_id "
        "WHERE it.item_id = %s ORDER BY t.slug" % item_id)]


def tag_without(db, item_id, lang="en"):
    """An en tag with visible items, none of them item_id."""
    rows = db.rows(
        "SELECT t.slug, COUNT(*) c FROM tags t JOIN item_tags it ON "
        "it.tag_id = t.id JOIN items i ON i.id = it.item_id WHERE "
        "t.lang = '%s' AND %s GROUP BY t.slug HAVING SUM(i.id = %s) = 0 "
        "ORDER BY c DESC, t.slug" % (lang, vis(), item_id))
    assert rows, "no tag without item %s" % item_id
    return rows[0][0]


def entry_ids(resp, path):
    fmt = path.split("?")[0].rsplit(".", 1)[1]
    return [e.id for e in feedlib.parse_feed(fmt, resp.content).entries]


def entry_of(resp, path, entry_id):
    fmt = path.split("?")[0].rsplit(".", 1)[1]
    for e in feedlib.parse_feed(fmt, resp.content).entries:
        if e.id == entry_id:
            return e
    return None


def expect_changed(before, after, paths, what):
    bad = []
    for (name, p), r in after.items():
        if p not in paths:
            continue
        if r.status_code != 200:
            bad.append((name, p, r.status_code))
        elif r.headers.get("ETag") == before[(name, p)].headers.get("ETag"):
            bad.append((name, p, "same ETag"))
    assert not bad, "%s: feeds that should have changed: %r" % (what, bad)


def expect_unchanged(after, paths, what, ch=None, before=None):
    bad = [(name, p, r.status_code) for (name, p), r in after.items()
           if p in paths and r.status_code != 304]
    assert not bad, "%s: feeds that should still be 304: %r" % (what, bad)
    if ch is None:
        return
    # A 304 is only right if the document is what it was.
    for c in ch.clients:
        for p in paths:
            assert c.get(p).content == before[(c.name, p)].content, \
                "%s: %s %s answers 304 but its bytes changed" % (
                    what, c.name, p)


# -- an item's text changes --------------------------------------------------

@pytest.fixture(scope="module")
def statement(db):
    """The newest visible English statement with tags and signatories."""
    rows = db.rows(
        "SELECT i.id FROM items i WHERE i.lang = 'en' AND i.kind = "
        "'statement' AND %s AND EXISTS (SELECT 1 FROM item_tags it WHERE "
        "it.item_id = i.id) AND EXISTS (SELECT 1 FROM signatories s WHERE "
        "s.item_id = i.id) ORDER BY i.published_at DESC LIMIT 1" % vis())
    assert rows
    return rows[0][0]


def test_edit_changes_only_the_feeds_of_the_item(ch, db, statement):
    x = ch.item(statement)
    tag_a = tag_slugs_of(db, x["id"])[0]
    tag_b = tag_without(db, x["id"])
    org_in = db.rows("SELECT o.slug FROM signatories s JOIN organisations o "
                     "ON o.id = s.org_id WHERE s.item_id = %s ORDER BY o.slug "
                     "LIMIT 1" % x["id"])[0][0]
    org_out = [o for o, k, s in sorted(db.org_items("en"))
               if o not in {r[0] for r in db.rows(
                   "SELECT o.slug FROM organisations o JOIN signatories s ON "
                   "s.org_id = o.id WHERE s.item_id = %s UNION SELECT o.slug "
                   "FROM organisations o JOIN speakers sp ON sp.org_id = o.id "
                   "WHERE sp.item_id = %s" % (x["id"], x["id"]))}][0]
    changed = (feeds_of("/en/") + feeds_of("/en/statements/") +
               feeds_of("/en/tags/%s/" % tag_a) +
               feeds_of("/en/organisations/%s/" % org_in))
    same = (feeds_of("/en/news/") + feeds_of("/en/tags/%s/" % tag_b) +
            feeds_of("/en/organisations/%s/" % org_out) +
            feeds_of("/fr/") + ["/en/events.ics"])
    before = ch.snapshot(changed + same)
    ch.new_second()
    try:
        ch.sql("UPDATE items SET body_html = CONCAT(body_html, '<p>%s</p>'), "
               "body_md = CONCAT(body_md, '\\n\\n%s'), version = version + 1, "
               "updated_at = UTC_TIMESTAMP() WHERE id = %s"
               % (MARKER, MARKER, x["id"]))
        ch.bump()
        upd = db_time(ch.item(x["id"])["updated_at"])
        after = ch.revalidate(before, changed + same)
        expect_changed(before, after, changed, "edit")
        expect_unchanged(after, same, "edit", ch, before)
        by_date = ch.revalidate(before, changed + same, use="date")
        expect_changed(before, by_date, changed, "edit, If-Modified-Since")
        expect_unchanged(by_date, same, "edit, If-Modified-Since")
        for (name, p), r in after.items():
            if p not in changed:
                continue
            e = entry_of(r, p, x["entry_id"])
            assert e is not None, (name, p)
            assert MARKER in (e.content or ""), (name, p)
            if not p.endswith(".rss"):
                assert e.updated == upd, (name, p, e.updated, upd)
            lm = http_date(r.headers["Last-Modified"])
            assert lm >= upd, (name, p, "Last-Modified %s before the "
                               "change at %s" % (lm, upd))
            if p.endswith(".atom"):
                f = feedlib.parse_atom(r.content)
                assert f.updated == upd, (p, f.updated, upd)
    finally:
        ch.restore(x)
    # Undone: the feeds are what they were.
    for c in ch.clients:
        for p in changed:
            r = c.get(p)
            assert MARKER.encode() not in r.content, (c.name, p)


def test_edit_keeps_archive_pages(ch, statement):
    """An archive page whose entries did not change keeps its validators
    (the item edited is on the first page)."""
    x = ch.item(statement)
    archive = []
    for fmt in feedlib.FORMATS:
        f = feedlib.parse_feed(fmt, ch.clients[0].get("/en/feed." + fmt)
                               .content)
        href = f.link("prev-archive") or f.link("next")
        assert href and href.startswith(ch.base + "/"), fmt
        archive.append(href[len(ch.base):])
    before = ch.snapshot(archive)
    for (_, p), r in before.items():
        assert x["entry_id"] not in entry_ids(r, p)
    ch.new_second()
    try:
        ch.sql("UPDATE items SET body_html = CONCAT(body_html, '<p>%s</p>'), "
               "version = version + 1, updated_at = UTC_TIMESTAMP() "
               "WHERE id = %s" % (MARKER, x["id"]))
        ch.bump()
        expect_unchanged(ch.revalidate(before, archive), archive,
                         "edit of a first-page item", ch, before)
    finally:
        ch.restore(x)


def test_new_slug_keeps_the_entry_id(ch, statement):
    x = ch.item(statement)
    paths = feeds_of("/en/statements/")
    ch.new_second()
    try:
        ch.sql("UPDATE items SET slug = '%s-renamed', version = version + 1,"
               " updated_at = UTC_TIMESTAMP() WHERE id = %s"
               % (x["slug"], x["id"]))
        ch.bump()
        for c in ch.clients:
            for p in paths:
                r = c.get(p)
                e = entry_of(r, p, x["entry_id"])
                assert e is not None, "%s: the id changed with the slug" % p
                assert e.link == "%s/en/statements/%s-renamed" % (
                    ch.base, x["slug"]), e.link
    finally:
        ch.restore(x)


# -- unpublish and publish again ---------------------------------------------

@pytest.fixture(scope="module")
def news_item(db):
    """The newest visible English news item with a tag."""
    rows = db.rows(
        "SELECT i.id FROM items i WHERE i.lang = 'en' AND i.kind = 'news' "
        "AND %s AND EXISTS (SELECT 1 FROM item_tags it WHERE it.item_id = "
        "i.id) ORDER BY i.published_at DESC LIMIT 1" % vis())
    assert rows
    return rows[0][0]


def test_unpublish_and_publish_again(ch, db, news_item):
    y = ch.item(news_item)
    tags = tag_slugs_of(db, y["id"])
    other = tag_without(db, y["id"])
    changed = feeds_of("/en/") + feeds_of("/en/news/")
    for t in tags:
        changed += feeds_of("/en/tags/%s/" % t)
    same = feeds_of("/en/statements/") + feeds_of("/en/tags/%s/" % other) + \
        ["/en/events.ics"]
    before = ch.snapshot(changed + same)
    for (name, p), r in before.items():
        if p in changed:
            assert y["entry_id"] in entry_ids(r, p), (name, p)
    ch.new_second()
    try:
        ch.sql("UPDATE items SET status = 'draft', version = version + 1, "
               "updated_at = UTC_TIMESTAMP() WHERE id = %s" % y["id"])
        ch.bump()
        after = ch.revalidate(before, changed + same)
        expect_changed(before, after, changed, "unpublish")
        expect_unchanged(after, same, "unpublish", ch, before)
        by_date = ch.revalidate(before, changed, use="date")
        expect_changed(before, by_date, changed,
                       "unpublish, If-Modified-Since")
        gone = {}
        for (name, p), r in after.items():
            if p in changed:
                assert y["entry_id"] not in entry_ids(r, p), \
                    "%s %s still lists the unpublished item" % (name, p)
                assert ("/news/%s" % y["slug"]).encode() not in r.content
                gone[(name, p)] = r
        for c in ch.clients:
            assert c.get("/en/news/" + y["slug"]).status_code == 404
        # Published again: back in its feeds, with new validators again.
        ch.new_second()
        ch.sql("UPDATE items SET status = 'published', version = version + 1,"
               " updated_at = UTC_TIMESTAMP() WHERE id = %s" % y["id"])
        ch.bump()
        back = ch.revalidate(gone, changed)
        expect_changed(gone, back, changed, "publish again")
        for (name, p), r in back.items():
            assert y["entry_id"] in entry_ids(r, p), (name, p)
        expect_unchanged(ch.revalidate(before, same), same, "publish again")
    finally:
        ch.restore(y)


def test_translation_unpublished_changes_validators(ch, db):
    """The English webinar's entry links its French translation (hreflang);
    when that translation is unpublished the English feeds change (the
    link goes), so their validators must change too: same ETag, same
    bytes."""
    rows = db.rows(
        "SELECT f.id FROM items e JOIN items f ON f.group_id = e.group_id "
        "WHERE e.lang = 'en' AND e.slug = 'no-more-loss-webinar' AND "
        "f.lang = 'fr' AND %s" % vis("f"))
    assert rows, "the sample lacks the webinar's French translation"
    fr = ch.item(rows[0][0])
    paths = feeds_of("/en/events/")
    before = ch.snapshot(paths)
    for (_, p), r in before.items():
        assert b"/fr/events/" + fr["slug"].encode() in r.content, p
    ch.new_second()
    try:
        ch.sql("UPDATE items SET status = 'draft', version = version + 1, "
               "updated_at = UTC_TIMESTAMP() WHERE id = %s" % fr["id"])
        ch.bump()
        bad = []
        for c in ch.clients:
            for p in paths:
                old = before[(c.name, p)]
                now = c.get(p)
                linked = b"/fr/events/" + fr["slug"].encode() in now.content
                if linked:
                    bad.append((c.name, p, "still links the unpublished "
                                "translation"))
                if now.content != old.content and \
                        now.headers.get("ETag") == old.headers.get("ETag"):
                    bad.append((c.name, p, "new bytes, same ETag"))
                r = c.get(p, headers={"If-None-Match": old.headers["ETag"]})
                if now.content != old.content and r.status_code == 304:
                    bad.append((c.name, p, "304 for changed bytes"))
        assert not bad, bad
    finally:
        ch.restore(fr)


# -- events ------------------------------------------------------------------

def test_event_change_bumps_sequence_and_last_modified(ch, db):
    import icalendar
    rows = db.rows(
        "SELECT i.id, i.slug FROM items i JOIN events e ON e.item_id = i.id "
        "WHERE i.lang = 'en' AND %s AND e.ends_at > UTC_TIMESTAMP() "
        "ORDER BY e.starts_at" % vis())
    assert len(rows) >= 2, "the sample needs two upcoming English events"
    (zid, zslug), (_, other) = rows[0], rows[1]
    z = ch.item(zid)
    loc = db.rows("SELECT location FROM events WHERE item_id = %s" % zid)[0][0]
    mine = "/en/events/%s.ics" % zslug
    changed = [mine, "/en/events.ics"] + feeds_of("/en/events/")
    same = ["/en/events/%s.ics" % other, "/fr/events.ics"]
    before = ch.snapshot(changed + same)

    def vevent(r):
        return [ev for ev in icalendar.Calendar.from_ical(r.content)
                .walk("VEVENT")][0]
    ev0 = vevent(before[("nginx", mine)])
    ch.new_second()
    try:
        ch.sql("UPDATE events SET location = CONCAT(location, ' (moved)') "
               "WHERE item_id = %s" % zid)
        ch.sql("UPDATE items SET version = version + 1, updated_at = "
               "UTC_TIMESTAMP() WHERE id = %s" % zid)
        ch.bump()
        upd = db_time(ch.item(zid)["updated_at"])
        after = ch.revalidate(before, changed + same)
        expect_changed(before, after, changed, "event change")
        expect_unchanged(after, same, "event change", ch, before)
        for c in ch.clients:
            ev = vevent(after[(c.name, mine)])
            assert str(ev.get("UID")) == str(ev0.get("UID"))
            assert ev.decoded("SEQUENCE") > ev0.decoded("SEQUENCE")
            lm = ev.get("LAST-MODIFIED").dt
            assert lm == upd, (lm, upd)
            assert str(ev.get("LOCATION")).endswith("(moved)")
    finally:
        ch.sql("UPDATE events SET location = %s WHERE item_id = %s"
               % (hexstr(loc), zid))
        ch.restore(z)


def test_everything_restored(ch, db, statement, news_item):
    """The content is as the sample left it (the later tests see it)."""
    for item_id in (statement, news_item):
        it = ch.item(item_id)
        assert it["status"] == "published"
        assert MARKER not in it["body_html"]
        assert not it["slug"].endswith("-renamed")
    r = ch.clients[0].get("/en/feed.atom")
    assert MARKER.encode() not in r.content
