"""Signing in and out of the admin, sessions, throttling, CSRF and the
same-origin check, held saves across an expired session."""

import re

from adminlib import PASSWORD, Admin, cli, create_user, doc, path_of


def session_cookie(resp):
    for v in resp.raw.headers.getlist("Set-Cookie"):
        if v.startswith("bs_session="):
            return v
    return None


def test_admin_pages_need_a_session(anon):
    r = anon.get("/admin/")
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == "/admin/login?next=%2Fadmin%2F"
    r = anon.get("/admin/items/")
    assert r.status_code == 303
    assert "next=%2Fadmin%2Fitems%2F" in r.headers["Location"]


def test_sign_in_page_headers(anon):
    r = anon.get("/admin/login")
    assert r.status_code == 200
    assert r.headers["Cache-Control"] == "no-store"
    csp = r.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    d = doc(r)
    assert d.xpath("//label[@for='f-login']")
    assert d.xpath("//input[@id='f-password'][@type='password']"
                   "[@autocomplete='current-password']")
    # No inline script anywhere: the CSP would block it anyway.
    assert not d.xpath("//script[not(@src)]")


def test_wrong_password(stack, users, anon):
    r = anon.post("/admin/login", {"login": "eddie", "password": "nope " * 3},
                  csrf=False)
    assert r.status_code == 403
    assert "login or password is wrong" in " ".join(doc(r).text_content()
                                                   .split())
    assert session_cookie(r) is None
    rows = stack.admin_rows(
        "SELECT action, detail FROM audit_log WHERE action = 'login-failed' "
        "AND detail LIKE '%eddie%'")
    assert rows


def test_unknown_login_same_answer(users, anon):
    r = anon.post("/admin/login", {"login": "nobody-here",
                                   "password": PASSWORD}, csrf=False)
    assert r.status_code == 403
    assert b"login or password is wrong" in r.content


def test_sign_in_sets_a_strict_cookie_and_stores_only_a_hash(stack, users):
    a = Admin(stack)
    a.get("/admin/login")
    r = a.post("/admin/login", {"login": "eddie", "password": PASSWORD},
               csrf=False)
    assert r.status_code == 303
    c = session_cookie(r)
    assert c is not None
    attrs = [x.strip().lower() for x in c.split(";")]
    assert "httponly" in attrs
    assert "samesite=strict" in attrs
    assert "path=/admin" in attrs
    token = c.split(";", 1)[0].split("=", 1)[1]
    assert len(token) == 43
    hexes = stack.admin_rows("SELECT HEX(token_hash) FROM sessions")
    assert hexes
    assert token.encode().hex().upper() not in [h[0] for h in hexes]
    assert not stack.admin_rows(
        "SELECT id FROM sessions WHERE token_hash = '%s'" % token)
    assert a.get("/admin/").status_code == 200
    assert stack.admin_rows("SELECT id FROM audit_log WHERE action = 'login'")


def test_next_is_followed_within_the_admin_only(stack, users):
    a = Admin(stack)
    r = a.post("/admin/login", {"login": "eddie", "password": PASSWORD,
                                "next": "/admin/items/"}, csrf=False)
    assert path_of(r.headers["Location"]) == "/admin/items/"
    b = Admin(stack)
    r = b.post("/admin/login", {"login": "eddie", "password": PASSWORD,
                                "next": "//evil.example/x"}, csrf=False)
    assert r.headers["Location"].startswith(stack.base_url + "/admin/")


def test_new_session_on_each_sign_in(stack, users):
    a = Admin(stack)
    a.sign_in("eddie")
    first = a.s.cookies.get("bs_session")
    a.sign_in("eddie")
    second = a.s.cookies.get("bs_session")
    assert first != second


def test_logout_ends_the_session(stack, signed_in):
    a = signed_in("editor")
    token = a.s.cookies.get("bs_session")
    r = a.post("/admin/logout")
    assert r.status_code == 303
    assert "done=signed-out" in r.headers["Location"]
    # The old cookie, sent again, opens nothing.
    b = Admin(stack)
    b.s.cookies.set("bs_session", token, path="/admin")
    assert b.get("/admin/").status_code == 303


def test_get_never_signs_out(signed_in):
    a = signed_in("editor")
    r = a.get("/admin/logout")
    assert r.status_code == 405
    assert "POST" in r.headers["Allow"]
    assert a.get("/admin/").status_code == 200


def test_csrf_missing_or_wrong(signed_in):
    a = signed_in("editor")
    r = a.post("/admin/logout", csrf=False)
    assert r.status_code == 403
    r = a.post("/admin/logout", csrf="x" * 43)
    assert r.status_code == 403
    # Another session's token does not work either.
    b = signed_in("editor")
    r = a.post("/admin/logout", csrf=b.csrf)
    assert r.status_code == 403
    assert a.get("/admin/").status_code == 200


def test_cross_origin_post_refused(signed_in):
    a = signed_in("editor")
    for origin in ["http://evil.example", "null",
                   a.base.replace("127.0.0.1", "localhost")]:
        r = a.post("/admin/logout", origin=origin)
        assert r.status_code == 403, origin
    # No Origin: Referer decides.
    r = a.post("/admin/logout", origin=None,
               headers={"Referer": "http://evil.example/admin/"})
    assert r.status_code == 403
    r = a.post("/admin/logout", origin=None)
    assert r.status_code == 403
    assert a.get("/admin/").status_code == 200
    r = a.post("/admin/logout", origin=None,
               headers={"Referer": a.base + "/admin/"})
    assert r.status_code == 303


def test_cross_origin_sign_in_refused(users, anon):
    r = anon.post("/admin/login", {"login": "eddie", "password": PASSWORD},
                  csrf=False, origin="http://evil.example")
    assert r.status_code == 403
    assert session_cookie(r) is None


def test_bad_bodies(signed_in):
    a = signed_in("editor")
    r = a.s.post(a.url("/admin/logout"), data="_csrf=%s&x=%%zz" % a.csrf,
                 headers={"Origin": a.base, "Content-Type":
                          "application/x-www-form-urlencoded"},
                 allow_redirects=False)
    assert r.status_code == 400
    r = a.s.post(a.url("/admin/logout"), data=b"{}", headers={
        "Origin": a.base, "Content-Type": "application/json"},
        allow_redirects=False)
    assert r.status_code == 415
    r = a.s.post(a.url("/admin/logout"), data=b"a=" + b"x" * (9 << 20),
                 headers={"Origin": a.base, "Content-Type":
                          "application/x-www-form-urlencoded"},
                 allow_redirects=False)
    assert r.status_code == 413
    assert a.get("/admin/").status_code == 200


def test_unknown_admin_page(signed_in):
    a = signed_in("editor")
    assert a.get("/admin/no-such-page").status_code == 404
    assert a.get("/admin/items/0").status_code == 404
    assert a.get("/admin/items/abc").status_code == 404


def test_idle_and_absolute_expiry(stack, signed_in):
    a = signed_in("editor")
    sid = stack.admin_rows("SELECT MAX(id) FROM sessions")[0][0]
    stack.admin_sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - "
                    "INTERVAL 1 DAY WHERE id = %s" % sid)
    assert a.get("/admin/").status_code == 303
    b = signed_in("editor")
    sid = stack.admin_rows("SELECT MAX(id) FROM sessions")[0][0]
    stack.admin_sql("UPDATE sessions SET expires_at = UTC_TIMESTAMP() - "
                    "INTERVAL 1 SECOND WHERE id = %s" % sid)
    assert b.get("/admin/").status_code == 303


def test_throttling_and_lifting_it(stack, users):
    create_user(stack, "throttled", "editor")
    a = Admin(stack)
    for _ in range(4):
        r = a.post("/admin/login", {"login": "throttled",
                                    "password": "wrong password 123"},
                   csrf=False)
        assert r.status_code in (403, 429)
    # Even the right password waits now, and nothing says whether it was
    # right.
    r = a.post("/admin/login", {"login": "throttled", "password": PASSWORD},
               csrf=False)
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1
    assert session_cookie(r) is None
    assert b"Too many failed sign-ins" in r.content
    assert stack.admin_rows("SELECT id FROM audit_log WHERE action = "
                            "'login-throttled' AND detail LIKE "
                            "'%throttled%'")
    cli(stack, "user", "unthrottle", "throttled")
    r = a.post("/admin/login", {"login": "throttled", "password": PASSWORD},
               csrf=False)
    assert r.status_code == 303
    # The record of the failures stays.
    assert int(stack.admin_rows(
        "SELECT COUNT(*) FROM login_attempts WHERE login = 'throttled' "
        "AND success = 0")[0][0]) >= 4


def test_disabled_user_cannot_sign_in(stack, users):
    create_user(stack, "leaver", "author")
    a = Admin(stack)
    assert a.sign_in("leaver").status_code == 303
    cli(stack, "user", "disable", "leaver")
    assert a.get("/admin/").status_code == 303
    b = Admin(stack)
    assert b.sign_in("leaver").status_code == 403


def test_cli_user_list_and_passwd(stack, users):
    out = cli(stack, "user", "list").stdout
    assert re.search(r"^ada\s+admin\s+active", out, re.M)
    assert re.search(r"^tran\s+translator\s+active\s+off\s+fr,es", out, re.M)
    r = cli(stack, "user", "add", "weak", "--role", "author",
            "--password-stdin", input="password123\n", check=False)
    assert r.returncode == 1
    assert "password refused" in r.stderr
    r = cli(stack, "user", "add", "ada", "--role", "author",
            "--password-stdin", input=PASSWORD + "\n", check=False)
    assert r.returncode == 1
    create_user(stack, "changer", "author")
    a = Admin(stack)
    assert a.sign_in("changer").status_code == 303
    r = cli(stack, "user", "passwd", "changer")
    newpw = re.search(r"^password: (\S+)$", r.stdout, re.M).group(1)
    # The password change ended the session.
    assert a.get("/admin/").status_code == 303
    assert Admin(stack).sign_in("changer", newpw).status_code == 303


def test_post_without_any_session_is_not_kept(stack, users, anon):
    """Without a cookie naming an ended session nothing is held: a stranger
    cannot leave text for someone else's sign-in to replay."""
    before = stack.admin_rows("SELECT COUNT(*) FROM held_posts")[0][0]
    r = anon.post("/admin/items/1", {"title": "x"}, csrf=False)
    assert r.status_code == 200
    assert b"was not\n          kept" in r.content or b"not kept" in \
        r.content or b"was not" in r.content
    assert not doc(r).xpath("//input[@name='held']")
    assert stack.admin_rows("SELECT COUNT(*) FROM held_posts")[0][0] == \
        before


def test_forms_with_passwords_are_never_held(stack, signed_in):
    a = signed_in("eddie")
    _expire_sessions(stack, "eddie")
    before = stack.admin_rows("SELECT COUNT(*) FROM held_posts")[0][0]
    for path, data in [("/admin/account/password",
                        {"current": PASSWORD, "password": "x" * 20,
                         "repeat": "x" * 20}),
                       ("/admin/users/", {"login": "sneaky",
                                          "role": "admin"}),
                       ("/admin/logout", {})]:
        r = a.post(path, data, csrf=False)
        assert r.status_code == 200, path
        assert not doc(r).xpath("//input[@name='held']"), path
    assert stack.admin_rows("SELECT COUNT(*) FROM held_posts")[0][0] == \
        before


def _edit_form(a, item_id):
    action, pairs = a.form_fields("/admin/items/%d" % item_id,
                                  "//form[.//input[@name='version']]"
                                  "[.//textarea]")
    return pairs


def _expire_sessions(stack, login):
    stack.admin_sql("UPDATE sessions s JOIN users u ON u.id = s.user_id "
                    "SET s.last_seen_at = UTC_TIMESTAMP() - INTERVAL 2 DAY "
                    "WHERE u.login = '%s'" % login)


def _sign_in_with_held(stack, resp, login):
    held = doc(resp).xpath("//input[@name='held']/@value")[0]
    b = Admin(stack)
    return b, b.post("/admin/login", {"login": login, "password": PASSWORD,
                                      "held": held}, csrf=False)


def _new_draft(a, title):
    action, pairs = a.form_fields("/admin/items/new?kind=news&lang=en",
                                  "//form[.//textarea]")
    pairs = [(k, v) for k, v in pairs if k not in ("title", "summary",
                                                    "body")]
    pairs += [("title", title), ("summary", "Summary of " + title),
              ("body", "First text of " + title)]
    r = a.post("/admin/items/new", pairs, csrf=False)
    assert r.status_code == 303, r.text[:3000]
    return int(path_of(r.headers["Location"]).split("/")[3].split("?")[0])


def test_held_save_goes_through_after_sign_in(stack, signed_in):
    a = signed_in("editor")
    item = _new_draft(a, "Held save test one")
    pairs = _edit_form(a, item)
    pairs = [(k, v if k != "body" else "Text typed during a long lunch")
             for k, v in pairs]
    _expire_sessions(stack, "eddie")
    r = a.post("/admin/items/%d" % item, pairs, csrf=False)
    # The session ended: the sign-in page, and the text is not lost.
    assert r.status_code == 200
    assert b"Your changes are kept" in r.content
    body = stack.admin_rows("SELECT body_md FROM items WHERE id = %d" % item)
    assert body[0][0] == "First text of Held save test one"
    b, r = _sign_in_with_held(stack, r, "eddie")
    assert r.status_code == 303, r.text[:2000]
    assert path_of(r.headers["Location"]).startswith("/admin/items/%d"
                                                     % item)
    body = stack.admin_rows("SELECT body_md FROM items WHERE id = %d" % item)
    assert body[0][0] == "Text typed during a long lunch"
    # A held save is replayed once only, then deleted.
    assert stack.admin_rows("SELECT COUNT(*) FROM held_posts WHERE "
                            "path = '/admin/items/%d'" % item)[0][0] == "0"


def test_held_save_meets_the_conflict_page(stack, signed_in):
    a = signed_in("editor")
    item = _new_draft(a, "Held save test two")
    mine = [(k, v if k != "body" else "My held paragraph, not to be lost")
            for k, v in _edit_form(a, item)]
    _expire_sessions(stack, "eddie")
    r = a.post("/admin/items/%d" % item, mine, csrf=False)
    assert b"Your changes are kept" in r.content
    # Meanwhile someone else saves.
    c = signed_in("edna")
    theirs = [(k, v if k != "body" else "Their newer paragraph")
              for k, v in _edit_form(c, item)]
    assert c.post("/admin/items/%d" % item, theirs,
                  csrf=False).status_code == 303
    b, r = _sign_in_with_held(stack, r, "eddie")
    assert r.status_code == 409
    d = doc(r)
    assert d.xpath("//textarea[@name='body']")[0].text == \
        "My held paragraph, not to be lost"
    assert "Their newer paragraph" in d.text_content()
    body = stack.admin_rows("SELECT body_md FROM items WHERE id = %d" % item)
    assert body[0][0] == "Their newer paragraph"


def test_held_save_of_another_account_is_not_replayed(stack, signed_in):
    a = signed_in("editor")
    item = _new_draft(a, "Held save test three")
    pairs = [(k, v if k != "body" else "Should not be saved by edna")
             for k, v in _edit_form(a, item)]
    _expire_sessions(stack, "eddie")
    r = a.post("/admin/items/%d" % item, pairs, csrf=False)
    assert b"Your changes are kept" in r.content
    b, r2 = _sign_in_with_held(stack, r, "edna")
    # edna signed in on eddie's held form: not replayed as hers, and
    # still there for eddie.
    assert r2.status_code == 303
    assert "done=held-gone" in r2.headers["Location"]
    body = stack.admin_rows("SELECT body_md FROM items WHERE id = %d" % item)
    assert body[0][0] == "First text of Held save test three"
    c, r3 = _sign_in_with_held(stack, r, "eddie")
    assert r3.status_code == 303
    body = stack.admin_rows("SELECT body_md FROM items WHERE id = %d" % item)
    assert body[0][0] == "Should not be saved by edna"
    # Replayed once: the held text is gone from the database.
    assert stack.admin_rows("SELECT COUNT(*) FROM held_posts WHERE "
                            "path = '/admin/items/%d'" % item)[0][0] == "0"


def test_known_password_buys_no_free_code_guesses(stack, users):
    """With a second factor, a right password is not a success: the wrong
    codes that follow keep adding up on the account until it waits."""
    from adminlib import totp
    key = b"12345678901234567890"
    create_user(stack, "twofa", "editor")
    stack.admin_sql("UPDATE users SET totp_secret = UNHEX('%s') WHERE "
                    "login = 'twofa'" % key.hex())
    wrong = totp(key, t=__import__("time").time() + 7200)
    last = None
    for _ in range(7):
        a = Admin(stack)
        r = a.post("/admin/login", {"login": "twofa", "password": PASSWORD},
                   csrf=False)
        last = r
        if r.status_code == 429:
            break
        assert r.status_code == 200 and b'name="code"' in r.content
        a.csrf = doc(r).xpath("//input[@name='_csrf']/@value")[0]
        r = a.post("/admin/login/code", {"code": wrong})
        assert r.status_code in (403, 429)
    assert last.status_code == 429, "password sign-ins reset the count"


def test_next_with_controls_is_ignored(stack, users):
    a = Admin(stack)
    r = a.post("/admin/login", {"login": "eddie", "password": PASSWORD,
                                "next": "/admin/x\r\nSet-Cookie: a=b"},
               csrf=False)
    assert r.status_code == 303
    assert path_of(r.headers["Location"]).startswith("/admin/?")
    assert session_cookie(r) is not None
