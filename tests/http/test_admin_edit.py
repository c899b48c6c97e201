"""The edit form (src/admin_edit.c, src/db_edit.c): items of every kind
created and edited through the forms as a browser sends them; every
field's validation answered 422 with the message beside the field and the
input kept; a stale version answered 409 with both texts and the editor's
own form, which saves when sent again; slugs derived (Cyrillic
transliterated), unique, and redirecting from a former one; who may edit
what; and the saved fields on the public site.

The items, organisations and tags of this module are made here and
deleted at its end, so the sample content the other modules read is left
as it was.
"""

import re

import pytest

from adminlib import Admin, doc, replace_fields

MARK = "edittest"
FORM = "//form[@id='edit-form']"


def q(s):
    """A string as a SQL literal (the tests' own text only)."""
    if s is None:
        return "NULL"
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"


def one(stack, query):
    rows = stack.admin_rows(query)
    assert rows, query
    return rows[0]


def item(stack, iid):
    cols = ["kind", "lang", "slug", "title", "summary", "body_md",
            "body_html", "hashtag", "byline", "status", "version",
            "author_id", "entry_id"]
    r = one(stack, "SELECT kind, lang, slug, title, summary, body_md, "
            "body_html, hashtag, byline, status, version, author_id, "
            "entry_id FROM items WHERE id = %d" % iid)
    d = dict(zip(cols, [None if v == "NULL" else v for v in r]))
    d["version"] = int(d["version"])
    return d


def generation(stack):
    return int(one(stack, "SELECT generation FROM site_state")[0])


@pytest.fixture(scope="module")
def made(stack):
    """Ids of the items this module made; deleted at its end with the
    organisations and tags it created."""
    ids = []
    yield ids
    if ids:
        idl = ",".join(str(i) for i in ids)
        groups = [r[0] for r in stack.admin_rows(
            "SELECT DISTINCT group_id FROM items WHERE id IN (%s)" % idl)]
        stack.admin_sql("DELETE FROM items WHERE id IN (%s)" % idl)
        if groups:
            stack.admin_sql(
                "DELETE FROM translation_groups WHERE id IN (%s) AND id "
                "NOT IN (SELECT group_id FROM items)" % ",".join(groups))
    stack.admin_sql("DELETE FROM organisations WHERE name LIKE '%s%%'"
                    % MARK.capitalize())
    stack.admin_sql("DELETE FROM tags WHERE name LIKE '%s%%' AND id NOT IN "
                    "(SELECT tag_id FROM item_tags)" % MARK)
    stack.admin_sql("DELETE FROM media WHERE original_name LIKE '%s%%'"
                    % MARK)
    stack.admin_sql("UPDATE site_state SET generation = generation + 1, "
                    "changed_at = UTC_TIMESTAMP() WHERE id = 1")


def client(stack, users, login):
    a = Admin(stack)
    r = a.sign_in(users[login])
    assert r.status_code == 303, (r.status_code, r.text[:1000])
    return a


@pytest.fixture(scope="module")
def editor(stack, users):
    return client(stack, users, "eddie")


def set_rows(pairs, name, values):
    """pairs with the i-th value of the repeated field name set to
    values[i] (None leaves one as it is)."""
    out, i = [], 0
    for k, v in pairs:
        if k == name:
            if i < len(values) and values[i] is not None:
                v = values[i]
            i += 1
        out.append((k, v))
    assert i >= len(values), (name, i, len(values))
    return out


def form(c, path):
    r = c.get(path)
    assert r.status_code == 200, (r.status_code, r.text[:2000])
    return c.form_fields(r, FORM)


def create(c, made, kind, title, lang="en", rows=None, **changes):
    """Makes an item through the new-item form; returns its id."""
    action, pairs = form(c, "/admin/items/new?kind=%s&lang=%s"
                         % (kind, lang))
    pairs = replace_fields(pairs, title=title, **changes)
    for name, values in (rows or {}).items():
        pairs = set_rows(pairs, name, values)
    r = c.post(action, pairs)
    assert r.status_code == 303, (r.status_code, r.text[:3000])
    m = re.search(r"/admin/items/(\d+)", r.headers["Location"])
    iid = int(m.group(1))
    made.append(iid)
    return iid


def edit(c, iid, rows=None, **changes):
    """Sends the item's edit form with changes; returns the response."""
    action, pairs = form(c, "/admin/items/%d" % iid)
    assert action.endswith("/admin/items/%d" % iid)
    pairs = replace_fields(pairs, **changes)
    for name, values in (rows or {}).items():
        pairs = set_rows(pairs, name, values)
    return c.post(action, pairs)


def edit_as(c, owner, iid, **changes):
    """c sends the item's form as owner's page has it: for users who may
    not even read the form, which is refused to them."""
    action, pairs = form(owner, "/admin/items/%d" % iid)
    return c.post(action, replace_fields(pairs, **changes))


def saved(r, iid):
    assert r.status_code == 303, (r.status_code, r.text[:3000])
    assert r.headers["Location"].endswith(
        "/admin/items/%d?done=saved" % iid)


def value_of(d, fid):
    """What the form shows in the field with id fid."""
    el = d.xpath("//*[@id='%s']" % fid)
    assert el, fid
    el = el[0]
    if el.tag == "textarea":
        return el.text or ""
    if el.tag == "select":
        sel = el.xpath(".//option[@selected]")
        return sel[0].get("value") if sel else ""
    return el.get("value", "")


def assert_error(r, field, kept=None, kept_id=None):
    """A 422 with the message beside field and in the summary, and the
    field (id kept_id, default f-field) still holding kept."""
    assert r.status_code == 422, (field, r.status_code, r.text[:2000])
    d = doc(r)
    beside = d.xpath("//p[@class='field-error'][@id='e-%s']" % field)
    assert beside, (field, [e.text_content() for e in
                            d.xpath("//p[@class='field-error']")])
    assert d.xpath("//div[@class='error-summary']//a[@href='#f-%s']"
                   % field), field
    assert d.xpath("//*[@id='f-%s']" % field), field
    if kept is not None:
        assert value_of(d, kept_id or "f-" + field) == kept, field
    return d


def orgs(stack, n=2):
    rows = stack.admin_rows("SELECT id, name FROM organisations "
                            "ORDER BY id LIMIT %d" % n)
    assert len(rows) == n, "the sample has organisations"
    return [(int(r[0]), r[1]) for r in rows]


def publish(c, stack, iid, when=""):
    v = item(stack, iid)["version"]
    r = c.post("/admin/items/%d/status" % iid,
               {"to": "published", "version": str(v),
                "published_at": when})
    assert r.status_code == 303, (r.status_code, r.text[:2000])


EVENT = dict(tz="Europe/Paris", starts_date="2031-07-21",
             starts_time="16:00", ends_date="2031-07-21", ends_time="17:30",
             location="Online", spoken="en", interpreted="fr, es, ru",
             online_url="https://meet.example.org/room",
             registration_url="https://example.org/register")


@pytest.fixture(scope="module")
def items(editor, made):
    """One draft of each kind, by the editor."""
    return {
        "news": create(editor, made, "news", MARK + " news",
                       hashtag="EditTest"),
        "case-study": create(editor, made, "case-study",
                             MARK + " case study"),
        "statement": create(editor, made, "statement",
                            MARK + " statement"),
        "event": create(editor, made, "event", MARK + " event", **EVENT),
    }


def test_form_has_every_field_of_each_kind(editor, items):
    common = ["title", "slug", "summary", "body", "tags", "byline",
              "published_at", "media_id-1", "media_role-1", "media_alt-1",
              "media_caption-1", "media_credit-1", "media_order-1"]
    per_kind = {
        "news": ["hashtag"],
        "case-study": [],
        "statement": ["sig_org-1", "sig_role-1", "sig_signed-1",
                      "sig_order-1", "sig_org-2", "neworg_name",
                      "neworg_short", "neworg_url"],
        "event": ["tz", "starts_date", "starts_time", "ends_date",
                  "ends_time", "location", "online_url",
                  "registration_url", "spoken", "interpreted",
                  "sp_name-1", "sp_role-1", "sp_part-1", "sp_org-1",
                  "sp_chair-1", "sp_order-1", "sp_name-2"],
    }
    for kind, iid in items.items():
        r = editor.get("/admin/items/%d" % iid)
        assert r.status_code == 200
        d = doc(r)
        f = d.xpath(FORM)[0]
        assert f.xpath(".//input[@name='version']/@value") == ["1"]
        assert f.xpath(".//input[@name='_csrf']")
        for name in common + per_kind[kind]:
            el = f.xpath(".//*[@id='f-%s']" % name)
            assert el, (kind, name)
            # Every field has a label.
            assert d.xpath("//label[@for='f-%s']" % name), (kind, name)
        assert not f.xpath(".//*[@id='f-hashtag']") or kind == "news"
        # The preview button opens the unsaved form in a new tab.
        pv = f.xpath(".//button[@formaction]")[0]
        assert pv.get("formaction").endswith("/admin/items/%d/preview"
                                             % iid)
        assert pv.get("formtarget") == "_blank"
        # admin.js enhances, deferred; the form works without it.
        assert any(s.endswith("/admin.js") for s in
                   d.xpath("//script[@defer]/@src"))
        assert not d.xpath("//script[not(@src)]")
        # Fieldsets with legends group the fields.
        assert len(f.xpath(".//fieldset/legend")) >= 3
        # Revisions link; status buttons are forms of their own.
        assert d.xpath("//a[contains(@href, '/admin/items/%d/revisions')]"
                       % iid)
        assert d.xpath("//form[contains(@action, '/admin/items/%d/status')]"
                       "//input[@name='to'][@value='review']" % iid)
        assert d.xpath("//form[contains(@action, '/admin/items/%d/"
                       "translate')]//select[@name='lang']" % iid)


def test_save_news_every_field(stack, editor, items):
    iid = items["news"]
    g = generation(stack)
    r = edit(editor, iid, title=MARK + " Harm reduction saves lives",
             summary="Peers lead the way.\r\nSecond line.",
             body="## Heading\r\n\r\nA *first* paragraph.\r\n",
             tags=MARK + " peers, " + MARK + " Peers, " + MARK + " rights",
             hashtag="#SupportDontPunish", byline="A. Writer")
    saved(r, iid)
    it = item(stack, iid)
    assert it["title"] == MARK + " Harm reduction saves lives"
    assert it["summary"] == "Peers lead the way.\nSecond line."
    assert it["body_md"] == "## Heading\n\nA *first* paragraph.\n"
    assert "<h2>" in it["body_html"] and "<em>first</em>" in \
        it["body_html"]
    assert it["hashtag"] == "SupportDontPunish"
    assert it["byline"] == "A. Writer"
    assert it["version"] == 2
    # Two spellings of one tag are one tag.
    tags = sorted(r[0] for r in stack.admin_rows(
        "SELECT t.name FROM item_tags it JOIN tags t ON t.id = it.tag_id "
        "WHERE it.item_id = %d" % iid))
    assert tags == [MARK + " peers", MARK + " rights"]
    # A revision by this user, with the saved text in its snapshot.
    rev = one(stack, "SELECT r.version, u.login, r.snapshot FROM revisions "
              "r JOIN users u ON u.id = r.user_id WHERE r.item_id = %d "
              "ORDER BY r.version DESC LIMIT 1" % iid)
    assert rev[0] == "2" and rev[1] == "eddie"
    assert "Harm reduction saves lives" in rev[2]
    assert generation(stack) > g
    # The audit log names the save.
    assert stack.admin_rows(
        "SELECT id FROM audit_log WHERE action = 'save' AND "
        "object_type = 'item' AND object_id = %d" % iid)
    # The next page says so, and the form shows the new version.
    r = editor.get("/admin/items/%d?done=saved" % iid)
    d = doc(r)
    assert d.xpath("//div[@class='notice']")
    assert value_of(d, "f-title") == MARK + " Harm reduction saves lives"
    assert d.xpath(FORM + "//input[@name='version']/@value") == ["2"]
    assert d.xpath(FORM + "/@data-saved") == ["1"]


# field changes -> the field whose error shows, and the value kept there
CASES = {
    "news": [
        (dict(title=""), "title", ""),
        (dict(title="x" * 501), "title", "x" * 501),
        (dict(slug="Not A Slug!"), "slug", "Not A Slug!"),
        (dict(slug="a" * 201), "slug", "a" * 201),
        (dict(hashtag="two words"), "hashtag", "two words"),
        (dict(hashtag="x" * 101), "hashtag", "x" * 101),
        (dict(byline="b" * 201), "byline", "b" * 201),
        (dict(summary="s" * 5001), "summary", "s" * 5001),
        (dict(tags="ok, " + "t" * 201), "tags", "ok, " + "t" * 201),
        (dict(published_at="2021-02-30T10:00"), "published_at",
         "2021-02-30T10:00"),
        (dict(published_at="tomorrow"), "published_at", "tomorrow"),
        (dict(media_id="999999999"), "media_id-1", None),
    ],
    "statement": [
        (dict(sig_role="co-signatory"), "sig_org-1", None),
        (dict(sig_org="999999999"), "sig_org-1", None),
        (dict(neworg_url="ftp://example.org/"), "neworg_url",
         "ftp://example.org/"),
        (dict(neworg_short="NOPE"), "neworg_name", ""),
        (dict(neworg_name="N" * 301), "neworg_name", "N" * 301),
    ],
    "event": [
        (dict(tz="Mars/Olympus_Mons"), "tz", "Mars/Olympus_Mons"),
        (dict(tz=""), "tz", ""),
        (dict(ends_time="15:00"), "ends_time", "15:00"),
        (dict(ends_date="2031-07-20"), "ends_time", "17:30"),
        (dict(starts_date="2031-02-29"), "starts_date", "2031-02-29"),
        (dict(starts_date=""), "starts_date", ""),
        (dict(starts_time="25:00"), "starts_time", "25:00"),
        # Clocks go forward in Paris at 02:00 that night.
        (dict(starts_date="2031-03-30", starts_time="02:30",
              ends_date="2031-03-30"), "starts_time", "02:30"),
        (dict(online_url="javascript:alert(1)"), "online_url",
         "javascript:alert(1)"),
        (dict(online_url="https://"), "online_url", "https://"),
        (dict(registration_url="http://exa mple.org/"),
         "registration_url", "http://exa mple.org/"),
        (dict(spoken="en, english!"), "spoken", "en, english!"),
        (dict(interpreted="fr;es"), "interpreted", "fr;es"),
        (dict(location="L" * 301), "location", "L" * 301),
        (dict(sp_role="Director"), "sp_name-1", ""),
        (dict(sp_name="N" * 201), "sp_name-1", "N" * 201),
        (dict(sp_name="Someone", sp_org="999999999"), "sp_org-1", None),
    ],
}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_every_field_validated_input_kept(stack, editor, items, kind):
    iid = items[kind]
    before = item(stack, iid)
    for changes, field, kept in CASES[kind]:
        # Another field typed at the same time is kept too.
        marker = "%s kept %s" % (MARK, field)
        r = edit(editor, iid, summary=marker, **changes) \
            if "summary" not in changes else edit(editor, iid, **changes)
        d = assert_error(r, field, kept)
        if "summary" not in changes:
            assert value_of(d, "f-summary") == marker, field
        # Nothing was written.
        assert item(stack, iid) == before, field


def test_gallery_needs_alt_text_and_image(stack, editor, items, made):
    iid = items["news"]
    stack.admin_sql(
        "INSERT INTO media (filename, original_name, mime, bytes, width, "
        "height, alt, created_at, updated_at) VALUES "
        "('%s-a.jpg', '%s-photo.jpg', 'image/jpeg', 10, 800, 600, '', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP()), "
        "('%s-b.pdf', '%s-report.pdf', 'application/pdf', 10, NULL, NULL, "
        "'', UTC_TIMESTAMP(), UTC_TIMESTAMP())" % ((MARK,) * 4))
    pic = int(one(stack, "SELECT id FROM media WHERE filename = '%s-a.jpg'"
                  % MARK)[0])
    pdf = int(one(stack, "SELECT id FROM media WHERE filename = '%s-b.pdf'"
                  % MARK)[0])
    # The upload page sends the editor back with the new file in a row.
    r = editor.get("/admin/items/%d?add_media=%d&role=gallery" % (iid, pic))
    assert r.status_code == 200
    action, pairs = editor.form_fields(r, FORM)
    assert ("media_id", str(pic)) in pairs
    assert ("media_role", "gallery") in pairs
    r = editor.post(action, pairs)
    assert_error(r, "media_alt-1", "")
    # A PDF is no gallery picture.
    r = editor.post(action, set_rows(pairs, "media_id", [str(pdf)]))
    assert_error(r, "media_id-1", str(pdf))
    # With alt text it saves, with the per-use text.
    pairs = set_rows(pairs, "media_alt", ["Peer workers at a stall"])
    pairs = set_rows(pairs, "media_caption", ["Outreach, 2021"])
    r = editor.post(action, pairs)
    saved(r, iid)
    row = one(stack, "SELECT media_id, role, position, alt, caption, "
              "credit FROM item_media WHERE item_id = %d" % iid)
    assert row == [str(pic), "gallery", "1", "Peer workers at a stall",
                   "Outreach, 2021", "NULL"]
    # The same file twice in one role is refused.
    r = edit(editor, iid, rows={"media_id": [None, str(pic)],
                                "media_alt": [None, "Again"]})
    assert_error(r, "media_id-2", str(pic))
    # "(none)" removes it.
    r = edit(editor, iid, rows={"media_id": [""], "media_alt": [""],
                                "media_caption": [""]})
    saved(r, iid)
    assert not stack.admin_rows("SELECT 1 FROM item_media WHERE "
                                "item_id = %d" % iid)


def test_stale_version_conflict_then_resubmit(stack, users, made):
    a = client(stack, users, "eddie")
    b = client(stack, users, "edna")
    iid = create(a, made, "news", MARK + " conflict")
    act_b, pairs_b = form(b, "/admin/items/%d" % iid)
    # A saves first.
    r = edit(a, iid, title=MARK + " their title", body="Their body text.")
    saved(r, iid)
    # B saves over the version B loaded: refused, nothing lost.
    mine = MARK + " my title"
    pairs_b = replace_fields(pairs_b, title=mine,
                             body="My body, typed for an hour.")
    r = b.post(act_b, pairs_b)
    assert r.status_code == 409, (r.status_code, r.text[:2000])
    d = doc(r)
    page = d.text_content()
    assert "Their body text." in page and "My body, typed for an hour." \
        in page
    assert MARK + " their title" in page
    assert value_of(d, "f-title") == mine
    assert value_of(d, "f-body") == "My body, typed for an hour."
    # The version field now names theirs: sending again overwrites.
    assert d.xpath(FORM + "//input[@name='version']/@value") == ["2"]
    assert d.xpath("//a[contains(@href, '/admin/items/%d/revisions')]"
                   % iid)
    it = item(stack, iid)
    assert it["title"] == MARK + " their title" and it["version"] == 2
    action, pairs = b.form_fields(r, FORM)
    r = b.post(action, pairs)
    saved(r, iid)
    it = item(stack, iid)
    assert it["title"] == mine
    assert it["body_md"] == "My body, typed for an hour."
    assert it["version"] == 3


def test_slug_derived_transliterated_and_unique(stack, editor, items,
                                                 made):
    iid = create(editor, made, "news", "Привет мир: щука и ёж", lang="ru",
                 slug="")
    assert item(stack, iid)["slug"] == "privet-mir-shchuka-i-yozh"
    # Diacritics folded, on an edit that empties the slug.
    r = edit(editor, items["case-study"], slug="",
             title=MARK + " Réduction des risques à Montréal")
    saved(r, items["case-study"])
    assert item(stack, items["case-study"])["slug"] == \
        MARK + "-reduction-des-risques-a-montreal"
    # A slug another item of the kind and language has is refused.
    other = create(editor, made, "news", MARK + " other news")
    taken = item(stack, items["news"])["slug"]
    r = edit(editor, other, slug=taken, title=MARK + " typed title")
    d = assert_error(r, "slug", taken)
    assert value_of(d, "f-title") == MARK + " typed title"
    # ... but the same slug in another kind is fine.
    r = edit(editor, items["statement"], slug=taken)
    saved(r, items["statement"])


def test_slug_change_redirects_old_url(stack, editor, nginx, made):
    iid = create(editor, made, "news", MARK + " moving item",
                 slug=MARK + "-old-address")
    publish(editor, stack, iid)
    assert item(stack, iid)["entry_id"], "entry id minted on publication"
    entry = item(stack, iid)["entry_id"]
    r = nginx.get("/en/news/%s-old-address" % MARK)
    assert r.status_code == 200
    r = edit(editor, iid, slug=MARK + "-new-address")
    saved(r, iid)
    r = nginx.get("/en/news/%s-old-address" % MARK)
    assert r.status_code == 301
    assert r.headers["Location"].endswith("/en/news/%s-new-address" % MARK)
    assert nginx.get("/en/news/%s-new-address" % MARK).status_code == 200
    assert item(stack, iid)["entry_id"] == entry
    # A former slug stays taken by its item for everyone else.
    other = create(editor, made, "news", MARK + " squatter")
    r = edit(editor, other, slug=MARK + "-old-address")
    assert_error(r, "slug", MARK + "-old-address")
    # The item itself may take it back; then the other one redirects.
    r = edit(editor, iid, slug=MARK + "-old-address")
    saved(r, iid)
    assert nginx.get("/en/news/%s-old-address" % MARK).status_code == 200
    r = nginx.get("/en/news/%s-new-address" % MARK)
    assert r.status_code == 301
    assert r.headers["Location"].endswith("/en/news/%s-old-address" % MARK)


def test_author_edits_own_drafts_only(stack, users, made):
    aude = client(stack, users, "aude")
    otto = client(stack, users, "otto")
    iid = create(aude, made, "news", MARK + " aude's draft")
    saved(edit(aude, iid, summary="Mine to change."), iid)
    # Another author may neither read it here nor save it.
    r = otto.get("/admin/items/%d" % iid)
    assert r.status_code == 403
    r = edit_as(otto, aude, iid, summary="Not mine.")
    assert r.status_code == 403
    assert item(stack, iid)["summary"] == "Mine to change."
    # Once published, only an editor changes it.
    editor = client(stack, users, "eddie")
    publish(editor, stack, iid)
    r = edit(aude, iid, summary="After publication.")
    assert r.status_code == 403
    assert item(stack, iid)["summary"] == "Mine to change."
    # An author may not move the publication time even of a draft.
    draft = create(aude, made, "news", MARK + " aude's second")
    r = aude.get("/admin/items/%d" % draft)
    assert not doc(r).xpath(FORM + "//input[@name='published_at']")


def test_translator_only_in_their_languages(stack, users, editor, made):
    tran = client(stack, users, "tran")
    fr = create(editor, made, "news", MARK + " en français", lang="fr")
    en = create(editor, made, "news", MARK + " in English")
    saved(edit(tran, fr, summary="Résumé traduit."), fr)
    assert item(stack, fr)["summary"] == "Résumé traduit."
    assert tran.get("/admin/items/%d" % en).status_code == 403
    r = edit_as(tran, editor, en, summary="Not my language.")
    assert r.status_code == 403
    # A translator's new item can only be in their languages.
    r = tran.get("/admin/items/new?kind=news&lang=fr")
    assert r.status_code == 200
    codes = doc(r).xpath("//select[@id='f-lang']/option/@value")
    assert sorted(codes) == ["es", "fr"]


def test_statement_with_signatories_on_public_site(stack, editor, nginx,
                                                    made):
    (o1, n1), (o2, n2) = orgs(stack)
    iid = create(editor, made, "statement", MARK + " joint statement",
                 slug=MARK + "-joint-statement", body="We ask for change.",
                 rows={"sig_org": [str(o2), str(o1)],
                       "sig_role": ["lead signatory", ""],
                       "sig_signed": ["2021-06-26", ""],
                       "sig_order": ["2", "1"]})
    sigs = stack.admin_rows("SELECT org_id, role, signed_on, position FROM "
                            "signatories WHERE item_id = %d ORDER BY "
                            "position" % iid)
    # Sorted by the order field; an empty role is a co-signatory.
    assert sigs == [[str(o1), "co-signatory", "NULL", "1"],
                    [str(o2), "lead signatory", "2021-06-26", "2"]]
    # A new organisation typed inline joins the registry and signs last.
    new = MARK.capitalize() + " Network of Peers"
    r = edit(editor, iid, neworg_name=new, neworg_short="ENP",
             neworg_url="https://peers.example.org/")
    saved(r, iid)
    row = one(stack, "SELECT id, short_name, url FROM organisations "
              "WHERE name = %s" % q(new))
    assert row[1:] == ["ENP", "https://peers.example.org/"]
    sigs = stack.admin_rows("SELECT org_id FROM signatories WHERE "
                            "item_id = %d ORDER BY position" % iid)
    assert [s[0] for s in sigs] == [str(o1), str(o2), row[0]]
    # The form shows it as a row now, and the new-organisation fields
    # are empty (a second save does not create it twice).
    action, pairs = form(editor, "/admin/items/%d" % iid)
    assert ("neworg_name", "") in pairs
    saved(editor.post(action, pairs), iid)
    assert len(stack.admin_rows("SELECT id FROM organisations WHERE "
                                "name = %s" % q(new))) == 1
    publish(editor, stack, iid)
    r = nginx.get("/en/statements/%s-joint-statement" % MARK)
    assert r.status_code == 200
    text = doc(r).text_content()
    for name in (n1, n2, new):
        assert name in text
    assert "We ask for change." in text


def test_event_with_speakers_on_public_site(stack, editor, nginx, made):
    (o1, _), _ = orgs(stack)
    iid = create(editor, made, "event", MARK + " webinar",
                 slug=MARK + "-webinar", **EVENT,
                 rows={"sp_name": ["Speaker Two", "Chair Person"],
                       "sp_role": ["Researcher", "Director"],
                       "sp_part": ["Findings", "Opening remarks"],
                       "sp_org": ["", str(o1)],
                       "sp_order": ["2", "1"]})
    # Tick the chair's box: its value is its row's number.
    r = editor.get("/admin/items/%d" % iid)
    action, pairs = editor.form_fields(r, FORM)
    assert ("sp_name", "Chair Person") == [p for p in pairs
                                           if p[0] == "sp_name"][0]
    pairs.append(("sp_chair", "1"))
    saved(editor.post(action, pairs), iid)
    ev = one(stack, "SELECT starts_at, ends_at, tz, location, online_url, "
             "registration_url FROM events WHERE item_id = %d" % iid)
    # 16:00 in Paris in July is 14:00 UTC.
    assert ev == ["2031-07-21 14:00:00", "2031-07-21 15:30:00",
                  "Europe/Paris", "Online", "https://meet.example.org/room",
                  "https://example.org/register"]
    langs = stack.admin_rows("SELECT lang, mode FROM event_languages WHERE "
                             "item_id = %d ORDER BY mode, position" % iid)
    assert langs == [["en", "spoken"], ["fr", "interpretation"],
                     ["es", "interpretation"], ["ru", "interpretation"]]
    sp = stack.admin_rows("SELECT position, name, org_id, is_chair FROM "
                          "speakers WHERE item_id = %d ORDER BY position"
                          % iid)
    assert sp == [["1", "Chair Person", str(o1), "1"],
                  ["2", "Speaker Two", "NULL", "0"]]
    # The form shows the times in the event's zone.
    d = doc(editor.get("/admin/items/%d" % iid))
    assert value_of(d, "f-starts_time") == "16:00"
    assert value_of(d, "f-tz") == "Europe/Paris"
    assert d.xpath("//input[@id='f-sp_chair-1'][@checked]")
    publish(editor, stack, iid)
    r = nginx.get("/en/events/%s-webinar" % MARK)
    assert r.status_code == 200
    d = doc(r)
    text = d.text_content()
    assert "Chair Person" in text and "Speaker Two" in text
    assert d.xpath("//time[starts-with(@datetime, '2031-07-21T16:00')]") \
        or d.xpath("//time[starts-with(@datetime, '2031-07-21T14:00')]")


def test_unknown_and_forged(stack, editor, items):
    iid = items["news"]
    # No such item.
    assert editor.get("/admin/items/999999999").status_code == 404
    action, pairs = form(editor, "/admin/items/%d" % iid)
    r = editor.post("/admin/items/999999999", pairs)
    assert r.status_code == 404
    # A form without its version is refused, not guessed.
    r = editor.post(action, [p for p in pairs if p[0] != "version"])
    assert r.status_code == 400
    # The form cannot change the kind, language or status.
    r = editor.post(action, replace_fields(pairs, kind="event", lang="ru",
                                           status="published"))
    saved(r, iid)
    it = item(stack, iid)
    assert (it["kind"], it["lang"], it["status"]) == ("news", "en",
                                                      "draft")
