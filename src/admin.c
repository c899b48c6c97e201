/*
 * The editing program's front door (admin.h): routes, the same-origin and
 * CSRF checks of every POST, the form body, the session, and the helpers
 * every admin page uses.
 *
 * Order of the checks, and why:
 *  1. the route (404, 405) — nothing else is looked at for a wrong URL;
 *  2. for a POST, the same origin (Origin, else Referer): a cross-site
 *     form cannot even be held for later;
 *  3. the urlencoded body, bounded (413, 415, 400);
 *  4. the session from the cookie: none or expired sends a GET to the
 *     sign-in page and keeps a POST as a held save (admin_login.c);
 *  5. the CSRF token of a POST (403), unless it is a held save replayed
 *     after sign-in, whose token only ever travelled in the sign-in form.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "auth.h"
#include "cfg.h"
#include "db.h"
#include "db_session.h"
#include "http.h"
#include "log.h"
#include "out.h"
#include "page.h"
#include "render.h"
#include "req.h"
#include "util.h"
#include "view.h"

#define ADMIN_FORM_PAIRS	4000	/* fields of the largest form */
/* Seconds the cookie outlives its session: see admin_set_cookie(). */
#define ADMIN_COOKIE_GRACE	(7 * 24 * 3600)

/*
 * Scripts from our own origin only, for the small enhancements of
 * static/admin.js; everything else as strict as the public pages.
 */
static const char admin_csp[] =
    "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";

static const struct admin_route routes[] = {
	{ METHOD_GET, "/admin/", ADMIN_AUTH_USER, 0, admin_dashboard, 0 },
	{ METHOD_GET, "/admin/login", ADMIN_AUTH_NONE, 0, admin_login_form, 0 },
	{ METHOD_POST, "/admin/login", ADMIN_AUTH_NONE, 0, admin_login_post,
	    0 },
	{ METHOD_GET, "/admin/login/code", ADMIN_AUTH_PENDING, 0,
	    admin_login_code_form, 0 },
	{ METHOD_POST, "/admin/login/code", ADMIN_AUTH_PENDING, 0,
	    admin_login_code_post, 0 },
	{ METHOD_POST, "/admin/logout", ADMIN_AUTH_PENDING, 0,
	    admin_logout_post, 0 },
	{ METHOD_GET, "/admin/items/", ADMIN_AUTH_USER, 0, admin_item_list, 0 },
	{ METHOD_GET, "/admin/items/new", ADMIN_AUTH_USER, 0,
	    admin_item_new_form, 0 },
	{ METHOD_POST, "/admin/items/new", ADMIN_AUTH_USER, 0,
	    admin_item_new_post, 1 },
	{ METHOD_POST, "/admin/items/new/preview", ADMIN_AUTH_USER, 0,
	    admin_item_preview_post, 0 },
	{ METHOD_GET, "/admin/items/#", ADMIN_AUTH_USER, 0,
	    admin_item_edit_form, 0 },
	{ METHOD_POST, "/admin/items/#", ADMIN_AUTH_USER, 0,
	    admin_item_edit_post, 1 },
	{ METHOD_GET, "/admin/items/#/preview", ADMIN_AUTH_USER, 0,
	    admin_item_preview, 0 },
	{ METHOD_POST, "/admin/items/#/preview", ADMIN_AUTH_USER, 0,
	    admin_item_preview_post, 0 },
	{ METHOD_POST, "/admin/items/#/status", ADMIN_AUTH_USER, 0,
	    admin_item_status_post, 0 },
	{ METHOD_POST, "/admin/items/#/translate", ADMIN_AUTH_USER, 0,
	    admin_item_translate_post, 0 },
	{ METHOD_POST, "/admin/items/#/translation", ADMIN_AUTH_USER, 0,
	    admin_item_link_post, 0 },
	{ METHOD_POST, "/admin/items/#/purge", ADMIN_AUTH_USER, 0,
	    admin_item_purge_post, 0 },
	{ METHOD_GET, "/admin/items/#/revisions", ADMIN_AUTH_USER, 0,
	    admin_revision_list, 0 },
	{ METHOD_GET, "/admin/items/#/diff", ADMIN_AUTH_USER, 0,
	    admin_revision_diff, 0 },
	{ METHOD_POST, "/admin/items/#/restore", ADMIN_AUTH_USER, 0,
	    admin_revision_restore_post, 0 },
	{ METHOD_POST, "/admin/items/#/previews", ADMIN_AUTH_USER, 0,
	    admin_preview_link_post, 0 },
	{ METHOD_POST, "/admin/items/#/previews/#/revoke", ADMIN_AUTH_USER,
	    0, admin_preview_revoke_post, 0 },
	{ METHOD_GET, "/admin/preview/*", ADMIN_AUTH_NONE, 0,
	    admin_preview_show, 0 },
	{ METHOD_GET, "/admin/media/", ADMIN_AUTH_USER, 0, admin_media_list,
	    0 },
	{ METHOD_POST, "/admin/media/", ADMIN_AUTH_USER, 1,
	    admin_media_upload_post, 0 },
	{ METHOD_GET, "/admin/media/#", ADMIN_AUTH_USER, 0,
	    admin_media_edit_form, 0 },
	{ METHOD_POST, "/admin/media/#", ADMIN_AUTH_USER, 0,
	    admin_media_edit_post, 1 },
	{ METHOD_GET, "/admin/orgs/", ADMIN_AUTH_USER, 0, admin_org_list, 0 },
	{ METHOD_POST, "/admin/orgs/", ADMIN_AUTH_USER, 0,
	    admin_org_new_post, 1 },
	{ METHOD_GET, "/admin/orgs/#", ADMIN_AUTH_USER, 0,
	    admin_org_edit_form, 0 },
	{ METHOD_POST, "/admin/orgs/#", ADMIN_AUTH_USER, 0,
	    admin_org_edit_post, 1 },
	{ METHOD_GET, "/admin/tags/", ADMIN_AUTH_USER, 0, admin_tag_list, 0 },
	{ METHOD_POST, "/admin/tags/#", ADMIN_AUTH_USER, 0, admin_tag_post, 0 },
	{ METHOD_GET, "/admin/users/", ADMIN_AUTH_USER, 0, admin_user_list, 0 },
	{ METHOD_POST, "/admin/users/", ADMIN_AUTH_USER, 0,
	    admin_user_new_post, 0 },
	{ METHOD_GET, "/admin/users/#", ADMIN_AUTH_USER, 0,
	    admin_user_edit_form, 0 },
	{ METHOD_POST, "/admin/users/#", ADMIN_AUTH_USER, 0,
	    admin_user_edit_post, 0 },
	{ METHOD_POST, "/admin/users/#/unthrottle", ADMIN_AUTH_USER, 0,
	    admin_user_unthrottle_post, 0 },
	{ METHOD_GET, "/admin/account", ADMIN_AUTH_USER, 0,
	    admin_account_form, 0 },
	{ METHOD_POST, "/admin/account/password", ADMIN_AUTH_USER, 0,
	    admin_account_password_post, 0 },
	{ METHOD_POST, "/admin/account/sessions/#/end", ADMIN_AUTH_USER, 0,
	    admin_account_session_end_post, 0 },
	{ METHOD_GET, "/admin/account/totp", ADMIN_AUTH_USER, 0,
	    admin_account_totp_form, 0 },
	{ METHOD_POST, "/admin/account/totp", ADMIN_AUTH_USER, 0,
	    admin_account_totp_post, 0 },
	{ METHOD_GET, "/admin/audit", ADMIN_AUTH_USER, 0, admin_audit_list, 0 },
	{ METHOD_GET, "/admin/settings", ADMIN_AUTH_USER, 0,
	    admin_settings_form, 0 },
	{ METHOD_POST, "/admin/settings", ADMIN_AUTH_USER, 0,
	    admin_settings_post, 0 },
};
#define ROUTES_MAX	(sizeof(routes) / sizeof(routes[0]))

int
admin_path_match(struct arena *ar, const char *pattern, const char *path,
    long long *id, long long *id2, const char **token)
{
	const char	*p = pattern, *s = path, *end;
	long long	 n;
	size_t		 len, i;
	char		 num[32];

	*id = *id2 = 0;
	*token = NULL;
	while (*p != '\0') {
		if (*p == '#') {
			end = s + strcspn(s, "/");
			len = (size_t)(end - s);
			if (len == 0 || len >= sizeof(num) || s[0] == '0')
				return 0;
			for (i = 0; i < len; i++)
				if (!isdigit((unsigned char)s[i]))
					return 0;
			memcpy(num, s, len);
			num[len] = '\0';
			if (util_strtonum(num, 1, 9007199254740992LL, &n) != 0)
				return 0;
			if (*id == 0)
				*id = n;
			else
				*id2 = n;
			s = end;
			p++;
		} else if (*p == '*') {
			end = s + strcspn(s, "/");
			len = (size_t)(end - s);
			if (len == 0 || len > 64)
				return 0;
			for (i = 0; i < len; i++)
				if (!isalnum((unsigned char)s[i]) &&
				    s[i] != '-' && s[i] != '_')
					return 0;
			*token = arena_strndup(ar, s, len);
			s = end;
			p++;
		} else if (*p++ != *s++)
			return 0;
	}
	return *s == '\0';
}

/* Matches a route's pattern, filling a->id, a->id2 and a->token. */
static int
route_match(struct admin *a, const char *pattern, const char *path)
{
	return admin_path_match(a->r->arena, pattern, path, &a->id, &a->id2,
	    &a->token);
}

int
admin_route(struct req *r, const struct cfg *cfg)
{
	/* The admin speaks English; see admin-layout.xsl. */
	r->lang = cfg_has_lang(cfg, "en") ? "en" : cfg->default_lang;
	if (r->path == NULL || strncmp(r->path, "/admin/", 7) != 0)
		return 404;
	if (r->method != METHOD_GET && r->method != METHOD_HEAD &&
	    r->method != METHOD_POST) {
		r->resp.allow = "GET, HEAD, POST";
		return 405;
	}
	return 0;
}

/* Sessions last as the settings say, else as the configuration does. */
static long
session_idle_seconds(struct admin *a)
{
	const char	*v;
	long long	 n;

	v = admin_setting_get(a, "session_idle_minutes", NULL);
	if (v != NULL && util_strtonum(v, 5, 10080, &n) == 0)
		return (long)n * 60;
	return (long)a->site->cfg->session_idle_minutes * 60;
}

long
admin_session_max_seconds(struct admin *a)
{
	const char	*v;
	long long	 n;

	v = admin_setting_get(a, "session_max_hours", NULL);
	if (v != NULL && util_strtonum(v, 1, 2160, &n) == 0)
		return (long)n * 3600;
	return (long)a->site->cfg->session_max_hours * 3600;
}

long
admin_session_idle_seconds(struct admin *a)
{
	return session_idle_seconds(a);
}

int
admin_https(const struct admin *a)
{
	return strncmp(a->site->cfg->base_url, "https://", 8) == 0;
}

const char *
admin_cookie_name(const struct admin *a)
{
	/*
	 * Over HTTPS the __Host- prefix: the browser then insists on Secure,
	 * no Domain and Path=/, so no other host or path can plant or read
	 * it.  The public program never looks at cookies.
	 */
	return admin_https(a) ? "__Host-bs_session" : "bs_session";
}

void
admin_set_cookie(struct admin *a, const char *value, long max_age)
{
	struct resp	*rs = &a->r->resp;
	char		*c;

	if (rs->set_cookiec == RESP_COOKIES_MAX)
		return;
	/*
	 * The browser keeps the cookie a week longer than the server keeps
	 * the session: a form posted after the session ended still says
	 * whose it was, so its text can be held for them (admin_login.c).
	 */
	if (max_age > 0)
		max_age += ADMIN_COOKIE_GRACE;
	c = arena_printf(a->r->arena, "%s=%s; Path=%s; Max-Age=%ld; "
	    "HttpOnly; SameSite=Strict%s", admin_cookie_name(a), value,
	    admin_https(a) ? "/" : "/admin", max_age,
	    admin_https(a) ? "; Secure" : "");
	rs->set_cookie[rs->set_cookiec++] = c;
}

/*
 * Finds the session of the request's cookie.  Returns 1 (a->user and the
 * session filled), 0 (none, or it ended) or -1 (database).
 */
static int
session_load(struct admin *a)
{
	struct session	 s;
	const char	*token;
	unsigned char	 hash[AUTH_TOKEN_HASH_LEN];
	int		 rc;

	token = req_cookie_get(a->r, admin_cookie_name(a));
	if (token == NULL || auth_token_hash(token, hash) != 0)
		return 0;
	rc = db_session_lookup(a->site->db, a->r->arena, hash,
	    session_idle_seconds(a), &s);
	if (rc != 1)
		return rc;
	if ((rc = db_user_get(a->site->db, a->r->arena, s.user_id,
	    &a->user)) != 1)
		return rc;
	if (a->user.disabled) {
		memset(&a->user, 0, sizeof(a->user));
		return 0;
	}
	a->session_id = s.id;
	a->mfa_pending = s.mfa_pending;
	memcpy(a->csrf_secret, s.csrf_secret, sizeof(a->csrf_secret));
	auth_csrf_token(a->csrf_secret, "post", a->csrf);
	if (db_session_touch(a->site->db, s.id) == -1)
		return -1;
	return 1;
}

/* Reads an urlencoded body into a->form.  Returns 0 or a status. */
static int
form_read(struct admin *a)
{
	struct req	*r = a->r;
	char		*buf;
	size_t		 got = 0;
	long		 n;

	if (r->content_length == 0) {
		a->body = "";
		return 0;
	}
	if (r->content_type == NULL ||
	    strncasecmp(r->content_type, "application/x-www-form-urlencoded",
	    33) != 0) {
		log_warnx("POST %s: content type %s, want a form", r->path,
		    r->content_type != NULL ? r->content_type : "(none)");
		return 415;
	}
	if (r->content_length > ADMIN_FORM_MAX) {
		log_warnx("POST %s: %zu bytes of form", r->path,
		    r->content_length);
		return 413;
	}
	if (r->body_read == NULL) {
		log_warnx("POST %s: no way to read the body", r->path);
		return 400;
	}
	buf = arena_alloc(r->arena, r->content_length + 1);
	while (got < r->content_length) {
		n = r->body_read(r->body_ctx, buf + got,
		    r->content_length - got);
		if (n <= 0) {
			log_warnx("POST %s: body ended after %zu of %zu bytes",
			    r->path, got, r->content_length);
			return 400;
		}
		got += (size_t)n;
	}
	buf[got] = '\0';
	a->body = buf;
	a->bodylen = got;
	return admin_form_parse(a, buf, got);
}

int
admin_form_parse(struct admin *a, const char *body, size_t len)
{
	if (req_parse_form(a->r->arena, body, len, ADMIN_FORM_PAIRS,
	    &a->form, &a->formc) != 0) {
		log_warnx("POST %s: malformed form body", a->r->path);
		return 400;
	}
	return 0;
}

/* Finds the route of method and path.  Returns it, or NULL with *status. */
static const struct admin_route *
route_find(struct admin *a, enum method m, const char *path, int *status)
{
	size_t		 i;
	int		 other = 0;

	if (m == METHOD_HEAD)
		m = METHOD_GET;
	for (i = 0; i < ROUTES_MAX; i++) {
		if (!route_match(a, routes[i].pattern, path))
			continue;
		if (routes[i].method == m)
			return &routes[i];
		other = 1;
	}
	*status = other ? 405 : 404;
	if (other)
		a->r->resp.allow = m == METHOD_POST ? "GET, HEAD" : "POST";
	return NULL;
}

int
admin_run_route(struct admin *a, enum method m, const char *path,
    struct out *o)
{
	const struct admin_route *rt;
	int			 status = 0;

	if ((rt = route_find(a, m, path, &status)) == NULL)
		return status;
	/* Replays are of writing forms only (admin_route.holdable). */
	if (!rt->holdable || a->mfa_pending) {
		log_warnx("not replaying a held POST to %s", path);
		return 400;
	}
	return rt->handler(a, o);
}

/* Turns a handler's status into the admin's error page. */
static int
finish(struct admin *a, int status, struct out *o)
{
	if (status == 0)
		return 0;
	/* The database went away: fcgi.c answers 503 with Retry-After. */
	if (status == 500 && db_is_down(a->site->db))
		return 500;
	out_reset(o);
	return admin_error(a, o, status, NULL);
}

int
admin_dispatch(struct req *r, struct out *o)
{
	struct admin		*a;
	const struct admin_route *rt;
	const char		*next;
	int			 status = 0, rc;

	a = arena_calloc(r->arena, 1, sizeof(*a));
	a->r = r;
	a->site = r->site;
	r->resp.csp = admin_csp;
	r->resp.no_store = 1;

	if ((rt = route_find(a, r->method, r->path, &status)) == NULL)
		return finish(a, status, o);
	a->route = rt;

	if (r->method == METHOD_POST) {
		if (!auth_same_origin(r->origin, r->referer,
		    a->site->cfg->base_url)) {
			log_warnx("POST %s refused: not from our origin "
			    "(Origin %s, Referer %s)", r->path,
			    r->origin != NULL ? r->origin : "none",
			    r->referer != NULL ? r->referer : "none");
			return finish(a, 403, o);
		}
		if (!rt->multipart && (status = form_read(a)) != 0)
			return finish(a, status, o);
	}

	if ((rc = session_load(a)) == -1)
		return finish(a, 500, o);

	if (rt->auth != ADMIN_AUTH_NONE && rc == 0) {
		if (r->method == METHOD_POST)
			return finish(a, admin_login_hold(a, o), o);
		next = arena_printf(r->arena, "/admin/login?next=%s",
		    page_query_encode(r->arena, r->path));
		return finish(a, admin_redirect(a, next), o);
	}
	if (rt->auth == ADMIN_AUTH_USER && a->mfa_pending)
		return finish(a, admin_redirect(a, "/admin/login/code"), o);

	if (r->method == METHOD_POST && rt->auth != ADMIN_AUTH_NONE &&
	    !rt->multipart &&
	    !admin_csrf_ok(a, admin_form(a, ADMIN_CSRF_FIELD))) {
		log_warnx("POST %s refused: missing or wrong CSRF token "
		    "(user %s)", r->path, a->user.login);
		return finish(a, 403, o);
	}
	return finish(a, rt->handler(a, o), o);
}

struct view *
admin_view_new(struct admin *a, const char *section)
{
	const struct cfg *cfg = a->site->cfg;
	struct language	*langs = NULL;
	struct view	*v;
	const char	*done;
	size_t		 i, j, n = 0;

	v = view_new("page");
	view_attr(v, "section", section);
	view_push(v, "site");
	view_text(v, "name", cfg->site_name);
	view_text(v, "base-url", cfg->base_url);
	view_text(v, "static-url", cfg->static_url);
	view_text(v, "public-href", arena_printf(a->r->arena, "%s/%s/",
	    cfg->base_url, cfg->default_lang));
	view_push(v, "languages");
	if (a->site->db != NULL &&
	    db_language_list(a->site->db, a->r->arena, &langs, &n) == -1)
		n = 0;
	for (i = 0; i < cfg->langc; i++) {
		view_push(v, "language");
		view_attr(v, "code", cfg->langs[i]);
		for (j = 0; j < n; j++)
			if (strcmp(langs[j].code, cfg->langs[i]) == 0) {
				view_attr(v, "name", langs[j].name);
				view_attr(v, "dir", langs[j].dir);
			}
		view_pop(v);
	}
	view_pop(v);
	view_pop(v);
	if (a->user.id != 0) {
		view_push(v, "me");
		view_attr_int(v, "id", a->user.id);
		view_attr(v, "login", a->user.login);
		view_attr(v, "role", role_names[a->user.role]);
		if (a->user.totp_len > 0)
			view_attr(v, "totp", "1");
		if (a->mfa_pending)
			view_attr(v, "pending", "1");
		for (i = 0; i < a->user.langc; i++) {
			view_push(v, "lang");
			view_attr(v, "code", a->user.langs[i]);
			view_pop(v);
		}
		view_content(v, a->user.display_name);
		view_pop(v);
		view_text(v, "csrf", a->csrf);
	}
	done = admin_query(a, "done");
	if (done != NULL && strlen(done) <= 40) {
		view_push(v, "notice");
		view_attr(v, "code", done);
		view_pop(v);
	}
	return v;
}

int
admin_render(struct admin *a, const char *tmpl, struct view *v,
    struct out *o)
{
	int	 rc;

	a->r->resp.no_store = 1;
	if (a->r->resp.csp == NULL)
		a->r->resp.csp = admin_csp;
	rc = render_page(a->site->tmpl, tmpl, v, o);
	view_free(v);
	return rc == 0 ? 0 : 500;
}

int
admin_redirect(struct admin *a, const char *path)
{
	a->r->resp.status = 303;
	a->r->resp.location = arena_printf(a->r->arena, "%s%s",
	    a->site->cfg->base_url, path);
	a->r->resp.no_store = 1;
	return 0;
}

int
admin_error(struct admin *a, struct out *o, int status,
    const char *message)
{
	struct view	*v;

	out_reset(o);
	a->r->resp.status = status;
	a->r->resp.no_store = 1;
	if (status == 503)
		a->r->resp.retry_after = 30;
	v = admin_view_new(a, NULL);
	view_push(v, "error");
	view_attr_int(v, "status", status);
	view_attr(v, "reason", http_status_text(status));
	view_content(v, message);
	view_pop(v);
	if (admin_render(a, "admin", v, o) != 0) {
		out_reset(o);
		out_lit(o, "Error\n");
		a->r->resp.ctype = "text/plain; charset=utf-8";
	}
	return 0;
}

const char *
admin_form(const struct admin *a, const char *name)
{
	size_t	 i;

	for (i = 0; i < a->formc; i++)
		if (strcmp(a->form[i].key, name) == 0)
			return a->form[i].val;
	return NULL;
}

size_t
admin_form_all(const struct admin *a, const char *name, const char ***vals)
{
	const char	**v;
	size_t		 i, n = 0;

	v = arena_calloc(a->r->arena, a->formc + 1, sizeof(*v));
	for (i = 0; i < a->formc; i++)
		if (strcmp(a->form[i].key, name) == 0)
			v[n++] = a->form[i].val;
	v[n] = NULL;
	*vals = v;
	return n;
}

const char *
admin_query(const struct admin *a, const char *name)
{
	return req_query_get(a->r, name);
}

long long
admin_id(const char *s)
{
	long long	 n;

	if (s == NULL || s[0] == '\0' || s[0] == '0' || s[0] == '+' ||
	    s[0] == '-' || strlen(s) > 16)
		return 0;
	if (util_strtonum(s, 1, 9007199254740992LL, &n) != 0)
		return 0;
	return n;
}

int
admin_csrf_ok(const struct admin *a, const char *token)
{
	if (a->session_id == 0 || token == NULL)
		return 0;
	return auth_csrf_check(a->csrf_secret, "post", token);
}

int
admin_is_editor(const struct admin *a)
{
	return a->user.id != 0 &&
	    (a->user.role == ROLE_ADMIN || a->user.role == ROLE_EDITOR);
}

int
admin_is_admin(const struct admin *a)
{
	return a->user.id != 0 && a->user.role == ROLE_ADMIN;
}

int
admin_may_lang(const struct admin *a, const char *lang)
{
	size_t	 i;

	if (a->user.id == 0 || lang == NULL)
		return 0;
	if (a->user.role != ROLE_TRANSLATOR)
		return 1;
	for (i = 0; i < a->user.langc; i++)
		if (strcmp(a->user.langs[i], lang) == 0)
			return 1;
	return 0;
}

int
admin_audit(struct admin *a, const char *action, const char *object_type,
    long long object_id, const char *fmt, ...)
{
	va_list		 ap;
	char		 detail[2048];
	int		 rc;

	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	rc = db_audit(a->site->db, a->user.id, a->r->remote_addr, action,
	    object_type, object_id, detail);
	if (rc == -1)
		log_warnx("audit %s %s %lld not recorded", action,
		    object_type != NULL ? object_type : "-", object_id);
	return rc;
}

void
admin_field_error(struct view *v, const char *field, const char *message)
{
	view_push(v, "error");
	view_attr(v, "field", field);
	view_content(v, message);
	view_pop(v);
}
