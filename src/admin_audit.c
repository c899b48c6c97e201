/*
 * The audit log's page and the newsroom settings (admin.h), both for
 * administrators only, and admin_setting_get() for every page that reads
 * a setting.
 *
 * Settings live in the settings table; an absent row means the default:
 * the configuration's [admin] value where there is one, else a built-in
 * one.  Each setting is checked here before it is stored, and each change
 * is in the audit log with its old and new value.  Readers check again
 * (admin.c bounds the session lifetimes), so a value put into the table
 * by hand cannot break a page.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_user.h"
#include "log.h"
#include "tz.h"
#include "util.h"
#include "valid.h"
#include "view.h"

#define AUDIT_PAGE	50	/* entries per page */
#define AUDIT_PAGES_MAX	100000	/* ?page= bound */
#define ACTION_MAX	64	/* audit_log.action */
#define SETTING_MAX	64	/* longest value we accept (zone names) */

/* How a setting's value is checked. */
enum	setting_kind {
	SETTING_ZONE,		/* an installed IANA zone */
	SETTING_NUMBER,		/* a whole number in [min, max] */
};

/* Where a setting's default comes from. */
enum	setting_dflt {
	DFLT_BUILTIN,		/* dflt below */
	DFLT_IDLE,		/* [admin] session_idle_minutes */
	DFLT_MAX_HOURS,		/* [admin] session_max_hours */
	DFLT_PREVIEW,		/* [admin] preview_days */
};

/* The settings an administrator may change, in the order shown. */
static const struct setting_def {
	const char		*name;
	enum setting_kind	 kind;
	long			 min, max;
	enum setting_dflt	 from;
	const char		*dflt;
} setting_defs[] = {
	{ "default_event_zone", SETTING_ZONE, 0, 0, DFLT_BUILTIN, "UTC" },
	{ "session_idle_minutes", SETTING_NUMBER, 5, 10080, DFLT_IDLE, NULL },
	{ "session_max_hours", SETTING_NUMBER, 1, 2160, DFLT_MAX_HOURS,
	    NULL },
	{ "preview_days", SETTING_NUMBER, 1, 365, DFLT_PREVIEW, NULL },
};
#define SETTING_DEFS	(sizeof(setting_defs) / sizeof(setting_defs[0]))

const char *
admin_setting_get(struct admin *a, const char *name, const char *dflt)
{
	const char	*v;
	int		 rc;

	rc = db_setting_get(a->site->db, a->r->arena, name, &v);
	if (rc == -1)
		log_warnx("setting %s unreadable: using the default", name);
	return rc == 1 ? v : dflt;
}

long
admin_setting_num(struct admin *a, const char *name, long min, long max,
    long dflt)
{
	const char	*v;
	long long	 n;

	if ((v = admin_setting_get(a, name, NULL)) == NULL)
		return dflt;
	if (util_strtonum(v, min, max, &n) != 0) {
		log_warnx("setting %s: \"%s\" is not a number from %ld to "
		    "%ld: using %ld", name, v, min, max, dflt);
		return dflt;
	}
	return (long)n;
}

/* Logs and answers 403 for the pages of administrators. */
static int
admin_only(struct admin *a, struct out *o, const char *what)
{
	log_warnx("%s refused: %s is not an administrator", a->r->path,
	    a->user.login);
	return admin_error(a, o, 403, what);
}

/* Returns 1 if s can be an audit action: [a-z0-9-], 1 to 64. */
static int
action_ok(const char *s)
{
	size_t	 i, n = strlen(s);

	if (n == 0 || n > ACTION_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return 0;
	return 1;
}

int
admin_audit_list(struct admin *a, struct out *o)
{
	struct db	*db = a->site->db;
	struct audit_entry *e;
	struct user	*u;
	struct view	*v;
	const char	*action, *q, **actions;
	long long	 user = 0, page = 1, total, pages;
	size_t		 n, un, an, i;

	if (!admin_is_admin(a))
		return admin_only(a, o, "Only administrators may read the "
		    "audit log.");
	action = admin_query(a, "action");
	if (action != NULL && action[0] == '\0')
		action = NULL;
	if (action != NULL && !action_ok(action)) {
		log_warnx("audit: bad action filter");
		return admin_error(a, o, 400, "That is not an action of the "
		    "audit log.");
	}
	if ((q = admin_query(a, "user")) != NULL && q[0] != '\0' &&
	    (user = admin_id(q)) == 0) {
		log_warnx("audit: bad user filter");
		return admin_error(a, o, 400, "That is not a user.");
	}
	if ((q = admin_query(a, "page")) != NULL &&
	    !valid_int(q, 1, AUDIT_PAGES_MAX, &page)) {
		log_warnx("audit: bad page number");
		return admin_error(a, o, 400, "That is not a page number.");
	}
	if (db_audit_count(db, user, action, &total) == -1)
		return 500;
	pages = total == 0 ? 1 : (total + AUDIT_PAGE - 1) / AUDIT_PAGE;
	if (page > pages)
		return admin_error(a, o, 404, "The audit log has no such "
		    "page.");
	if (db_audit_list(db, a->r->arena, user, action,
	    (page - 1) * AUDIT_PAGE, AUDIT_PAGE, &e, &n) == -1 ||
	    db_audit_actions(db, a->r->arena, &actions, &an) == -1 ||
	    db_user_list(db, a->r->arena, &u, &un) == -1)
		return 500;

	v = admin_view_new(a, "audit");
	view_push(v, "audit");
	view_attr_int(v, "page", page);
	view_attr_int(v, "pages", pages);
	view_attr_int(v, "total", total);
	view_attr(v, "action", action);
	if (user > 0)
		view_attr_int(v, "user", user);
	view_push(v, "actions");
	for (i = 0; i < an; i++)
		view_text(v, "action", actions[i]);
	view_pop(v);
	view_push(v, "users");
	for (i = 0; i < un; i++) {
		view_push(v, "user");
		view_attr_int(v, "id", u[i].id);
		view_attr(v, "login", u[i].login);
		view_content(v, u[i].display_name);
		view_pop(v);
	}
	view_pop(v);
	for (i = 0; i < n; i++) {
		view_push(v, "entry");
		view_attr_int(v, "id", e[i].id);
		if (e[i].user_id > 0)
			view_attr_int(v, "user-id", e[i].user_id);
		view_attr(v, "login", e[i].user_login);
		view_attr(v, "object-type", e[i].object_type);
		if (e[i].object_type != NULL)
			view_attr_int(v, "object-id", e[i].object_id);
		view_time(v, "at", e[i].at);
		view_text(v, "who", e[i].user_name);
		view_text(v, "addr", e[i].client_addr);
		view_text(v, "action", e[i].action);
		view_text(v, "object-title", e[i].object_title);
		view_text(v, "detail", e[i].detail);
		view_pop(v);
	}
	view_pop(v);
	return admin_render(a, "admin-audit", v, o);
}

/* The default of def and where it comes from ("config", "built-in"). */
static const char *
setting_default(struct admin *a, const struct setting_def *def,
    const char **source)
{
	const struct cfg *cfg = a->site->cfg;
	unsigned int	 n;

	*source = "config";
	switch (def->from) {
	case DFLT_IDLE:
		n = cfg->session_idle_minutes;
		break;
	case DFLT_MAX_HOURS:
		n = cfg->session_max_hours;
		break;
	case DFLT_PREVIEW:
		n = cfg->preview_days;
		break;
	default:
		*source = "built-in";
		return def->dflt;
	}
	return arena_printf(a->r->arena, "%u", n);
}

/*
 * Checks value for def.  Returns NULL if it is good, else the message
 * for the person who typed it.
 */
static const char *
setting_check(struct admin *a, const struct setting_def *def,
    const char *value)
{
	if (strlen(value) > SETTING_MAX || !valid_text(value, SETTING_MAX))
		return "That value is too long.";
	switch (def->kind) {
	case SETTING_ZONE:
		if (!tz_valid(value))
			return "Enter a time zone of the IANA database, such "
			    "as Europe/Paris, Africa/Nairobi or UTC.";
		return NULL;
	case SETTING_NUMBER:
		if (!valid_int(value, def->min, def->max, NULL))
			return arena_printf(a->r->arena, "Enter a whole "
			    "number from %ld to %ld.", def->min, def->max);
		return NULL;
	}
	return "Unknown setting.";
}

/*
 * The settings page.  input: the submitted values after a refused POST
 * (by setting_defs' order), else NULL; err: their messages.
 */
static int
settings_page(struct admin *a, struct out *o, const char *const *input,
    const char *const *err)
{
	const struct setting_def *def;
	struct setting	*s;
	struct view	*v;
	const char	*dflt, *source;
	size_t		 n, i, j;

	if (db_setting_list(a->site->db, a->r->arena, &s, &n) == -1)
		return 500;
	v = admin_view_new(a, "settings");
	view_push(v, "settings");
	for (i = 0; i < SETTING_DEFS; i++) {
		def = &setting_defs[i];
		dflt = setting_default(a, def, &source);
		view_push(v, "setting");
		view_attr(v, "name", def->name);
		view_attr(v, "kind", def->kind == SETTING_ZONE ? "zone" :
		    "number");
		if (def->kind == SETTING_NUMBER) {
			view_attr_int(v, "min", def->min);
			view_attr_int(v, "max", def->max);
		}
		view_attr(v, "default", dflt);
		view_attr(v, "default-source", source);
		for (j = 0; j < n; j++)
			if (strcmp(s[j].name, def->name) == 0)
				break;
		/* A stored value the reader would refuse is not in effect. */
		if (j < n && setting_check(a, def, s[j].value) == NULL) {
			view_attr(v, "effective", s[j].value);
			view_attr(v, "source", "settings");
			view_time(v, "updated", s[j].updated_at);
			view_text(v, "updated-by", s[j].updated_by);
		} else {
			view_attr(v, "effective", dflt);
			view_attr(v, "source", source);
		}
		view_attr(v, "value", input != NULL ? input[i] :
		    j < n ? s[j].value : "");
		view_pop(v);
	}
	if (err != NULL) {
		view_push(v, "errors");
		for (i = 0; i < SETTING_DEFS; i++)
			if (err[i] != NULL)
				admin_field_error(v, setting_defs[i].name,
				    err[i]);
		view_pop(v);
	}
	view_pop(v);
	return admin_render(a, "admin-audit", v, o);
}

int
admin_settings_form(struct admin *a, struct out *o)
{
	if (!admin_is_admin(a))
		return admin_only(a, o, "Only administrators may change the "
		    "settings.");
	return settings_page(a, o, NULL, NULL);
}

int
admin_settings_post(struct admin *a, struct out *o)
{
	struct db	*db = a->site->db;
	const struct setting_def *def;
	const char	*input[SETTING_DEFS], *err[SETTING_DEFS];
	const char	*old, *dflt, *source;
	size_t		 i, bad = 0;
	int		 rc;

	if (!admin_is_admin(a))
		return admin_only(a, o, "Only administrators may change the "
		    "settings.");
	for (i = 0; i < SETTING_DEFS; i++) {
		input[i] = admin_form(a, setting_defs[i].name);
		err[i] = NULL;
		/* Absent from the form: left as it is. */
		if (input[i] == NULL || input[i][0] == '\0')
			continue;
		if ((err[i] = setting_check(a, &setting_defs[i],
		    input[i])) != NULL) {
			log_warnx("setting %s refused", setting_defs[i].name);
			bad++;
		}
	}
	if (bad > 0) {
		for (i = 0; i < SETTING_DEFS; i++)
			if (input[i] == NULL)
				input[i] = "";
		a->r->resp.status = 422;
		return settings_page(a, o, input, err);
	}
	/*
	 * All or nothing is not needed: each setting stands alone, and each
	 * change is audited as it is made.
	 */
	for (i = 0; i < SETTING_DEFS; i++) {
		def = &setting_defs[i];
		if (input[i] == NULL)
			continue;
		if ((rc = db_setting_get(db, a->r->arena, def->name,
		    &old)) == -1)
			return 500;
		if (rc == 0)
			old = NULL;
		/* An empty field returns the setting to its default. */
		if (input[i][0] == '\0') {
			if (old == NULL)
				continue;
			if (db_setting_set(db, def->name, NULL,
			    a->user.id) == -1)
				return 500;
			dflt = setting_default(a, def, &source);
			admin_audit(a, "settings", NULL, 0,
			    "%s: %s → default (%s, %s)", def->name, old, dflt,
			    source);
			continue;
		}
		if (old != NULL && strcmp(old, input[i]) == 0)
			continue;
		if (db_setting_set(db, def->name, input[i], a->user.id) == -1)
			return 500;
		if (old == NULL)
			old = arena_printf(a->r->arena, "default (%s)",
			    setting_default(a, def, &source));
		admin_audit(a, "settings", NULL, 0, "%s: %s → %s", def->name,
		    old, input[i]);
	}
	return admin_redirect(a, "/admin/settings?done=settings-saved");
}
