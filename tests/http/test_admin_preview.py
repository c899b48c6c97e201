"""Previews: an item's saved state and the edit form's unsaved text shown
as the public page will show them, and partner preview links (valid,
expired, revoked, unknown), which need no account, are read-only, and
whose tokens are never stored."""

import json
import shutil
import subprocess

import requests

from adminlib import doc, path_of
from test_validity import vnu_jar

# Sample items (sample/items/) that are not public.
DRAFT = "draft-do-not-show"          # news, draft, no author
SCHEDULED = "scheduled-future-statement"   # statement, 1 January 2031

LINK_SENTENCE = ("This is a preview of an unpublished draft. Anyone "
                 "holding this link can read it. It expires on")


def item_id(stack, slug, lang="en"):
    rows = stack.admin_rows(
        "SELECT id FROM items WHERE lang = '%s' AND slug = '%s'"
        % (lang, slug))
    assert rows, slug
    return int(rows[0][0])


def words(resp):
    return " ".join(doc(resp).text_content().split())


def item_state(stack, iid):
    return stack.admin_rows(
        "SELECT version, title, body_md, body_html, status, updated_at "
        "FROM items WHERE id = %d" % iid)


def make_link(client, iid, note, days=None):
    """Creates a preview link; returns the response and the link."""
    data = {"note": note}
    if days is not None:
        data["days"] = str(days)
    r = client.post("/admin/items/%d/previews" % iid, data)
    assert r.status_code == 200, (r.status_code, r.text[:2000])
    urls = doc(r).xpath("//input[@id='new-link-url']/@value")
    assert len(urls) == 1
    return r, urls[0]


def link_id(stack, note):
    rows = stack.admin_rows(
        "SELECT id FROM preview_links WHERE note = '%s'" % note)
    assert len(rows) == 1
    return int(rows[0][0])


def partner_get(url):
    """A browser that has never signed in: no cookie at all."""
    s = requests.Session()
    s.headers["Accept-Encoding"] = "identity"
    return s.get(url, allow_redirects=False, timeout=60)


def assert_public_page(r):
    assert r.status_code == 200, (r.status_code, r.text[:2000])
    assert r.headers["Cache-Control"] == "no-store"
    # The public pages' policy: no script at all.
    assert "script-src 'none'" in r.headers["Content-Security-Policy"]
    d = doc(r)
    assert d.xpath("//meta[@name='robots'][contains(@content, 'noindex')]")
    assert d.xpath("//article[contains(@class, 'item')]")
    return d


def test_preview_of_the_saved_draft(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    r = ed.get("/admin/items/%d/preview" % iid)
    d = assert_public_page(r)
    t = words(r)
    assert "Preview — not published" in t
    assert "DRAFT – not for publication" in d.xpath("string(//h1)")
    # The body is the Markdown rendered as a save renders it.
    assert d.xpath("//div[@class='body']//strong[. = 'draft']")
    # Built by the public item page: its tags, its stylesheet.
    assert d.xpath("//a[@rel='tag']")
    assert d.xpath("//link[@rel='stylesheet'][contains(@href, "
                   "'broadside.css')]")
    # The public site still does not show it.
    pub = requests.get(stack.base_url + "/en/news/" + DRAFT,
                       allow_redirects=False, timeout=30)
    assert pub.status_code == 404


def test_preview_of_a_scheduled_item(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, SCHEDULED)
    r = ed.get("/admin/items/%d/preview" % iid)
    d = assert_public_page(r)
    assert "scheduled for 1 January 2031, 09:00 UTC" in words(r)
    # A statement's signatories come with it.
    assert d.xpath("//section[@class='signatories']//th[@scope='row']/a")


def test_preview_permissions(stack, signed_in):
    iid = item_id(stack, DRAFT)
    # Not the author's item, and not a translator's language.
    assert signed_in("aude").get(
        "/admin/items/%d/preview" % iid).status_code == 403
    assert signed_in("tran").get(
        "/admin/items/%d/preview" % iid).status_code == 403
    assert signed_in("editor").get(
        "/admin/items/999999/preview").status_code == 404


def test_preview_needs_a_session(anon, stack):
    iid = item_id(stack, DRAFT)
    r = anon.get("/admin/items/%d/preview" % iid)
    assert r.status_code == 303
    assert path_of(r.headers["Location"]).startswith("/admin/login")


EDIT_FORM = "//form[.//textarea[@name='body']]"


def edit_form(client, path):
    """The fields the edit form at path would send, as pairs."""
    _, pairs = client.form_fields(path, EDIT_FORM)
    return pairs


def with_values(pairs, **values):
    """pairs with the named fields' first values replaced (added if
    missing)."""
    out, seen = [], set()
    for n, v in pairs:
        if n in values and n not in seen:
            out.append((n, values[n]))
            seen.add(n)
        else:
            out.append((n, v))
    out += [(n, v) for n, v in values.items() if n not in seen]
    return out


def test_preview_of_unsaved_form_text(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    before = item_state(stack, iid)
    text = ("Unsaved *preview* paragraph about naloxone kits.\n\n"
            "<script>alert(1)</script>")
    pairs = with_values(edit_form(ed, "/admin/items/%d" % iid),
                        title="Unsaved title for the preview", body=text)
    r = ed.post("/admin/items/%d/preview" % iid, pairs)
    d = assert_public_page(r)
    assert "nothing has been saved" in words(r)
    assert d.xpath("string(//h1)") == "Unsaved title for the preview"
    assert d.xpath("//div[@class='body']//em[. = 'preview']")
    assert "naloxone kits" in d.xpath("string(//div[@class='body'])")
    # Sanitised as a save sanitises: no script reaches the page.
    assert not d.xpath("//script")
    # Nothing was saved.
    assert item_state(stack, iid) == before


def test_preview_of_unsaved_form_with_errors(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    before = item_state(stack, iid)
    pairs = with_values(edit_form(ed, "/admin/items/%d" % iid), title="",
                        body="Still **shown** despite the errors.")
    r = ed.post("/admin/items/%d/preview" % iid, pairs)
    d = assert_public_page(r)
    assert "Saving would fail until these are fixed" in words(r)
    assert d.xpath("//div[@class='body']//strong[. = 'shown']")
    assert item_state(stack, iid) == before


def test_preview_of_a_new_item(stack, signed_in):
    ed = signed_in("editor")
    count = stack.admin_rows("SELECT COUNT(*) FROM items")
    pairs = with_values(
        edit_form(ed, "/admin/items/new?kind=news&lang=en"),
        title="A brand new preview-only item",
        body="Fresh text with a [link](https://example.org/).")
    if "kind" not in dict(pairs):
        pairs.append(("kind", "news"))
    if "lang" not in dict(pairs):
        pairs.append(("lang", "en"))
    r = ed.post("/admin/items/new/preview", pairs)
    d = assert_public_page(r)
    assert d.xpath("string(//h1)") == "A brand new preview-only item"
    assert d.xpath("//div[@class='body']//a[@href='https://example.org/']")
    assert stack.admin_rows("SELECT COUNT(*) FROM items") == count


def test_partner_link_valid(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, SCHEDULED)
    r, url = make_link(ed, iid, "for the valid-link partner", days=3)
    assert r.headers["Cache-Control"] == "no-store"
    assert url.startswith(stack.base_url + "/admin/preview/")
    lid = link_id(stack, "for the valid-link partner")
    assert stack.admin_rows(
        "SELECT last_used_at FROM preview_links WHERE id = %d" % lid) == \
        [["NULL"]]
    # The link is shown once: the item's page of links never has it.
    token = url.rsplit("/", 1)[1]
    assert token not in ed.get("/admin/items/%d" % iid).text

    p = partner_get(url)
    d = assert_public_page(p)
    assert LINK_SENTENCE in words(p)
    assert "SCHEDULED – embargoed" in d.xpath("string(//h1)")
    assert d.xpath("//div[@class='body']//strong[. = 'scheduled']")
    # Read-only: no form, no link into the admin, no cookie set.
    assert not d.xpath("//form")
    assert not d.xpath("//a[contains(@href, '/admin/')]")
    assert "Set-Cookie" not in p.headers
    assert d.xpath("//meta[@name='referrer'][@content='no-referrer']")
    rows = stack.admin_rows(
        "SELECT last_used_at IS NOT NULL, DATEDIFF(expires_at, created_at) "
        "FROM preview_links WHERE id = %d" % lid)
    assert rows == [["1", "3"]]
    # Audited, without the token.
    audit = stack.admin_rows(
        "SELECT detail FROM audit_log WHERE action = 'preview-link' "
        "AND object_id = %d" % iid)
    assert any("valid-link partner" in a[0] for a in audit)
    assert not any(token in a[0] for a in audit)


def test_partner_link_token_not_stored(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    _, url = make_link(ed, iid, "for the storage check")
    token = url.rsplit("/", 1)[1]
    assert len(token) == 43
    rows = stack.admin_rows(
        "SELECT id, item_id, HEX(token_hash), note, created_by, created_at, "
        "expires_at, revoked_at, last_used_at FROM preview_links")
    flat = [v for row in rows for v in row]
    assert token not in flat
    assert token.encode().hex().upper() not in flat
    assert not any(token in v for v in flat)
    assert stack.admin_rows(
        "SELECT COUNT(*) FROM preview_links WHERE token_hash = '%s'"
        % token) == [["0"]]


def test_partner_link_expired(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    _, url = make_link(ed, iid, "for the expiry check")
    assert partner_get(url).status_code == 200
    stack.admin_sql(
        "UPDATE preview_links SET expires_at = UTC_TIMESTAMP() - "
        "INTERVAL 1 MINUTE WHERE note = 'for the expiry check'")
    r = partner_get(url)
    assert r.status_code == 404
    assert "DRAFT" not in r.text
    assert "draft" not in doc(r).xpath("string(//h1)").lower()


def test_partner_link_revoked(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    r, url = make_link(ed, iid, "for the revocation check")
    assert partner_get(url).status_code == 200
    lid = link_id(stack, "for the revocation check")
    action = "/admin/items/%d/previews/%d/revoke" % (iid, lid)
    assert doc(r).xpath("//form[substring(@action, string-length(@action)"
                        " - %d) = '%s']" % (len(action) - 1, action))
    r = ed.post(action)
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == \
        "/admin/items/%d?done=revoked" % iid
    assert partner_get(url).status_code == 404
    assert stack.admin_rows(
        "SELECT revoked_at IS NOT NULL FROM preview_links WHERE id = %d"
        % lid) == [["1"]]
    assert stack.admin_rows(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'preview-revoke' "
        "AND object_id = %d" % iid) != [["0"]]
    # A link of another item cannot be revoked through this one.
    other = item_id(stack, SCHEDULED)
    _, url2 = make_link(ed, other, "for the cross-item check")
    lid2 = link_id(stack, "for the cross-item check")
    r = ed.post("/admin/items/%d/previews/%d/revoke" % (iid, lid2))
    assert r.status_code == 404
    assert partner_get(url2).status_code == 200


def test_partner_link_refusals_look_alike(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    _, url = make_link(ed, iid, "for the look-alike check")
    base = url.rsplit("/", 1)[0]
    wrong = partner_get(base + "/" + "A" * 43)
    short = partner_get(base + "/abc")
    stack.admin_sql("UPDATE preview_links SET revoked_at = UTC_TIMESTAMP() "
                    "WHERE note = 'for the look-alike check'")
    revoked = partner_get(url)
    for r in (wrong, short, revoked):
        assert r.status_code == 404
    assert words(wrong) == words(revoked) == words(short)


def test_partner_link_is_read_only(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    _, url = make_link(ed, iid, "for the read-only check")
    s = requests.Session()
    r = s.post(url, data={"x": "1"}, headers={"Origin": stack.base_url},
               allow_redirects=False, timeout=60)
    assert r.status_code == 405
    assert partner_get(url).status_code == 200


def test_who_may_make_links(stack, signed_in):
    iid = item_id(stack, DRAFT)
    before = stack.admin_rows("SELECT COUNT(*) FROM preview_links")
    # An author, for another's item; a translator, for any.
    for who in ("aude", "tran"):
        c = signed_in(who)
        r = c.post("/admin/items/%d/previews" % iid, {"note": "not mine"})
        assert r.status_code == 403
    assert stack.admin_rows("SELECT COUNT(*) FROM preview_links") == before
    # The author of an item may share it.
    uid = stack.admin_rows("SELECT id FROM users WHERE login = 'otto'")[0][0]
    stack.admin_sql("UPDATE items SET author_id = %s WHERE id = %d"
                    % (uid, iid))
    try:
        _, url = make_link(signed_in("otto"), iid, "for otto's partner")
        assert partner_get(url).status_code == 200
    finally:
        stack.admin_sql("UPDATE items SET author_id = NULL WHERE id = %d"
                        % iid)


def test_link_form_validation(stack, signed_in):
    ed = signed_in("editor")
    iid = item_id(stack, DRAFT)
    before = stack.admin_rows("SELECT COUNT(*) FROM preview_links")
    for data in ({"note": "x" * 201}, {"note": "ok", "days": "0"},
                 {"note": "ok", "days": "366"}, {"note": "ok", "days": "a"}):
        r = ed.post("/admin/items/%d/previews" % iid, data)
        assert r.status_code == 422
        d = doc(r)
        assert d.xpath("//div[@class='error-summary']")
        assert not d.xpath("//input[@id='new-link-url']")
    assert stack.admin_rows("SELECT COUNT(*) FROM preview_links") == before
    r = ed.post("/admin/items/999999/previews", {"note": "x"})
    assert r.status_code == 404


def test_preview_pages_are_valid_html(stack, signed_in, tmp_path):
    """The previews and the link page pass the Nu Html Checker."""
    jar = vnu_jar()
    assert jar, "vnu.jar not found: run 'npm ci --ignore-scripts'"
    java = shutil.which("java")
    assert java, "java not found: apt-get install default-jre-headless"
    ed = signed_in("editor")
    iid = item_id(stack, SCHEDULED)
    pages = {"saved": ed.get("/admin/items/%d/preview" % iid)}
    pages["form"] = ed.post("/admin/items/%d/preview" % iid, with_values(
        edit_form(ed, "/admin/items/%d" % iid), title=""))
    pages["link-page"], url = make_link(ed, iid, "for the validity check")
    pages["link"] = partner_get(url)
    files = {}
    for name, r in pages.items():
        assert r.status_code == 200, name
        f = tmp_path / (name + ".html")
        f.write_bytes(r.content)
        files[str(f)] = name
    p = subprocess.run([java, "-jar", jar, "--errors-only", "--format",
                        "json", "--exit-zero-always"] + sorted(files),
                       capture_output=True, text=True, timeout=300)
    report = json.loads(p.stderr or p.stdout)
    errors = ["%s line %s: %s" % (m.get("url", "").rsplit("/", 1)[-1],
                                  m.get("lastLine"), m.get("message"))
              for m in report.get("messages", [])
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, "\n".join(errors)
