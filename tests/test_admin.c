/*
 * Unit tests of the admin's request plumbing that needs no server: route
 * patterns, ids from forms, the session cookie as the parser reads it, and
 * the CSRF token's binding to its session.
 */
#include "config.h"

#include <string.h>

#include "admin.h"
#include "arena.h"
#include "auth.h"
#include "broadside.h"
#include "req.h"
#include "check.h"

static void
test_path_match(struct arena *a)
{
	long long	 id, id2;
	const char	*tok;

	CHECK(admin_path_match(a, "/admin/", "/admin/", &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/", "/admin/x", &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/", "/admin/items",
	    &id, &id2, &tok));
	CHECK(admin_path_match(a, "/admin/items/#", "/admin/items/42",
	    &id, &id2, &tok));
	CHECK(id == 42 && id2 == 0 && tok == NULL);
	CHECK(admin_path_match(a, "/admin/items/#/previews/#/revoke",
	    "/admin/items/7/previews/9/revoke", &id, &id2, &tok));
	CHECK(id == 7 && id2 == 9);
	/* Numbers: no zero, no leading zeros, no signs, not too big. */
	CHECK(!admin_path_match(a, "/admin/items/#", "/admin/items/0",
	    &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#", "/admin/items/007",
	    &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#", "/admin/items/-1",
	    &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#", "/admin/items/+1",
	    &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#", "/admin/items/1e3",
	    &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#",
	    "/admin/items/99999999999999999999", &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#",
	    "/admin/items/9007199254740993", &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#", "/admin/items/",
	    &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/items/#", "/admin/items/5/",
	    &id, &id2, &tok));
	/* Tokens: base64url characters, 1 to 64. */
	CHECK(admin_path_match(a, "/admin/preview/*",
	    "/admin/preview/AbC-_09", &id, &id2, &tok));
	CHECK(tok != NULL && strcmp(tok, "AbC-_09") == 0);
	CHECK(!admin_path_match(a, "/admin/preview/*", "/admin/preview/",
	    &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/preview/*",
	    "/admin/preview/a.b", &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/preview/*",
	    "/admin/preview/a/b", &id, &id2, &tok));
	CHECK(!admin_path_match(a, "/admin/preview/*", "/admin/preview/"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    &id, &id2, &tok));
}

static void
test_admin_id(void)
{
	CHECK(admin_id("1") == 1);
	CHECK(admin_id("9007199254740992") == 9007199254740992LL);
	CHECK(admin_id(NULL) == 0);
	CHECK(admin_id("") == 0);
	CHECK(admin_id("0") == 0);
	CHECK(admin_id("01") == 0);
	CHECK(admin_id("-5") == 0);
	CHECK(admin_id("+5") == 0);
	CHECK(admin_id("5 ") == 0);
	CHECK(admin_id(" 5") == 0);
	CHECK(admin_id("0x10") == 0);
	CHECK(admin_id("12345678901234567") == 0);
}

/* The session cookie as a browser sends it, among others. */
static void
test_cookie(struct arena *a)
{
	struct req	 r;
	char		 token[AUTH_TOKEN_LEN + 1];
	unsigned char	 h1[AUTH_TOKEN_HASH_LEN], h2[AUTH_TOKEN_HASH_LEN];
	char		*hdr;

	memset(&r, 0, sizeof(r));
	auth_token_new(token);
	hdr = arena_printf(a, "theme=dark; bs_session=%s; x=1", token);
	CHECK(req_parse_cookies(a, hdr, &r.cookies, &r.cookiec) == 0);
	CHECK(req_cookie_get(&r, "bs_session") != NULL &&
	    strcmp(req_cookie_get(&r, "bs_session"), token) == 0);
	CHECK(auth_token_hash(req_cookie_get(&r, "bs_session"), h1) == 0);
	CHECK(auth_token_hash(token, h2) == 0);
	CHECK(memcmp(h1, h2, sizeof(h1)) == 0);
	/* A forged or truncated cookie never becomes a lookup. */
	CHECK(req_parse_cookies(a, "bs_session=abc", &r.cookies,
	    &r.cookiec) == 0);
	CHECK(auth_token_hash(req_cookie_get(&r, "bs_session"), h1) == -1);
	CHECK(req_parse_cookies(a, "bs_session='; DROP TABLE users; --",
	    &r.cookies, &r.cookiec) == 0);
	CHECK(auth_token_hash(req_cookie_get(&r, "bs_session"), h1) == -1);
	hdr = arena_printf(a, "bs_session=%.42s!", token);
	CHECK(req_parse_cookies(a, hdr, &r.cookies, &r.cookiec) == 0);
	CHECK(auth_token_hash(req_cookie_get(&r, "bs_session"), h1) == -1);
}

/* A token made for one session does not pass another's check. */
static void
test_csrf(void)
{
	unsigned char	 s1[AUTH_CSRF_SECRET_LEN], s2[AUTH_CSRF_SECRET_LEN];
	char		 t1[AUTH_CSRF_LEN + 1], t2[AUTH_CSRF_LEN + 1];

	auth_csrf_new(s1);
	auth_csrf_new(s2);
	auth_csrf_token(s1, "post", t1);
	auth_csrf_token(s2, "post", t2);
	CHECK(strcmp(t1, t2) != 0);
	CHECK(auth_csrf_check(s1, "post", t1) == 1);
	CHECK(auth_csrf_check(s2, "post", t1) == 0);
	CHECK(auth_csrf_check(s1, "post", NULL) == 0);
	CHECK(auth_csrf_check(s1, "post", "") == 0);
	t1[5] = t1[5] == 'A' ? 'B' : 'A';
	CHECK(auth_csrf_check(s1, "post", t1) == 0);
}

static void
test_roles(void)
{
	CHECK(role_from_name("admin") == ROLE_ADMIN);
	CHECK(role_from_name("translator") == ROLE_TRANSLATOR);
	CHECK(role_from_name("Admin") == ROLE__MAX);
	CHECK(role_from_name("") == ROLE__MAX);
	CHECK(role_from_name(NULL) == ROLE__MAX);
}

int
main(void)
{
	struct arena	*a = arena_new();

	test_path_match(a);
	test_admin_id();
	test_cookie(a);
	test_csrf();
	test_roles();
	arena_free(a);
	return CHECK_DONE();
}
