"""The users page, one's own account (password, sessions, two-step sign-in
with recovery codes), the audit log and the settings."""

import re
import time

import pytest

from adminlib import (PASSWORD, Admin, create_user, doc, path_of,
                      replace_fields, totp)

NEW_PASSWORD = "Seven herons fold the map 42"


@pytest.fixture(autouse=True)
def no_throttles(stack):
    """Every request comes from the same address: failures of one test
    must not slow down the next one's sign-ins."""
    stack.admin_sql("UPDATE login_attempts SET cleared = 1 WHERE success = 0")
    yield
    stack.admin_sql("UPDATE login_attempts SET cleared = 1 WHERE success = 0")


def text(resp):
    return " ".join(doc(resp).text_content().split())


def user_id(stack, login):
    return int(stack.admin_rows(
        "SELECT id FROM users WHERE login = '%s'" % login)[0][0])


def audit_rows(stack, action, like="%"):
    return stack.admin_rows(
        "SELECT detail FROM audit_log WHERE action = '%s' AND detail LIKE "
        "'%s' ORDER BY id" % (action, like))


def field_error(resp, name):
    return doc(resp).xpath("//p[@id='e-%s']" % name)


def new_user_form(admin, **changes):
    action, pairs = admin.form_fields(
        "/admin/users/", "//form[contains(@class, 'user-new')]")
    assert action.endswith("/admin/users/")
    return replace_fields(pairs, **changes)


def test_pages_for_administrators_only(signed_in, stack, users):
    ada = user_id(stack, "ada")
    for role in ("editor", "author", "translator"):
        a = signed_in(role)
        for path in ("/admin/users/", "/admin/users/%d" % ada,
                     "/admin/audit", "/admin/settings"):
            r = a.get(path)
            assert r.status_code == 403, (role, path)
        for path, data in (
                ("/admin/users/", {"login": "sneaky", "name": "S",
                                   "role": "admin",
                                   "password": NEW_PASSWORD}),
                ("/admin/users/%d" % ada, {"name": "X", "role": "author"}),
                ("/admin/users/%d/unthrottle" % ada, {}),
                ("/admin/settings", {"preview_days": "3"})):
            assert a.post(path, data).status_code == 403, (role, path)
    assert not stack.admin_rows("SELECT id FROM users WHERE login='sneaky'")
    assert stack.admin_rows("SELECT role FROM users WHERE id = %d" %
                            ada)[0][0] == "admin"
    # The navigation shows those pages to administrators only.
    d = doc(signed_in("editor").get("/admin/account"))
    assert not d.xpath("//nav//a[contains(@href, '/admin/users/')]")
    d = doc(signed_in("admin").get("/admin/account"))
    assert d.xpath("//nav//a[contains(@href, '/admin/users/')]")


def test_admin_creates_a_user_who_can_sign_in(stack, signed_in):
    a = signed_in("admin")
    r = a.get("/admin/users/")
    assert r.status_code == 200
    d = doc(r)
    assert d.xpath("//a[text()='ada']")
    assert d.xpath("//input[@name='password'][@autocomplete='new-password']")
    pairs = new_user_form(a, login="newsdesk", name="News Desk",
                          email="desk@example.org", role="editor",
                          password=NEW_PASSWORD)
    r = a.post("/admin/users/", pairs)
    assert r.status_code == 303, text(r)[:500]
    assert path_of(r.headers["Location"]) == \
        "/admin/users/?done=user-created"
    r = a.get("/admin/users/")
    row = doc(r).xpath("//tr[th/a[text()='newsdesk']]")
    assert row
    assert "News Desk" in row[0].text_content()
    assert "Editor" in row[0].text_content()
    assert "Never" in row[0].text_content()
    b = Admin(stack)
    assert b.sign_in("newsdesk", NEW_PASSWORD).status_code == 303
    assert b.get("/admin/").status_code == 200
    rows = audit_rows(stack, "user-create", "%newsdesk%")
    assert rows and NEW_PASSWORD not in rows[0][0]
    # Last sign-in now shows a date.
    row = doc(a.get("/admin/users/")).xpath("//tr[th/a[text()='newsdesk']]")
    assert row[0].xpath(".//time")


def test_translator_needs_languages(stack, signed_in):
    a = signed_in("admin")
    r = a.post("/admin/users/", new_user_form(
        a, login="linguist", name="Lin Guist", role="translator",
        password=NEW_PASSWORD))
    assert r.status_code == 422
    assert field_error(r, "lang")
    pairs = new_user_form(a, login="linguist", name="Lin Guist",
                          role="translator", password=NEW_PASSWORD)
    pairs += [("lang", "fr"), ("lang", "ru")]
    r = a.post("/admin/users/", pairs)
    assert r.status_code == 303
    assert sorted(x[0] for x in stack.admin_rows(
        "SELECT lang FROM user_languages WHERE user_id = %d" %
        user_id(stack, "linguist"))) == ["fr", "ru"]
    # A language the site does not have is refused.
    pairs = new_user_form(a, login="linguist2", name="Lin", role="translator",
                          password=NEW_PASSWORD) + [("lang", "xx")]
    r = a.post("/admin/users/", pairs)
    assert r.status_code == 422
    assert field_error(r, "lang")


@pytest.mark.parametrize("password", [
    "password1234",             # a common one
    "short1!",                  # too short
    "123456789012345",          # a run of digits
    "weakling-weakling-1",      # contains the login
])
def test_weak_password_refused_with_a_message(stack, signed_in, password):
    a = signed_in("admin")
    r = a.post("/admin/users/", new_user_form(
        a, login="weakling", name="Weak Ling", role="author",
        password=password))
    assert r.status_code == 422
    err = field_error(r, "password")
    assert err and len(err[0].text_content().strip()) > 20
    # The rest of the form is kept; the password is not sent back.
    d = doc(r)
    assert d.xpath("//input[@name='login']/@value") == ["weakling"]
    assert d.xpath("//input[@name='name']/@value") == ["Weak Ling"]
    assert d.xpath("//input[@name='role'][@value='author']/@checked")
    assert password not in r.text
    assert d.xpath("//div[@class='error-summary']//a[@href='#f-password']")
    assert not stack.admin_rows(
        "SELECT id FROM users WHERE login = 'weakling'")


def test_bad_and_duplicate_logins(stack, signed_in):
    a = signed_in("admin")
    for login in ("Has Spaces", "x", "-dash", "a" * 65, "née"):
        r = a.post("/admin/users/", new_user_form(
            a, login=login, name="Someone", role="author",
            password=NEW_PASSWORD))
        assert r.status_code == 422, login
        assert field_error(r, "login"), login
    r = a.post("/admin/users/", new_user_form(
        a, login="eddie", name="Another Eddie", role="author",
        password=NEW_PASSWORD))
    assert r.status_code == 422
    assert "already" in field_error(r, "login")[0].text_content()
    r = a.post("/admin/users/", new_user_form(
        a, login="roleless", name="R", role="overlord",
        password=NEW_PASSWORD))
    assert r.status_code == 422
    assert field_error(r, "role")
    r = a.post("/admin/users/", new_user_form(
        a, login="mailless", name="M", role="author", email="not-an-email",
        password=NEW_PASSWORD))
    assert r.status_code == 422
    assert field_error(r, "email")


def test_edit_and_disable_ends_sessions_at_once(stack, signed_in):
    create_user(stack, "quitter", "author", name="Quinn Quitter")
    uid = user_id(stack, "quitter")
    b = Admin(stack)
    assert b.sign_in("quitter").status_code == 303
    assert b.get("/admin/").status_code == 200
    a = signed_in("admin")
    r = a.get("/admin/users/%d" % uid)
    assert r.status_code == 200
    action, pairs = a.form_fields(r, "//form[contains(@class, 'user-edit')]")
    assert dict(pairs)["name"] == "Quinn Quitter"
    assert dict(pairs)["role"] == "author"
    r = a.post(action, replace_fields(pairs, role="editor",
                                      name="Quinn Q."))
    assert r.status_code == 303
    assert stack.admin_rows("SELECT role, display_name FROM users WHERE "
                            "id = %d" % uid)[0] == ["editor", "Quinn Q."]
    detail = audit_rows(stack, "user-update", "%quitter%")[-1][0]
    assert "author" in detail and "editor" in detail
    # Still signed in after a role change.
    assert b.get("/admin/").status_code == 200
    r = a.post(action, replace_fields(pairs, disabled="1"))
    assert r.status_code == 303
    r = b.get("/admin/")
    assert r.status_code == 303
    assert "/admin/login" in r.headers["Location"]
    assert Admin(stack).sign_in("quitter").status_code == 403
    assert audit_rows(stack, "user-disable", "%quitter%")
    d = doc(a.get("/admin/users/"))
    assert "Disabled" in d.xpath("//tr[th/a[text()='quitter']]")[0] \
        .text_content()
    # Enabled again, the account signs in; the old session stays ended.
    action, pairs = a.form_fields("/admin/users/%d" % uid,
                                  "//form[contains(@class, 'user-edit')]")
    assert ("disabled", "1") in pairs
    pairs = [p for p in pairs if p[0] != "disabled"]
    assert a.post(action, pairs).status_code == 303
    assert audit_rows(stack, "user-enable", "%quitter%")
    assert b.get("/admin/").status_code == 303
    assert Admin(stack).sign_in("quitter").status_code == 303
    assert a.get("/admin/users/999999").status_code == 404


def test_last_administrator_cannot_demote_or_disable_self(stack, signed_in):
    others = [r[0] for r in stack.admin_rows(
        "SELECT id FROM users WHERE role = 'admin' AND disabled = 0 AND "
        "login <> 'ada'")]
    if others:
        stack.admin_sql("UPDATE users SET disabled = 1 WHERE id IN (%s)" %
                        ",".join(others))
    try:
        a = signed_in("admin")
        ada = user_id(stack, "ada")
        action, pairs = a.form_fields(
            "/admin/users/%d" % ada, "//form[contains(@class, 'user-edit')]")
        r = a.post(action, replace_fields(pairs, role="editor"))
        assert r.status_code == 422
        assert "last active administrator" in \
            field_error(r, "role")[0].text_content()
        r = a.post(action, replace_fields(pairs, disabled="1"))
        assert r.status_code == 422
        assert field_error(r, "disabled")
        assert stack.admin_rows("SELECT role, disabled FROM users WHERE "
                                "id = %d" % ada)[0] == ["admin", "0"]
        assert a.get("/admin/").status_code == 200
    finally:
        if others:
            stack.admin_sql("UPDATE users SET disabled = 0 WHERE id IN (%s)"
                            % ",".join(others))


def test_password_change_ends_other_sessions(stack, users):
    create_user(stack, "rotator", "author")
    a, b = Admin(stack), Admin(stack)
    assert a.sign_in("rotator").status_code == 303
    assert b.sign_in("rotator").status_code == 303
    r = a.get("/admin/account")
    assert r.status_code == 200
    d = doc(r)
    assert d.xpath("//input[@name='current'][@autocomplete='current-password']")
    assert d.xpath("//input[@name='password'][@autocomplete='new-password']")
    # Wrong current password, different repeats, a weak new one.
    r = a.post("/admin/account/password", {
        "current": "not my password at all", "password": NEW_PASSWORD,
        "repeat": NEW_PASSWORD})
    assert r.status_code == 422
    assert field_error(r, "current")
    assert NEW_PASSWORD not in r.text
    r = a.post("/admin/account/password", {
        "current": PASSWORD, "password": NEW_PASSWORD,
        "repeat": NEW_PASSWORD + "x"})
    assert r.status_code == 422
    assert field_error(r, "repeat")
    r = a.post("/admin/account/password", {
        "current": PASSWORD, "password": "qwertyuiopasdf",
        "repeat": "qwertyuiopasdf"})
    assert r.status_code == 422
    assert field_error(r, "password")
    assert b.get("/admin/").status_code == 200
    r = a.post("/admin/account/password", {
        "current": PASSWORD, "password": NEW_PASSWORD,
        "repeat": NEW_PASSWORD})
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == \
        "/admin/account?done=password-changed"
    assert a.get("/admin/account").status_code == 200
    assert b.get("/admin/").status_code == 303
    assert Admin(stack).sign_in("rotator").status_code == 403
    assert Admin(stack).sign_in("rotator", NEW_PASSWORD).status_code == 303
    assert audit_rows(stack, "password-change")
    assert audit_rows(stack, "password-wrong")
    for (detail,) in stack.admin_rows("SELECT detail FROM audit_log"):
        assert NEW_PASSWORD not in detail and PASSWORD not in detail


def test_sessions_are_listed_and_can_be_ended(stack, users):
    create_user(stack, "roamer", "author")
    a, b = Admin(stack), Admin(stack)
    assert a.sign_in("roamer").status_code == 303
    b.s.headers["User-Agent"] = "Second laptop browser"
    assert b.sign_in("roamer").status_code == 303
    r = a.get("/admin/account")
    d = doc(r)
    rows = d.xpath("//table[contains(@class, 'sessions')]/tbody/tr")
    assert len(rows) == 2
    assert len([x for x in rows if "this session" in x.text_content()]) == 1
    other = [x for x in rows if "Second laptop" in x.text_content()]
    assert other and "this session" not in other[0].text_content()
    end = other[0].xpath(".//form/@action")[0]
    assert re.search(r"/admin/account/sessions/\d+/end$", end)
    # Nobody else's session can be ended from here.
    c = Admin(stack)
    assert c.sign_in("eddie").status_code == 303
    assert c.post(path_of(end), {}).status_code == 404
    assert b.get("/admin/").status_code == 200
    r = a.post(path_of(end), {})
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == \
        "/admin/account?done=session-ended"
    r = b.get("/admin/")
    assert r.status_code == 303
    assert "/admin/login" in r.headers["Location"]
    assert a.get("/admin/").status_code == 200
    assert audit_rows(stack, "session-end")
    rows = doc(a.get("/admin/account")).xpath(
        "//table[contains(@class, 'sessions')]/tbody/tr")
    assert len(rows) == 1


def totp_key(resp):
    d = doc(resp)
    key = d.xpath("//p[@id='totp-key']")[0].text_content()
    uri = d.xpath("//code[starts-with(., 'otpauth://totp/')]")[0] \
        .text_content()
    return key.replace(" ", ""), uri


def sign_in_password(stack, login, password=PASSWORD):
    c = Admin(stack)
    r = c.sign_in(login, password)
    assert r.status_code == 200 and b'name="code"' in r.content
    return c


def test_totp_set_up_sign_in_replay_and_recovery(stack, users):
    create_user(stack, "tess", "editor")
    a = Admin(stack)
    assert a.sign_in("tess").status_code == 303
    r = a.get("/admin/account/totp")
    assert r.status_code == 200
    assert b"Start" in r.content
    # Starting asks for the password.
    r = a.post("/admin/account/totp", {"action": "start",
                                       "password": "wrong password here"})
    assert r.status_code == 422
    assert field_error(r, "password")
    r = a.post("/admin/account/totp", {"action": "start",
                                       "password": PASSWORD})
    assert r.status_code == 303
    r = a.get("/admin/account/totp")
    key, uri = totp_key(r)
    assert len(key) == 32                       # 20 bytes of base32
    assert uri.startswith("otpauth://totp/")
    assert "secret=" + key in uri and "issuer=" in uri and ":tess?" in uri
    assert doc(r).xpath("//input[@name='code'][@autocomplete='one-time-code']")
    # Not on yet: signing in asks for the password only.
    assert Admin(stack).sign_in("tess").status_code == 303
    r = a.post("/admin/account/totp", {"action": "confirm",
                                       "code": "000000" if totp(key) !=
                                       "000000" else "111111"})
    assert r.status_code == 422
    assert field_error(r, "code")
    assert totp_key(r)[0] == key
    r = a.post("/admin/account/totp", {"action": "confirm",
                                       "code": totp(key)})
    assert r.status_code == 200
    codes = [c.text_content() for c in doc(r).xpath(
        "//ul[@class='codes']//code")]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[a-z0-9]{5}-[a-z0-9]{5}", c) for c in codes)
    assert b"shown only this" in r.content
    assert audit_rows(stack, "totp-on")
    # Only hashes are stored.
    stored = [x[0] for x in stack.admin_rows(
        "SELECT HEX(code_hash) FROM recovery_codes WHERE user_id = %d" %
        user_id(stack, "tess"))]
    assert len(stored) == 10
    assert not stack.admin_rows("SELECT id FROM recovery_codes WHERE "
                                "code_hash = '%s'" % codes[0])
    r = a.get("/admin/account")
    assert "10 unused recovery codes" in text(r)

    # Sign-in now asks for a code; the next step's code is accepted
    # (clock drift), and the same code a second time is not.
    code = totp(key, time.time() + 30)
    b = sign_in_password(stack, "tess")
    assert b.get("/admin/").status_code == 303
    r = b.post("/admin/login/code", {"code": code})
    assert r.status_code == 303
    assert b.get("/admin/").status_code == 200
    c = sign_in_password(stack, "tess")
    r = c.post("/admin/login/code", {"code": code})
    assert r.status_code == 403
    assert c.get("/admin/").status_code == 303

    # A recovery code works once.
    d = sign_in_password(stack, "tess")
    assert d.post("/admin/login/code", {"code": codes[0]}).status_code == 303
    assert d.get("/admin/").status_code == 200
    e = sign_in_password(stack, "tess")
    assert e.post("/admin/login/code", {"code": codes[0]}).status_code == 403
    assert "9 unused recovery codes" in text(a.get("/admin/account"))

    # New codes replace the old ones (password first).
    r = a.get("/admin/account/totp")
    assert r.status_code == 200 and b"Turn off" in r.content
    r = a.post("/admin/account/totp", {"action": "codes",
                                       "password": PASSWORD})
    assert r.status_code == 200
    fresh = [x.text_content() for x in doc(r).xpath(
        "//ul[@class='codes']//code")]
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    f = sign_in_password(stack, "tess")
    assert f.post("/admin/login/code", {"code": codes[1]}).status_code == 403
    assert f.post("/admin/login/code", {"code": fresh[1]}).status_code == 303

    # Turning it off asks for the password.
    r = a.post("/admin/account/totp", {"action": "off",
                                       "password": "not it at all"})
    assert r.status_code == 422
    r = a.post("/admin/account/totp", {"action": "off",
                                       "password": PASSWORD})
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == "/admin/account?done=totp-off"
    assert audit_rows(stack, "totp-off")
    assert Admin(stack).sign_in("tess").status_code == 303
    assert not stack.admin_rows(
        "SELECT id FROM recovery_codes WHERE user_id = %d" %
        user_id(stack, "tess"))


def test_admin_turns_off_a_lost_second_factor(stack, signed_in):
    create_user(stack, "lostphone", "author")
    uid = user_id(stack, "lostphone")
    u = Admin(stack)
    assert u.sign_in("lostphone").status_code == 303
    assert u.post("/admin/account/totp", {"action": "start",
                                          "password": PASSWORD}) \
        .status_code == 303
    key, _ = totp_key(u.get("/admin/account/totp"))
    assert u.post("/admin/account/totp", {"action": "confirm",
                                          "code": totp(key)}) \
        .status_code == 200
    sign_in_password(stack, "lostphone")
    e = signed_in("editor")
    assert e.post("/admin/users/%d" % uid, {"action": "totp-off"}) \
        .status_code == 403
    a = signed_in("admin")
    r = a.get("/admin/users/%d" % uid)
    action, pairs = a.form_fields(r, "//form[contains(@class, 'totp-off')]")
    r = a.post(action, pairs)
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == \
        "/admin/users/%d?done=totp-off" % uid
    assert audit_rows(stack, "totp-off", "%lostphone%")
    assert Admin(stack).sign_in("lostphone").status_code == 303
    assert a.post("/admin/users/%d" % uid, {"action": "explode"}) \
        .status_code == 400


def test_totp_set_up_can_be_cancelled(stack, users):
    create_user(stack, "hesitant", "author")
    a = Admin(stack)
    assert a.sign_in("hesitant").status_code == 303
    assert a.post("/admin/account/totp", {"action": "start",
                                          "password": PASSWORD}) \
        .status_code == 303
    assert b"totp-key" in a.get("/admin/account/totp").content
    assert a.post("/admin/account/totp", {"action": "cancel"}) \
        .status_code == 303
    r = a.get("/admin/account/totp")
    assert b"totp-key" not in r.content
    assert a.post("/admin/account/totp", {"action": "bogus"}) \
        .status_code == 400


def test_audit_page(stack, signed_in, users):
    Admin(stack).sign_in("eddie", "wrong password, surely")
    a = signed_in("admin")
    r = a.get("/admin/audit")
    assert r.status_code == 200
    d = doc(r)
    actions = [x.text_content() for x in d.xpath(
        "//table[contains(@class, 'audit')]//td/code")]
    assert "login" in actions
    assert "login-failed" in actions
    options = d.xpath("//select[@name='action']/option/@value")
    for want in ("login", "login-failed", "user-create", "user-update"):
        assert want in options, want
    r = a.get("/admin/audit?action=login-failed")
    assert r.status_code == 200
    rows = doc(r).xpath("//table[contains(@class, 'audit')]/tbody/tr")
    assert rows
    assert {x.xpath("./td/code")[0].text_content() for x in rows} == \
        {"login-failed"}
    assert any("eddie" in x.text_content() for x in rows)
    eddie = user_id(stack, "eddie")
    r = a.get("/admin/audit?user=%d&action=login" % eddie)
    rows = doc(r).xpath("//table[contains(@class, 'audit')]/tbody/tr")
    assert rows
    for x in rows:
        assert x.xpath("./td/a/@href")[0].endswith("/admin/users/%d" % eddie)
    r = a.get("/admin/audit?action=user-create")
    assert "user-create" in text(r)
    # Pagination: 50 a page, a link to the older ones.
    total = int(stack.admin_rows("SELECT COUNT(*) FROM audit_log")[0][0])
    if total <= 50:
        stack.admin_sql(
            "INSERT INTO audit_log (at, action, detail) SELECT "
            "UTC_TIMESTAMP(), 'test-filler', 'filler' FROM languages l1, "
            "languages l2, languages l3, languages l4")
    r = a.get("/admin/audit")
    older = doc(r).xpath("//nav[contains(@class, 'pagination')]"
                         "//a[@rel='next']/@href")
    assert older and "page=2" in older[0]
    assert a.get(path_of(older[0])).status_code == 200
    assert a.get("/admin/audit?page=99999").status_code == 404
    for bad in ("page=abc", "page=0", "action=DROP%20TABLE", "user=-1",
                "user=abc"):
        assert a.get("/admin/audit?" + bad).status_code == 400, bad


def test_settings_validated_and_audited(stack, signed_in):
    stack.admin_sql("DELETE FROM settings")
    a = signed_in("admin")
    r = a.get("/admin/settings")
    assert r.status_code == 200
    d = doc(r)
    for name in ("default_event_zone", "session_idle_minutes",
                 "session_max_hours", "preview_days"):
        assert d.xpath("//input[@name='%s']" % name), name
        assert d.xpath("//label[@for='f-%s']" % name), name
    assert "from broadside.ini" in text(r)
    for name, bad in (("default_event_zone", "Mars/Olympus_Mons"),
                      ("default_event_zone", "../../etc/passwd"),
                      ("session_idle_minutes", "2"),
                      ("session_idle_minutes", "ten"),
                      ("session_max_hours", "99999"),
                      ("preview_days", "0")):
        r = a.post("/admin/settings", {name: bad})
        assert r.status_code == 422, (name, bad)
        assert field_error(r, name), (name, bad)
        assert doc(r).xpath("//input[@name='%s']/@value" % name) == [bad]
    assert not stack.admin_rows("SELECT name FROM settings")
    r = a.post("/admin/settings", {"default_event_zone": "Africa/Nairobi",
                                   "session_idle_minutes": "90",
                                   "preview_days": "3"})
    assert r.status_code == 303
    assert path_of(r.headers["Location"]) == \
        "/admin/settings?done=settings-saved"
    assert sorted(stack.admin_rows("SELECT name, value FROM settings")) == [
        ["default_event_zone", "Africa/Nairobi"], ["preview_days", "3"],
        ["session_idle_minutes", "90"]]
    details = [x[0] for x in audit_rows(stack, "settings")]
    assert any("session_idle_minutes" in x and "90" in x for x in details)
    assert any("Africa/Nairobi" in x for x in details)
    r = a.get("/admin/settings")
    assert doc(r).xpath("//input[@name='session_idle_minutes']/@value") == \
        ["90"]
    assert "set on this page" in text(r)
    # The session lifetimes follow the setting: 5 idle minutes.
    r = a.post("/admin/settings", {"session_idle_minutes": "5"})
    assert r.status_code == 303
    b = signed_in("editor")
    stack.admin_sql("UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() - "
                    "INTERVAL 10 MINUTE WHERE id = (SELECT id FROM (SELECT "
                    "MAX(id) AS id FROM sessions) s)")
    assert b.get("/admin/").status_code == 303
    # Empty fields return to the defaults.
    r = a.post("/admin/settings", {"default_event_zone": "",
                                   "session_idle_minutes": "",
                                   "session_max_hours": "",
                                   "preview_days": ""})
    assert r.status_code == 303
    assert not stack.admin_rows("SELECT name FROM settings")
    assert any("default" in x[0] for x in audit_rows(
        stack, "settings", "%session_idle_minutes%"))


def test_unthrottle_lifts_a_throttle(stack, signed_in):
    create_user(stack, "stumbler", "author")
    uid = user_id(stack, "stumbler")
    c = Admin(stack)
    for _ in range(4):
        r = c.post("/admin/login", {"login": "stumbler",
                                    "password": "wrong password 456"},
                   csrf=False)
        assert r.status_code in (403, 429)
    # More failures, from elsewhere, so the wait is long enough for a
    # slow machine; and a guessed login from an attacker's address.
    stack.admin_sql(
        "INSERT INTO login_attempts (login, client_addr, attempted_at, "
        "success) SELECT 'stumbler', '192.0.2.7', UTC_TIMESTAMP(), 0 "
        "FROM languages LIMIT 4")
    stack.admin_sql(
        "INSERT INTO login_attempts (login, client_addr, attempted_at, "
        "success) SELECT 'ghost-login', '198.51.100.9', UTC_TIMESTAMP(), 0 "
        "FROM languages LIMIT 4")
    stack.admin_sql(
        "INSERT INTO login_attempts (login, client_addr, attempted_at, "
        "success) SELECT CONCAT('probe-', code), '203.0.113.5', "
        "UTC_TIMESTAMP(), 0 FROM languages LIMIT 4")
    r = c.post("/admin/login", {"login": "stumbler", "password": PASSWORD},
               csrf=False)
    assert r.status_code == 429
    a = signed_in("admin")
    ada = user_id(stack, "ada")
    r = a.get("/admin/users/")
    d = doc(r)
    lift = d.xpath("//table[contains(@class, 'throttled')]//form/@action")
    assert any(x.endswith("/admin/users/%d/unthrottle" % uid) for x in lift)
    for want in ("192.0.2.7", "ghost-login", "203.0.113.5"):
        assert want in text(r), want
    assert "no such account" in text(r)
    assert d.xpath("//tr[th/a[text()='stumbler']]//*[text()='Throttled']")
    # The user's own page offers it too.
    r = a.get("/admin/users/%d" % uid)
    assert "failed sign-ins" in text(r)
    r = a.post("/admin/users/%d/unthrottle" % uid, {})
    assert r.status_code == 303
    r = c.post("/admin/login", {"login": "stumbler", "password": PASSWORD},
               csrf=False)
    assert r.status_code == 303
    assert audit_rows(stack, "unthrottle", "%stumbler%")
    # An address and a login that is no account, through one's own id.
    assert a.post("/admin/users/%d/unthrottle" % uid,
                  {"addr": "203.0.113.5"}).status_code == 400
    r = a.post("/admin/users/%d/unthrottle" % ada, {"addr": "203.0.113.5"})
    assert r.status_code == 303
    r = a.get("/admin/users/")
    assert "203.0.113.5" not in text(r)
    assert "ghost-login" in text(r)
    r = a.post("/admin/users/%d/unthrottle" % ada, {"login": "ghost-login"})
    assert r.status_code == 303
    r = a.get("/admin/users/")
    assert "ghost-login" not in text(r)
    assert "198.51.100.9" not in text(r)
    assert audit_rows(stack, "unthrottle", "%203.0.113.5%")
    assert audit_rows(stack, "unthrottle", "%ghost-login%")
    # The record of the failures stays.
    assert int(stack.admin_rows(
        "SELECT COUNT(*) FROM login_attempts WHERE login = 'ghost-login'")
        [0][0]) == 4
    assert a.post("/admin/users/999999/unthrottle", {}).status_code == 404
