"""Bad input gets a 4xx, never a 5xx or a crash: the workers that answered
are the same processes afterwards."""

import pytest

BAD_REQUESTS = [
    # (method, target, extra headers)
    ("GET", "/en/news/%zz", {}),
    ("GET", "/en/news/%", {}),
    ("GET", "/en/news/%4", {}),
    ("GET", "/en/%C3%28/", {}),
    ("GET", "/en/news/%C3%28", {}),
    ("GET", "/en/news/%C0%AF", {}),                  # overlong UTF-8
    ("GET", "/en/news/%ED%A0%80", {}),               # surrogate
    ("GET", "/en/news/%FF", {}),
    ("GET", "/en/news/%00", {}),
    ("GET", "/en/news/a%00b", {}),
    ("GET", "/en/news/%0d%0aX-Injected:%20yes", {}),
    ("GET", "/en/news/%01", {}),
    ("GET", "/en/" + "a" * 5000, {}),
    ("GET", "/en/news/" + "%41" * 2000, {}),
    ("GET", "/en/news/?q=" + "a" * 5000, {}),
    ("GET", "/en/news/?" + "&".join("p%d=1" % i for i in range(500)), {}),
    ("GET", "/en/news/?page=%zz", {}),
    ("GET", "/en/news/?page=%C3%28", {}),
    ("GET", "/en/news/?page=1%00", {}),
    ("GET", "/en/news/?page=99999999999999999999999999999999999", {}),
    ("GET", "/en/news/?page=-9223372036854775808", {}),
    ("GET", "/en/news/?a=%zz", {}),
    ("GET", "/en/news/?a=%C3%28", {}),
    ("GET", "/en/news/?%00=1", {}),
    ("GET", "/en/news/..%2f..%2f..%2fetc%2fpasswd", {}),
    ("GET", "/en/news/%2e%2e/%2e%2e/etc/passwd", {}),
    ("BREW", "/en/", {}),
    ("PROPFIND", "/en/", {}),
    ("PUT", "/en/", {}),
    ("DELETE", "/en/news/", {}),
    ("POST", "/en/", {"Content-Type": "application/x-www-form-urlencoded"}),
    ("PATCH", "/en/", {}),
    ("TRACE", "/en/", {}),
    ("GET", "/en/", {"Cookie": "a=%zz; b=%C3%28; " + "c=" + "x" * 6000}),
    ("GET", "/en/", {"If-None-Match": "\"" + "x" * 7000 + "\""}),
    ("GET", "/en/", {"If-Modified-Since": "Mon, 99 Foo 99999 99:99:99 GMT"}),
]

IDS = ["%s %s" % (m, t[:40]) for m, t, _ in BAD_REQUESTS]


@pytest.mark.parametrize("method,target,headers", BAD_REQUESTS, ids=IDS)
def test_bad_input_is_4xx(server, stack, method, target, headers):
    before = stack.children(stack.pid("public"))
    body = b"a=1" if method == "POST" else b""
    r = server.raw(method, target, headers, body)
    # Headers that are merely odd may be ignored (200); all else is 4xx.
    assert r.status_code < 500, (method, target[:80], r.status_code)
    if not headers:
        assert 400 <= r.status_code < 500, (method, target[:80], r.status_code)
    if method == "GET":
        assert b"X-Injected" not in b"".join(
            k.encode() + b":" for k in r.headers.keys())
    after = stack.children(stack.pid("public"))
    assert before == after, "a worker died: %r -> %r" % (before, after)


@pytest.mark.parametrize("method", ["BREW", "PROPFIND", "PUT", "DELETE",
                                    "POST", "PATCH", "OPTIONS"])
def test_unknown_method_on_a_page_is_405(server, method):
    r = server.raw(method, "/en/", {}, b"a=1" if method == "POST" else b"")
    assert r.status_code in (405, 501), (method, r.status_code)
    if r.status_code == 405:
        allow = r.headers.get("Allow", "")
        assert "GET" in allow and "HEAD" in allow, allow


def test_program_answers_bad_escape_itself(server):
    """A malformed escape that the web server lets through is rejected by
    the program with its own 400 page (not a 5xx, not a 200)."""
    r = server.raw("GET", "/en/news/?page=%zz")
    assert r.status_code == 400
    assert b"<main" in r.content


def test_overlong_path_is_414_or_400(server):
    r = server.raw("GET", "/en/news/" + "a" * 5000)
    assert r.status_code in (400, 404, 414)
    r = server.raw("GET", "/en/news/?q=" + "a" * 5000)
    assert r.status_code in (400, 414)


def test_workers_still_serve_after_bad_input(server, stack):
    pid = stack.pid("public")
    assert stack.alive(pid)
    workers = stack.children(pid)
    assert len(workers) >= 2, workers
    for _ in range(3):
        for method, target, headers in BAD_REQUESTS[:12]:
            server.raw(method, target, headers)
    for _ in range(10):
        assert server.get("/en/").status_code == 200
    assert stack.children(pid) == workers


def test_bad_input_is_logged(server, stack):
    """The program says in its log why it refused a request."""
    def lines():
        with open(stack.path("public.log"), errors="replace") as f:
            return f.read().splitlines()
    before = len(lines())
    r = server.raw("GET", "/en/news/?page=%zz")
    assert r.status_code == 400
    assert stack.wait_until(lambda: len(lines()) > before, 5), \
        "no log line for a malformed request"
    new = " ".join(lines()[before:])
    assert "escape" in new or "page" in new, new
