"""Helpers and fixtures for the admin's HTTP tests.

Users are made with the real command line (`broadside user add`), and
clients sign in through the real form, so every test goes through the
same doors an editor does.  Admin requests go to nginx, whose URL is the
configured base URL: the same-origin check compares Origin with it.

Fixtures (imported by conftest.py):
    users       the accounts of the test run, by role: {"admin": "ada", ...}
    signed_in   a factory: signed_in("editor") -> a signed-in Admin client
    anon        an Admin client that has not signed in
"""

import base64
import hashlib
import hmac
import os
import struct
import subprocess
import time
import urllib.parse

import lxml.html
import pytest
import requests

PASSWORD = "Blue kettles sing at dawn 7"

# login, role, translator languages
ACCOUNTS = [
    ("ada", "admin", ()),
    ("eddie", "editor", ()),
    ("edna", "editor", ()),
    ("aude", "author", ()),
    ("otto", "author", ()),
    ("tran", "translator", ("fr", "es")),
]


def cli(stack, *args, input=None, check=True):
    """Runs the `broadside` program against the test stack's config."""
    exe = os.path.join(stack.builddir, "broadside")
    proc = subprocess.run([exe, "-c", stack.config] + list(args),
                          input=input, capture_output=True, text=True,
                          timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError("broadside %s failed (%d): %s%s" % (
            " ".join(args), proc.returncode, proc.stdout, proc.stderr))
    return proc


def create_user(stack, login, role, langs=(), password=PASSWORD,
                name=None):
    args = ["user", "add", login, "--role", role, "--password-stdin"]
    if name:
        args += ["--name", name]
    for lang in langs:
        args += ["--lang", lang]
    return cli(stack, *args, input=password + "\n")


def totp(secret, t=None, step=30, digits=6):
    """RFC 6238 code of a secret given as bytes or base32 text."""
    if isinstance(secret, str):
        s = secret.replace(" ", "").upper()
        secret = base64.b32decode(s + "=" * (-len(s) % 8))
    counter = int((time.time() if t is None else t) // step)
    mac = hmac.new(secret, struct.pack(">Q", counter), hashlib.sha1).digest()
    off = mac[-1] & 0x0F
    code = (struct.unpack(">I", mac[off:off + 4])[0] & 0x7FFFFFFF)
    return "%0*d" % (digits, code % (10 ** digits))


def doc(resp):
    return lxml.html.document_fromstring(resp.content)


class Admin:
    """A client of /admin/ that behaves like a browser: it keeps the
    cookie, sends Origin on POSTs and the CSRF token of the last page."""

    def __init__(self, stack):
        self.stack = stack
        self.base = stack.base_url
        self.s = requests.Session()
        self.s.headers["Accept-Encoding"] = "identity"
        self.csrf = None
        self.login_name = None

    def url(self, path):
        return path if path.startswith("http") else self.base + path

    def _remember(self, resp):
        if resp.headers.get("Content-Type", "").startswith("text/html"):
            try:
                d = doc(resp)
            except Exception:
                return resp
            t = d.xpath("//input[@name='_csrf']/@value")
            if t:
                self.csrf = t[0]
        return resp

    def get(self, path, **kw):
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 60)
        return self._remember(self.s.get(self.url(path), **kw))

    def post(self, path, data=None, csrf=True, origin=True, **kw):
        """POSTs a form.  data: a dict or a list of pairs.  csrf=True adds
        the token of the last page seen (fetching /admin/ if none);
        csrf=<str> sends that token; origin=True sends our Origin,
        origin=<str> that one, origin=None none."""
        kw.setdefault("allow_redirects", False)
        kw.setdefault("timeout", 120)
        pairs = list(data.items()) if isinstance(data, dict) else \
            list(data or [])
        if csrf is True:
            if self.csrf is None:
                self.get("/admin/")
            pairs = [("_csrf", self.csrf)] + pairs
        elif isinstance(csrf, str):
            pairs = [("_csrf", csrf)] + pairs
        headers = dict(kw.pop("headers", {}))
        if origin is True:
            headers["Origin"] = self.base
        elif isinstance(origin, str):
            headers["Origin"] = origin
        files = kw.pop("files", None)
        if files is not None:
            resp = self.s.post(self.url(path), data=pairs, files=files,
                               headers=headers, **kw)
        else:
            resp = self.s.post(self.url(path), data=pairs, headers=headers,
                               **kw)
        return self._remember(resp)

    def sign_in(self, login, password=PASSWORD, code=None):
        """Signs in through the form; returns the last response."""
        self.get("/admin/login")
        r = self.post("/admin/login", {"login": login, "password": password},
                      csrf=False)
        if r.status_code == 200 and b'name="code"' in r.content:
            if code is None:
                return r
            r = self.post("/admin/login/code", {"code": code})
        if r.status_code == 303:
            self.login_name = login
            self.get("/admin/")
        return r

    def form_fields(self, path_or_resp, form_xpath="//form[@method='post']"):
        """The fields a browser would submit from the first form matching
        form_xpath on a page, as a list of pairs (checked boxes and the
        selected options only), and the form's action."""
        resp = path_or_resp if hasattr(path_or_resp, "content") else \
            self.get(path_or_resp)
        d = doc(resp)
        form = d.xpath(form_xpath)[0]
        pairs = []
        for el in form.xpath(".//input|.//textarea|.//select"):
            name = el.get("name")
            if not name or el.get("disabled") is not None:
                continue
            tag = el.tag
            typ = (el.get("type") or "text").lower()
            if tag == "input" and typ in ("submit", "button", "image",
                                          "file", "reset"):
                continue
            if tag == "input" and typ in ("checkbox", "radio"):
                if el.get("checked") is not None:
                    pairs.append((name, el.get("value", "on")))
                continue
            if tag == "textarea":
                pairs.append((name, el.text or ""))
            elif tag == "select":
                sel = el.xpath(".//option[@selected]") or \
                    el.xpath(".//option")[:1]
                for o in sel:
                    pairs.append((name, o.get("value", o.text or "")))
            else:
                pairs.append((name, el.get("value", "")))
        return form.get("action"), pairs


def replace_fields(pairs, **changes):
    """pairs with the first value of each named field replaced (added if
    missing); names with '__' stand for '-'."""
    out = list(pairs)
    for k, v in changes.items():
        k = k.replace("__", "-")
        for i, (name, _) in enumerate(out):
            if name == k:
                out[i] = (name, v)
                break
        else:
            out.append((k, v))
    return out


@pytest.fixture(scope="session")
def users(stack):
    made = {}
    for login, role, langs in ACCOUNTS:
        create_user(stack, login, role, langs,
                    name=login.capitalize() + " Test")
        made.setdefault(role, login)
        made[login] = login
    return made


@pytest.fixture
def signed_in(stack, users):
    """signed_in(role_or_login) -> a new signed-in Admin client."""
    def make(who):
        login = users.get(who, who)
        a = Admin(stack)
        r = a.sign_in(login)
        assert r.status_code == 303, (r.status_code, r.text[:2000])
        return a
    return make


@pytest.fixture
def anon(stack):
    return Admin(stack)


def path_of(location):
    """The path and query of an absolute Location."""
    u = urllib.parse.urlsplit(location)
    return u.path + ("?" + u.query if u.query else "")


@pytest.fixture(autouse=True)
def _clear_address_throttle(request):
    """Every test client signs in from 127.0.0.1, so one module's failed
    sign-ins would throttle the next module's: after each admin test the
    address's failures are marked cleared (their record stays)."""
    yield
    if not request.node.module.__name__.startswith("test_admin"):
        return
    stack = request.getfixturevalue("stack")
    stack.admin_sql("UPDATE login_attempts SET cleared = 1 WHERE "
                    "success = 0 AND cleared = 0")
