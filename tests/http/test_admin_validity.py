"""Every page of the admin passes the Nu Html Checker, signed in as an
administrator (who sees every page), as test_validity.py does for the
public pages."""

import json
import os
import shutil
import subprocess
import tempfile

import pytest

from test_validity import vnu_jar


def admin_paths(stack):
    rows = stack.admin_rows

    def first(q):
        r = rows(q)
        return r[0][0] if r and r[0][0] not in (None, "NULL") else None

    paths = {"dashboard": "/admin/", "items": "/admin/items/",
             "items-filtered": "/admin/items/?kind=statement&status="
                               "published&q=a",
             "media": "/admin/media/", "orgs": "/admin/orgs/",
             "tags": "/admin/tags/?lang=ru",
             "users": "/admin/users/", "account": "/admin/account",
             "totp": "/admin/account/totp", "audit": "/admin/audit",
             "settings": "/admin/settings", "not-found": "/admin/nothing"}
    for kind in ["news", "case-study", "statement", "event"]:
        paths["new-" + kind] = "/admin/items/new?kind=%s&lang=en" % kind
        i = first("SELECT MIN(id) FROM items WHERE kind = '%s' AND "
                  "lang = 'en'" % kind)
        if i:
            paths["edit-" + kind] = "/admin/items/%s" % i
    i = first("SELECT item_id FROM revisions GROUP BY item_id "
              "HAVING COUNT(*) > 1 LIMIT 1") or \
        first("SELECT MIN(item_id) FROM revisions")
    if i:
        paths["revisions"] = "/admin/items/%s/revisions" % i
        revs = rows("SELECT id FROM revisions WHERE item_id = %s "
                    "ORDER BY id" % i)
        if len(revs) > 1:
            paths["diff"] = "/admin/items/%s/diff?a=%s&b=%s" % (
                i, revs[0][0], revs[-1][0])
        paths["preview"] = "/admin/items/%s/preview" % i
    m = first("SELECT MIN(id) FROM media")
    if m:
        paths["media-edit"] = "/admin/media/%s" % m
    o = first("SELECT MIN(id) FROM organisations")
    if o:
        paths["org-edit"] = "/admin/orgs/%s" % o
    u = first("SELECT MIN(id) FROM users")
    if u:
        paths["user-edit"] = "/admin/users/%s" % u
    return paths


def test_admin_pages_are_valid_html(stack, signed_in):
    jar = vnu_jar()
    assert jar, "vnu.jar not found: run 'npm ci --ignore-scripts'"
    java = shutil.which("java")
    assert java, "java not found: apt-get install default-jre-headless"
    a = signed_in("admin")
    paths = admin_paths(stack)
    tmp = tempfile.mkdtemp(prefix="broadside-vnu-admin.")
    files = {}
    try:
        for name, path in paths.items():
            r = a.get(path)
            assert r.status_code in (200, 404), (name, path, r.status_code)
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
    errors = []
    for m in report.get("messages", []):
        if m.get("type") == "error" or m.get("subType") == "fatal":
            url = m.get("url", "")
            name = next((n for f, n in files.items() if url.endswith(f)),
                        url)
            errors.append("%s (%s) line %s: %s [%s]" % (
                name, paths.get(name, "?"), m.get("lastLine"),
                m.get("message"), m.get("extract", "")))
    assert not errors, "\n".join(errors)
    assert len(files) >= 18, sorted(files.values())
