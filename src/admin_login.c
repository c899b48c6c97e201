/*
 * Signing in and out (admin.h): the one place passwords and second-factor
 * codes are tried, with throttling per account and per address, and the
 * held saves of forms posted after their session ended.
 *
 * A failed sign-in says only "login or password wrong" whatever failed
 * (unknown login, disabled account, wrong password), and an unknown
 * login still costs one hash computation, so neither the answer nor its
 * time tells whether an account exists.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "admin.h"
#include "arena.h"
#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "db_session.h"
#include "db_user.h"
#include "log.h"
#include "out.h"
#include "req.h"
#include "view.h"

#define HELD_HOURS		24	/* a held save waits this long */
#define HELD_PER_ADDR_HOUR	30	/* held saves per address and hour */
#define ADDR_THROTTLE_FREE	7	/* extra failures an address gets */
#define LOGIN_MAX		64	/* users.login */

/* What the sign-in page says above its form. */
enum	login_state {
	LOGIN_FORM,		/* plain */
	LOGIN_FAILED,		/* wrong login or password */
	LOGIN_THROTTLED,	/* too many failures: wait */
	LOGIN_HELD,		/* session ended; the save is kept */
	LOGIN_UPLOAD_LOST,	/* session ended; an upload cannot be kept */
	LOGIN_ENDED,		/* session ended; that form is not kept */
	LOGIN__MAX
};

static const char *const login_states[LOGIN__MAX] = {
	"form", "failed", "throttled", "held", "upload-lost", "ended",
};

/* A "next" target: an admin page of ours, nothing else. */
static const char *
next_ok(const char *next)
{
	const char	*p;

	/* A Location header takes no controls or spaces. */
	for (p = next; p != NULL && *p != '\0'; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return NULL;
	if (next == NULL || strncmp(next, "/admin/", 7) != 0 ||
	    strstr(next, "//") != NULL || strchr(next, '\\') != NULL ||
	    strncmp(next, "/admin/login", 12) == 0 || strlen(next) > 1000)
		return NULL;
	return next;
}

/* The sign-in page. */
static int
login_page(struct admin *a, struct out *o, enum login_state state,
    const char *login, const char *next, const char *held, long wait)
{
	struct view	*v;

	v = admin_view_new(a, NULL);
	view_push(v, "login");
	view_attr(v, "state", login_states[state]);
	view_attr(v, "login", login);
	view_attr(v, "next", next_ok(next));
	view_attr(v, "held", held);
	if (wait > 0)
		view_attr_int(v, "wait", wait);
	view_pop(v);
	return admin_render(a, "admin", v, o);
}

/* The second-factor page. */
static int
code_page(struct admin *a, struct out *o, int failed, const char *next,
    const char *held)
{
	struct view	*v;

	v = admin_view_new(a, NULL);
	view_push(v, "login-code");
	if (failed)
		view_attr(v, "state", "failed");
	view_attr(v, "next", next_ok(next));
	view_attr(v, "held", held);
	view_pop(v);
	return admin_render(a, "admin", v, o);
}

int
admin_login_form(struct admin *a, struct out *o)
{
	if (a->user.id != 0 && !a->mfa_pending)
		return admin_redirect(a, "/admin/");
	return login_page(a, o, LOGIN_FORM, NULL, admin_query(a, "next"),
	    NULL, 0);
}

/*
 * Seconds the account or the address must still wait before another
 * try, from their recent failures.  Returns -1 on a database error.
 */
static long
throttle_wait(struct admin *a, const char *login)
{
	struct login_failures f;
	time_t		 now = time(NULL), until = 0, t;

	if (db_login_failures(a->site->db, login, a->r->remote_addr,
	    &f) == -1)
		return -1;
	if (f.account > 0) {
		t = f.account_last + auth_throttle_delay(f.account);
		if (t > until)
			until = t;
	}
	if (f.addr > ADDR_THROTTLE_FREE) {
		t = f.addr_last +
		    auth_throttle_delay(f.addr - ADDR_THROTTLE_FREE);
		if (t > until)
			until = t;
	}
	return until > now ? (long)(until - now) : 0;
}

/* Answers a throttled attempt: 429 and how long to wait. */
static int
throttled(struct admin *a, struct out *o, const char *login, long wait,
    const char *next, const char *held)
{
	log_warnx("sign-in for \"%s\" from %s refused: throttled for %ld s",
	    login, a->r->remote_addr != NULL ? a->r->remote_addr : "?", wait);
	admin_audit(a, "login-throttled", NULL, 0,
	    "Sign-in for \"%s\" refused: wait %ld s", login, wait);
	a->r->resp.status = 429;
	a->r->resp.retry_after = (int)wait;
	return login_page(a, o, LOGIN_THROTTLED, login, next, held, wait);
}

/*
 * Starts a session for u: a new token (the cookie) and CSRF key; the old
 * cookie's session, if any, ends.
 */
static int
session_start(struct admin *a, const struct user *u, int pending)
{
	char		 token[AUTH_TOKEN_LEN + 1];
	unsigned char	 hash[AUTH_TOKEN_HASH_LEN];
	long		 max = admin_session_max_seconds(a);

	if (a->session_id != 0 &&
	    db_session_revoke(a->site->db, a->user.id, a->session_id) == -1)
		return -1;
	auth_token_new(token);
	if (auth_token_hash(token, hash) != 0)
		return -1;
	auth_csrf_new(a->csrf_secret);
	if (db_session_create(a->site->db, u->id, hash, a->csrf_secret, max,
	    pending, a->r->remote_addr, a->r->user_agent,
	    &a->session_id) == -1)
		return -1;
	a->user = *u;
	a->mfa_pending = pending;
	auth_csrf_token(a->csrf_secret, "post", a->csrf);
	admin_set_cookie(a, token, max);
	sodium_memzero(token, sizeof(token));
	return 0;
}

/* After a complete sign-in: the held save, else the page asked for. */
static int
signed_in(struct admin *a, struct out *o, const char *next,
    const char *held)
{
	unsigned char	 hash[AUTH_TOKEN_HASH_LEN];
	const char	*path, *body;
	int		 rc;

	if (held != NULL && held[0] != '\0') {
		if (auth_token_hash(held, hash) != 0)
			return 400;
		rc = db_held_take(a->site->db, a->r->arena, hash, a->user.id,
		    &path, &body);
		if (rc == -1)
			return 500;
		if (rc == 0) {
			log_warnx("held save not replayed for %s: expired, "
			    "used, or another account's", a->user.login);
			return admin_redirect(a, "/admin/?done=held-gone");
		}
		if (admin_form_parse(a, body, strlen(body)) != 0)
			return 400;
		a->body = body;
		a->bodylen = strlen(body);
		log_info("replaying a held save to %s for %s", path,
		    a->user.login);
		return admin_replay(a, path, o);
	}
	if ((next = next_ok(next)) != NULL)
		return admin_redirect(a, next);
	return admin_redirect(a, "/admin/?done=signed-in");
}

int
admin_login_post(struct admin *a, struct out *o)
{
	struct user	 u;
	const char	*login, *pw, *next, *held, *why = NULL;
	char		 newhash[crypto_pwhash_STRBYTES];
	long		 wait;
	int		 found, ok;

	login = admin_form(a, "login");
	pw = admin_form(a, "password");
	next = admin_form(a, "next");
	held = admin_form(a, "held");
	if (login == NULL || pw == NULL || login[0] == '\0' ||
	    strlen(login) > LOGIN_MAX || strlen(pw) > AUTH_PASSWORD_MAX) {
		log_warnx("sign-in: missing or oversized login or password");
		a->r->resp.status = 400;
		return login_page(a, o, LOGIN_FAILED, NULL, next, held, 0);
	}
	if ((wait = throttle_wait(a, login)) == -1)
		return 500;
	if (wait > 0)
		return throttled(a, o, login, wait, next, held);

	if ((found = db_user_by_login(a->site->db, a->r->arena, login,
	    &u)) == -1)
		return 500;
	if (found == 1)
		ok = auth_password_verify(u.password_hash, pw) == 1 &&
		    !u.disabled;
	else {
		/* The same work as a real check: see the file comment. */
		auth_password_hash(pw, newhash);
		ok = 0;
	}
	if (!ok) {
		why = found == 0 ? "no such login" : u.disabled ?
		    "account disabled" : "wrong password";
		log_warnx("sign-in for \"%s\" from %s failed: %s", login,
		    a->r->remote_addr != NULL ? a->r->remote_addr : "?", why);
		if (db_login_record(a->site->db, login, a->r->remote_addr,
		    0) == -1)
			return 500;
		admin_audit(a, "login-failed", found == 1 ? "user" : NULL,
		    found == 1 ? u.id : 0, "Failed sign-in for \"%s\": %s",
		    login, why);
		a->r->resp.status = 403;
		return login_page(a, o, LOGIN_FAILED, login, next, held, 0);
	}

	/* Parameters grew since this hash was made: store a new one. */
	if (auth_password_needs_rehash(u.password_hash) == 1 &&
	    auth_password_hash(pw, newhash) == 0 &&
	    db_user_set_password(a->site->db, u.id, newhash) == -1)
		return 500;
	/*
	 * With a second factor the sign-in succeeds only with the code: a
	 * success recorded now would clear the account's failures, and a
	 * known password would buy unthrottled guesses at the code.
	 */
	if (u.totp_len == 0 &&
	    db_login_record(a->site->db, login, a->r->remote_addr, 1) == -1)
		return 500;
	if (session_start(a, &u, u.totp_len > 0) == -1)
		return 500;
	if (u.totp_len > 0) {
		admin_audit(a, "login-password", "user", u.id,
		    "Password accepted; second factor asked");
		return code_page(a, o, 0, next, held);
	}
	admin_audit(a, "login", "user", u.id, "Signed in");
	return signed_in(a, o, next, held);
}

int
admin_login_code_form(struct admin *a, struct out *o)
{
	if (!a->mfa_pending)
		return admin_redirect(a, "/admin/");
	return code_page(a, o, 0, admin_query(a, "next"), NULL);
}

/*
 * Checks a TOTP code against the user's key for the steps around now and
 * records the step, so that the same code is not accepted twice.
 * Returns 1 (accepted), 0 (wrong or replayed) or -1.
 */
static int
totp_accept(struct admin *a, const char *code)
{
	long long	 step;
	int		 rc;

	rc = auth_totp_verify(a->user.totp_secret, a->user.totp_len,
	    time(NULL), code, &step);
	if (rc != 1)
		return rc;
	if ((rc = db_user_totp_step(a->site->db, a->user.id, step)) == 0)
		log_warnx("second factor for %s refused: code of step %lld "
		    "already used", a->user.login, step);
	return rc;
}

/* A recovery code: one use each.  Returns 1, 0 or -1. */
static int
recovery_accept(struct admin *a, const char *code)
{
	unsigned char	 hash[32];

	if (db_recovery_hash(code, hash) != 0)
		return 0;
	return db_recovery_use(a->site->db, a->user.id, hash);
}

/* A TOTP code is six digits; anything else may be a recovery code. */
static int
is_totp_code(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return i == AUTH_TOTP_DIGITS;
}

int
admin_login_code_post(struct admin *a, struct out *o)
{
	const char	*code, *next, *held;
	char		 clean[16];
	size_t		 i, n = 0;
	long		 wait;
	int		 rc;

	if (!a->mfa_pending)
		return admin_redirect(a, "/admin/");
	code = admin_form(a, "code");
	next = admin_form(a, "next");
	held = admin_form(a, "held");
	if ((wait = throttle_wait(a, a->user.login)) == -1)
		return 500;
	if (wait > 0) {
		a->r->resp.status = 429;
		a->r->resp.retry_after = (int)wait;
		log_warnx("second factor for %s throttled for %ld s",
		    a->user.login, wait);
		return code_page(a, o, 1, next, held);
	}
	/* People type codes with spaces; recovery codes have a '-'. */
	for (i = 0; code != NULL && code[i] != '\0' && n < sizeof(clean) - 1;
	    i++)
		if (code[i] != ' ')
			clean[n++] = code[i];
	clean[n] = '\0';
	rc = 0;
	if (code != NULL && strlen(code) < 32)
		rc = is_totp_code(clean) ? totp_accept(a, clean) :
		    recovery_accept(a, clean);
	if (rc == -1)
		return 500;
	if (rc == 0) {
		if (db_login_record(a->site->db, a->user.login,
		    a->r->remote_addr, 0) == -1)
			return 500;
		admin_audit(a, "login-failed", "user", a->user.id,
		    "Wrong second-factor code");
		a->r->resp.status = 403;
		return code_page(a, o, 1, next, held);
	}
	if (db_session_complete(a->site->db, a->session_id) == -1 ||
	    db_login_record(a->site->db, a->user.login, a->r->remote_addr,
	    1) == -1)
		return 500;
	a->mfa_pending = 0;
	admin_audit(a, "login", "user", a->user.id, "Signed in with %s",
	    is_totp_code(clean) ? "an authenticator code" :
	    "a recovery code");
	return signed_in(a, o, next, held);
}

int
admin_logout_post(struct admin *a, struct out *o)
{
	(void)o;
	if (db_session_revoke(a->site->db, a->user.id, a->session_id) == -1)
		return 500;
	admin_audit(a, "logout", "user", a->user.id, "Signed out");
	admin_set_cookie(a, "", 0);
	return admin_redirect(a, "/admin/login?done=signed-out");
}

int
admin_login_hold(struct admin *a, struct out *o)
{
	char		 token[AUTH_TOKEN_LEN + 1];
	unsigned char	 hash[AUTH_TOKEN_HASH_LEN];
	const char	*cookie;
	long long	 n, owner = 0;

	if (a->route == NULL || !a->route->holdable || a->body == NULL) {
		log_warnx("POST %s without a session: not a form that is "
		    "kept", a->r->path);
		return login_page(a, o, a->route != NULL &&
		    a->route->multipart ? LOGIN_UPLOAD_LOST : LOGIN_ENDED,
		    NULL, NULL, NULL, 0);
	}
	/*
	 * Kept only for the user whose session ended, named by the cookie
	 * the browser still has (admin_set_cookie): nobody else's sign-in
	 * replays it, and a stranger without one cannot leave text here.
	 */
	cookie = req_cookie_get(a->r, admin_cookie_name(a));
	if (cookie != NULL && auth_token_hash(cookie, hash) == 0 &&
	    db_session_owner(a->site->db, hash, &owner) == -1)
		return 500;
	if (owner == 0) {
		log_warnx("POST %s without a session or an ended one: not "
		    "kept", a->r->path);
		return login_page(a, o, LOGIN_ENDED, NULL, NULL, NULL, 0);
	}
	if (db_held_count_addr(a->site->db, a->r->remote_addr, &n) == -1)
		return 500;
	if (n >= HELD_PER_ADDR_HOUR) {
		log_warnx("POST %s without a session from %s: %lld saves "
		    "already held this hour, not keeping more", a->r->path,
		    a->r->remote_addr != NULL ? a->r->remote_addr : "?", n);
		a->r->resp.status = 429;
		return login_page(a, o, LOGIN_ENDED, NULL, NULL, NULL, 0);
	}
	auth_token_new(token);
	if (auth_token_hash(token, hash) != 0)
		return 500;
	if (db_held_put(a->site->db, hash, a->r->path, a->body, a->bodylen,
	    owner, a->r->remote_addr, HELD_HOURS) == -1)
		return 500;
	log_info("POST %s without a session: %zu bytes held for sign-in",
	    a->r->path, a->bodylen);
	return login_page(a, o, LOGIN_HELD, NULL, NULL, token, 0);
}

int
admin_replay(struct admin *a, const char *path, struct out *o)
{
	a->replay = 1;
	return admin_run_route(a, METHOD_POST, path, o);
}
