"""The two database accounts, used for real: the public program's can read
the public content and nothing else, and can change nothing."""

import pytest


@pytest.fixture(scope="session")
def public(stack):
    pw = stack.secrets()["BS_PW_PUBLIC"]

    def run(query):
        return stack.sql(query, user="broadside_public", password=pw,
                         check=False)
    return run


@pytest.fixture(scope="session")
def admin(stack):
    pw = stack.secrets()["BS_PW_ADMIN"]

    def run(query):
        return stack.sql(query, user="broadside_admin", password=pw,
                         check=False)
    return run


def denied(proc):
    return proc.returncode != 0 and (
        "denied" in proc.stderr or "ERROR 1142" in proc.stderr or
        "ERROR 1044" in proc.stderr or "ERROR 1227" in proc.stderr)


def test_public_account_reads_public_content(public):
    for table in ["items", "tags", "item_tags", "organisations",
                  "signatories", "media", "item_media", "events", "speakers",
                  "event_languages", "languages", "site_state"]:
        p = public("SELECT COUNT(*) FROM %s" % table)
        assert p.returncode == 0, (table, p.stderr)


@pytest.mark.parametrize("table", ["users", "sessions", "audit_log",
                                   "login_attempts", "revisions",
                                   "user_languages"])
def test_public_account_cannot_read_private_tables(public, table):
    p = public("SELECT * FROM %s LIMIT 1" % table)
    assert denied(p), (table, p.returncode, p.stdout, p.stderr)


@pytest.mark.parametrize("query", [
    "INSERT INTO tags (lang, slug, name) VALUES ('en', 'pwned', 'pwned')",
    "UPDATE items SET title = 'pwned'",
    "UPDATE site_state SET generation = generation + 1",
    "DELETE FROM items",
    "DELETE FROM organisations WHERE 1 = 0",
    "REPLACE INTO languages (code, name) VALUES ('xx', 'pwned')",
    "CREATE TABLE pwned (id INT)",
    "DROP TABLE items",
    "ALTER TABLE items ADD COLUMN pwned INT",
    "TRUNCATE TABLE item_tags",
    "CREATE TEMPORARY TABLE t (id INT)",
    "GRANT SELECT ON broadside.* TO broadside_public@localhost",
    "SELECT * FROM mysql.user",
])
def test_public_account_cannot_write(public, query):
    p = public(query)
    assert denied(p), (query, p.returncode, p.stdout, p.stderr)


def test_nothing_changed(stack):
    n = stack.rows("SELECT COUNT(*) FROM broadside.tags WHERE slug = 'pwned'")
    assert n == [["0"]]
    n = stack.rows("SELECT COUNT(*) FROM broadside.items WHERE title = 'pwned'")
    assert n == [["0"]]


def test_admin_account_reads_and_writes(admin):
    assert admin("SELECT COUNT(*) FROM users").returncode == 0
    p = admin("START TRANSACTION; UPDATE site_state SET generation = "
              "generation WHERE id = 1; ROLLBACK")
    assert p.returncode == 0, p.stderr


def test_admin_account_is_not_a_superuser(admin):
    p = admin("SELECT * FROM mysql.user")
    assert denied(p), (p.returncode, p.stderr)
    p = admin("CREATE DATABASE pwned")
    assert denied(p), (p.returncode, p.stderr)
