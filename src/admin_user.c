/*
 * Users (administrators only) and one's own account (admin.h): the users
 * page with the throttled sign-ins, creating and editing accounts, the
 * account page with the password change and the session list, and the
 * TOTP set-up with its recovery codes.
 *
 * Every change is in the audit log, never with a password or a code in
 * it.  Pages that ask for the current password (password change, TOTP)
 * are a way to try passwords, so they count their failures like the
 * sign-in form does and stop when the account is throttled.
 *
 * Lifting a throttle: POST /admin/users/ID/unthrottle without fields
 * lifts the throttle of user ID's login.  With a field "addr" (an
 * address) or "login" (a login that is no account: guesses), it lifts
 * that one instead, and ID must be the administrator's own id: the forms
 * of the throttled list post there.
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
#include "page.h"
#include "valid.h"
#include "view.h"

#define LOGIN_MIN	2
#define LOGIN_MAX	64	/* users.login */
#define NAME_MAX_CHARS	200	/* users.display_name */
#define EMAIL_MAX	254	/* users.email */
#define ADDR_MAX	64	/* login_attempts.client_addr */
#define TOTP_KEY_LEN	20	/* 160 bits, as RFC 4226 recommends */
#define RECOVERY_CODES	10	/* codes one set-up gives */
#define ERRS_MAX	16

/* Validation messages of one form, by field. */
struct	errs {
	const char	*field[ERRS_MAX];
	const char	*msg[ERRS_MAX];
	size_t		 n;
};

/* A user form as submitted, or as loaded for editing. */
struct	user_form {
	const char	*login;
	const char	*name;
	const char	*email;
	const char	*role;
	const char	**langs;
	size_t		 langc;
	int		 disabled;
};

static void
err_add(struct errs *e, const char *field, const char *msg)
{
	if (e->n < ERRS_MAX) {
		e->field[e->n] = field;
		e->msg[e->n] = msg;
		e->n++;
	}
}

/* Adds <errors> with every message, if there are any. */
static void
errs_view(struct view *v, const struct errs *e)
{
	size_t	 i;

	if (e == NULL || e->n == 0)
		return;
	view_push(v, "errors");
	for (i = 0; i < e->n; i++)
		admin_field_error(v, e->field[i], e->msg[i]);
	view_pop(v);
}

/* Logs and answers 403 for a page only administrators may see. */
static int
admin_only(struct admin *a, struct out *o)
{
	log_warnx("%s %s refused: %s is not an administrator",
	    a->r->method == METHOD_POST ? "POST" : "GET", a->r->path,
	    a->user.login);
	return admin_error(a, o, 403,
	    "Only administrators may manage users.");
}

/*
 * Returns 1 if s is a login: LOGIN_MIN to LOGIN_MAX of [a-z0-9._-],
 * starting with a letter or digit (as `broadside user add` wants).
 */
static int
login_ok(const char *s)
{
	size_t	 i, n;

	if (s == NULL)
		return 0;
	n = strlen(s);
	if (n < LOGIN_MIN || n > LOGIN_MAX || s[0] == '.' || s[0] == '_' ||
	    s[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '.' || s[i] == '_' || s[i] == '-'))
			return 0;
	return 1;
}

/*
 * Returns 1 if s looks like an e-mail address: one '@' with something on
 * both sides, a dot in the domain, no spaces, controls or brackets.  It
 * is only shown to administrators; nothing is sent to it.
 */
static int
email_ok(const char *s)
{
	const char	*at;
	size_t		 i;

	if (s == NULL || strlen(s) > EMAIL_MAX || !valid_text(s, EMAIL_MAX))
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] <= ' ' || strchr("<>\"(),;:\\[]",
		    s[i]) != NULL)
			return 0;
	if ((at = strchr(s, '@')) == NULL || at == s ||
	    strchr(at + 1, '@') != NULL)
		return 0;
	at++;
	return at[0] != '\0' && at[0] != '.' && strchr(at, '.') != NULL &&
	    s[strlen(s) - 1] != '.';
}

/* Returns 1 if s has a character other than white space. */
static int
not_blank(const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 1;
	return 0;
}

/*
 * Reads and checks the fields common to the new-user and edit forms:
 * name, email, role, languages, disabled.  Empty email becomes NULL.
 */
static void
user_form_read(struct admin *a, struct user_form *f, struct errs *e)
{
	const struct cfg *cfg = a->site->cfg;
	const char	**langs;
	size_t		 n, i, j;

	f->name = admin_form(a, "name");
	f->email = admin_form(a, "email");
	f->role = admin_form(a, "role");
	f->disabled = admin_form(a, "disabled") != NULL;
	if (f->email != NULL && f->email[0] == '\0')
		f->email = NULL;

	if (!not_blank(f->name)) {
		f->name = f->name == NULL ? "" : f->name;
		err_add(e, "name", "Enter the person's name.");
	} else if (!valid_text(f->name, NAME_MAX_CHARS))
		err_add(e, "name", "The name is too long (at most 200 "
		    "characters) or has characters that cannot be shown.");
	if (f->email != NULL && !email_ok(f->email))
		err_add(e, "email", "Enter an e-mail address like "
		    "name@example.org, or leave it empty.");
	if (f->role == NULL || role_from_name(f->role) == ROLE__MAX) {
		f->role = NULL;
		err_add(e, "role", "Choose a role.");
	}

	/* Only configured languages, each once, in the site's order. */
	n = admin_form_all(a, "lang", &langs);
	f->langs = arena_calloc(a->r->arena, cfg->langc + 1, sizeof(char *));
	f->langc = 0;
	for (i = 0; i < n; i++)
		if (!cfg_has_lang(cfg, langs[i])) {
			err_add(e, "lang", "Choose languages of this site.");
			break;
		}
	for (j = 0; j < cfg->langc; j++)
		for (i = 0; i < n; i++)
			if (strcmp(langs[i], cfg->langs[j]) == 0) {
				f->langs[f->langc++] = cfg->langs[j];
				break;
			}
	if (f->role != NULL && role_from_name(f->role) == ROLE_TRANSLATOR &&
	    f->langc == 0)
		err_add(e, "lang", "A translator needs at least one language.");
	/* Languages only mean something for a translator. */
	if (f->role != NULL && role_from_name(f->role) != ROLE_TRANSLATOR)
		f->langc = 0;
}

/* Adds the form's values to the current element. */
static void
user_form_view(struct view *v, const struct user_form *f)
{
	size_t	 i;

	view_attr(v, "login", f->login);
	view_attr(v, "role", f->role);
	if (f->disabled)
		view_attr(v, "disabled", "1");
	view_text(v, "name", f->name);
	view_text(v, "email", f->email);
	for (i = 0; i < f->langc; i++) {
		view_push(v, "lang");
		view_attr(v, "code", f->langs[i]);
		view_pop(v);
	}
}

static void
throttles_view(struct view *v, const char *name, const struct throttle *t,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_push(v, name);
		view_attr_int(v, "failures", t[i].failures);
		if (t[i].user_id > 0)
			view_attr_int(v, "user-id", t[i].user_id);
		view_text(v, "key", t[i].key);
		view_time(v, "last", t[i].last);
		view_pop(v);
	}
}

/*
 * The users page: the list, the throttled sign-ins, and the new-user form
 * (f with its errors e after a refused POST, else empty).
 */
static int
users_page(struct admin *a, struct out *o, const struct user_form *f,
    const struct errs *e)
{
	struct db	*db = a->site->db;
	struct user_summary *us;
	struct throttle	*tl, *ta;
	struct view	*v;
	size_t		 n, tln, tan, i, j;

	if (db_user_summaries(db, a->r->arena, &us, &n) == -1 ||
	    db_throttled_logins(db, a->r->arena, &tl, &tln) == -1 ||
	    db_throttled_addrs(db, a->r->arena, &ta, &tan) == -1)
		return 500;
	v = admin_view_new(a, "users");
	view_push(v, "users");
	for (i = 0; i < n; i++) {
		view_push(v, "user");
		view_attr_int(v, "id", us[i].user.id);
		view_attr(v, "login", us[i].user.login);
		if (us[i].user.role < ROLE__MAX)
			view_attr(v, "role", role_names[us[i].user.role]);
		if (us[i].user.disabled)
			view_attr(v, "disabled", "1");
		if (us[i].user.totp_len > 0)
			view_attr(v, "totp", "1");
		if (us[i].user.id == a->user.id)
			view_attr(v, "self", "1");
		for (j = 0; j < tln; j++)
			if (tl[j].user_id == us[i].user.id)
				view_attr(v, "throttled", "1");
		view_text(v, "name", us[i].user.display_name);
		view_text(v, "email", us[i].user.email);
		for (j = 0; j < us[i].user.langc; j++) {
			view_push(v, "lang");
			view_attr(v, "code", us[i].user.langs[j]);
			view_pop(v);
		}
		view_time(v, "last-login", us[i].last_login);
		view_time(v, "created", us[i].user.created_at);
		view_pop(v);
	}
	view_pop(v);
	view_push(v, "throttled");
	throttles_view(v, "login", tl, tln);
	throttles_view(v, "addr", ta, tan);
	view_pop(v);
	view_push(v, "new-user");
	if (f != NULL)
		user_form_view(v, f);
	errs_view(v, e);
	view_pop(v);
	return admin_render(a, "admin-users", v, o);
}

int
admin_user_list(struct admin *a, struct out *o)
{
	if (!admin_is_admin(a))
		return admin_only(a, o);
	return users_page(a, o, NULL, NULL);
}

/* "fr, es" or "none", for the audit log. */
static const char *
langs_text(struct admin *a, const char *const *langs, size_t n)
{
	const char	*s = "none";
	size_t		 i;

	for (i = 0; i < n; i++)
		s = i == 0 ? langs[0] :
		    arena_printf(a->r->arena, "%s, %s", s, langs[i]);
	return s;
}

int
admin_user_new_post(struct admin *a, struct out *o)
{
	struct user_form f;
	struct errs	 e;
	const char	*pw, *why = NULL;
	char		 hash[crypto_pwhash_STRBYTES];
	long long	 id;
	int		 rc;

	if (!admin_is_admin(a))
		return admin_only(a, o);
	memset(&f, 0, sizeof(f));
	memset(&e, 0, sizeof(e));
	f.login = admin_form(a, "login");
	if (!login_ok(f.login))
		err_add(&e, "login", "Choose a login of 2 to 64 lowercase "
		    "letters, digits, '.', '_' or '-', starting with a letter "
		    "or digit.");
	user_form_read(a, &f, &e);
	f.disabled = 0;
	pw = admin_form(a, "password");
	if (pw == NULL || pw[0] == '\0')
		err_add(&e, "password", "Choose a first password for the "
		    "account and give it to its owner.");
	else if (!auth_password_acceptable(pw, f.login, &why))
		err_add(&e, "password", why);
	if (e.n > 0) {
		log_warnx("new user refused: %zu fields wrong (first: %s)",
		    e.n, e.field[0]);
		a->r->resp.status = 422;
		return users_page(a, o, &f, &e);
	}
	if (auth_password_hash(pw, hash) == -1)
		return 500;
	rc = db_user_create(a->site->db, f.login, f.name, f.email,
	    role_from_name(f.role), hash, f.langs, f.langc, &id);
	sodium_memzero(hash, sizeof(hash));
	if (rc == -1)
		return 500;
	if (rc == 1) {
		log_warnx("new user refused: login %s exists", f.login);
		err_add(&e, "login", "There is already a user with this "
		    "login.");
		a->r->resp.status = 422;
		return users_page(a, o, &f, &e);
	}
	admin_audit(a, "user-create", "user", id,
	    "Created user %s (%s), role %s, languages %s", f.login, f.name,
	    f.role, langs_text(a, f.langs, f.langc));
	return admin_redirect(a, "/admin/users/?done=user-created");
}

/* The edit page of user u: f is the form (after a refused POST) or NULL. */
static int
edit_page(struct admin *a, struct out *o, const struct user *u,
    const struct user_form *f, const struct errs *e)
{
	struct db	*db = a->site->db;
	struct user_form loaded;
	struct throttle	*tl;
	struct view	*v;
	long long	 codes = 0;
	size_t		 tln, i;

	if (db_throttled_logins(db, a->r->arena, &tl, &tln) == -1)
		return 500;
	if (u->totp_len > 0 && db_recovery_count(db, u->id, &codes) == -1)
		return 500;
	if (f == NULL) {
		memset(&loaded, 0, sizeof(loaded));
		loaded.name = u->display_name;
		loaded.email = u->email;
		loaded.role = u->role < ROLE__MAX ? role_names[u->role] : NULL;
		loaded.langs = u->langs;
		loaded.langc = u->langc;
		loaded.disabled = u->disabled;
		f = &loaded;
	}
	v = admin_view_new(a, "users");
	view_push(v, "user-edit");
	view_attr_int(v, "id", u->id);
	view_attr(v, "user-login", u->login);
	if (u->id == a->user.id)
		view_attr(v, "self", "1");
	if (u->totp_len > 0) {
		view_attr(v, "totp", "1");
		view_attr_int(v, "recovery-left", codes);
	}
	user_form_view(v, f);
	view_time(v, "created", u->created_at);
	view_time(v, "password-changed", u->password_changed_at);
	for (i = 0; i < tln; i++)
		if (tl[i].user_id == u->id) {
			view_push(v, "throttle");
			view_attr_int(v, "failures", tl[i].failures);
			view_time(v, "last", tl[i].last);
			view_pop(v);
		}
	errs_view(v, e);
	view_pop(v);
	return admin_render(a, "admin-users", v, o);
}

int
admin_user_edit_form(struct admin *a, struct out *o)
{
	struct user	 u;
	int		 rc;

	if (!admin_is_admin(a))
		return admin_only(a, o);
	rc = db_user_get(a->site->db, a->r->arena, a->id, &u);
	if (rc == -1)
		return 500;
	if (rc == 0)
		return admin_error(a, o, 404, "There is no such user.");
	return edit_page(a, o, &u, NULL, NULL);
}

/* Appends "what: old → new" to *s when old and new differ. */
static void
change(struct admin *a, const char **s, const char *what, const char *old,
    const char *new)
{
	if (old == NULL)
		old = "";
	if (new == NULL)
		new = "";
	if (strcmp(old, new) == 0)
		return;
	*s = arena_printf(a->r->arena, "%s%s%s: \"%s\" → \"%s\"", *s,
	    (*s)[0] != '\0' ? "; " : "", what, old, new);
}

/*
 * The other forms of a user's page, by their field "action": only
 * "totp-off", for someone who lost both their phone and their recovery
 * codes (they sign in with the password and set it up again).
 */
static int
user_action(struct admin *a, struct out *o, const struct user *u,
    const char *action)
{
	if (strcmp(action, "totp-off") != 0) {
		log_warnx("user %lld: unknown action", u->id);
		return admin_error(a, o, 400, "The form asked for something "
		    "this page does not do.");
	}
	if (u->totp_len > 0) {
		if (db_user_totp_off(a->site->db, u->id) == -1)
			return 500;
		admin_audit(a, "totp-off", "user", u->id, "Two-step sign-in "
		    "of %s turned off by an administrator", u->login);
	}
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/users/%lld?done=totp-off", u->id));
}

int
admin_user_edit_post(struct admin *a, struct out *o)
{
	struct db	*db = a->site->db;
	struct user	 u, nu;
	struct user_form f;
	struct errs	 e;
	const char	*detail = "", *oldlangs, *newlangs, *action;
	long long	 admins;
	int		 rc, was_admin, stays_admin;

	if (!admin_is_admin(a))
		return admin_only(a, o);
	rc = db_user_get(db, a->r->arena, a->id, &u);
	if (rc == -1)
		return 500;
	if (rc == 0)
		return admin_error(a, o, 404, "There is no such user.");
	if ((action = admin_form(a, "action")) != NULL)
		return user_action(a, o, &u, action);
	memset(&f, 0, sizeof(f));
	memset(&e, 0, sizeof(e));
	user_form_read(a, &f, &e);

	/* The newsroom keeps one administrator who can sign in. */
	was_admin = u.role == ROLE_ADMIN && !u.disabled;
	stays_admin = f.role != NULL && role_from_name(f.role) ==
	    ROLE_ADMIN && !f.disabled;
	if (e.n == 0 && was_admin && !stays_admin) {
		if (db_user_admins_active(db, &admins) == -1)
			return 500;
		if (admins <= 1)
			err_add(&e, f.disabled ? "disabled" : "role",
			    u.id == a->user.id ? "You are the last active "
			    "administrator: make someone else an administrator "
			    "first." : "This is the last active administrator: "
			    "make someone else an administrator first.");
	}
	if (e.n > 0) {
		log_warnx("user %lld not updated: %zu fields wrong (first: "
		    "%s)", u.id, e.n, e.field[0]);
		a->r->resp.status = 422;
		return edit_page(a, o, &u, &f, &e);
	}

	nu = u;
	nu.display_name = f.name;
	nu.email = f.email;
	nu.role = role_from_name(f.role);
	nu.disabled = f.disabled;
	nu.langs = f.langs;
	nu.langc = f.langc;
	if ((rc = db_user_update(db, &nu)) == -1)
		return 500;
	if (rc == 1) {
		/* Someone else demoted the other administrators meanwhile. */
		err_add(&e, "role", "This would leave no active "
		    "administrator.");
		a->r->resp.status = 422;
		return edit_page(a, o, &u, &f, &e);
	}

	change(a, &detail, "name", u.display_name, nu.display_name);
	change(a, &detail, "e-mail", u.email, nu.email);
	change(a, &detail, "role", role_names[u.role], role_names[nu.role]);
	oldlangs = langs_text(a, u.langs, u.langc);
	newlangs = langs_text(a, nu.langs, nu.langc);
	change(a, &detail, "languages", oldlangs, newlangs);
	if (detail[0] != '\0')
		admin_audit(a, "user-update", "user", u.id, "%s: %s", u.login,
		    detail);
	if (!u.disabled && nu.disabled)
		admin_audit(a, "user-disable", "user", u.id,
		    "Disabled %s; their sessions were ended", u.login);
	else if (u.disabled && !nu.disabled)
		admin_audit(a, "user-enable", "user", u.id, "Enabled %s",
		    u.login);
	return admin_redirect(a, "/admin/users/?done=user-updated");
}

int
admin_user_unthrottle_post(struct admin *a, struct out *o)
{
	struct user	 u;
	const char	*addr, *login;
	int		 rc;

	if (!admin_is_admin(a))
		return admin_only(a, o);
	addr = admin_form(a, "addr");
	login = admin_form(a, "login");
	if (addr != NULL || login != NULL) {
		/* See the file comment: these forms post to one's own id. */
		if (a->id != a->user.id) {
			log_warnx("unthrottle: addr or login posted to user "
			    "%lld, not to %s's own id", a->id, a->user.login);
			return admin_error(a, o, 400, "This form lifts an "
			    "address or a login through your own account's "
			    "address (/admin/users/YOUR-ID/unthrottle).");
		}
		if ((addr != NULL && (addr[0] == '\0' ||
		    strlen(addr) > ADDR_MAX || !valid_text(addr, ADDR_MAX))) ||
		    (login != NULL && (login[0] == '\0' ||
		    strlen(login) > LOGIN_MAX ||
		    !valid_text(login, LOGIN_MAX)))) {
			log_warnx("unthrottle: malformed addr or login");
			return admin_error(a, o, 400, "That is not an "
			    "address or a login that can be throttled.");
		}
		if (db_login_clear(a->site->db, login, addr) == -1)
			return 500;
		if (addr != NULL)
			admin_audit(a, "unthrottle", NULL, 0,
			    "Lifted the sign-in throttle of address %s",
			    addr);
		if (login != NULL)
			admin_audit(a, "unthrottle", NULL, 0,
			    "Lifted the sign-in throttle of login \"%s\"",
			    login);
		return admin_redirect(a, "/admin/users/?done=unthrottled");
	}
	rc = db_user_get(a->site->db, a->r->arena, a->id, &u);
	if (rc == -1)
		return 500;
	if (rc == 0)
		return admin_error(a, o, 404, "There is no such user.");
	if (db_login_clear(a->site->db, u.login, NULL) == -1)
		return 500;
	admin_audit(a, "unthrottle", "user", u.id,
	    "Lifted the sign-in throttle of %s", u.login);
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/users/%lld?done=unthrottled", u.id));
}

/*
 * Checks pw against the signed-in user's password, as strictly as the
 * sign-in form: refused while the account is throttled, and a wrong one
 * counts as a failed sign-in.  Returns 1 (right), 0 (wrong), 2
 * (throttled: *wait seconds), -1 (database).
 */
static int
password_check(struct admin *a, const char *pw, long *wait)
{
	struct login_failures f;
	time_t		 now = time(NULL), until;

	*wait = 0;
	if (db_login_failures(a->site->db, a->user.login, a->r->remote_addr,
	    &f) == -1)
		return -1;
	if (f.account > 0) {
		until = f.account_last + auth_throttle_delay(f.account);
		if (until > now) {
			*wait = (long)(until - now);
			log_warnx("password check for %s refused: throttled "
			    "for %ld s", a->user.login, *wait);
			return 2;
		}
	}
	if (pw != NULL && strlen(pw) <= AUTH_PASSWORD_MAX &&
	    auth_password_verify(a->user.password_hash, pw) == 1)
		return 1;
	log_warnx("password check for %s from %s failed", a->user.login,
	    a->r->remote_addr != NULL ? a->r->remote_addr : "?");
	if (db_login_record(a->site->db, a->user.login, a->r->remote_addr,
	    0) == -1)
		return -1;
	admin_audit(a, "password-wrong", "user", a->user.id,
	    "Wrong current password given on the account pages");
	return 0;
}

/* The message for password_check()'s answer rc, or NULL for "right". */
static const char *
password_msg(struct admin *a, int rc, long wait)
{
	if (rc == 0)
		return "That is not your current password.";
	if (rc == 2) {
		a->r->resp.status = 429;
		a->r->resp.retry_after = (int)wait;
		return arena_printf(a->r->arena, "Too many wrong passwords: "
		    "wait %ld seconds, then try again.", wait);
	}
	return NULL;
}

/* The account page; e are the password form's errors. */
static int
account_page(struct admin *a, struct out *o, const struct errs *e)
{
	struct db	*db = a->site->db;
	struct session	*s;
	struct view	*v;
	long long	 codes = 0;
	size_t		 n, i;

	if (db_session_list(db, a->r->arena, a->user.id,
	    admin_session_idle_seconds(a), &s, &n) == -1)
		return 500;
	if (a->user.totp_len > 0 &&
	    db_recovery_count(db, a->user.id, &codes) == -1)
		return 500;
	v = admin_view_new(a, "account");
	view_push(v, "account");
	view_attr(v, "login", a->user.login);
	view_attr(v, "role", role_names[a->user.role]);
	if (a->user.totp_len > 0) {
		view_attr(v, "totp", "1");
		view_attr_int(v, "recovery-left", codes);
	}
	view_text(v, "name", a->user.display_name);
	view_text(v, "email", a->user.email);
	for (i = 0; i < a->user.langc; i++) {
		view_push(v, "lang");
		view_attr(v, "code", a->user.langs[i]);
		view_pop(v);
	}
	view_time(v, "password-changed", a->user.password_changed_at);
	view_push(v, "sessions");
	for (i = 0; i < n; i++) {
		view_push(v, "session");
		view_attr_int(v, "id", s[i].id);
		if (s[i].id == a->session_id)
			view_attr(v, "current", "1");
		if (s[i].mfa_pending)
			view_attr(v, "pending", "1");
		view_time(v, "created", s[i].created_at);
		view_time(v, "last-seen", s[i].last_seen_at);
		view_time(v, "expires", s[i].expires_at);
		view_text(v, "addr", s[i].client_addr);
		view_text(v, "agent", s[i].user_agent);
		view_pop(v);
	}
	view_pop(v);
	errs_view(v, e);
	view_pop(v);
	return admin_render(a, "admin-account", v, o);
}

int
admin_account_form(struct admin *a, struct out *o)
{
	return account_page(a, o, NULL);
}

int
admin_account_password_post(struct admin *a, struct out *o)
{
	struct errs	 e;
	const char	*cur, *pw, *again, *why = NULL, *msg;
	char		 hash[crypto_pwhash_STRBYTES];
	long		 wait;
	int		 rc;

	memset(&e, 0, sizeof(e));
	cur = admin_form(a, "current");
	pw = admin_form(a, "password");
	again = admin_form(a, "repeat");
	if (pw == NULL || pw[0] == '\0')
		err_add(&e, "password", "Choose a new password.");
	else if (!auth_password_acceptable(pw, a->user.login, &why))
		err_add(&e, "password", why);
	else if (again == NULL || strcmp(pw, again) != 0)
		err_add(&e, "repeat", "The two new passwords are not the "
		    "same.");
	if (cur == NULL || cur[0] == '\0')
		err_add(&e, "current", "Enter your current password.");
	else {
		if ((rc = password_check(a, cur, &wait)) == -1)
			return 500;
		if ((msg = password_msg(a, rc, wait)) != NULL)
			err_add(&e, "current", msg);
		else if (pw != NULL && strcmp(pw, cur) == 0)
			err_add(&e, "password", "The new password must differ "
			    "from the current one.");
	}
	if (e.n > 0) {
		log_warnx("password change for %s refused: %s", a->user.login,
		    e.field[0]);
		if (a->r->resp.status != 429)
			a->r->resp.status = 422;
		return account_page(a, o, &e);
	}
	if (auth_password_hash(pw, hash) == -1)
		return 500;
	rc = db_user_set_password(a->site->db, a->user.id, hash);
	sodium_memzero(hash, sizeof(hash));
	if (rc == -1)
		return 500;
	/* Whoever else held a session of this account is out now. */
	if (db_session_revoke_all(a->site->db, a->user.id,
	    a->session_id) == -1)
		return 500;
	admin_audit(a, "password-change", "user", a->user.id,
	    "Password changed; other sessions ended");
	return admin_redirect(a, "/admin/account?done=password-changed");
}

int
admin_account_session_end_post(struct admin *a, struct out *o)
{
	struct session	*s;
	size_t		 n, i;

	if (db_session_list(a->site->db, a->r->arena, a->user.id,
	    admin_session_idle_seconds(a), &s, &n) == -1)
		return 500;
	for (i = 0; i < n; i++)
		if (s[i].id == a->id)
			break;
	if (i == n) {
		log_warnx("session %lld is not a live session of %s", a->id,
		    a->user.login);
		return admin_error(a, o, 404, "There is no such session of "
		    "yours: it may have ended already.");
	}
	if (db_session_revoke(a->site->db, a->user.id, a->id) == -1)
		return 500;
	admin_audit(a, "session-end", "session", a->id,
	    "Ended session from %s", s[i].client_addr != NULL ?
	    s[i].client_addr : "an unknown address");
	if (a->id == a->session_id) {
		admin_set_cookie(a, "", 0);
		return admin_redirect(a, "/admin/login?done=signed-out");
	}
	return admin_redirect(a, "/admin/account?done=session-ended");
}

/* "ABCD EFGH ..." from the base32 of key: easier to type. */
static const char *
key_grouped(struct admin *a, const char *b32)
{
	char	*s;
	size_t	 i, n = 0, len = strlen(b32);

	s = arena_alloc(a->r->arena, len + len / 4 + 1);
	for (i = 0; i < len; i++) {
		if (i > 0 && i % 4 == 0)
			s[n++] = ' ';
		s[n++] = b32[i];
	}
	s[n] = '\0';
	return s;
}

/*
 * The TOTP page.  state: "off", "pending" (key set up, code to come),
 * "on", or "codes" (new recovery codes, shown once).
 */
static int
totp_page(struct admin *a, struct out *o, const char *state,
    const unsigned char *key, size_t keylen,
    char (*codes)[AUTH_RECOVERY_LEN + 1], size_t ncodes, const struct errs *e)
{
	struct view	*v;
	const char	*issuer, *uri;
	char		 b32[(64 * 8 + 4) / 5 + 1];
	long long	 left = 0;
	size_t		 i;

	if (a->user.totp_len > 0 &&
	    db_recovery_count(a->site->db, a->user.id, &left) == -1)
		return 500;
	v = admin_view_new(a, "account");
	view_push(v, "totp");
	view_attr(v, "state", state);
	view_attr(v, "login", a->user.login);
	if (a->user.totp_len > 0)
		view_attr_int(v, "recovery-left", left);
	if (key != NULL && auth_base32_encode(key, keylen, b32,
	    sizeof(b32)) == 0) {
		issuer = a->site->cfg->site_name;
		uri = arena_printf(a->r->arena,
		    "otpauth://totp/%s:%s?secret=%s&issuer=%s&algorithm=SHA1"
		    "&digits=%d&period=%d",
		    page_query_encode(a->r->arena, issuer),
		    page_query_encode(a->r->arena, a->user.login), b32,
		    page_query_encode(a->r->arena, issuer),
		    AUTH_TOTP_DIGITS, AUTH_TOTP_STEP);
		view_text(v, "key", key_grouped(a, b32));
		view_text(v, "uri", uri);
		sodium_memzero(b32, sizeof(b32));
	}
	if (ncodes > 0) {
		view_push(v, "codes");
		for (i = 0; i < ncodes; i++)
			view_text(v, "code", codes[i]);
		view_pop(v);
	}
	errs_view(v, e);
	view_pop(v);
	return admin_render(a, "admin-account", v, o);
}

int
admin_account_totp_form(struct admin *a, struct out *o)
{
	unsigned char	 key[64];
	size_t		 len;
	int		 on, rc;

	if ((rc = db_user_totp_pending_get(a->site->db, a->user.id, key, &len,
	    &on)) == -1)
		return 500;
	if (a->user.totp_len > 0)
		rc = totp_page(a, o, "on", NULL, 0, NULL, 0, NULL);
	else if (rc == 1)
		rc = totp_page(a, o, "pending", key, len, NULL, 0, NULL);
	else
		rc = totp_page(a, o, "off", NULL, 0, NULL, 0, NULL);
	sodium_memzero(key, sizeof(key));
	return rc;
}

/*
 * Makes RECOVERY_CODES new codes into codes and stores their hashes in
 * place of the old ones.  Returns 0 or -1.
 */
static int
recovery_new(struct admin *a, char (*codes)[AUTH_RECOVERY_LEN + 1])
{
	unsigned char	 hashes[RECOVERY_CODES][32];
	size_t		 i;
	int		 rc;

	for (i = 0; i < RECOVERY_CODES; i++) {
		auth_recovery_code_new(codes[i]);
		if (db_recovery_hash(codes[i], hashes[i]) == -1)
			return -1;
	}
	rc = db_recovery_set(a->site->db, a->user.id,
	    (const unsigned char (*)[32])hashes, RECOVERY_CODES);
	sodium_memzero(hashes, sizeof(hashes));
	return rc;
}

/* POST action=confirm: the first code proves the authenticator has it. */
static int
totp_confirm(struct admin *a, struct out *o)
{
	struct errs	 e;
	unsigned char	 key[64];
	char		 codes[RECOVERY_CODES][AUTH_RECOVERY_LEN + 1];
	char		 clean[16];
	const char	*code;
	long long	 step = 0;
	size_t		 len, i, n = 0;
	int		 on, rc, ok;

	memset(&e, 0, sizeof(e));
	if ((rc = db_user_totp_pending_get(a->site->db, a->user.id, key, &len,
	    &on)) == -1)
		return 500;
	if (rc == 0 || on) {
		log_warnx("TOTP confirmation for %s without a pending key",
		    a->user.login);
		return admin_redirect(a, "/admin/account/totp");
	}
	code = admin_form(a, "code");
	for (i = 0; code != NULL && code[i] != '\0' && n < sizeof(clean) - 1;
	    i++)
		if (code[i] != ' ' && code[i] != '-')
			clean[n++] = code[i];
	clean[n] = '\0';
	ok = code != NULL && strlen(code) < 32 ?
	    auth_totp_verify(key, len, time(NULL), clean, &step) : 0;
	if (ok == -1) {
		sodium_memzero(key, sizeof(key));
		return 500;
	}
	if (ok == 0) {
		log_warnx("TOTP confirmation for %s: wrong code",
		    a->user.login);
		err_add(&e, "code", "That code is not right. Check the clock "
		    "of your phone and enter the code the app shows now.");
		a->r->resp.status = 422;
		rc = totp_page(a, o, "pending", key, len, NULL, 0, &e);
		sodium_memzero(key, sizeof(key));
		return rc;
	}
	sodium_memzero(key, sizeof(key));
	if (db_user_totp_confirm(a->site->db, a->user.id, step) == -1)
		return 500;
	a->user.totp_len = len;
	if (recovery_new(a, codes) == -1)
		return 500;
	admin_audit(a, "totp-on", "user", a->user.id,
	    "Two-step sign-in turned on, %d recovery codes made",
	    RECOVERY_CODES);
	rc = totp_page(a, o, "codes", NULL, 0, codes, RECOVERY_CODES, NULL);
	sodium_memzero(codes, sizeof(codes));
	return rc;
}

int
admin_account_totp_post(struct admin *a, struct out *o)
{
	struct errs	 e;
	unsigned char	 key[TOTP_KEY_LEN];
	char		 codes[RECOVERY_CODES][AUTH_RECOVERY_LEN + 1];
	const char	*action, *msg, *state;
	long		 wait;
	int		 rc;

	memset(&e, 0, sizeof(e));
	action = admin_form(a, "action");
	if (action == NULL)
		action = "";
	if (strcmp(action, "confirm") == 0)
		return totp_confirm(a, o);
	if (strcmp(action, "cancel") == 0) {
		if (db_user_totp_pending(a->site->db, a->user.id, NULL,
		    0) == -1)
			return 500;
		return admin_redirect(a, "/admin/account");
	}
	if (strcmp(action, "start") != 0 && strcmp(action, "off") != 0 &&
	    strcmp(action, "codes") != 0) {
		log_warnx("TOTP form: unknown action");
		return admin_error(a, o, 400, "The form asked for something "
		    "this page does not do.");
	}
	/* Each of these changes how the account signs in: password first. */
	state = a->user.totp_len > 0 ? "on" : "off";
	if ((strcmp(action, "start") == 0) != (a->user.totp_len == 0)) {
		log_warnx("TOTP form: %s while TOTP is %s", action, state);
		return admin_redirect(a, "/admin/account/totp");
	}
	if ((rc = password_check(a, admin_form(a, "password"), &wait)) == -1)
		return 500;
	if ((msg = password_msg(a, rc, wait)) != NULL) {
		err_add(&e, "password", msg);
		if (a->r->resp.status != 429)
			a->r->resp.status = 422;
		return totp_page(a, o, state, NULL, 0, NULL, 0, &e);
	}
	if (strcmp(action, "start") == 0) {
		randombytes_buf(key, sizeof(key));
		rc = db_user_totp_pending(a->site->db, a->user.id, key,
		    sizeof(key));
		sodium_memzero(key, sizeof(key));
		if (rc == -1)
			return 500;
		return admin_redirect(a, "/admin/account/totp");
	}
	if (strcmp(action, "off") == 0) {
		if (db_user_totp_off(a->site->db, a->user.id) == -1)
			return 500;
		admin_audit(a, "totp-off", "user", a->user.id,
		    "Two-step sign-in turned off");
		return admin_redirect(a, "/admin/account?done=totp-off");
	}
	if (recovery_new(a, codes) == -1)
		return 500;
	admin_audit(a, "recovery-codes", "user", a->user.id,
	    "%d new recovery codes made; the old ones no longer work",
	    RECOVERY_CODES);
	rc = totp_page(a, o, "codes", NULL, 0, codes, RECOVERY_CODES, NULL);
	sodium_memzero(codes, sizeof(codes));
	return rc;
}
