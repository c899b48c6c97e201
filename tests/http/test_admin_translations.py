"""Declaring an existing item a translation of another, and undoing it."""

from adminlib import doc, path_of


def new_item(a, lang, title):
    _, pairs = a.form_fields("/admin/items/new?kind=news&lang=%s" % lang,
                             "//form[.//textarea]")
    pairs = [(k, v) for k, v in pairs if k not in ("title", "summary",
                                                    "body", "slug")]
    pairs += [("title", title), ("summary", "About " + title),
              ("body", "Text of " + title)]
    r = a.post("/admin/items/new", pairs, csrf=False)
    assert r.status_code == 303, r.text[:2000]
    return int(path_of(r.headers["Location"]).split("/")[3].split("?")[0])


def group_of(stack, iid):
    return stack.admin_rows("SELECT group_id FROM items WHERE id = %d"
                            % iid)[0][0]


def version_of(stack, iid):
    return stack.admin_rows("SELECT version FROM items WHERE id = %d"
                            % iid)[0][0]


def test_link_and_unlink_a_translation(stack, signed_in):
    a = signed_in("editor")
    en = new_item(a, "en", "Peer workers in prisons")
    fr = new_item(a, "fr", "Les pairs aidants en prison")
    assert group_of(stack, en) != group_of(stack, fr)
    # The French item offers the English one as what it translates.
    d = doc(a.get("/admin/items/%d" % fr))
    opts = d.xpath("//select[@name='of']/option/@value")
    assert str(en) in opts
    r = a.post("/admin/items/%d/translation" % fr,
               {"of": str(en), "version": version_of(stack, fr)})
    assert r.status_code == 303, r.text[:2000]
    assert group_of(stack, en) == group_of(stack, fr)
    assert stack.admin_rows(
        "SELECT note FROM revisions WHERE item_id = %d ORDER BY id DESC "
        "LIMIT 1" % fr)[0][0] == "Linked as a translation of item %d" % en
    assert stack.admin_rows(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'translation-link' "
        "AND object_id = %d" % fr)[0][0] == "1"
    # Each lists the other now.
    d = doc(a.get("/admin/items/%d" % en))
    assert d.xpath("//a[@href='%s/admin/items/%d']" % (a.base, fr))
    # A second French item cannot join the same group.
    fr2 = new_item(a, "fr", "Encore un article")
    r = a.post("/admin/items/%d/translation" % fr2,
               {"of": str(en), "version": version_of(stack, fr2)})
    assert r.status_code == 409
    assert group_of(stack, fr2) != group_of(stack, en)
    # Same language or self: refused.
    r = a.post("/admin/items/%d/translation" % fr2,
               {"of": str(fr), "version": version_of(stack, fr2)})
    assert r.status_code == 422
    r = a.post("/admin/items/%d/translation" % fr2,
               {"of": str(fr2), "version": version_of(stack, fr2)})
    assert r.status_code == 400
    # A stale version changes nothing.
    r = a.post("/admin/items/%d/translation" % fr,
               {"of": "", "version": "1"})
    assert r.status_code == 409
    assert group_of(stack, en) == group_of(stack, fr)
    # Unlinking gives the item a group of its own.
    r = a.post("/admin/items/%d/translation" % fr,
               {"of": "", "version": version_of(stack, fr)})
    assert r.status_code == 303
    assert group_of(stack, en) != group_of(stack, fr)


def test_author_may_not_link_others_items(stack, signed_in):
    ed = signed_in("editor")
    en = new_item(ed, "en", "An editor's item to link")
    es = new_item(ed, "es", "Un elemento del editor")
    au = signed_in("author")
    r = au.post("/admin/items/%d/translation" % es,
                {"of": str(en), "version": version_of(stack, es)})
    assert r.status_code == 403
    assert group_of(stack, en) != group_of(stack, es)
