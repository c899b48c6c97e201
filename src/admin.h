/*
 * The editing program's request context and the helpers its pages share
 * (admin.c).  broadside-admin.fcgi answers everything under /admin/:
 * admin.c finds the route, checks the same origin of every POST, reads an
 * urlencoded form body, finds the session, checks the CSRF token, and
 * calls the route's handler with a struct admin.
 *
 * A handler returns 0 when it wrote a page (admin_render) or a redirect
 * (admin_redirect), or an HTTP status, which admin.c answers with the
 * admin's error page (admin_error for a page with a message of its own).
 * Handlers never write without a POST: GETs change nothing.
 *
 * Strings live in the request's arena (a->r->arena).
 */
#ifndef ADMIN_H
#define ADMIN_H

#include <stddef.h>
#include <time.h>

#include "auth.h"
#include "broadside.h"

struct	arena;
struct	cfg;
struct	out;
struct	view;

/* Roles of users (users.role). */
enum	role {
	ROLE_ADMIN,		/* users, settings, purge, everything */
	ROLE_EDITOR,		/* everything on content */
	ROLE_AUTHOR,		/* own drafts; submits for review */
	ROLE_TRANSLATOR,	/* items in the languages assigned */
	ROLE__MAX
};

/* Database value of each role ("admin", "editor" ...). */
extern const char *const role_names[ROLE__MAX];
/* Looks a role up by its database name; ROLE__MAX if unknown. */
enum role	 role_from_name(const char *);

/* A user account (db_session.h loads it). */
struct	user {
	long long	 id;		/* 0: nobody */
	const char	*login;
	const char	*display_name;
	const char	*email;		/* NULL if none */
	enum role	 role;
	const char	*password_hash;	/* crypto_pwhash_str */
	int		 disabled;
	/* The confirmed TOTP key, or totp_len 0. */
	unsigned char	 totp_secret[64];
	size_t		 totp_len;
	long long	 totp_last_step; /* last accepted step, -1 none */
	const char	**langs;	/* a translator's languages */
	size_t		 langc;
	time_t		 created_at;
	time_t		 password_changed_at; /* 0: never */
};

/* How much of a session a route needs. */
enum	admin_auth {
	ADMIN_AUTH_NONE,	/* sign-in, partner previews */
	ADMIN_AUTH_PENDING,	/* password done, second factor to come */
	ADMIN_AUTH_USER,	/* a complete session */
};

/* One request to the editing program. */
struct	admin {
	struct req	*r;
	const struct site *site;
	struct user	 user;		/* user.id 0: not signed in */
	long long	 session_id;	/* 0: none */
	int		 mfa_pending;	/* session awaits the second factor */
	unsigned char	 csrf_secret[AUTH_CSRF_SECRET_LEN];
	char		 csrf[AUTH_CSRF_LEN + 1]; /* this session's token */
	/* The urlencoded POST body, decoded; multipart bodies are not. */
	struct kv	*form;
	size_t		 formc;
	const char	*body;		/* as received, for a held save */
	size_t		 bodylen;
	/* A save held across an expired session, replayed after sign-in. */
	int		 replay;
	/* The route being served. */
	const struct admin_route *route;
	/* From the route: numbers and a token in the path, in order. */
	long long	 id;		/* first number ("/admin/items/5") */
	long long	 id2;		/* second number, 0 if none */
	const char	*token;		/* a token segment, or NULL */
};

/*
 * A route: method (METHOD_GET also answers HEAD), a pattern whose
 * segments are literals, "#" (a positive decimal number into a->id, then
 * a->id2) or "*" (a token of [A-Za-z0-9_-], 1 to 64 characters, into
 * a->token), the session it needs, whether its body is multipart (the
 * handler reads it; admin.c does not), and the handler.
 */
struct	admin_route {
	enum method	 method;
	const char	*pattern;	/* "/admin/items/#/revisions" */
	enum admin_auth	 auth;
	int		 multipart;
	int		(*handler)(struct admin *, struct out *);
	/*
	 * A POST of this route arriving after its session ended is kept
	 * and replayed after sign-in: the forms that carry an editor's
	 * writing, never those with passwords, roles or settings.
	 */
	int		 holdable;
};

#define ADMIN_FORM_MAX		(8 * 1024 * 1024) /* urlencoded body bytes */
#define ADMIN_CSRF_FIELD	"_csrf"	/* hidden field of every form */

/*
 * Matches a decoded path against a route pattern (struct admin_route):
 * returns 1 and sets *id, *id2 (0 when absent) and *token (in the arena,
 * NULL when absent), or 0.  Numbers are 1 to 2^53 without leading zeros.
 */
int		 admin_path_match(struct arena *, const char *pattern,
		    const char *path, long long *id, long long *id2,
		    const char **token);
/* fcgi_opts.route of broadside-admin.fcgi: everything under /admin/. */
int		 admin_route(struct req *, const struct cfg *);
/* The dispatcher of broadside-admin.fcgi (see the file comment above). */
int		 admin_dispatch(struct req *, struct out *);
/*
 * Runs the route of method and path for this request (a held save's
 * replay).  Returns as a handler.
 */
int		 admin_run_route(struct admin *, enum method, const char *path,
		    struct out *);
/* Decodes an urlencoded body into a->form.  Returns 0 or 400. */
int		 admin_form_parse(struct admin *, const char *body, size_t len);
/* Session lifetimes: the settings' if set, else the configuration's. */
long		 admin_session_idle_seconds(struct admin *);
long		 admin_session_max_seconds(struct admin *);
/* Returns 1 if the site is served over HTTPS (its base URL). */
int		 admin_https(const struct admin *);
/* The session cookie's name: __Host-bs_session over HTTPS. */
const char	*admin_cookie_name(const struct admin *);
/*
 * Adds a Set-Cookie for the session cookie with value and max_age
 * seconds (0 deletes it): HttpOnly, SameSite=Strict, Path=/admin (Path=/,
 * Secure and the __Host- prefix over HTTPS).
 */
void		 admin_set_cookie(struct admin *, const char *value,
		    long max_age);
/*
 * A newsroom setting (table settings) by name, or dflt when unset or the
 * database fails.  In admin_audit.c.
 */
const char	*admin_setting_get(struct admin *, const char *name,
		    const char *dflt);

/*
 * Starts an admin page's view document: the <page> root with @section
 * (the navigation entry to mark current: "dashboard", "items", "media",
 * "orgs", "users", "audit", "account", "settings", or NULL), <site>
 * (name, base URL, static URL, languages with names), <me> (the signed-in
 * user, if any, with @role), <csrf> (the token for hidden fields) and
 * <notice code=""> from a "done" query parameter (what the previous POST
 * did, for admin_redirect's "?done=saved").  Caller renders with
 * admin_render().
 */
struct view	*admin_view_new(struct admin *, const char *section);
/*
 * Renders v (freed) with the stylesheet tmpl, with the admin's headers:
 * no-store, the admin CSP (scripts from our own origin only).  Returns 0
 * or 500.  r->resp.status may be set before (422 for a form with errors,
 * 409 for a conflict).
 */
int		 admin_render(struct admin *, const char *tmpl, struct view *,
		    struct out *);
/*
 * Answers 303 See Other to path (a site path under /admin/, with an
 * optional query), made absolute from the base URL.  Returns 0.
 */
int		 admin_redirect(struct admin *, const char *path);
/*
 * Writes the admin's error page for status with a sentence for the editor
 * (NULL: the status's own) and sets r->resp.status.  Returns 0.
 */
int		 admin_error(struct admin *, struct out *, int status,
		    const char *message);

/* The first value of a form field, or NULL. */
const char	*admin_form(const struct admin *, const char *name);
/*
 * Every value of a repeated form field in order, into a new arena array
 * (*vals, NULL-terminated).  Returns the count.
 */
size_t		 admin_form_all(const struct admin *, const char *name,
		    const char ***vals);
/* The first value of a query parameter, or NULL. */
const char	*admin_query(const struct admin *, const char *name);
/*
 * Parses a decimal id (1 .. 2^53) from a form or query value.  Returns it,
 * or 0 if s is NULL or not such a number.
 */
long long	 admin_id(const char *s);
/* Returns 1 if token is this session's CSRF token (constant time). */
int		 admin_csrf_ok(const struct admin *, const char *token);

/* Returns 1 if the user is an administrator or an editor. */
int		 admin_is_editor(const struct admin *);
/* Returns 1 if the user is an administrator. */
int		 admin_is_admin(const struct admin *);
/*
 * Returns 1 if the user may edit content in language lang: anyone but a
 * translator, and a translator for their assigned languages.
 */
int		 admin_may_lang(const struct admin *, const char *lang);

/*
 * Appends an audit_log row for the signed-in user (or none) and the
 * client address: action ("login", "publish" ...), the object (NULL, 0
 * for none) and a detail sentence (printf format).  Returns 0 or -1
 * (logged; the caller's write still stands).
 */
int		 admin_audit(struct admin *, const char *action,
		    const char *object_type, long long object_id,
		    const char *fmt, ...)
		    __attribute__((format(printf, 5, 6)));

/*
 * Adds <error field="name">message</error> inside the current element:
 * the views' way to put a validation message beside its field.
 */
void		 admin_field_error(struct view *, const char *field,
		    const char *message);

/*
 * The handlers, one file per area.  admin.c's route table lists them.
 */
/* admin_login.c: sign-in, second factor, sign-out. */
int	admin_login_form(struct admin *, struct out *);
int	admin_login_post(struct admin *, struct out *);
int	admin_login_code_form(struct admin *, struct out *);
int	admin_login_code_post(struct admin *, struct out *);
int	admin_logout_post(struct admin *, struct out *);
/*
 * For admin.c: a POST arrived without a usable session.  If its route is
 * holdable and the cookie still names the session that ended, keeps the
 * urlencoded body as a held save for that user and answers the sign-in
 * form that carries its token; otherwise (an upload, a form with
 * passwords, no earlier session) answers the sign-in form saying what
 * was not kept.  Returns as a handler.
 */
int	admin_login_hold(struct admin *, struct out *);
/*
 * For admin.c: after sign-in, replays a held save: runs the POST route of
 * its path with its body as this session's (CSRF is not asked again: the
 * save passed the same-origin check when it was held, and its token only
 * travels in the sign-in form).  Returns as a handler.
 */
int	admin_replay(struct admin *, const char *path, struct out *);

/* admin_dash.c: the dashboard. */
int	admin_dashboard(struct admin *, struct out *);

/* admin_item.c: the item list, new items, workflow, translations. */
int	admin_item_list(struct admin *, struct out *);
int	admin_item_new_form(struct admin *, struct out *);
int	admin_item_new_post(struct admin *, struct out *);
int	admin_item_status_post(struct admin *, struct out *);
int	admin_item_translate_post(struct admin *, struct out *);
int	admin_item_purge_post(struct admin *, struct out *);
/* admin_edit.c: the edit form, save, conflict, translation links. */
int	admin_item_edit_form(struct admin *, struct out *);
int	admin_item_edit_post(struct admin *, struct out *);
int	admin_item_link_post(struct admin *, struct out *);
/* admin_revision.c: revisions, diff, restore. */
int	admin_revision_list(struct admin *, struct out *);
int	admin_revision_diff(struct admin *, struct out *);
int	admin_revision_restore_post(struct admin *, struct out *);
/*
 * admin_preview.c: the preview of the form's unsaved state (and of the
 * saved one), rendered as the public page; partner preview links.
 */
int	admin_item_preview_post(struct admin *, struct out *);
int	admin_item_preview(struct admin *, struct out *);
int	admin_preview_link_post(struct admin *, struct out *);
int	admin_preview_revoke_post(struct admin *, struct out *);
int	admin_preview_show(struct admin *, struct out *);
/* admin_media.c: uploads and the media library. */
int	admin_media_list(struct admin *, struct out *);
int	admin_media_upload_post(struct admin *, struct out *);
int	admin_media_edit_form(struct admin *, struct out *);
int	admin_media_edit_post(struct admin *, struct out *);
/* admin_org.c: the organisations registry. */
int	admin_org_list(struct admin *, struct out *);
int	admin_org_new_post(struct admin *, struct out *);
int	admin_org_edit_form(struct admin *, struct out *);
int	admin_org_edit_post(struct admin *, struct out *);
/* admin_tag.c: the tags of each language: rename, merge, delete. */
int	admin_tag_list(struct admin *, struct out *);
int	admin_tag_post(struct admin *, struct out *);
/* admin_user.c: users (administrators), own account, sessions, TOTP. */
int	admin_user_list(struct admin *, struct out *);
int	admin_user_new_post(struct admin *, struct out *);
int	admin_user_edit_form(struct admin *, struct out *);
int	admin_user_edit_post(struct admin *, struct out *);
int	admin_user_unthrottle_post(struct admin *, struct out *);
int	admin_account_form(struct admin *, struct out *);
int	admin_account_password_post(struct admin *, struct out *);
int	admin_account_session_end_post(struct admin *, struct out *);
int	admin_account_totp_form(struct admin *, struct out *);
int	admin_account_totp_post(struct admin *, struct out *);
/* admin_audit.c: the audit log and the settings. */
int	admin_audit_list(struct admin *, struct out *);
int	admin_settings_form(struct admin *, struct out *);
int	admin_settings_post(struct admin *, struct out *);

#endif /* !ADMIN_H */
