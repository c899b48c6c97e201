/*
 * Items in the editing program, outside the edit form itself
 * (admin_edit.c): the filtered list, new items, the workflow's status
 * changes (draft, review, published or scheduled, archived), translation
 * drafts and deleting for good.  Who may do what is asked of workflow.c;
 * every change is saved through db_edit_save(), so it has a revision and
 * a version check, and is written to the audit log.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "admin_edit.h"
#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_admin.h"
#include "item_edit.h"
#include "log.h"
#include "page.h"
#include "slug.h"
#include "tz.h"
#include "valid.h"
#include "view.h"
#include "workflow.h"

#define LIST_PAGE_SIZE	25	/* rows of the item list */
#define LIST_PAGE_MAX	100000	/* highest page number accepted */
#define SLUG_TRIES	50	/* suffixes tried for a translation's slug */

/* Returns 1 if the signed-in user wrote the item. */
static int
is_own(const struct admin *a, long long author_id)
{
	return author_id != 0 && author_id == a->user.id;
}

void
admin_item_rows(struct admin *a, struct view *v, const struct admin_item *it,
    size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		view_push(v, "item");
		view_attr_int(v, "id", it[i].id);
		if (it[i].kind < KIND__MAX)
			view_attr(v, "kind", kind_names[it[i].kind]);
		view_attr(v, "lang", it[i].lang);
		if (it[i].status < STATUS__MAX)
			view_attr(v, "status", item_status_names[it[i].status]);
		if (it[i].scheduled)
			view_attr(v, "scheduled", "1");
		view_attr_int(v, "version", it[i].version);
		if (workflow_may_edit(a->user.role, is_own(a, it[i].author_id),
		    admin_may_lang(a, it[i].lang), it[i].status))
			view_attr(v, "editable", "1");
		view_text(v, "title", it[i].title);
		if (it[i].author_id != 0) {
			view_push(v, "author");
			view_attr_int(v, "id", it[i].author_id);
			view_content(v, it[i].author_name);
			view_pop(v);
		}
		view_time(v, "updated", it[i].updated_at);
		view_time(v, "published", it[i].published_at);
		view_pop(v);
	}
}

/* The user's languages as "en,fr" (FIND_IN_SET's list); "" if none. */
static const char *
user_lang_set(struct admin *a)
{
	const char	*s = "";
	size_t		 i;

	for (i = 0; i < a->user.langc; i++)
		s = arena_printf(a->r->arena, "%s%s%s", s, i > 0 ? "," : "",
		    a->user.langs[i]);
	return s;
}

/* A copy of s without leading and trailing spaces. */
static const char *
trim(struct arena *ar, const char *s)
{
	size_t	 len;

	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	return arena_strndup(ar, s, len);
}

/* Appends "key=value" to a query string, percent-encoding the value. */
static const char *
query_add(struct arena *ar, const char *q, const char *key, const char *val)
{
	return arena_printf(ar, "%s%s%s=%s", q, q[0] != '\0' ? "&" : "", key,
	    page_query_encode(ar, val));
}

/*
 * Refuses a bad filter of the item list: the parameter and its value are
 * logged, the editor told which filter to change.
 */
static int
list_bad(struct admin *a, struct out *o, const char *name, const char *val)
{
	log_warnx("item list: bad %s \"%.40s\" (user %s)", name, val,
	    a->user.login);
	return admin_error(a, o, 400, arena_printf(a->r->arena, "The item "
	    "list's \"%s\" filter has a value it does not know. Change the "
	    "filter and search again.", name));
}

int
admin_item_list(struct admin *a, struct out *o)
{
	static const char *const keys[] =
	    { "kind", "lang", "status", "tag", "author", "q" };
	struct admin_item_filter f;
	struct admin_item	*items;
	struct admin_user_name	*users;
	struct arena		*ar = a->r->arena;
	struct view		*v;
	const char		*raw[6], *pg, *q = "", *base;
	long long		 page = 1, total, pages;
	size_t			 i, n, usersc;
	enum admin_status	 st;
	enum kind		 k;

	memset(&f, 0, sizeof(f));
	f.kind = KIND__MAX;
	f.status = ADMIN_STATUS_ANY;
	for (i = 0; i < 6; i++)
		raw[i] = admin_query(a, keys[i]);
	/* A translator sees their own languages unless they ask for all. */
	if (raw[1] == NULL && a->user.role == ROLE_TRANSLATOR)
		raw[1] = "mine";

	if (raw[0] != NULL && raw[0][0] != '\0' &&
	    (f.kind = kind_from_name(raw[0])) == KIND__MAX)
		return list_bad(a, o, "kind", raw[0]);
	if (raw[1] != NULL && strcmp(raw[1], "mine") == 0)
		f.langs = user_lang_set(a);
	else if (raw[1] != NULL && raw[1][0] != '\0') {
		if (!cfg_has_lang(a->site->cfg, raw[1]))
			return list_bad(a, o, "lang", raw[1]);
		f.lang = raw[1];
	}
	if (raw[2] != NULL && raw[2][0] != '\0') {
		for (st = ADMIN_STATUS_ANY + 1; st < ADMIN_STATUS__MAX; st++)
			if (strcmp(raw[2], admin_status_names[st]) == 0)
				break;
		if (st == ADMIN_STATUS__MAX)
			return list_bad(a, o, "status", raw[2]);
		f.status = st;
	}
	if (raw[3] != NULL && (raw[3] = trim(ar, raw[3]))[0] != '\0') {
		if (!valid_slug(raw[3]))
			return list_bad(a, o, "tag", raw[3]);
		f.tag = raw[3];
	}
	if (raw[4] != NULL && raw[4][0] != '\0' &&
	    (f.author_id = admin_id(raw[4])) == 0)
		return list_bad(a, o, "author", raw[4]);
	if (raw[5] != NULL) {
		if (!valid_text(raw[5], DB_SEARCH_MAX))
			return list_bad(a, o, "q", raw[5]);
		if ((raw[5] = trim(ar, raw[5]))[0] != '\0')
			f.search = raw[5];
	}
	pg = admin_query(a, "page");
	if (pg != NULL && pg[0] != '\0' &&
	    !valid_int(pg, 1, LIST_PAGE_MAX, &page))
		return list_bad(a, o, "page", pg);
	f.limit = LIST_PAGE_SIZE;
	f.offset = (page - 1) * LIST_PAGE_SIZE;

	if (db_admin_item_list(a->site->db, ar, &f, &items, &n, &total) == -1 ||
	    db_admin_user_names(a->site->db, ar, &users, &usersc) == -1)
		return 500;
	pages = total == 0 ? 1 : (total + LIST_PAGE_SIZE - 1) / LIST_PAGE_SIZE;

	/* The pages' links keep every filter, an empty language too. */
	for (i = 0; i < 6; i++)
		if (raw[i] != NULL && (raw[i][0] != '\0' || i == 1))
			q = query_add(ar, q, keys[i], raw[i]);
	base = arena_printf(ar, "%s/admin/items/?%s%s", a->site->cfg->base_url,
	    q, q[0] != '\0' ? "&" : "");

	v = admin_view_new(a, "items");
	view_push(v, "items");
	view_attr_int(v, "total", total);
	view_attr_int(v, "page", page);
	view_attr_int(v, "pages", pages);
	view_push(v, "filter");
	view_attr(v, "kind", f.kind < KIND__MAX ? kind_names[f.kind] : "");
	view_attr(v, "lang", raw[1] != NULL ? raw[1] : "");
	view_attr(v, "status", admin_status_names[f.status]);
	view_attr(v, "tag", f.tag != NULL ? f.tag : "");
	view_attr(v, "author", f.author_id > 0 ?
	    arena_printf(ar, "%lld", f.author_id) : "");
	view_attr(v, "q", f.search != NULL ? f.search : "");
	if (a->user.langc > 0)
		view_attr(v, "mine", "1");
	view_pop(v);
	view_push(v, "kinds");
	for (k = 0; k < KIND__MAX; k++) {
		view_push(v, "kind");
		view_attr(v, "name", kind_names[k]);
		view_pop(v);
	}
	view_pop(v);
	view_push(v, "authors");
	for (i = 0; i < usersc; i++) {
		view_push(v, "user");
		view_attr_int(v, "id", users[i].id);
		view_content(v, users[i].display_name);
		view_pop(v);
	}
	view_pop(v);
	admin_item_rows(a, v, items, n);
	if (page > 1 || page < pages) {
		view_push(v, "pager");
		if (page > 1) {
			view_push(v, "prev");
			view_attr(v, "href", arena_printf(ar, "%spage=%lld",
			    base, page - 1));
			view_pop(v);
		}
		if (page < pages) {
			view_push(v, "next");
			view_attr(v, "href", arena_printf(ar, "%spage=%lld",
			    base, page + 1));
			view_pop(v);
		}
		view_pop(v);
	}
	view_pop(v);
	return admin_render(a, "admin-items", v, o);
}

/*
 * Sets up a new item of kind and lang (NULL or "": the user's default
 * language) written by the signed-in user.  Returns 0, or an HTTP status
 * having answered with admin_error().
 */
static int
new_item(struct admin *a, struct out *o, const char *kind, const char *lang,
    struct item_edit *e)
{
	memset(e, 0, sizeof(*e));
	if (kind == NULL || (e->kind = kind_from_name(kind)) == KIND__MAX) {
		log_warnx("new item: bad kind \"%.40s\"",
		    kind != NULL ? kind : "(none)");
		admin_error(a, o, 400, "Choose what to write: news, a case "
		    "study, a statement or an event (the New item menu of "
		    "the dashboard).");
		return 400;
	}
	if (lang == NULL || lang[0] == '\0') {
		if (a->user.role == ROLE_TRANSLATOR && a->user.langc > 0)
			lang = a->user.langs[0];
		else
			lang = a->site->cfg->default_lang;
	}
	if (!cfg_has_lang(a->site->cfg, lang)) {
		log_warnx("new item: unknown language \"%.40s\"", lang);
		admin_error(a, o, 400, "That language is not one of the "
		    "site's.");
		return 400;
	}
	if (!admin_may_lang(a, lang)) {
		log_warnx("new item: %s may not write in %s", a->user.login,
		    lang);
		admin_error(a, o, 403, "You may not write in that language. "
		    "An administrator assigns translators their languages.");
		return 403;
	}
	e->lang = arena_strdup(a->r->arena, lang);
	e->status = STATUS_DRAFT;
	e->author_id = a->user.id;
	/* The newsroom's usual zone (Settings) until the editor picks one. */
	if (e->kind == KIND_EVENT)
		e->tz = admin_setting_get(a, "default_event_zone", "UTC");
	return 0;
}

int
admin_item_new_form(struct admin *a, struct out *o)
{
	struct item_edit e;
	struct view	*v;

	if (new_item(a, o, admin_query(a, "kind"), admin_query(a, "lang"),
	    &e) != 0)
		return 0;
	v = admin_view_new(a, "items");
	admin_edit_view(a, v, &e, NULL, 0);
	return admin_render(a, "admin-edit", v, o);
}

/* Answers the form again with status 422 and its errors beside fields. */
static int
edit_again(struct admin *a, struct out *o, const struct item_edit *e,
    const struct edit_error *errs, size_t errc)
{
	struct view	*v;

	a->r->resp.status = 422;
	v = admin_view_new(a, "items");
	admin_edit_view(a, v, e, errs, errc);
	return admin_render(a, "admin-edit", v, o);
}

int
admin_item_new_post(struct admin *a, struct out *o)
{
	struct item_edit	 e;
	struct edit_error	*errs = NULL, slug_err;
	const char		*kind, *lang;
	size_t			 errc;

	if ((kind = admin_form(a, "kind")) == NULL)
		kind = admin_query(a, "kind");
	if ((lang = admin_form(a, "lang")) == NULL)
		lang = admin_query(a, "lang");
	if (new_item(a, o, kind, lang, &e) != 0)
		return 0;
	errc = admin_edit_parse(a, &e, &errs);
	/* The form may change the language: ask again. */
	if (errc == 0 && !admin_may_lang(a, e.lang)) {
		log_warnx("new item: %s may not write in %s", a->user.login,
		    e.lang);
		return admin_error(a, o, 403, "You may not write in that "
		    "language.");
	}
	if (errc > 0)
		return edit_again(a, o, &e, errs, errc);
	/* Publishing is a status change of its own, never a side effect. */
	e.id = 0;
	e.status = STATUS_DRAFT;
	e.author_id = a->user.id;
	/* admin_edit_save: inline organisations, numbered derived slugs. */
	switch (admin_edit_save(a, &e, 0, "Created")) {
	case EDIT_SAVED:
		break;
	case EDIT_SLUG_TAKEN:
		slug_err.field = "slug";
		slug_err.message = "Another item of this kind in this language "
		    "already has this address: choose another slug.";
		return edit_again(a, o, &e, &slug_err, 1);
	default:
		return 500;
	}
	admin_audit(a, "create", "item", e.id, "%s (%s): \"%s\"",
	    kind_names[e.kind], e.lang, e.title != NULL ? e.title : "");
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/items/%lld?done=created", e.id));
}

/*
 * Parses a publication time as the form's datetime-local field sends it,
 * "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (UTC), with an optional
 * "Z".  Returns 0 and sets *t, or -1.
 */
static int
parse_when(const char *s, time_t *t)
{
	char	 buf[32];
	size_t	 len;
	time_t	 v;

	len = strlen(s);
	if (len > 0 && s[len - 1] == 'Z')
		len--;
	if (len == 16)
		snprintf(buf, sizeof(buf), "%.16s:00Z", s);
	else if (len == 19)
		snprintf(buf, sizeof(buf), "%.19sZ", s);
	else
		return -1;
	if ((v = tz_parse_utc(buf)) == (time_t)-1 || v < 0)
		return -1;
	*t = v;
	return 0;
}

/* What a status change is called in the audit log and the notice. */
struct	move {
	const char	*action;	/* audit_log.action */
	const char	*done;		/* admin_redirect's ?done= */
};

static struct move
move_name(enum item_status from, enum item_status to, int scheduled)
{
	struct move	 m;

	if (to == STATUS_PUBLISHED) {
		m.action = scheduled ? "schedule" : "publish";
		m.done = scheduled ? "scheduled" : "published";
	} else if (to == STATUS_ARCHIVED) {
		m.action = "archive";
		m.done = "archived";
	} else if (from == STATUS_ARCHIVED) {
		m.action = "unarchive";
		m.done = "unarchived";
	} else if (from == STATUS_PUBLISHED) {
		m.action = "unpublish";
		m.done = "unpublished";
	} else if (to == STATUS_REVIEW) {
		m.action = "submit";
		m.done = "submitted";
	} else {
		m.action = "return";
		m.done = "returned";
	}
	return m;
}

/*
 * Loads the item of the path.  Returns 0, or a status having answered
 * (404) or for admin.c to answer (500).
 */
static int
item_load(struct admin *a, struct out *o, struct item_edit *e)
{
	switch (db_edit_load(a->site->db, a->r->arena, a->id, e)) {
	case 1:
		return 0;
	case 0:
		admin_error(a, o, 404, "There is no such item: it may have "
		    "been deleted for good.");
		return 404;
	default:
		return 500;
	}
}

int
admin_item_status_post(struct admin *a, struct out *o)
{
	struct item_edit e;
	struct move	 m;
	enum item_status from, to;
	const char	*tos, *vs, *when, *note;
	long long	 version;
	time_t		 now, at = 0;
	char		 stamp[32];
	int		 rc, scheduled = 0;

	if ((rc = item_load(a, o, &e)) != 0)
		return rc == 404 ? 0 : rc;
	tos = admin_form(a, "to");
	if (tos == NULL || (to = item_status_from_name(tos)) == STATUS__MAX) {
		log_warnx("item %lld: bad status \"%.40s\"", a->id,
		    tos != NULL ? tos : "(none)");
		return admin_error(a, o, 400, "Choose a status: draft, "
		    "review, published or archived.");
	}
	vs = admin_form(a, "version");
	if (vs == NULL || !valid_int(vs, 1, 4294967295LL, &version)) {
		log_warnx("item %lld: status change without a version",
		    a->id);
		return admin_error(a, o, 400, "The form did not say which "
		    "version of the item it showed. Reload the item and try "
		    "again.");
	}
	from = e.status;
	if (!workflow_may_transition(a->user.role, is_own(a, e.author_id),
	    admin_may_lang(a, e.lang), from, to)) {
		log_warnx("item %lld: %s (%s) may not move it from %s to %s",
		    a->id, a->user.login, role_names[a->user.role],
		    item_status_names[from], item_status_names[to]);
		return admin_error(a, o, 403, from == to ?
		    "The item already has that status." :
		    arena_printf(a->r->arena, "Your role (%s) may not move "
		    "this item from %s to %s.", role_names[a->user.role],
		    item_status_names[from], item_status_names[to]));
	}
	if (to == STATUS_PUBLISHED) {
		if (db_now(a->site->db, &now) == -1)
			return 500;
		when = admin_form(a, "published_at");
		if (when == NULL || when[0] == '\0')
			at = now;
		else if (parse_when(when, &at) == -1) {
			log_warnx("item %lld: bad publication time \"%.40s\"",
			    a->id, when);
			return admin_error(a, o, 400, "The publication time "
			    "must be a date and time in UTC, as "
			    "2026-05-01T09:30, or empty for now.");
		}
		scheduled = at > now;
		e.published_at = at;
	}
	e.status = to;
	m = move_name(from, to, scheduled);
	tz_format_rfc3339(at, stamp, sizeof(stamp));
	note = arena_printf(a->r->arena, "Status: %s \xe2\x86\x92 %s%s%s%s",
	    item_status_names[from], item_status_names[to],
	    scheduled ? " (scheduled for " : "", scheduled ? stamp : "",
	    scheduled ? ")" : "");
	switch (db_edit_save(a->site->db, a->r->arena, &e, version, a->user.id,
	    note)) {
	case EDIT_SAVED:
		break;
	case EDIT_CONFLICT:
		log_warnx("item %lld: status change on version %lld, stale",
		    a->id, version);
		return admin_error(a, o, 409, "Someone saved this item after "
		    "you opened it, so its status was not changed. Reload the "
		    "item, check their changes, and try again.");
	case EDIT_GONE:
		return admin_error(a, o, 404, "There is no such item: it may "
		    "have been deleted for good.");
	default:
		return 500;
	}
	admin_audit(a, m.action, "item", e.id, "\"%s\" (%s, %s): %s%s%s",
	    e.title != NULL ? e.title : "", kind_names[e.kind], e.lang,
	    note + strlen("Status: "), to == STATUS_PUBLISHED && !scheduled ?
	    " at " : "", to == STATUS_PUBLISHED && !scheduled ? stamp : "");
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/items/%lld?done=%s", e.id, m.done));
}

int
admin_item_translate_post(struct admin *a, struct out *o)
{
	struct item_edit	 src, e;
	enum edit_result	 res;
	const char		*lang, *base;
	long long		 other;
	int			 i, rc;

	if ((rc = item_load(a, o, &src)) != 0)
		return rc == 404 ? 0 : rc;
	lang = admin_form(a, "lang");
	if (lang == NULL || !cfg_has_lang(a->site->cfg, lang) ||
	    strcmp(lang, src.lang) == 0) {
		log_warnx("item %lld: bad translation language \"%.40s\"",
		    a->id, lang != NULL ? lang : "(none)");
		return admin_error(a, o, 400, "Choose one of the site's other "
		    "languages to translate into.");
	}
	if (!admin_may_lang(a, lang)) {
		log_warnx("item %lld: %s may not translate into %s", a->id,
		    a->user.login, lang);
		return admin_error(a, o, 403, "You may not write in that "
		    "language. An administrator assigns translators their "
		    "languages.");
	}
	switch (db_admin_item_in_group(a->site->db, src.group_id, lang,
	    &other)) {
	case 1:
		/* It exists: open it rather than make a second one. */
		return admin_redirect(a, arena_printf(a->r->arena,
		    "/admin/items/%lld", other));
	case 0:
		break;
	default:
		return 500;
	}

	/*
	 * Everything the translator will translate or keep, from the
	 * source; tags are per language, so they start empty.
	 */
	e = src;
	e.id = 0;
	e.lang = arena_strdup(a->r->arena, lang);
	e.status = STATUS_DRAFT;
	e.published_at = 0;
	e.entry_id = NULL;
	e.author_id = a->user.id;
	e.version = 0;
	e.tags = NULL;
	e.tagc = 0;
	base = slug_derive(a->r->arena, src.title != NULL ? src.title : "",
	    0);
	if (base == NULL || base[0] == '\0')
		base = src.slug;
	res = EDIT_SLUG_TAKEN;
	for (i = 1; i <= SLUG_TRIES && res == EDIT_SLUG_TAKEN; i++) {
		e.id = 0;
		e.version = 0;
		e.slug = i == 1 ? base :
		    arena_printf(a->r->arena, "%s-%d", base, i);
		res = db_edit_save(a->site->db, a->r->arena, &e, 0,
		    a->user.id, arena_printf(a->r->arena, "Translation of "
		    "item %lld (%s)", src.id, src.lang));
	}
	if (res != EDIT_SAVED) {
		log_warnx("item %lld: translation into %s not saved (%d)",
		    a->id, lang, (int)res);
		return 500;
	}
	admin_audit(a, "translate", "item", e.id, "translation into %s of "
	    "item %lld \"%s\"", lang, src.id, src.title != NULL ?
	    src.title : "");
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/items/%lld?done=translated", e.id));
}

int
admin_item_purge_post(struct admin *a, struct out *o)
{
	struct item_edit e;
	int		 rc;

	if ((rc = item_load(a, o, &e)) != 0)
		return rc == 404 ? 0 : rc;
	if (!admin_is_admin(a)) {
		log_warnx("item %lld: purge refused to %s (%s)", a->id,
		    a->user.login, role_names[a->user.role]);
		return admin_error(a, o, 403, "Only an administrator may "
		    "delete an item for good. Archive it instead: that hides "
		    "it and can be undone.");
	}
	if (!workflow_may_purge(a->user.role, e.status)) {
		log_warnx("item %lld: purge refused, status %s", a->id,
		    item_status_names[e.status]);
		return admin_error(a, o, 409, "Only archived items can be "
		    "deleted for good. Archive the item first.");
	}
	switch (db_admin_item_purge(a->site->db, e.id)) {
	case 1:
		break;
	case 0:
		return admin_error(a, o, 409, "The item is no longer "
		    "archived, or was already deleted.");
	default:
		return 500;
	}
	admin_audit(a, "purge", "item", e.id, "deleted for good: \"%s\" "
	    "(%s, %s, version %lld)", e.title != NULL ? e.title : "",
	    kind_names[e.kind], e.lang, e.version);
	return admin_redirect(a, "/admin/items/?done=purged");
}
