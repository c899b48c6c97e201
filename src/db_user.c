/*
 * User administration in the database: creating, listing and changing
 * accounts, TOTP set-up and recovery codes, newsroom settings, the audit
 * log's pages and the throttled sign-ins.  Sign-in itself (lookups by
 * login, sessions, attempts) is db_session.c's.
 *
 * Writes of more than one row are one transaction.  Nothing here sees a
 * password: hashes come in, recovery codes are hashed before they are
 * stored, and lists never load a hash or a key.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "db_internal.h"
#include "db_user.h"
#include "log.h"

/* MariaDB's ER_DUP_ENTRY: a unique key refused the row. */
#define	DB_ER_DUP_ENTRY	1062

/* Binds a user id, or NULL for 0 (nobody). */
static void
param_user(struct db_params *p, long long id)
{
	if (id > 0)
		db_param_int(p, id);
	else
		db_param_null(p);
}

/* Runs a statement whose one row holds one integer into *n; 0 or -1. */
static int
count(struct db *db, enum stmt s, struct db_params *p, long long *n)
{
	struct db_row	 row;
	int		 rc = -1;

	*n = 0;
	if (db_exec(db, s, p) == -1)
		goto out;
	if (db_fetch(db, s, NULL, &row) != 1)
		goto out;
	*n = row.v[0].i;
	rc = 0;
out:
	db_done(db, s);
	return rc;
}

/* Replaces the languages of user id; inside the caller's transaction. */
static int
langs_set(struct db *db, long long id, const char *const *langs,
    size_t langc)
{
	struct db_params p;
	size_t		 i;

	db_params_init(&p);
	db_param_int(&p, id);
	if (db_run(db, STMT_USR_LANG_DELETE, &p) == -1)
		return -1;
	for (i = 0; i < langc; i++) {
		db_params_init(&p);
		db_param_int(&p, id);
		db_param_str(&p, langs[i]);
		if (db_run(db, STMT_USR_LANG_INSERT, &p) == -1)
			return -1;
	}
	return 0;
}

/* Revokes every live session of user id. */
static int
sessions_revoke(struct db *db, long long id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, id);
	return db_run(db, STMT_USR_SESSIONS_REVOKE, &p);
}

int
db_user_create(struct db *db, const char *login, const char *display_name,
    const char *email, enum role role, const char *password_hash,
    const char *const *langs, size_t langc, long long *id)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1, found;

	*id = 0;
	if (role >= ROLE__MAX)
		return -1;
	if (db_tx_begin(db) == -1)
		return -1;
	/* Asked first, so an existing login is an answer, not a warning. */
	db_params_init(&p);
	db_param_str(&p, login);
	if (db_exec(db, STMT_USR_LOGIN_EXISTS, &p) == -1)
		goto out;
	found = db_fetch(db, STMT_USR_LOGIN_EXISTS, NULL, &row);
	db_done(db, STMT_USR_LOGIN_EXISTS);
	if (found == -1)
		goto out;
	if (found == 1) {
		rc = 1;
		goto out;
	}
	db_params_init(&p);
	db_param_str(&p, login);
	db_param_str(&p, display_name);
	db_param_str(&p, email);
	db_param_str(&p, role_names[role]);
	db_param_str(&p, password_hash);
	if (db_exec(db, STMT_USR_INSERT, &p) == -1) {
		/* Another request created it between the two statements. */
		if (db->lasterrno == DB_ER_DUP_ENTRY)
			rc = 1;
		db_done(db, STMT_USR_INSERT);
		goto out;
	}
	*id = db_insert_id(db, STMT_USR_INSERT);
	db_done(db, STMT_USR_INSERT);
	if (langs_set(db, *id, langs, langc) == -1)
		goto out;
	if (db_tx_commit(db) == -1) {
		*id = 0;
		return -1;
	}
	return 0;
out:
	db_tx_rollback(db);
	*id = 0;
	return rc;
}

static void
summary_from_row(void *elem, const struct db_row *r)
{
	struct user_summary *s = elem;
	struct user	*u = &s->user;

	u->id = r->v[0].i;
	u->login = r->v[1].s;
	u->display_name = r->v[2].s;
	u->email = r->v[3].s;
	u->role = role_from_name(r->v[4].s);
	u->disabled = r->v[5].i != 0;
	u->totp_len = r->v[6].i != 0;
	u->totp_last_step = -1;
	u->created_at = r->v[7].t;
	u->password_changed_at = r->v[8].t;
	s->last_login = r->v[9].t;
}

/* A (user id, language) row. */
struct	user_lang {
	long long	 user_id;
	const char	*lang;
};

static void
user_lang_from_row(void *elem, const struct db_row *r)
{
	struct user_lang *ul = elem;

	ul->user_id = r->v[0].i;
	ul->lang = r->v[1].s;
}

int
db_user_summaries(struct db *db, struct arena *a, struct user_summary **out,
    size_t *outc)
{
	struct user_summary *s;
	struct user_lang *ul;
	void		*v;
	size_t		 n, uln, i, j, k;

	*out = NULL;
	*outc = 0;
	if (db_exec_all(db, STMT_USR_LIST, NULL, a, sizeof(*s),
	    summary_from_row, &v, &n) == -1)
		return -1;
	s = v;
	if (db_exec_all(db, STMT_USR_LANGS_ALL, NULL, a, sizeof(*ul),
	    user_lang_from_row, &v, &uln) == -1)
		return -1;
	ul = v;
	/* Few users, few languages: a nested loop is plenty. */
	for (i = 0; i < n; i++) {
		k = 0;
		for (j = 0; j < uln; j++)
			if (ul[j].user_id == s[i].user.id)
				k++;
		s[i].user.langs = arena_calloc(a, k + 1, sizeof(char *));
		for (j = 0; j < uln; j++)
			if (ul[j].user_id == s[i].user.id)
				s[i].user.langs[s[i].user.langc++] =
				    ul[j].lang;
	}
	*out = s;
	*outc = n;
	return 0;
}

int
db_user_list(struct db *db, struct arena *a, struct user **out, size_t *outc)
{
	struct user_summary *s;
	struct user	*u;
	size_t		 n, i;

	*out = NULL;
	*outc = 0;
	if (db_user_summaries(db, a, &s, &n) == -1)
		return -1;
	u = arena_calloc(a, n + 1, sizeof(*u));
	for (i = 0; i < n; i++)
		u[i] = s[i].user;
	*out = u;
	*outc = n;
	return 0;
}

/*
 * Inside a transaction, after a write: 1 if no active administrator is
 * left (the caller rolls back), 0 if one is, -1 on error.
 */
static int
admins_gone(struct db *db)
{
	long long	 n;

	if (count(db, STMT_USR_ADMINS_ACTIVE, NULL, &n) == -1)
		return -1;
	return n == 0;
}

int
db_user_update(struct db *db, const struct user *u)
{
	struct db_params p;
	int		 rc = -1, gone;

	if (u->role >= ROLE__MAX)
		return -1;
	if (db_tx_begin(db) == -1)
		return -1;
	db_params_init(&p);
	db_param_str(&p, u->display_name);
	db_param_str(&p, u->email);
	db_param_str(&p, role_names[u->role]);
	db_param_int(&p, u->disabled ? 1 : 0);
	db_param_int(&p, u->id);
	if (db_run(db, STMT_USR_UPDATE, &p) == -1)
		goto out;
	if ((gone = admins_gone(db)) != 0) {
		if (gone == 1)
			rc = 1;
		goto out;
	}
	if (langs_set(db, u->id, u->langs, u->langc) == -1)
		goto out;
	if (u->disabled && sessions_revoke(db, u->id) == -1)
		goto out;
	return db_tx_commit(db);
out:
	db_tx_rollback(db);
	return rc;
}

int
db_user_set_disabled(struct db *db, long long id, int disabled)
{
	struct db_params p;
	int		 rc = -1, gone;

	if (db_tx_begin(db) == -1)
		return -1;
	db_params_init(&p);
	db_param_int(&p, disabled ? 1 : 0);
	db_param_int(&p, id);
	if (db_run(db, STMT_USR_SET_DISABLED, &p) == -1)
		goto out;
	if (disabled) {
		if ((gone = admins_gone(db)) != 0) {
			if (gone == 1)
				rc = 1;
			goto out;
		}
		if (sessions_revoke(db, id) == -1)
			goto out;
	}
	return db_tx_commit(db);
out:
	db_tx_rollback(db);
	return rc;
}

int
db_user_admins_active(struct db *db, long long *n)
{
	return count(db, STMT_USR_ADMINS_ACTIVE, NULL, n);
}

int
db_recovery_hash(const char *code, unsigned char out[32])
{
	char		 c[AUTH_RECOVERY_LEN + 1];
	size_t		 n = 0, len, i;
	unsigned char	 ch;

	if (code == NULL)
		return -1;
	while (*code == ' ' || *code == '\t')
		code++;
	len = strlen(code);
	while (len > 0 && (code[len - 1] == ' ' || code[len - 1] == '\t'))
		len--;
	/* "xxxxx-xxxxx" or "xxxxxxxxxx": ten letters and digits. */
	if (len != AUTH_RECOVERY_LEN && len != AUTH_RECOVERY_LEN - 1)
		return -1;
	for (i = 0; i < len; i++) {
		ch = (unsigned char)code[i];
		if (ch == '-' && len == AUTH_RECOVERY_LEN && i == 5)
			continue;
		if (!isascii(ch) || !isalnum(ch) || n >= AUTH_RECOVERY_LEN)
			return -1;
		if (n == 5)
			c[n++] = '-';
		c[n++] = (char)tolower(ch);
	}
	if (n != AUTH_RECOVERY_LEN)
		return -1;
	c[n] = '\0';
	crypto_generichash(out, 32, (const unsigned char *)c, n, NULL, 0);
	sodium_memzero(c, sizeof(c));
	return 0;
}

int
db_recovery_set(struct db *db, long long user_id,
    const unsigned char (*hashes)[32], size_t n)
{
	struct db_params p;
	size_t		 i;

	if (db_tx_begin(db) == -1)
		return -1;
	db_params_init(&p);
	db_param_int(&p, user_id);
	if (db_run(db, STMT_USR_RECOVERY_DELETE, &p) == -1)
		goto fail;
	for (i = 0; i < n; i++) {
		db_params_init(&p);
		db_param_int(&p, user_id);
		db_param_blob(&p, hashes[i], 32);
		if (db_run(db, STMT_USR_RECOVERY_INSERT, &p) == -1)
			goto fail;
	}
	return db_tx_commit(db);
fail:
	db_tx_rollback(db);
	return -1;
}

int
db_recovery_use(struct db *db, long long user_id, const unsigned char hash[32])
{
	struct db_params p;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, user_id);
	db_param_blob(&p, hash, 32);
	if (db_exec(db, STMT_USR_RECOVERY_USE, &p) == -1)
		goto out;
	rc = db_affected(db, STMT_USR_RECOVERY_USE) == 1;
out:
	db_done(db, STMT_USR_RECOVERY_USE);
	return rc;
}

int
db_recovery_count(struct db *db, long long user_id, long long *n)
{
	struct db_params p;

	db_params_init(&p);
	db_param_int(&p, user_id);
	return count(db, STMT_USR_RECOVERY_COUNT, &p, n);
}

int
db_user_totp_pending(struct db *db, long long id, const unsigned char *key,
    size_t len)
{
	struct db_params p;

	if (len > 64)
		return -1;
	db_params_init(&p);
	if (key != NULL && len > 0)
		db_param_blob(&p, key, len);
	else
		db_param_null(&p);
	db_param_int(&p, id);
	return db_run(db, STMT_USR_TOTP_PENDING, &p);
}

int
db_user_totp_pending_get(struct db *db, long long id, unsigned char key[64],
    size_t *len, int *on)
{
	struct db_params p;
	struct db_row	 row;
	struct arena	*a;
	int		 rc = -1, c;

	*len = 0;
	*on = 0;
	/* A scratch arena: the key is copied out and wiped. */
	a = arena_new();
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_USR_TOTP_PENDING_GET, &p) == -1)
		goto out;
	if ((c = db_fetch(db, STMT_USR_TOTP_PENDING_GET, a, &row)) != 1) {
		rc = c == 0 ? 0 : -1;
		goto out;
	}
	*on = row.v[1].i != 0;
	rc = 0;
	if (!row.v[0].null && row.v[0].len > 0 && row.v[0].len <= 64) {
		memcpy(key, row.v[0].s, row.v[0].len);
		*len = row.v[0].len;
		sodium_memzero(row.v[0].s, row.v[0].len);
		rc = 1;
	}
out:
	db_done(db, STMT_USR_TOTP_PENDING_GET);
	arena_free(a);
	return rc;
}

int
db_user_totp_confirm(struct db *db, long long id, long long step)
{
	struct db_params p;
	int		 rc = -1;

	db_params_init(&p);
	db_param_int(&p, step);
	db_param_int(&p, id);
	if (db_exec(db, STMT_USR_TOTP_CONFIRM, &p) == -1)
		goto out;
	if (db_affected(db, STMT_USR_TOTP_CONFIRM) != 1) {
		log_warnx("user %lld: no pending key to confirm", id);
		goto out;
	}
	rc = 0;
out:
	db_done(db, STMT_USR_TOTP_CONFIRM);
	return rc;
}

int
db_user_totp_off(struct db *db, long long id)
{
	struct db_params p;

	if (db_tx_begin(db) == -1)
		return -1;
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_run(db, STMT_USR_TOTP_OFF, &p) == -1)
		goto fail;
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_run(db, STMT_USR_RECOVERY_DELETE, &p) == -1)
		goto fail;
	return db_tx_commit(db);
fail:
	db_tx_rollback(db);
	return -1;
}

int
db_setting_get(struct db *db, struct arena *a, const char *name,
    const char **value)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	*value = NULL;
	db_params_init(&p);
	db_param_str(&p, name);
	if (db_exec(db, STMT_USR_SETTING_GET, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_USR_SETTING_GET, a, &row);
	if (rc == 1)
		*value = row.v[0].s;
out:
	db_done(db, STMT_USR_SETTING_GET);
	return rc;
}

int
db_setting_set(struct db *db, const char *name, const char *value,
    long long user_id)
{
	struct db_params p;

	db_params_init(&p);
	db_param_str(&p, name);
	if (value == NULL)
		return db_run(db, STMT_USR_SETTING_DELETE, &p);
	db_param_str(&p, value);
	param_user(&p, user_id);
	return db_run(db, STMT_USR_SETTING_SET, &p);
}

static void
setting_from_row(void *elem, const struct db_row *r)
{
	struct setting	*s = elem;

	s->name = r->v[0].s;
	s->value = r->v[1].s;
	s->updated_at = r->v[2].t;
	s->updated_by = r->v[3].s;
}

int
db_setting_list(struct db *db, struct arena *a, struct setting **out,
    size_t *outc)
{
	void	*v;
	int	 rc;

	rc = db_exec_all(db, STMT_USR_SETTING_LIST, NULL, a, sizeof(**out),
	    setting_from_row, &v, outc);
	*out = v;
	return rc;
}

/* Binds the audit filters as STMT_USR_AUDIT_LIST and _COUNT take them. */
static void
audit_filters(struct db_params *p, long long user_id, const char *action)
{
	db_param_int(p, user_id);
	db_param_int(p, user_id);
	db_param_str(p, action);
	db_param_str(p, action);
}

static void
audit_from_row(void *elem, const struct db_row *r)
{
	struct audit_entry *e = elem;

	e->id = r->v[0].i;
	e->at = r->v[1].t;
	e->user_id = r->v[2].i;
	e->user_login = r->v[3].s;
	e->user_name = r->v[4].s;
	e->client_addr = r->v[5].s;
	e->action = r->v[6].s;
	e->object_type = r->v[7].s;
	e->object_id = r->v[8].i;
	e->detail = r->v[9].s;
	e->object_title = r->v[10].s;
}

int
db_audit_list(struct db *db, struct arena *a, long long user_id,
    const char *action, long long offset, long long limit,
    struct audit_entry **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	audit_filters(&p, user_id, action);
	db_param_int(&p, limit);
	db_param_int(&p, offset);
	rc = db_exec_all(db, STMT_USR_AUDIT_LIST, &p, a, sizeof(**out),
	    audit_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_audit_count(struct db *db, long long user_id, const char *action,
    long long *n)
{
	struct db_params p;

	db_params_init(&p);
	audit_filters(&p, user_id, action);
	return count(db, STMT_USR_AUDIT_COUNT, &p, n);
}

static void
str_from_row(void *elem, const struct db_row *r)
{
	const char	**s = elem;

	*s = r->v[0].s;
}

int
db_audit_actions(struct db *db, struct arena *a, const char ***out,
    size_t *outc)
{
	void	*v;
	int	 rc;

	rc = db_exec_all(db, STMT_USR_AUDIT_ACTIONS, NULL, a, sizeof(char *),
	    str_from_row, &v, outc);
	*out = v;
	return rc;
}

static void
throttle_from_row(void *elem, const struct db_row *r)
{
	struct throttle	*t = elem;

	t->key = r->v[0].s;
	t->failures = r->v[1].i;
	t->last = r->v[2].t;
	t->user_id = r->n > 3 ? r->v[3].i : 0;
}

static int
throttled(struct db *db, struct arena *a, enum stmt s, struct throttle **out,
    size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, THROTTLE_LISTED);
	rc = db_exec_all(db, s, &p, a, sizeof(**out), throttle_from_row,
	    &v, outc);
	*out = v;
	return rc;
}

int
db_throttled_logins(struct db *db, struct arena *a, struct throttle **out,
    size_t *outc)
{
	return throttled(db, a, STMT_USR_THROTTLED_LOGINS, out, outc);
}

int
db_throttled_addrs(struct db *db, struct arena *a, struct throttle **out,
    size_t *outc)
{
	return throttled(db, a, STMT_USR_THROTTLED_ADDRS, out, outc);
}
