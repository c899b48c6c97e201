"""The database goes away and comes back: pages answer 503 with Retry-After
and the site's error page meanwhile, then 200 again without restarting the
workers.  Runs last (file name): it stops the stack's MariaDB."""

import re
import time

import pytest

from conftest import SERVERS, parse

PATHS = ["/en/", "/fr/news/", "/en/tags/", "/en/organisations/"]


@pytest.fixture(scope="module")
def outage(stack, nginx, apache):
    """Stops MariaDB, yields, and makes sure it runs again afterwards."""
    for c in (nginx, apache):
        for p in PATHS:
            assert c.get(p).status_code == 200
    workers = stack.children(stack.pid("public"))
    stack.mariadb_stop()
    try:
        yield workers
    finally:
        if not stack.alive(stack.pid("mysqld")):
            stack.mariadb_start()


def clients(nginx, apache):
    return {"nginx": nginx, "apache": apache}


@pytest.mark.parametrize("name", SERVERS)
def test_database_down_is_503(outage, nginx, apache, name):
    c = clients(nginx, apache)[name]
    for path in PATHS + ["/en/news/?page=2"]:
        r = c.get(path)
        assert r.status_code == 503, (path, r.status_code)
        ra = r.headers.get("Retry-After", "")
        assert re.fullmatch(r"\d+", ra), "Retry-After: %r" % ra
        assert re.match(r"text/html;\s*charset=utf-8$",
                        r.headers.get("Content-Type", ""), re.I)
        doc = parse(r)
        assert doc.xpath("//main"), "503 page is not in the site's design"
        assert doc.get("lang") == path.split("/")[1]
        assert int(r.headers["Content-Length"]) == len(r.content)
        assert "no-store" in r.headers.get("Cache-Control", "") or \
            "max-age=0" in r.headers.get("Cache-Control", "") or \
            "no-cache" in r.headers.get("Cache-Control", ""), \
            "a 503 must not be cached as if it were the page"
    # The admin says so too, and its forms keep nothing half-written.
    for path in ["/admin/login", "/admin/"]:
        r = c.get(path)
        assert r.status_code == 503, (path, r.status_code)
        assert re.fullmatch(r"\d+", r.headers.get("Retry-After", ""))
        assert "no-store" in r.headers.get("Cache-Control", "")
    # Routing errors are still answered without the database.
    assert c.get("/de/").status_code == 404
    assert c.get("/").status_code in (301, 302, 303, 307, 308)


def test_workers_survive_the_outage(outage, stack):
    assert stack.children(stack.pid("public")) == outage


def test_database_back_pages_200_again(outage, stack, nginx, apache):
    stack.mariadb_start()
    started = time.monotonic()

    def all_ok():
        return all(c.get(p).status_code == 200
                   for c in (nginx, apache) for p in PATHS)
    assert stack.wait_until(all_ok, 10), "pages not back within 10 s"
    took = time.monotonic() - started
    assert took < 10
    # The same worker processes: they reconnected by themselves.
    assert stack.children(stack.pid("public")) == outage
    assert stack.wait_until(
        lambda: nginx.get("/admin/login").status_code == 200, 10)
    # And stay up: every worker answers (more requests than workers).
    for _ in range(4 * len(outage)):
        for c in (nginx, apache):
            assert c.get("/en/").status_code == 200
