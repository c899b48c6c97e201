"""iCalendar (issue 3): one .ics per event and a calendar of upcoming and
recent events per language, read with Debian's python3-icalendar: times
with their zone (the 'No More Loss' webinar is 16:00 Europe/Paris, so 14:00
UTC), stable UIDs, SEQUENCE and LAST-MODIFIED, folded lines and CRLF."""

import datetime
import re
import time

import icalendar
import pytest

from conftest import HIDDEN_SLUGS, LANGS, VISIBLE, parse, path_of
from feedlib import db_time, utcnow

UTC = datetime.timezone.utc
WEBINAR = ("en", "no-more-loss-webinar")


@pytest.fixture(scope="module")
def events(db):
    """{(lang, slug): row} of the visible events."""
    vis = VISIBLE.replace("status", "i.status").replace(
        "published_at", "i.published_at")
    out = {}
    for r in db.rows(
            "SELECT i.lang, i.slug, i.title, e.starts_at, e.ends_at, e.tz, "
            "e.location, i.updated_at, i.version, (e.ends_at > "
            "UTC_TIMESTAMP()) FROM items i JOIN events e ON e.item_id = i.id "
            "WHERE " + vis):
        lang, slug, title, starts, ends, tz, loc, upd, ver, upcoming = r
        out[(lang, slug)] = {
            "title": title, "starts": db_time(starts), "ends": db_time(ends),
            "tz": tz, "location": loc, "updated": db_time(upd),
            "version": int(ver), "upcoming": upcoming == "1"}
    assert WEBINAR in out, "the sample lacks the webinar"
    return out


def event_path(lang, slug):
    return "/%s/events/%s.ics" % (lang, slug)


@pytest.fixture(scope="module")
def ics(nginx, events):
    """{path: response} of every language calendar and every event's .ics,
    and the time they were fetched."""
    out = {}
    for lang in LANGS:
        out["/%s/events.ics" % lang] = nginx.get("/%s/events.ics" % lang)
    for lang, slug in events:
        out[event_path(lang, slug)] = nginx.get(event_path(lang, slug))
    return out, time.monotonic()


def cal_of(resp):
    return icalendar.Calendar.from_ical(resp.content)


def vevents(resp):
    return list(cal_of(resp).walk("VEVENT"))


def utc(prop):
    d = prop.dt
    assert isinstance(d, datetime.datetime), d
    assert d.tzinfo is not None, "floating time %r" % d
    return d.astimezone(UTC)


def ok(ics):
    return {p: r for p, r in ics[0].items() if r.status_code == 200}


def test_calendars_answer(ics):
    bad = []
    for path, r in ics[0].items():
        if r.status_code != 200:
            bad.append((path, r.status_code))
            continue
        ct = r.headers.get("Content-Type", "")
        if not re.fullmatch(r"text/calendar;\s*charset=utf-8", ct, re.I):
            bad.append((path, ct))
        if r.headers.get("Content-Length") != str(len(r.content)):
            bad.append((path, "Content-Length"))
        for h in ("ETag", "Last-Modified", "Cache-Control"):
            if not r.headers.get(h):
                bad.append((path, "no " + h))
    assert not bad, bad[:10]


def test_calendars_parse(ics, stack):
    bad = []
    for path, r in ok(ics).items():
        try:
            cal = cal_of(r)
        except Exception as e:          # noqa: BLE001 - any parse error
            bad.append((path, repr(e)))
            continue
        if cal.name != "VCALENDAR":
            bad.append((path, cal.name))
        if str(cal.get("VERSION")) != "2.0" or not cal.get("PRODID"):
            bad.append((path, "VERSION/PRODID"))
        evs = list(cal.walk("VEVENT"))
        if path.count("/") == 3 and len(evs) != 1:
            bad.append((path, "%d VEVENTs" % len(evs)))
        for ev in evs:
            for prop in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "SEQUENCE",
                         "LAST-MODIFIED"):
                if ev.get(prop) is None:
                    bad.append((path, "VEVENT without " + prop))
            if ev.get("SEQUENCE") is not None and \
                    not isinstance(ev.decoded("SEQUENCE"), int):
                bad.append((path, "SEQUENCE %r" % ev.get("SEQUENCE")))
            if ev.get("URL") is not None and \
                    not str(ev.get("URL")).startswith(stack.base_url + "/"):
                bad.append((path, "URL %s" % ev.get("URL")))
        # Every TZID used is defined by a VTIMEZONE (RFC 5545 3.2.19).
        zones = {str(z.get("TZID")) for z in cal.walk("VTIMEZONE")}
        for ev in evs:
            for prop in ("DTSTART", "DTEND"):
                p = ev.get(prop)
                tzid = p.params.get("TZID") if p is not None else None
                if tzid and tzid not in zones:
                    bad.append((path, "%s TZID=%s without VTIMEZONE" %
                                (prop, tzid)))
    assert not bad, bad[:10]


def test_lines_folded_and_crlf(ics):
    bad = []
    for path, r in ok(ics).items():
        body = r.content
        if not body.endswith(b"\r\n"):
            bad.append((path, "does not end with CRLF"))
        if body.count(b"\n") != body.count(b"\r\n") or \
                body.count(b"\r") != body.count(b"\r\n"):
            bad.append((path, "a bare LF or CR"))
        for i, line in enumerate(body.split(b"\r\n")[:-1]):
            if len(line) > 75:
                bad.append((path, i + 1, "%d octets" % len(line)))
            if not line:
                bad.append((path, i + 1, "empty line"))
    assert not bad, bad[:10]


def test_folding_keeps_utf8_sequences_whole(ics):
    """A fold never splits a multi-octet character (RFC 5545 3.1's note:
    readers that unfold line by line show mojibake otherwise)."""
    bad = []
    for path, r in ok(ics).items():
        for i, line in enumerate(r.content.split(b"\r\n")):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                bad.append((path, i + 1))
    assert not bad, bad[:10]


def test_webinar_lands_at_1400_utc(ics):
    path = event_path(*WEBINAR)
    r = ics[0][path]
    assert r.status_code == 200, r.status_code
    cal = cal_of(r)
    ev = list(cal.walk("VEVENT"))[0]
    start = ev.get("DTSTART")
    assert start.params.get("TZID") == "Europe/Paris", \
        "DTSTART does not carry its zone: %s" % start.to_ical()
    assert b"20210721T160000" in start.to_ical()
    assert utc(start) == datetime.datetime(2021, 7, 21, 14, 0, tzinfo=UTC)
    assert utc(ev.get("DTEND")) == datetime.datetime(2021, 7, 21, 15, 30,
                                                     tzinfo=UTC)
    zones = [z for z in cal.walk("VTIMEZONE")
             if str(z.get("TZID")) == "Europe/Paris"]
    assert zones, "no VTIMEZONE for Europe/Paris"
    # The VTIMEZONE's own rules (what a calendar without a zone database
    # uses) also put 16:00 on 21 July 2021 at UTC+2.
    tz = zones[0].to_tz()
    local = datetime.datetime(2021, 7, 21, 16, 0)
    local = tz.localize(local) if hasattr(tz, "localize") else \
        local.replace(tzinfo=tz)
    assert local.utcoffset() == datetime.timedelta(hours=2)
    winter = datetime.datetime(2021, 1, 21, 16, 0)
    winter = tz.localize(winter) if hasattr(tz, "localize") else \
        winter.replace(tzinfo=tz)
    assert winter.utcoffset() == datetime.timedelta(hours=1)


def test_every_event_at_its_time(ics, events):
    bad = []
    for (lang, slug), e in events.items():
        r = ics[0][event_path(lang, slug)]
        if r.status_code != 200:
            bad.append((lang, slug, r.status_code))
            continue
        ev = vevents(r)[0]
        start, end = ev.get("DTSTART"), ev.get("DTEND")
        if utc(start) != e["starts"] or end is None or utc(end) != e["ends"]:
            bad.append((lang, slug, "times", str(utc(start)),
                        str(e["starts"])))
        tzid = start.params.get("TZID")
        if tzid not in (e["tz"], None) or (tzid is None and
                                           not start.to_ical().endswith(b"Z")):
            bad.append((lang, slug, "zone", tzid, e["tz"]))
        if str(ev.get("SUMMARY")) != e["title"]:
            bad.append((lang, slug, "SUMMARY", str(ev.get("SUMMARY"))))
        if e["location"] and str(ev.get("LOCATION")) != e["location"]:
            bad.append((lang, slug, "LOCATION", str(ev.get("LOCATION"))))
        lm = ev.get("LAST-MODIFIED")
        if lm is None or utc(lm) != e["updated"]:
            bad.append((lang, slug, "LAST-MODIFIED",
                        lm and str(utc(lm)), str(e["updated"])))
    assert not bad, bad[:10]


def test_uids_stable_and_shared(nginx, ics, events):
    """The UID of an event is the same on every fetch and in its own .ics
    and its language's calendar; the calendar holds only visible events of
    its language, and every upcoming one."""
    responses, fetched = ics
    uid_of = {}
    for (lang, slug) in events:
        r = responses[event_path(lang, slug)]
        if r.status_code == 200:
            uid_of[(lang, slug)] = str(vevents(r)[0].get("UID"))
    assert len(set(uid_of.values())) == len(uid_of), "UIDs not unique"
    owner = {u: k for k, u in uid_of.items()}
    wait = fetched + 2.2 - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    for (lang, slug), uid in uid_of.items():
        again = nginx.get(event_path(lang, slug))
        assert str(vevents(again)[0].get("UID")) == uid
        assert again.content == responses[event_path(lang, slug)].content, \
            "%s changed between fetches" % slug
    for lang in LANGS:
        r = responses["/%s/events.ics" % lang]
        assert r.status_code == 200
        uids = [str(ev.get("UID")) for ev in vevents(r)]
        assert len(uids) == len(set(uids)), "an event twice"
        for u in uids:
            assert u in owner, "%s: UID %s is no visible event's" % (lang, u)
            assert owner[u][0] == lang, "%s lists %r" % (lang, owner[u])
        for (la, slug), e in events.items():
            if la == lang and e["upcoming"]:
                assert uid_of[(la, slug)] in uids, \
                    "%s: upcoming %s not in the calendar" % (lang, slug)
        assert nginx.get("/%s/events.ics" % lang).content == r.content


def test_event_pages_link_their_ics(nginx, events, stack):
    bad = []
    for lang, slug in events:
        path = "/%s/events/%s" % (lang, slug)
        r = nginx.get(path)
        assert r.status_code == 200, path
        hrefs = {path_of(nginx.url(path), h)
                 for h in parse(r).xpath("//main//a/@href")}
        if event_path(lang, slug) not in hrefs:
            bad.append(path)
    assert not bad, "no 'add to calendar' link on %r" % bad[:5]


def test_no_ics_for_hidden_or_other_items(server, db):
    paths = ["/en/events/%s.ics" % s for s in HIDDEN_SLUGS]
    for lang, kind, slug, _ in db.hidden():
        paths.append("/%s/events/%s.ics" % (lang, slug))
    paths += ["/en/events/no-such-event.ics", "/de/events.ics",
              "/en/news/newsroom-in-four-languages.ics",
              "/en/events/newsroom-in-four-languages.ics",
              "/fr/events/no-more-loss-webinar.ics"]
    for p in paths:
        r = server.get(p)
        assert r.status_code == 404, (p, r.status_code)


def test_hidden_events_in_no_calendar(ics, db):
    hidden = db.hidden()
    bad = []
    for path, r in ok(ics).items():
        body = r.content.decode("utf-8")
        unfolded = body.replace("\r\n ", "").replace("\r\n\t", "")
        for lang, kind, slug, title in hidden:
            if slug in unfolded:
                bad.append((path, slug))
    assert not bad, bad


def test_dtstamp_is_utc(ics):
    """DTSTAMP (required) is a UTC date-time, not in the future (that it is
    not "now" is the stable-bytes check of test_uids_stable_and_shared)."""
    for path, r in ok(ics).items():
        for ev in vevents(r):
            d = ev.get("DTSTAMP")
            assert d is not None and d.to_ical().endswith(b"Z"), path
            assert utc(d) <= utcnow()
