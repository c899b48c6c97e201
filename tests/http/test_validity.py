"""One page of every type passes the Nu Html Checker (npm vnu-jar, run with
Debian's Java) with no errors."""

import json
import os
import shutil
import subprocess
import tempfile

import pytest

from conftest import SEGMENTS, SRCDIR

PAGE_TYPES = ["home", "list-news", "list-case-study", "list-statement",
              "list-event", "list-page-2", "item-news", "item-case-study",
              "item-statement", "item-event", "tag-index", "tag",
              "org-index", "org", "not-found", "bad-request", "home-ru",
              "search-form", "search-results", "search-none",
              "method-not-allowed", "admin"]

# Pages asked for with another method than GET.
METHODS = {"method-not-allowed": "POST"}


def vnu_jar():
    """$VNU_JAR, else node_modules/ of the source tree or of a directory
    above it (make distcheck unpacks the tree inside the build directory)."""
    cand = os.environ.get("VNU_JAR", "")
    if cand and os.path.isfile(cand):
        return cand
    d = os.path.abspath(SRCDIR)
    while True:
        cand = os.path.join(d, "node_modules", "vnu-jar", "build", "dist",
                            "vnu.jar")
        if os.path.isfile(cand):
            return cand
        if os.path.dirname(d) == d:
            return None
        d = os.path.dirname(d)


def page_paths(db):
    paths = {"home": "/en/", "home-ru": "/ru/", "tag-index": "/en/tags/",
             "org-index": "/en/organisations/",
             "not-found": "/en/news/no-such-item",
             "bad-request": "/en/news/?page=abc",
             "search-form": "/en/search",
             "search-results": "/en/search?q=harm+reduction",
             "search-none": "/fr/search?q=zzqxjv",
             "method-not-allowed": "/ru/news/",
             "admin": "/admin/login"}
    for kind, seg in SEGMENTS.items():
        paths["list-" + kind] = "/en/%s/" % seg
        items = sorted(db.visible("en", kind))
        if kind == "event":
            rows = db.rows("SELECT slug FROM items WHERE lang = 'en' AND "
                           "title LIKE '%No More Loss%'")
            items = [("en", kind, rows[0][0])] if rows else items
        if items:
            paths["item-" + kind] = "/en/%s/%s" % (seg, items[0][2])
    longest = max(SEGMENTS, key=lambda k: len(db.visible("en", k)))
    paths["list-page-2"] = "/en/%s/?page=2" % SEGMENTS[longest]
    tags = sorted(db.tag_items("en"))
    if tags:
        paths["tag"] = "/en/tags/%s/" % tags[0][0]
    orgs = sorted(db.org_items("en"))
    if orgs:
        paths["org"] = "/en/organisations/%s/" % orgs[0][0]
    return paths


@pytest.fixture(scope="session")
def vnu_results(nginx, db):
    """Fetches one page of each type and runs vnu once over them all:
    {page type: (path, [error messages])}."""
    jar = vnu_jar()
    assert jar, ("vnu.jar not found: run 'npm ci --ignore-scripts' in the "
                 "source tree (scripts/check does) or set VNU_JAR")
    java = shutil.which("java")
    assert java, "java not found: apt-get install default-jre-headless"
    paths = page_paths(db)
    tmp = tempfile.mkdtemp(prefix="broadside-vnu.")
    files = {}
    try:
        for name, path in paths.items():
            r = nginx.request(METHODS.get(name, "GET"), path)
            assert r.headers["Content-Type"].startswith("text/html"), path
            f = os.path.join(tmp, name + ".html")
            with open(f, "wb") as out:
                out.write(r.content)
            files[f] = name
        p = subprocess.run([java, "-jar", jar, "--errors-only", "--format",
                            "json", "--exit-zero-always"] + sorted(files),
                           capture_output=True, text=True, timeout=300)
        report = json.loads(p.stderr or p.stdout)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    out = {name: (paths[name], []) for name in paths}
    for m in report.get("messages", []):
        url = m.get("url", "")
        name = files.get(url.replace("file:", "", 1)) or \
            next((n for f, n in files.items() if url.endswith(f)), None)
        if m.get("type") == "error" or m.get("subType") == "fatal":
            if name is None:
                raise AssertionError("vnu: %r" % m)
            out[name][1].append("line %s: %s [%s]" % (
                m.get("lastLine"), m.get("message"), m.get("extract", "")))
    return out


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_is_valid_html(vnu_results, page_type):
    assert page_type in vnu_results, "no page of type %s" % page_type
    path, errors = vnu_results[page_type]
    assert not errors, "%s (%s):\n%s" % (page_type, path, "\n".join(errors))
