/*
 * Accounts, sessions, sign-in attempts, held saves and the audit log
 * (db_session.h).  Tokens reach this file only as hashes.
 */
#include "config.h"

#include <string.h>

#include "admin.h"
#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "db_session.h"
#include "log.h"

const char *const role_names[ROLE__MAX] = {
	"admin",	/* ROLE_ADMIN */
	"editor",	/* ROLE_EDITOR */
	"author",	/* ROLE_AUTHOR */
	"translator",	/* ROLE_TRANSLATOR */
};

enum role
role_from_name(const char *name)
{
	enum role	 r;

	for (r = 0; name != NULL && r < ROLE__MAX; r++)
		if (strcmp(name, role_names[r]) == 0)
			return r;
	return ROLE__MAX;
}

/* Columns of USER_COLS (db.c). */
static void
user_from_row(struct user *u, const struct db_row *r)
{
	memset(u, 0, sizeof(*u));
	u->id = r->v[0].i;
	u->login = r->v[1].s;
	u->display_name = r->v[2].s;
	u->email = r->v[3].s;
	u->role = role_from_name(r->v[4].s);
	u->password_hash = r->v[5].s;
	u->disabled = r->v[6].i != 0;
	if (!r->v[7].null && r->v[7].len > 0 &&
	    r->v[7].len <= sizeof(u->totp_secret)) {
		memcpy(u->totp_secret, r->v[7].s, r->v[7].len);
		u->totp_len = r->v[7].len;
	}
	u->totp_last_step = r->v[8].i;
	u->created_at = r->v[9].t;
	u->password_changed_at = r->v[10].t;
}

static void
lang_from_row(void *elem, const struct db_row *r)
{
	*(const char **)elem = r->v[0].s;
}

/* Runs a one-user lookup and loads the user's languages. */
static int
user_lookup(struct db *db, struct arena *a, enum stmt s,
    struct db_params *p, struct user *u)
{
	struct db_params lp;
	struct db_row	 row;
	void		*v;
	int		 rc = -1;

	if (db_exec(db, s, p) == -1)
		goto out;
	if ((rc = db_fetch(db, s, a, &row)) == 1)
		user_from_row(u, &row);
	db_done(db, s);
	if (rc != 1)
		goto out;
	if (u->role == ROLE__MAX) {
		log_warnx("user %lld has an unknown role", u->id);
		rc = -1;
		goto out;
	}
	db_params_init(&lp);
	db_param_int(&lp, u->id);
	if (db_exec_all(db, STMT_USER_LANGS, &lp, a, sizeof(char *),
	    lang_from_row, &v, &u->langc) == -1) {
		rc = -1;
		goto out;
	}
	u->langs = v;
	return 1;
out:
	db_done(db, s);
	return rc;
}

int
db_user_by_login(struct db *db, struct arena *a, const char *login,
    struct user *u)
{
	struct db_params p;

	db_params_init(&p);
	db_param_str(&p, login);
	return user_lookup(db, a, STMT_USER_BY_LOGIN, &p, u);
}

int
db_user_get(struct db *db, struct arena *a, long long id, struct user *u)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, id);
	return user_lookup(db, a, STMT_USER_GET, &p, u);
}

/* Executes a write and releases it.  Returns rows changed, or -1. */
static long long
write1(struct db *db, enum stmt s, struct db_params *p)
{
	long long	 n;

	if (db_exec(db, s, p) == -1)
		return -1;
	n = db_affected(db, s);
	db_done(db, s);
	return n;
}

int
db_user_set_password(struct db *db, long long id, const char *hash)
{
	struct db_params p;

	db_params_init(&p);
	db_param_str(&p, hash);
	db_param_int(&p, id);
	return write1(db, STMT_USER_SET_PASSWORD, &p) < 0 ? -1 : 0;
}

int
db_user_totp_step(struct db *db, long long id, long long step)
{
	struct db_params p;
	long long	 n;

	db_params_init(&p);
	db_param_int(&p, step);
	db_param_int(&p, id);
	db_param_int(&p, step);
	if ((n = write1(db, STMT_USER_TOTP_STEP, &p)) < 0)
		return -1;
	return n > 0;
}

int
db_session_create(struct db *db, long long user_id,
    const unsigned char token_hash[AUTH_TOKEN_HASH_LEN],
    const unsigned char csrf_secret[AUTH_CSRF_SECRET_LEN],
    long max_seconds, int mfa_pending, const char *client_addr,
    const char *user_agent, long long *id)
{
	struct db_params p;
	char		 ua[256];

	/* The column holds 255 characters; an agent is only a hint. */
	ua[0] = '\0';
	if (user_agent != NULL) {
		size_t	 n = strlen(user_agent);

		if (n > 200) {
			/* Cut on a UTF-8 boundary. */
			n = 200;
			while (n > 0 &&
			    ((unsigned char)user_agent[n] & 0xC0) == 0x80)
				n--;
		}
		memcpy(ua, user_agent, n);
		ua[n] = '\0';
	}
	db_params_init(&p);
	db_param_int(&p, user_id);
	db_param_blob(&p, token_hash, AUTH_TOKEN_HASH_LEN);
	db_param_blob(&p, csrf_secret, AUTH_CSRF_SECRET_LEN);
	db_param_int(&p, max_seconds);
	db_param_str(&p, client_addr);
	db_param_str(&p, user_agent != NULL ? ua : NULL);
	db_param_int(&p, mfa_pending != 0);
	if (db_exec(db, STMT_SESSION_INSERT, &p) == -1)
		return -1;
	*id = db_insert_id(db, STMT_SESSION_INSERT);
	db_done(db, STMT_SESSION_INSERT);
	return 0;
}

/* Columns of SESSION_COLS (db.c). */
static void
session_from_row(void *elem, const struct db_row *r)
{
	struct session	*s = elem;

	memset(s, 0, sizeof(*s));
	s->id = r->v[0].i;
	s->user_id = r->v[1].i;
	if (r->v[2].len == AUTH_CSRF_SECRET_LEN)
		memcpy(s->csrf_secret, r->v[2].s, AUTH_CSRF_SECRET_LEN);
	s->mfa_pending = r->v[3].i != 0;
	s->created_at = r->v[4].t;
	s->last_seen_at = r->v[5].t;
	s->expires_at = r->v[6].t;
	s->client_addr = r->v[7].s;
	s->user_agent = r->v[8].s;
}

int
db_session_lookup(struct db *db, struct arena *a,
    const unsigned char token_hash[AUTH_TOKEN_HASH_LEN], long idle_seconds,
    struct session *s)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_blob(&p, token_hash, AUTH_TOKEN_HASH_LEN);
	db_param_int(&p, idle_seconds);
	if (db_exec(db, STMT_SESSION_LOOKUP, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, STMT_SESSION_LOOKUP, a, &row)) == 1) {
		/* A key of another length would check as zeros: no session. */
		if (row.v[2].len != AUTH_CSRF_SECRET_LEN) {
			log_warnx("session %lld: malformed CSRF key",
			    row.v[0].i);
			rc = 0;
		} else
			session_from_row(s, &row);
	}
out:
	db_done(db, STMT_SESSION_LOOKUP);
	return rc;
}

int
db_session_touch(struct db *db, long long id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, id);
	return write1(db, STMT_SESSION_TOUCH, &p) < 0 ? -1 : 0;
}

int
db_session_complete(struct db *db, long long id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, id);
	return write1(db, STMT_SESSION_COMPLETE, &p) < 0 ? -1 : 0;
}

int
db_session_revoke(struct db *db, long long user_id, long long id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, id);
	db_param_int(&p, user_id);
	return write1(db, STMT_SESSION_REVOKE, &p) < 0 ? -1 : 0;
}

int
db_session_revoke_all(struct db *db, long long user_id, long long keep_id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, user_id);
	db_param_int(&p, keep_id);
	return write1(db, STMT_SESSION_REVOKE_ALL, &p) < 0 ? -1 : 0;
}

int
db_session_list(struct db *db, struct arena *a, long long user_id,
    long idle_seconds, struct session **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, user_id);
	db_param_int(&p, idle_seconds);
	rc = db_exec_all(db, STMT_SESSION_LIST, &p, a, sizeof(**out),
	    session_from_row, &v, outc);
	*out = v;
	return rc;
}

/* One COUNT(*), MAX(time) row. */
static int
count_last(struct db *db, enum stmt s, struct db_params *p, int *n,
    time_t *last)
{
	struct db_row	 row;
	int		 rc = -1;

	*n = 0;
	*last = 0;
	if (db_exec(db, s, p) == -1)
		goto out;
	if ((rc = db_fetch(db, s, NULL, &row)) == 1) {
		*n = row.v[0].i > 1000000 ? 1000000 : (int)row.v[0].i;
		*last = row.v[1].t;
	}
	rc = rc == -1 ? -1 : 0;
out:
	db_done(db, s);
	return rc;
}

int
db_login_failures(struct db *db, const char *login, const char *addr,
    struct login_failures *f)
{
	struct db_params p;

	memset(f, 0, sizeof(*f));
	db_params_init(&p);
	db_param_str(&p, login);
	db_param_str(&p, login);
	if (count_last(db, STMT_LOGIN_FAIL_ACCOUNT, &p, &f->account,
	    &f->account_last) == -1)
		return -1;
	if (addr == NULL)
		return 0;
	db_params_init(&p);
	db_param_str(&p, addr);
	return count_last(db, STMT_LOGIN_FAIL_ADDR, &p, &f->addr,
	    &f->addr_last);
}

int
db_login_record(struct db *db, const char *login, const char *addr,
    int success)
{
	struct db_params p;

	db_params_init(&p);
	db_param_str(&p, login);
	db_param_str(&p, addr != NULL ? addr : "");
	db_param_int(&p, success != 0);
	return write1(db, STMT_LOGIN_RECORD, &p) < 0 ? -1 : 0;
}

int
db_login_clear(struct db *db, const char *login, const char *addr)
{
	struct db_params p;

	if (login != NULL) {
		db_params_init(&p);
		db_param_str(&p, login);
		if (write1(db, STMT_LOGIN_CLEAR_LOGIN, &p) < 0)
			return -1;
	}
	if (addr != NULL) {
		db_params_init(&p);
		db_param_str(&p, addr);
		if (write1(db, STMT_LOGIN_CLEAR_ADDR, &p) < 0)
			return -1;
	}
	return 0;
}

int
db_held_put(struct db *db, const unsigned char hash[AUTH_TOKEN_HASH_LEN],
    const char *path, const char *body, size_t len, long long user_id,
    const char *client_addr, int hours)
{
	struct db_params p;

	/* Expired ones go first: held text is not kept past its time. */
	if (write1(db, STMT_HELD_PURGE, NULL) < 0)
		return -1;
	db_params_init(&p);
	db_param_blob(&p, hash, AUTH_TOKEN_HASH_LEN);
	db_param_str(&p, path);
	db_param_strn(&p, body, len);
	db_param_int(&p, user_id);
	/* "" for none, as db_held_count_addr() counts it. */
	db_param_str(&p, client_addr != NULL ? client_addr : "");
	db_param_int(&p, hours);
	return write1(db, STMT_HELD_INSERT, &p) < 0 ? -1 : 0;
}

int
db_session_owner(struct db *db,
    const unsigned char token_hash[AUTH_TOKEN_HASH_LEN], long long *user_id)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	*user_id = 0;
	db_params_init(&p);
	db_param_blob(&p, token_hash, AUTH_TOKEN_HASH_LEN);
	if (db_exec(db, STMT_SESSION_OWNER, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, STMT_SESSION_OWNER, NULL, &row)) == 1)
		*user_id = row.v[0].i;
out:
	db_done(db, STMT_SESSION_OWNER);
	return rc;
}

int
db_held_count_addr(struct db *db, const char *addr, long long *n)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	*n = 0;
	db_params_init(&p);
	db_param_str(&p, addr != NULL ? addr : "");
	if (db_exec(db, STMT_HELD_COUNT_ADDR, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, STMT_HELD_COUNT_ADDR, NULL, &row)) == 1)
		*n = row.v[0].i;
	rc = rc == -1 ? -1 : 0;
out:
	db_done(db, STMT_HELD_COUNT_ADDR);
	return rc;
}

int
db_held_take(struct db *db, struct arena *a,
    const unsigned char hash[AUTH_TOKEN_HASH_LEN], long long user_id,
    const char **path, const char **body)
{
	struct db_params p;
	struct db_row	 row;
	long long	 id = 0, n;
	int		 rc = -1;

	db_params_init(&p);
	db_param_blob(&p, hash, AUTH_TOKEN_HASH_LEN);
	db_param_int(&p, user_id);
	if (db_exec(db, STMT_HELD_GET, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, STMT_HELD_GET, a, &row)) == 1) {
		id = row.v[0].i;
		*path = row.v[1].s;
		*body = row.v[2].s;
	}
	db_done(db, STMT_HELD_GET);
	if (rc != 1)
		goto out;
	/* Whoever removes it first replays it; a second sign-in not. */
	db_params_init(&p);
	db_param_int(&p, id);
	if ((n = write1(db, STMT_HELD_USE, &p)) < 0)
		return -1;
	return n == 1;
out:
	db_done(db, STMT_HELD_GET);
	return rc;
}

int
db_audit(struct db *db, long long user_id, const char *client_addr,
    const char *action, const char *object_type, long long object_id,
    const char *detail)
{
	struct db_params p;

	db_params_init(&p);
	if (user_id > 0)
		db_param_int(&p, user_id);
	else
		db_param_null(&p);
	db_param_str(&p, client_addr);
	db_param_str(&p, action);
	db_param_str(&p, object_type);
	if (object_type != NULL && object_id > 0)
		db_param_int(&p, object_id);
	else
		db_param_null(&p);
	db_param_str(&p, detail != NULL ? detail : "");
	return write1(db, STMT_AUDIT_ADD, &p) < 0 ? -1 : 0;
}
