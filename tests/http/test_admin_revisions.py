"""Revisions: every save leaves one, the list shows them, the diff shows
what changed line by line, and a restore brings old content back as a new
revision without touching the workflow (status, publication time).  Who
may edit an item may read its history; nobody else.

The items of this module are made here and deleted at the end, so the
sample content the other modules read is left as it was.  Saves go
through the edit form when it is there; otherwise (the edit form not yet
in the build) a save is written as db_edit_save() writes one: the row,
its version and a revision with the snapshot.
"""

import json

import pytest
import requests

from adminlib import doc, path_of

MARK = "revtest"


def q(s):
    """A string as a SQL literal (the tests' own text only)."""
    if s is None:
        return "NULL"
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def user_id(stack, login):
    return int(stack.admin_rows(
        "SELECT id FROM users WHERE login = %s" % q(login))[0][0])


def item_row(stack, iid):
    cols = ["kind", "lang", "group_id", "slug", "title", "summary",
            "body_md", "hashtag", "byline", "status", "published_at",
            "author_id", "version"]
    rows = stack.admin_rows(
        "SELECT kind, lang, group_id, slug, title, summary, body_md, "
        "hashtag, byline, status, "
        "DATE_FORMAT(published_at, '%%Y-%%m-%%dT%%H:%%i:%%sZ'), "
        "author_id, version FROM items WHERE id = %d" % iid)
    assert rows, iid
    row = dict(zip(cols, [None if v == "NULL" else v for v in rows[0]]))
    for k in ("group_id", "author_id", "version"):
        row[k] = int(row[k]) if row[k] is not None else None
    return row


def snapshot(row, media=(), sigs=()):
    """The snapshot of a row, in item_snapshot.c's form."""
    return json.dumps({
        "kind": row["kind"], "lang": row["lang"],
        "group_id": row["group_id"], "slug": row["slug"],
        "title": row["title"], "summary": row["summary"],
        "body_md": row["body_md"], "hashtag": row["hashtag"],
        "byline": row["byline"], "status": row["status"],
        "published_at": row["published_at"],
        "author_id": row["author_id"], "tags": [], "media": list(media),
        "signatories": list(sigs)}, indent=1, ensure_ascii=False)


def add_revision(stack, iid, row, uid, note):
    stack.admin_sql(
        "INSERT INTO revisions (item_id, version, user_id, created_at, "
        "note, snapshot) VALUES (%d, %d, %s, UTC_TIMESTAMP(), %s, %s)"
        % (iid, row["version"], uid if uid else "NULL", q(note),
           q(snapshot(row))))


def revisions(stack, iid):
    """(id, version, note, snapshot) of the item's revisions, oldest
    first."""
    rows = stack.admin_rows(
        "SELECT id, version, note, snapshot FROM revisions "
        "WHERE item_id = %d ORDER BY version" % iid)
    return [(int(r[0]), int(r[1]), r[2], json.loads(r[3])) for r in rows]


@pytest.fixture(scope="module")
def made(stack):
    """Ids of the items this module made; deleted at its end."""
    ids = []
    yield ids
    if ids:
        idl = ",".join(str(i) for i in ids)
        groups = [r[0] for r in stack.admin_rows(
            "SELECT DISTINCT group_id FROM items WHERE id IN (%s)" % idl)]
        stack.admin_sql("DELETE FROM items WHERE id IN (%s)" % idl)
        if groups:
            stack.admin_sql("DELETE FROM translation_groups WHERE id IN "
                            "(%s)" % ",".join(groups))
        stack.admin_sql("UPDATE site_state SET generation = generation + "
                        "1, changed_at = UTC_TIMESTAMP() WHERE id = 1")


def new_item(stack, made, slug, title, body, author=None,
             status="draft", published=False, kind="news"):
    """Makes an item in English with revision 1; returns its id."""
    aid = user_id(stack, author) if author else None
    stack.admin_sql(
        "INSERT INTO translation_groups (created_at) "
        "VALUES (UTC_TIMESTAMP()); "
        "INSERT INTO items (kind, lang, group_id, slug, title, summary, "
        "body_md, body_html, status, published_at, author_id, version, "
        "created_at, updated_at) VALUES (%s, 'en', LAST_INSERT_ID(), "
        "%s, %s, %s, %s, %s, %s, %s, %s, 1, UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP())" % (
            q(kind), q(slug), q(title), q("Summary of " + title), q(body),
            q("<p>" + body.split("\n")[0] + "</p>"), q(status),
            "UTC_TIMESTAMP() - INTERVAL 1 DAY" if published else "NULL",
            aid if aid else "NULL"))
    iid = int(stack.admin_rows(
        "SELECT id FROM items WHERE lang = 'en' AND kind = %s AND "
        "slug = %s" % (q(kind), q(slug)))[0][0])
    made.append(iid)
    add_revision(stack, iid, item_row(stack, iid), aid, "Created")
    return iid


# The edit form's names of the fields save() changes.
FORM_NAMES = {"body_md": "body", "title": "title"}
EDIT_FORM = "//form[@method='post'][.//textarea[@name='body']]"


def edit_form_ready(client, iid):
    r = client.get("/admin/items/%d" % iid)
    return r.status_code == 200 and doc(r).xpath(EDIT_FORM)


def save(stack, client, iid, **changes):
    """Saves the item with the fields changed, as client; returns the
    new version."""
    if edit_form_ready(client, iid):
        action, pairs = client.form_fields("/admin/items/%d" % iid,
                                           EDIT_FORM)
        byform = {FORM_NAMES[k]: v for k, v in changes.items()}
        pairs = [(k, byform.get(k, v)) for k, v in pairs
                 if k != "_csrf"]
        r = client.post(action, pairs)
        assert r.status_code == 303, (r.status_code, r.text[:3000])
    else:
        row = item_row(stack, iid)
        row.update(changes)
        row["version"] += 1
        stack.admin_sql(
            "UPDATE items SET title = %s, body_md = %s, version = %d, "
            "updated_at = UTC_TIMESTAMP() WHERE id = %d"
            % (q(row["title"]), q(row["body_md"]), row["version"], iid))
        add_revision(stack, iid, row, user_id(stack, client.login_name),
                     "")
    return item_row(stack, iid)["version"]


def words(resp):
    return " ".join(doc(resp).text_content().split())


BODY1 = ("The river board met on Tuesday.\n\n"
         "Fishers asked for a seat at the table.\n\n"
         "The next meeting is in spring.\n")
BODY2 = BODY1.replace("a seat at the table", "two seats on the board")
BODY3 = BODY2 + "\nMinutes will be posted online.\n"


def test_saves_make_revisions_the_list_shows(stack, made, signed_in):
    ed = signed_in("eddie")
    iid = new_item(stack, made, MARK + "-list", "River board notes",
                   BODY1)
    assert save(stack, ed, iid, body_md=BODY2) == 2
    assert save(stack, ed, iid, body_md=BODY3) == 3
    revs = revisions(stack, iid)
    assert [v for _, v, _, _ in revs] == [1, 2, 3]
    assert revs[2][3]["body_md"].replace("\r\n", "\n") == BODY3

    r = ed.get("/admin/items/%d/revisions" % iid)
    assert r.status_code == 200, r.text[:2000]
    assert r.headers["Cache-Control"] == "no-store"
    d = doc(r)
    assert "River board notes" in d.xpath("string(//h1)")
    rows = d.xpath("//table[contains(@class, 'revisions')]/tbody/tr")
    assert len(rows) == 3
    # Newest first; the current one is marked and has no restore button.
    assert rows[0].xpath("string(td[3])").strip() == "3 (current)"
    assert rows[2].xpath("string(td[3])").strip() == "1"
    assert "Created" in rows[2].text_content()
    assert "Eddie Test" in rows[0].text_content()
    assert not rows[0].xpath(".//form")
    # The compare form: a GET form with from/to radios, the newest two
    # chosen; restore buttons are POST forms with the CSRF token.
    form = d.xpath("//form[@id='compare']")[0]
    assert form.get("method") == "get"
    assert form.get("action").endswith("/admin/items/%d/diff" % iid)
    checked_a = d.xpath("//input[@name='a'][@checked]/@value")
    checked_b = d.xpath("//input[@name='b'][@checked]/@value")
    assert checked_a == [str(revs[1][0])]
    assert checked_b == [str(revs[2][0])]
    for row in rows[1:]:
        f = row.xpath(".//form[@method='post']")[0]
        assert f.get("action").endswith("/admin/items/%d/restore" % iid)
        assert f.xpath(".//input[@name='_csrf']/@value")
        assert "Restore this revision" in f.text_content()


def test_diff_shows_the_changed_line(stack, made, signed_in):
    ed = signed_in("eddie")
    iid = new_item(stack, made, MARK + "-diff", "Harbour report", BODY1)
    save(stack, ed, iid, body_md=BODY2, title="Harbour report, revised")
    revs = revisions(stack, iid)
    r = ed.get("/admin/items/%d/diff?a=%d&b=%d"
               % (iid, revs[0][0], revs[1][0]))
    assert r.status_code == 200, r.text[:2000]
    d = doc(r)
    body = d.xpath("//section[@id='field-body']")[0]
    dels = [x.text_content() for x in body.xpath(".//del")]
    inss = [x.text_content() for x in body.xpath(".//ins")]
    assert dels == ["- Fishers asked for a seat at the table."]
    assert inss == ["+ Fishers asked for two seats on the board."]
    # Unchanged lines around the change are shown as context.
    assert "The river board met on Tuesday." in body.text_content()
    # The title changed by words.
    title = d.xpath("//section[@id='field-title']")[0]
    assert [x.text_content() for x in title.xpath(".//del")] == \
        ["report"]
    assert [x.text_content() for x in title.xpath(".//ins")] == \
        ["report, revised"]
    # Fields that did not change are named, not shown.
    assert "Unchanged:" in words(r) and "Summary" in \
        d.xpath("string(//p[@class='unchanged'])")
    # Both ways round.
    r = ed.get("/admin/items/%d/diff?a=%d&b=%d"
               % (iid, revs[1][0], revs[0][0]))
    body = doc(r).xpath("//section[@id='field-body']")[0]
    assert [x.text_content() for x in body.xpath(".//ins")] == \
        ["+ Fishers asked for a seat at the table."]
    # A revision against itself: nothing changed.
    r = ed.get("/admin/items/%d/diff?a=%d&b=%d"
               % (iid, revs[0][0], revs[0][0]))
    assert r.status_code == 200
    assert "These two revisions have the same content." in words(r)


def test_restore_brings_back_the_text(stack, made, signed_in):
    ed = signed_in("eddie")
    slug = MARK + "-restore"
    iid = new_item(stack, made, slug, "Delta water survey", BODY1,
                   status="published", published=True)
    save(stack, ed, iid, body_md=BODY2)
    before = item_row(stack, iid)
    revs = revisions(stack, iid)
    assert len(revs) == 2

    # The restore button of revision 1, as the list shows it.
    page = ed.get("/admin/items/%d/revisions" % iid)
    action, pairs = ed.form_fields(
        page, "//form[@method='post'][.//input[@name='revision']"
        "[@value='%d']]" % revs[0][0])
    r = ed.post(action, [p for p in pairs if p[0] != "_csrf"])
    assert r.status_code == 303, r.text[:2000]
    assert path_of(r.headers["Location"]) == \
        "/admin/items/%d?done=restored" % iid

    after = item_row(stack, iid)
    assert after["version"] == 3
    assert after["body_md"].replace("\r\n", "\n") == BODY1
    # The workflow is untouched.
    assert after["status"] == "published"
    assert after["published_at"] == before["published_at"]
    revs = revisions(stack, iid)
    assert [v for _, v, _, _ in revs] == [1, 2, 3]
    assert revs[2][2] == "Restored revision 1"
    assert revs[2][3]["body_md"] == BODY1
    audit = stack.admin_rows(
        "SELECT action, object_type FROM audit_log WHERE object_id = %d "
        "AND action = 'restore'" % iid)
    assert audit == [["restore", "item"]]

    # The public page shows the restored text (rendered by the save).
    pub = requests.get(stack.base_url + "/en/news/" + slug,
                       allow_redirects=False, timeout=30)
    assert pub.status_code == 200
    text = " ".join(doc(pub).text_content().split())
    assert "Fishers asked for a seat at the table." in text
    assert "two seats on the board" not in text


def test_restore_never_publishes(stack, made, signed_in):
    """A revision saved while the item was published, restored when it
    is a draft again, leaves it a draft."""
    ed = signed_in("eddie")
    slug = MARK + "-unpublished"
    iid = new_item(stack, made, slug, "Withdrawn notice", BODY1,
                   status="published", published=True)
    save(stack, ed, iid, body_md=BODY2)
    stack.admin_sql("UPDATE items SET status = 'draft' WHERE id = %d"
                    % iid)
    revs = revisions(stack, iid)
    assert revs[0][3]["status"] == "published"
    r = ed.post("/admin/items/%d/restore" % iid,
                {"revision": str(revs[0][0])})
    assert r.status_code == 303, r.text[:2000]
    row = item_row(stack, iid)
    assert row["status"] == "draft"
    assert row["body_md"].replace("\r\n", "\n") == BODY1
    pub = requests.get(stack.base_url + "/en/news/" + slug,
                       allow_redirects=False, timeout=30)
    assert pub.status_code == 404


def test_restore_with_a_stale_page_is_a_conflict(stack, made, signed_in):
    ed = signed_in("eddie")
    iid = new_item(stack, made, MARK + "-stale", "Stale page", BODY1)
    save(stack, ed, iid, body_md=BODY2)
    revs = revisions(stack, iid)
    r = ed.post("/admin/items/%d/restore" % iid,
                {"revision": str(revs[0][0]), "version": "1"})
    assert r.status_code == 409
    assert "saved this item" in words(r)
    assert item_row(stack, iid)["version"] == 2


def test_who_may_see_revisions(stack, made, signed_in):
    iid = new_item(stack, made, MARK + "-otto", "Otto's draft", BODY1,
                   author="otto")
    revs = revisions(stack, iid)
    other = signed_in("aude")
    for path in ["/admin/items/%d/revisions" % iid,
                 "/admin/items/%d/diff?a=%d&b=%d"
                 % (iid, revs[0][0], revs[0][0])]:
        assert other.get(path).status_code == 403, path
    r = other.post("/admin/items/%d/restore" % iid,
                   {"revision": str(revs[0][0])})
    assert r.status_code == 403
    # A translator for French and Spanish, on an English item.
    assert signed_in("tran").get(
        "/admin/items/%d/revisions" % iid).status_code == 403
    # The author and editors may.
    otto = signed_in("otto")
    r = otto.get("/admin/items/%d/revisions" % iid)
    assert r.status_code == 200
    assert signed_in("editor").get(
        "/admin/items/%d/revisions" % iid).status_code == 200
    # Not signed in: to the sign-in page.
    anon = requests.get(stack.base_url + "/admin/items/%d/revisions" % iid,
                        allow_redirects=False, timeout=30)
    assert anon.status_code == 303


def test_bad_revision_ids(stack, made, signed_in):
    ed = signed_in("eddie")
    a = new_item(stack, made, MARK + "-bad-a", "First of two", BODY1)
    b = new_item(stack, made, MARK + "-bad-b", "Second of two", BODY1)
    ra = revisions(stack, a)[0][0]
    rb = revisions(stack, b)[0][0]
    for query in ["", "?a=%d" % ra, "?a=x&b=%d" % ra, "?a=%d&b=-1" % ra,
                  "?a=0&b=%d" % ra, "?a=1e3&b=%d" % ra,
                  "?a=%d&b=99999999999999999999" % ra]:
        r = ed.get("/admin/items/%d/diff%s" % (a, query))
        assert r.status_code == 400, query
    # Another item's revision, or none at all.
    assert ed.get("/admin/items/%d/diff?a=%d&b=%d"
                  % (a, ra, rb)).status_code == 404
    assert ed.get("/admin/items/%d/diff?a=%d&b=%d"
                  % (a, 999999, ra)).status_code == 404
    assert ed.get("/admin/items/999999/revisions").status_code == 404
    assert ed.get("/admin/items/%d/revisions?page=0"
                  % a).status_code == 400
    assert ed.get("/admin/items/%d/revisions?page=9"
                  % a).status_code == 404
    for bad in ["", "abc", "-4", "0"]:
        r = ed.post("/admin/items/%d/restore" % a, {"revision": bad})
        assert r.status_code == 400, bad
    r = ed.post("/admin/items/%d/restore" % a, {"revision": str(rb)})
    assert r.status_code == 404
    assert item_row(stack, a)["version"] == 1
    assert item_row(stack, b)["version"] == 1
    # A damaged snapshot is reported, not shown half.
    stack.admin_sql("UPDATE revisions SET snapshot = 'not json' "
                    "WHERE id = %d" % rb)
    r = ed.get("/admin/items/%d/diff?a=%d&b=%d" % (b, rb, rb))
    assert r.status_code == 500
    assert "damaged" in words(r)


def test_revisions_of_imported_items(stack, made, signed_in):
    """The importer's snapshots name files and organisations instead of
    numbering them: they compare equal to the same links saved since,
    and a restore keeps the links that still exist."""
    ed = signed_in("eddie")
    mid, mname = stack.admin_rows(
        "SELECT id, original_name FROM media ORDER BY id LIMIT 1")[0]
    oid, oslug, oname = stack.admin_rows(
        "SELECT id, slug, name FROM organisations ORDER BY id LIMIT 1")[0]
    slug = MARK + "-imported"
    iid = new_item(stack, made, slug, "Joint letter on water", BODY1,
                   kind="statement")
    stack.admin_sql(
        "INSERT INTO item_media (item_id, media_id, role, position) "
        "VALUES (%d, %s, 'attachment', 0); "
        "INSERT INTO signatories (item_id, org_id, role, signed_on, "
        "position) VALUES (%d, %s, 'co-signatory', '2026-01-15', 0)"
        % (iid, mid, iid, oid))
    row = item_row(stack, iid)
    imported = {
        "id": iid, "kind": "statement", "lang": "en", "group": slug,
        "slug": slug, "title": row["title"], "summary": row["summary"],
        "body_md": BODY1, "hashtag": None, "byline": None,
        "status": "draft", "published_at": None, "entry_id": None,
        "tags": [],
        "signatories": [{"org": oslug, "role": "co-signatory",
                         "signed_on": "2026-01-15T00:00:00Z"}],
        "media": [{"role": "attachment", "file": mname, "alt": None,
                   "caption": None, "credit": None},
                  {"role": "attachment", "file": "gone-" + MARK + ".pdf",
                   "alt": None, "caption": None, "credit": None}]}
    stack.admin_sql("UPDATE revisions SET snapshot = %s WHERE item_id = "
                    "%d AND version = 1"
                    % (q(json.dumps(imported, sort_keys=True)), iid))
    # Version 2, as the edit form saves it: ids, and a new body.
    row["body_md"] = BODY2
    row["version"] = 2
    stack.admin_sql("UPDATE items SET body_md = %s, version = 2 "
                    "WHERE id = %d" % (q(BODY2), iid))
    stack.admin_sql(
        "INSERT INTO revisions (item_id, version, user_id, created_at, "
        "note, snapshot) VALUES (%d, 2, NULL, UTC_TIMESTAMP(), '', %s)"
        % (iid, q(snapshot(
            row,
            media=[{"media_id": int(mid), "role": "attachment",
                    "alt": None, "caption": None, "credit": None}],
            sigs=[{"org_id": int(oid), "role": "co-signatory",
                   "signed_on": "2026-01-15"}]))))
    revs = revisions(stack, iid)

    r = ed.get("/admin/items/%d/diff?a=%d&b=%d"
               % (iid, revs[0][0], revs[1][0]))
    assert r.status_code == 200, r.text[:2000]
    d = doc(r)
    assert d.xpath("//section[@id='field-body']")
    assert not d.xpath("//section[@id='field-signatories']")
    assert "Signatories" in d.xpath("string(//p[@class='unchanged'])")
    # The file that no longer exists is the only change of the files.
    files = d.xpath("//section[@id='field-media']")[0]
    assert [x.text_content() for x in files.xpath(".//del")] == \
        ["- attachment: gone-%s.pdf (no longer in the library)" % MARK]
    assert not files.xpath(".//ins")
    assert "%s (#%s)" % (mname, mid) in files.text_content()

    r = ed.post("/admin/items/%d/restore" % iid,
                {"revision": str(revs[0][0]), "version": "2"})
    assert r.status_code == 303, r.text[:2000]
    after = item_row(stack, iid)
    assert after["version"] == 3
    assert after["body_md"].replace("\r\n", "\n") == BODY1
    assert stack.admin_rows(
        "SELECT media_id, role FROM item_media WHERE item_id = %d" % iid) \
        == [[mid, "attachment"]]
    assert stack.admin_rows(
        "SELECT org_id, role, signed_on FROM signatories "
        "WHERE item_id = %d" % iid) == [[oid, "co-signatory", "2026-01-15"]]
    revs = revisions(stack, iid)
    assert revs[2][2] == ("Restored revision 1; left out 1 link(s) to "
                          "files or organisations that no longer exist")
    assert revs[2][3]["media"][0]["media_id"] == int(mid)
    assert revs[2][3]["signatories"][0]["org_id"] == int(oid)
