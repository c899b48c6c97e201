"""The item list, new items, the workflow and the organisations registry,
over HTTP: every role's allowed and refused status changes, publishing
and scheduling as readers and feed readers see them, archive and purge,
the list's filters, the dashboard, translation drafts, and organisations
whose new name reaches the public pages and the feeds' validators.

Items and organisations are made through the forms, as an editor makes
them, and deleted at the end of the module, so the sample content the
other modules read is left as it was.
"""

import datetime
import time
import urllib.parse

import pytest
import requests

from adminlib import doc, path_of, replace_fields

MARK = "itemtest"


def q(s):
    """A string as a SQL literal (the tests' own text only)."""
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def user_id(stack, login):
    return int(stack.admin_rows(
        "SELECT id FROM users WHERE login = %s" % q(login))[0][0])


def row(stack, iid):
    """status, published_at (or None), version, lang, group_id, author_id,
    slug, title of an item, or None if it does not exist."""
    rows = stack.admin_rows(
        "SELECT status, IFNULL(DATE_FORMAT(published_at, "
        "'%%Y-%%m-%%dT%%H:%%i:%%s'), ''), version, lang, group_id, "
        "IFNULL(author_id, 0), slug, title, kind FROM items WHERE id = %d"
        % iid)
    if not rows:
        return None
    r = rows[0]
    return {"status": r[0], "published_at": r[1] or None,
            "version": int(r[2]), "lang": r[3], "group_id": int(r[4]),
            "author_id": int(r[5]), "slug": r[6], "title": r[7],
            "kind": r[8]}


def audit(stack, action, iid):
    """Details of the audit rows of an action on an item."""
    return [r[0] for r in stack.admin_rows(
        "SELECT detail FROM audit_log WHERE action = %s AND "
        "object_type = 'item' AND object_id = %d ORDER BY id" %
        (q(action), iid))]


def db_now(stack):
    s = stack.admin_rows("SELECT DATE_FORMAT(UTC_TIMESTAMP(), "
                         "'%Y-%m-%dT%H:%i:%s')")[0][0]
    return datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%S")


SEGMENT = {"news": "news", "statement": "statements",
           "case-study": "case-studies", "event": "events"}


def public(stack, iid):
    """The public page of an item (status code and body)."""
    r = row(stack, iid)
    url = "%s/%s/%s/%s" % (stack.base_url, r["lang"], SEGMENT[r["kind"]],
                           r["slug"])
    return requests.get(url, allow_redirects=False, timeout=30,
                        headers={"Accept-Encoding": "identity"})


@pytest.fixture(scope="module")
def made(stack):
    """Ids of the items and organisations this module made; deleted at
    its end."""
    ids = {"items": [], "orgs": []}
    yield ids
    items = ids["items"] + [int(r[0]) for r in stack.admin_rows(
        "SELECT id FROM items WHERE title LIKE '%%%s%%'" % MARK)]
    if items:
        idl = ",".join(str(i) for i in set(items))
        groups = [r[0] for r in stack.admin_rows(
            "SELECT DISTINCT group_id FROM items WHERE id IN (%s)" % idl)]
        stack.admin_sql("DELETE FROM items WHERE id IN (%s)" % idl)
        if groups:
            stack.admin_sql(
                "DELETE FROM translation_groups WHERE id IN (%s) AND id "
                "NOT IN (SELECT group_id FROM items)" % ",".join(groups))
    if ids["orgs"]:
        stack.admin_sql("DELETE FROM organisations WHERE id IN (%s)" %
                        ",".join(str(i) for i in ids["orgs"]))
    stack.admin_sql("UPDATE site_state SET generation = generation + 1, "
                    "changed_at = UTC_TIMESTAMP() WHERE id = 1")


_seq = [0]


def create(a, made, kind="news", lang=None, title=None, **fields):
    """Makes an item through the new-item form as client a; returns its
    id."""
    _seq[0] += 1
    if title is None:
        title = "%s %s number %d" % (MARK, kind, _seq[0])
    path = "/admin/items/new?kind=" + kind + ("&lang=" + lang if lang else "")
    r = a.get(path)
    assert r.status_code == 200, r.text[:2000]
    action, pairs = a.form_fields(r, "//form[@id='edit-form']")
    changes = {"title": title, "summary": "Summary of " + title,
               "body": "The body of " + title + ".\n\nA second paragraph."}
    if lang:
        changes["lang"] = lang
    changes.update(fields)
    pairs = replace_fields(pairs, **changes)
    r = a.post(action, pairs)
    assert r.status_code == 303, (r.status_code, r.text[:3000])
    loc = path_of(r.headers["Location"])
    assert loc.endswith("?done=created"), loc
    iid = int(loc.split("/")[3].split("?")[0])
    made["items"].append(iid)
    return iid


def move(a, stack, iid, to, version=None, when=None):
    """POSTs a status change; returns the response."""
    data = {"to": to,
            "version": str(version if version is not None else
                           row(stack, iid)["version"])}
    if when is not None:
        data["published_at"] = when
    return a.post("/admin/items/%d/status" % iid, data)


def done(r):
    assert r.status_code == 303, (r.status_code, r.text[:2000])
    return urllib.parse.parse_qs(
        urllib.parse.urlsplit(r.headers["Location"]).query)["done"][0]


# --- new items -----------------------------------------------------------

def test_new_item_form_and_create(stack, signed_in, made):
    a = signed_in("aude")
    r = a.get("/admin/items/new?kind=news")
    assert r.status_code == 200
    d = doc(r)
    assert d.xpath("//form[@id='edit-form']/@action")[0].endswith(
        "/admin/items/new")
    for kind in ["case-study", "statement", "event"]:
        r = a.get("/admin/items/new?kind=" + kind + "&lang=es")
        assert r.status_code == 200, kind
        assert doc(r).xpath("//input[@name='kind'][@value='%s']" % kind)
    iid = create(a, made)
    it = row(stack, iid)
    assert it["status"] == "draft"
    assert it["author_id"] == user_id(stack, "aude")
    assert it["lang"] == "en"
    assert audit(stack, "create", iid)
    assert a.get("/admin/items/%d?done=created" % iid).status_code == 200


def test_new_item_refusals(stack, signed_in, made):
    a = signed_in("aude")
    assert a.get("/admin/items/new").status_code == 400
    assert a.get("/admin/items/new?kind=poem").status_code == 400
    assert a.get("/admin/items/new?kind=news&lang=xx").status_code == 400
    t = signed_in("tran")
    # A translator writes in their own languages, the first by default.
    r = t.get("/admin/items/new?kind=news")
    assert r.status_code == 200
    sel = doc(r).xpath("//select[@name='lang']/option[@selected]/@value")
    assert sel in (["fr"], []), sel
    assert t.get("/admin/items/new?kind=news&lang=en").status_code == 403
    iid = create(t, made, lang="fr")
    assert row(stack, iid)["lang"] == "fr"
    # Publishing never happens on creation, whatever the form says.
    iid = create(signed_in("eddie"), made, status="published")
    assert row(stack, iid)["status"] == "draft"


def test_new_item_errors_keep_input(stack, signed_in, made):
    a = signed_in("eddie")
    r = a.get("/admin/items/new?kind=news")
    action, pairs = a.form_fields(r, "//form[@id='edit-form']")
    pairs = replace_fields(pairs, title="", summary="kept summary " + MARK)
    r = a.post(action, pairs)
    assert r.status_code == 422
    assert b"kept summary " + MARK.encode() in r.content
    assert doc(r).xpath("//*[contains(@class, 'error-summary')]")


# --- the workflow, role by role ------------------------------------------

def test_author_transitions(stack, signed_in, made):
    a = signed_in("aude")
    other = signed_in("otto")
    iid = create(a, made)
    # Not theirs: refused.
    assert move(other, stack, iid, "review").status_code == 403
    # Never published by an author.
    assert move(a, stack, iid, "published").status_code == 403
    assert done(move(a, stack, iid, "review")) == "submitted"
    assert row(stack, iid)["status"] == "review"
    assert move(a, stack, iid, "published").status_code == 403
    assert done(move(a, stack, iid, "draft")) == "returned"
    # Nothing to do: refused.
    assert move(a, stack, iid, "draft").status_code == 403
    assert done(move(a, stack, iid, "archived")) == "archived"
    # Restoring is an editor's.
    assert move(a, stack, iid, "draft").status_code == 403
    assert done(move(signed_in("eddie"), stack, iid, "draft")) == \
        "unarchived"
    assert audit(stack, "submit", iid) and audit(stack, "archive", iid)
    assert audit(stack, "unarchive", iid) and audit(stack, "return", iid)
    # An author does not unpublish either.
    e = signed_in("eddie")
    assert done(move(e, stack, iid, "published")) == "published"
    assert move(a, stack, iid, "draft").status_code == 403
    assert move(a, stack, iid, "archived").status_code == 403


def test_translator_transitions(stack, signed_in, made):
    t = signed_in("tran")
    e = signed_in("eddie")
    fr = create(e, made, lang="fr")
    en = create(e, made, lang="en")
    assert move(t, stack, en, "review").status_code == 403
    assert done(move(t, stack, fr, "review")) == "submitted"
    assert move(t, stack, fr, "published").status_code == 403
    assert done(move(t, stack, fr, "draft")) == "returned"
    assert move(t, stack, fr, "archived").status_code == 403


def test_bad_status_requests(stack, signed_in, made):
    e = signed_in("eddie")
    iid = create(e, made)
    assert move(e, stack, iid, "gone").status_code == 400
    r = e.post("/admin/items/%d/status" % iid, {"to": "review"})
    assert r.status_code == 400
    assert move(e, stack, iid, "published", when="tomorrow").status_code \
        == 400
    assert move(e, stack, iid, "published",
                when="2026-02-30T10:00").status_code == 400
    assert move(e, stack, 999999999, "review", version=1).status_code == 404
    assert row(stack, iid)["status"] == "draft"


def test_stale_version_conflict(stack, signed_in, made):
    e = signed_in("eddie")
    iid = create(e, made)
    v = row(stack, iid)["version"]
    assert done(move(e, stack, iid, "review", version=v)) == "submitted"
    r = move(signed_in("edna"), stack, iid, "published", version=v)
    assert r.status_code == 409
    assert row(stack, iid)["status"] == "review"


def test_publish_unpublish_public_and_feed(stack, signed_in, made):
    e = signed_in("eddie")
    title = "%s published news %d" % (MARK, time.time_ns())
    iid = create(e, made, title=title)
    assert public(stack, iid).status_code == 404
    assert done(move(e, stack, iid, "published")) == "published"
    r = public(stack, iid)
    assert r.status_code == 200 and title.encode() in r.content
    feed = requests.get(stack.base_url + "/en/feed.atom", timeout=30)
    assert title.encode() in feed.content
    assert audit(stack, "publish", iid)
    assert done(move(e, stack, iid, "draft")) == "unpublished"
    assert public(stack, iid).status_code == 404
    feed = requests.get(stack.base_url + "/en/feed.atom", timeout=30)
    assert title.encode() not in feed.content
    assert audit(stack, "unpublish", iid)


def test_schedule(stack, signed_in, made):
    e = signed_in("eddie")
    iid = create(e, made)
    later = (db_now(stack) + datetime.timedelta(days=2)).strftime(
        "%Y-%m-%dT%H:%M")
    assert done(move(e, stack, iid, "published", when=later)) == \
        "scheduled"
    it = row(stack, iid)
    assert it["status"] == "published"
    assert it["published_at"] == later + ":00"
    assert public(stack, iid).status_code == 404
    assert audit(stack, "schedule", iid)
    # The dashboard and the list show it as scheduled.
    d = doc(e.get("/admin/"))
    assert d.xpath("//section[@id='dash-scheduled']//a[contains(@href, "
                   "'/admin/items/%d')]" % iid)
    d = doc(e.get("/admin/items/?status=scheduled&lang="))
    assert d.xpath("//a[contains(@href, '/admin/items/%d')]" % iid)
    d = doc(e.get("/admin/items/?status=published&lang="))
    assert not d.xpath("//a[@href='%s/admin/items/%d']" % (stack.base_url,
                                                             iid))

    # A few seconds ahead: it appears by itself when its time comes.
    assert done(move(e, stack, iid, "draft")) == "unpublished"
    soon = db_now(stack) + datetime.timedelta(seconds=4)
    assert done(move(e, stack, iid, "published",
                     when=soon.strftime("%Y-%m-%dT%H:%M:%S"))) == \
        "scheduled"
    assert public(stack, iid).status_code == 404
    deadline = time.time() + 20
    while time.time() < deadline:
        if public(stack, iid).status_code == 200:
            break
        time.sleep(0.5)
    assert public(stack, iid).status_code == 200
    assert db_now(stack) >= soon


def test_archive_and_restore(stack, signed_in, made):
    e = signed_in("eddie")
    iid = create(e, made)
    assert done(move(e, stack, iid, "published")) == "published"
    assert public(stack, iid).status_code == 200
    assert done(move(e, stack, iid, "archived")) == "archived"
    assert public(stack, iid).status_code == 404
    link = "//a[@href='%s/admin/items/%d']" % (stack.base_url, iid)
    assert not doc(e.get("/admin/items/?lang=")).xpath(link)
    page = e.get("/admin/items/?status=archived&lang=")
    assert doc(page).xpath(link)
    # Restored with the archive list's button.
    action, pairs = e.form_fields(
        page, "//form[@action='%s/admin/items/%d/status']" %
        (stack.base_url, iid))
    assert done(e.post(action, pairs, csrf=False)) == "unarchived"
    assert row(stack, iid)["status"] == "draft"
    assert done(move(e, stack, iid, "published")) == "published"
    assert public(stack, iid).status_code == 200


def test_purge(stack, signed_in, made):
    e = signed_in("eddie")
    ad = signed_in("ada")
    title = "%s to be purged %d" % (MARK, time.time_ns())
    iid = create(e, made, title=title)
    assert ad.post("/admin/items/%d/purge" % iid).status_code == 409
    assert done(move(e, stack, iid, "archived")) == "archived"
    assert e.post("/admin/items/%d/purge" % iid).status_code == 403
    assert signed_in("aude").post(
        "/admin/items/%d/purge" % iid).status_code == 403
    # The archive's list offers the button to administrators only.
    purge = "//form[@action='%s/admin/items/%d/purge']" % (stack.base_url,
                                                           iid)
    assert not doc(e.get("/admin/items/?status=archived&lang=")).xpath(
        purge)
    page = ad.get("/admin/items/?status=archived&lang=")
    assert doc(page).xpath(purge)
    action, pairs = ad.form_fields(page, purge)
    gen = stack.admin_rows("SELECT generation FROM site_state")[0][0]
    r = ad.post(action, pairs, csrf=False)
    assert done(r) == "purged"
    assert path_of(r.headers["Location"]).startswith("/admin/items/")
    assert row(stack, iid) is None
    assert stack.admin_rows(
        "SELECT COUNT(*) FROM revisions WHERE item_id = %d" % iid)[0][0] \
        == "0"
    assert any(title in d for d in audit(stack, "purge", iid))
    assert stack.admin_rows("SELECT generation FROM site_state")[0][0] \
        != gen
    assert ad.post("/admin/items/%d/purge" % iid).status_code == 404


# --- the list and the dashboard --------------------------------------------

def list_ids(a, query):
    r = a.get("/admin/items/?" + query)
    assert r.status_code == 200, r.text[:2000]
    ids = set()
    for href in doc(r).xpath("//table//a/@href"):
        p = urllib.parse.urlsplit(href).path
        if p.startswith("/admin/items/") and p[13:].isdigit():
            ids.add(int(p[13:]))
    return ids


def test_list_filters(stack, signed_in, made):
    e = signed_in("eddie")
    word = "zq%d" % (time.time_ns() % 100000000)
    n1 = create(signed_in("aude"), made, title="%s %s 100%% sure" %
                (MARK, word), tags="Filter tag " + word)
    n2 = create(e, made, title="%s %s 100 more" % (MARK, word))
    s1 = create(e, made, kind="statement", lang="fr",
                title="%s %s statement" % (MARK, word))
    assert {n1, n2, s1} <= list_ids(e, "q=" + word + "&lang=")
    assert list_ids(e, "q=" + word + "&kind=news&lang=") >= {n1, n2}
    assert s1 not in list_ids(e, "q=" + word + "&kind=news&lang=")
    assert list_ids(e, "q=" + word + "&lang=fr") == {s1}
    assert list_ids(e, "q=" + word + "&author=%d&lang=" %
                    user_id(stack, "aude")) == {n1}
    # LIKE's wildcards are matched literally.
    assert list_ids(e, "q=" + urllib.parse.quote(word + " 100%") +
                    "&lang=") == {n1}
    assert list_ids(e, "q=" + urllib.parse.quote(word + " 1_0") +
                    "&lang=") == set()
    assert list_ids(e, "tag=filter-tag-" + word + "&lang=") == {n1}
    assert done(move(e, stack, n2, "review")) == "submitted"
    assert list_ids(e, "q=" + word + "&status=review&lang=") == {n2}
    assert list_ids(e, "q=" + word + "&status=draft&lang=") == {n1, s1}
    # A translator's list shows their languages unless asked otherwise;
    # others' items are listed but not linked for editing.
    t = signed_in("tran")
    assert list_ids(t, "q=" + word) == {s1}
    r = t.get("/admin/items/?q=" + word + "&lang=")
    assert word.encode() + b" 100 more" in r.content
    # Bad filters are refused with a message.
    for bad in ["kind=poem", "lang=xx", "status=gone", "author=abc",
                "page=0", "tag=Not%20A%20Slug"]:
        assert e.get("/admin/items/?" + bad).status_code == 400, bad


def test_list_pages(stack, signed_in, made):
    e = signed_in("eddie")
    total = int(stack.admin_rows(
        "SELECT COUNT(*) FROM items WHERE status <> 'archived'")[0][0])
    r = e.get("/admin/items/?lang=")
    d = doc(r)
    cap = " ".join(d.xpath("//table/caption")[0].text_content().split())
    assert cap.startswith("%d item" % total), cap
    if total > 25:
        nxt = d.xpath("//a[@rel='next']/@href")[0]
        r2 = e.get(nxt)
        assert r2.status_code == 200
        assert doc(r2).xpath("//a[@rel='prev']")
        assert not (list_ids(e, "lang=") & list_ids(e, "lang=&page=2"))


def test_dashboard(stack, signed_in, made):
    a = signed_in("otto")
    mine = create(a, made)
    e = signed_in("edna")
    rev = create(e, made)
    assert done(move(e, stack, rev, "review")) == "submitted"
    pub = create(e, made)
    assert done(move(e, stack, pub, "published")) == "published"
    r = a.get("/admin/")
    assert r.status_code == 200
    d = doc(r)
    for s in ["drafts", "review", "scheduled", "recent"]:
        assert d.xpath("//section[@id='dash-%s']/h2" % s), s

    def has(sec, iid):
        return bool(d.xpath("//section[@id='dash-%s']//*[contains(@href, "
                            "'/admin/items/%d')]" % (sec, iid)) or
                    d.xpath("//section[@id='dash-%s']//tr[th[contains(., "
                            "%s)]]" % (sec, repr(row(stack, iid)["title"]))))
    assert has("drafts", mine)
    assert not has("drafts", rev)
    assert has("review", rev)
    assert has("recent", pub)
    kinds = d.xpath("//a[contains(@href, '/admin/items/new?kind=')]/@href")
    for k in ["news", "case-study", "statement", "event"]:
        assert any(h.endswith("kind=" + k) for h in kinds), k


# --- translations ----------------------------------------------------------

def test_translation_draft(stack, signed_in, made):
    e = signed_in("eddie")
    src = create(e, made, kind="statement",
                 title="%s statement to translate" % MARK)
    r = e.post("/admin/items/%d/translate" % src, {"lang": "fr"})
    assert done(r) == "translated"
    fr = int(path_of(r.headers["Location"]).split("/")[3].split("?")[0])
    made["items"].append(fr)
    a, b = row(stack, src), row(stack, fr)
    assert b["lang"] == "fr" and b["status"] == "draft"
    assert b["group_id"] == a["group_id"]
    assert b["title"] == a["title"] and b["kind"] == "statement"
    # A second time: the existing translation opens.
    r = e.post("/admin/items/%d/translate" % src, {"lang": "fr"})
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == "/admin/items/%d" % fr
    # Not a language of the translator's, or not a language at all.
    t = signed_in("tran")
    assert t.post("/admin/items/%d/translate" % src,
                  {"lang": "ru"}).status_code == 403
    assert e.post("/admin/items/%d/translate" % src,
                  {"lang": "xx"}).status_code == 400
    assert e.post("/admin/items/%d/translate" % src,
                  {"lang": "en"}).status_code == 400
    r = t.post("/admin/items/%d/translate" % src, {"lang": "es"})
    assert done(r) == "translated"
    es = int(path_of(r.headers["Location"]).split("/")[3].split("?")[0])
    made["items"].append(es)
    assert row(stack, es)["author_id"] == user_id(stack, "tran")
    assert audit(stack, "translate", es)


# --- organisations ---------------------------------------------------------

def org_id(stack, name):
    rows = stack.admin_rows("SELECT id, slug FROM organisations "
                            "WHERE name = %s" % q(name))
    return (int(rows[0][0]), rows[0][1]) if rows else (None, None)


def test_org_create_validation_and_rights(stack, signed_in, made):
    a = signed_in("aude")
    r = a.get("/admin/orgs/")
    assert r.status_code == 200
    assert doc(r).xpath("//form[@method='post']//input[@name='name']")
    name = "%s Harm Reduction Coalition %d" % (MARK, time.time_ns())
    r = a.post("/admin/orgs/", {"name": name, "short_name": "HRC",
                                "url": "javascript:alert(1)"})
    assert r.status_code == 422
    assert doc(r).xpath("//*[@id='f-url'][@aria-invalid='true']")
    assert name.encode() in r.content
    assert a.post("/admin/orgs/", {"name": "", "url": ""}).status_code == \
        422
    r = a.post("/admin/orgs/", {"name": name, "short_name": "HRC",
                                "url": "https://hrc.example.org/"})
    assert done(r) == "created"
    oid, slug = org_id(stack, name)
    made["orgs"].append(oid)
    assert slug.startswith("itemtest-harm-reduction-coalition")
    # The same name again gets a slug of its own.
    assert done(a.post("/admin/orgs/", {"name": name})) == "created"
    twin = [int(x[0]) for x in stack.admin_rows(
        "SELECT id FROM organisations WHERE name = %s AND id <> %d"
        % (q(name), oid))]
    made["orgs"].extend(twin)
    assert stack.admin_rows("SELECT slug FROM organisations WHERE id = %d"
                            % twin[0])[0][0] == slug + "-2"
    assert stack.admin_rows(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'org-create' AND "
        "object_id = %d" % oid)[0][0] == "1"
    # Authors add, but do not edit.
    assert a.get("/admin/orgs/%d" % oid).status_code == 403
    assert a.post("/admin/orgs/%d" % oid, {"name": "x"}).status_code == 403
    e = signed_in("eddie")
    assert e.get("/admin/orgs/%d" % oid).status_code == 200
    assert e.get("/admin/orgs/999999999").status_code == 404
    r = e.post("/admin/orgs/%d" % oid, {"name": name, "url": "ftp://x"})
    assert r.status_code == 422


def test_org_rename_reaches_pages_and_feeds(stack, signed_in, made):
    e = signed_in("eddie")
    name = "%s Network of Peers %d" % (MARK, time.time_ns())
    assert done(e.post("/admin/orgs/", {"name": name})) == "created"
    oid, slug = org_id(stack, name)
    made["orgs"].append(oid)
    sid = create(e, made, kind="statement",
                 title="%s statement signed %d" % (MARK, oid),
                 sig_org=str(oid), sig_role="co-signatory")
    assert done(move(e, stack, sid, "published")) == "published"
    r = public(stack, sid)
    assert r.status_code == 200 and name.encode() in r.content
    feed = stack.base_url + "/en/statements/feed.atom"
    etag = requests.get(feed, timeout=30).headers.get("ETag")
    org_feed = stack.base_url + "/en/organisations/%s/feed.atom" % slug
    org_etag = requests.get(org_feed, timeout=30).headers.get("ETag")
    v = row(stack, sid)["version"]

    new = name.replace("Network of Peers", "Peer Network")
    r = e.post("/admin/orgs/%d" % oid, {"name": new, "short_name": "PN",
                                        "url": "https://pn.example.org/"})
    assert done(r) == "saved"
    assert org_id(stack, new) == (oid, slug)       # the slug stays
    r = public(stack, sid)
    assert new.encode() in r.content and name.encode() not in r.content
    assert requests.get(feed, timeout=30).headers.get("ETag") != etag
    r = requests.get(org_feed, timeout=30)
    assert r.status_code == 200 and r.headers.get("ETag") != org_etag
    assert row(stack, sid)["version"] == v + 1
    assert stack.admin_rows(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'org-update' AND "
        "object_id = %d" % oid)[0][0] == "1"
    # Saving it unchanged writes nothing.
    assert done(e.post("/admin/orgs/%d" % oid, {
        "name": new, "short_name": "PN",
        "url": "https://pn.example.org/"})) == "saved"
    assert row(stack, sid)["version"] == v + 1
