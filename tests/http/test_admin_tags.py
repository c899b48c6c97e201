"""The tags page: rename (the address stays), merge, delete unused."""

from adminlib import doc


def tag(stack, lang, slug):
    r = stack.admin_rows("SELECT id, name FROM tags WHERE lang = '%s' AND "
                         "slug = '%s'" % (lang, slug))
    return (int(r[0][0]), r[0][1]) if r else None


def make_tag(stack, lang, slug, name, item_ids=()):
    stack.admin_sql("INSERT INTO tags (lang, slug, name) VALUES "
                    "('%s', '%s', '%s')" % (lang, slug, name))
    tid = tag(stack, lang, slug)[0]
    for i in item_ids:
        stack.admin_sql("INSERT INTO item_tags (item_id, tag_id) VALUES "
                        "(%d, %d)" % (i, tid))
    return tid


def visible_items(stack, lang, n):
    return [int(r[0]) for r in stack.admin_rows(
        "SELECT id FROM items WHERE lang = '%s' AND status = 'published' "
        "AND published_at <= UTC_TIMESTAMP() ORDER BY id LIMIT %d"
        % (lang, n))]


def versions(stack, ids):
    return [stack.admin_rows("SELECT version FROM items WHERE id = %d"
                             % i)[0][0] for i in ids]


def test_rename_keeps_the_address(stack, signed_in, nginx):
    items = visible_items(stack, "en", 2)
    tid = make_tag(stack, "en", "test-rename-me", "Rename me", items)
    before = versions(stack, items)
    a = signed_in("editor")
    d = doc(a.get("/admin/tags/?lang=en"))
    assert d.xpath("//a[@href='%s/en/tags/test-rename-me/']" % a.base)
    r = a.post("/admin/tags/%d" % tid, {"action": "rename",
                                         "name": "Renamed tag"})
    assert r.status_code == 303
    assert tag(stack, "en", "test-rename-me")[1] == "Renamed tag"
    # Its items are renewed, so their pages and feeds change.
    assert [int(v) for v in versions(stack, items)] == \
        [int(v) + 1 for v in before]
    page = nginx.get("/en/tags/test-rename-me/")
    assert page.status_code == 200 and b"Renamed tag" in page.content
    assert stack.admin_rows("SELECT COUNT(*) FROM audit_log WHERE action = "
                            "'tag-rename' AND object_id = %d" % tid)[0][0] \
        == "1"
    # A name another tag of the language has: merge instead.
    other = make_tag(stack, "en", "test-other-name", "Other name")
    r = a.post("/admin/tags/%d" % other, {"action": "rename",
                                           "name": "Renamed tag"})
    assert r.status_code == 409
    r = a.post("/admin/tags/%d" % other, {"action": "rename", "name": " "})
    assert r.status_code == 422


def test_merge_and_delete(stack, signed_in, nginx):
    items = visible_items(stack, "fr", 3)
    src = make_tag(stack, "fr", "test-merge-from", "Fusion A", items[:2])
    dst = make_tag(stack, "fr", "test-merge-into", "Fusion B", items[1:])
    a = signed_in("editor")
    r = a.post("/admin/tags/%d" % src, {"action": "merge", "into": dst})
    assert r.status_code == 303
    assert tag(stack, "fr", "test-merge-from") is None
    n = stack.admin_rows("SELECT COUNT(*) FROM item_tags WHERE tag_id = %d"
                         % dst)[0][0]
    assert int(n) == 3
    assert nginx.get("/fr/tags/test-merge-from/").status_code == 404
    assert nginx.get("/fr/tags/test-merge-into/").status_code == 200
    # Another language's tag is not a merge target.
    en = make_tag(stack, "en", "test-merge-en", "English only")
    r = a.post("/admin/tags/%d" % dst, {"action": "merge", "into": en})
    assert r.status_code == 422
    # Only an unused tag can be deleted.
    r = a.post("/admin/tags/%d" % dst, {"action": "delete"})
    assert r.status_code == 409
    r = a.post("/admin/tags/%d" % en, {"action": "delete"})
    assert r.status_code == 303
    assert tag(stack, "en", "test-merge-en") is None


def test_authors_and_translators_may_only_look(stack, signed_in):
    tid = make_tag(stack, "es", "test-look-only", "Solo mirar")
    for who in ("author", "translator"):
        a = signed_in(who)
        assert a.get("/admin/tags/?lang=es").status_code == 200
        r = a.post("/admin/tags/%d" % tid, {"action": "delete"})
        assert r.status_code == 403
    assert tag(stack, "es", "test-look-only") is not None
    assert signed_in("editor").post("/admin/tags/999999",
                                    {"action": "delete"}).status_code == 404
