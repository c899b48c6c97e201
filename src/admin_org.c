/*
 * The organisations registry: partner organisations that sign statements
 * and employ speakers.  Anyone signed in may add one (the statement form
 * adds them inline too, through db_org_create()); editors and
 * administrators may correct one.  A correction keeps the slug, so the
 * organisation's public address stays, and renews the pages and feeds
 * that show its name (db_org_update()).
 */
#include "config.h"

#include <string.h>

#include "admin.h"
#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_admin.h"
#include "log.h"
#include "valid.h"
#include "view.h"

#define ORG_NAME_MAX	300	/* characters (organisations.name) */
#define ORG_SHORT_MAX	60	/* characters (organisations.short_name) */
#define ORG_URL_MAX	500	/* bytes (organisations.url) */

/* An organisation as the forms send it, with what is wrong with it. */
struct	org_form {
	const char	*name;
	const char	*short_name;	/* NULL: none */
	const char	*url;		/* NULL: none */
	const char	*err_field[3];
	const char	*err_msg[3];
	size_t		 errc;
};

/* A form field without surrounding white space; NULL if absent. */
static const char *
field(struct admin *a, const char *name)
{
	const char	*s;
	size_t		 len;

	if ((s = admin_form(a, name)) == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	return arena_strndup(a->r->arena, s, len);
}

static void
form_error(struct org_form *f, const char *fld, const char *msg)
{
	f->err_field[f->errc] = fld;
	f->err_msg[f->errc] = msg;
	f->errc++;
}

/*
 * Reads and checks the form.  Returns the number of errors; the values
 * are kept as sent, to show again.
 */
static size_t
org_form_read(struct admin *a, struct org_form *f)
{
	memset(f, 0, sizeof(*f));
	f->name = field(a, "name");
	f->short_name = field(a, "short_name");
	f->url = field(a, "url");
	if (f->name == NULL || f->name[0] == '\0')
		form_error(f, "name", "Enter the organisation's name.");
	else if (!valid_text(f->name, ORG_NAME_MAX))
		form_error(f, "name", "The name must be at most 300 "
		    "characters of plain text.");
	if (f->short_name != NULL && f->short_name[0] == '\0')
		f->short_name = NULL;
	if (f->short_name != NULL && !valid_text(f->short_name, ORG_SHORT_MAX))
		form_error(f, "short_name", "The short name must be at most "
		    "60 characters of plain text.");
	if (f->url != NULL && f->url[0] == '\0')
		f->url = NULL;
	if (f->url != NULL && (strlen(f->url) > ORG_URL_MAX ||
	    !valid_url_http(f->url)))
		form_error(f, "url", "The website must be a full http:// or "
		    "https:// address of at most 500 characters, such as "
		    "https://example.org/.");
	if (f->errc > 0)
		log_warnx("organisation form of %s: %zu errors, first %s",
		    a->user.login, f->errc, f->err_field[0]);
	return f->errc;
}

/* Adds the form's values and errors inside the current element. */
static void
org_form_view(struct view *v, const struct org_form *f)
{
	size_t	 i;

	view_text(v, "name", f->name);
	view_text(v, "short-name", f->short_name);
	view_text(v, "url", f->url);
	if (f->errc > 0) {
		view_push(v, "errors");
		for (i = 0; i < f->errc; i++)
			admin_field_error(v, f->err_field[i], f->err_msg[i]);
		view_pop(v);
	}
}

/* Adds <org> for a registry entry inside the current element. */
static void
org_view(struct admin *a, struct view *v, const struct org *g)
{
	view_push(v, "org");
	view_attr_int(v, "id", g->id);
	view_attr(v, "slug", g->slug);
	view_attr_int(v, "count", g->count);
	if (admin_is_editor(a))
		view_attr(v, "editable", "1");
	view_text(v, "name", g->name);
	view_text(v, "short-name", g->short_name);
	view_text(v, "url", g->url);
	view_text(v, "public-href", arena_printf(a->r->arena,
	    "%s/%s/organisations/%s/", a->site->cfg->base_url,
	    a->site->cfg->default_lang, g->slug));
	view_time(v, "updated", g->updated_at);
	view_pop(v);
}

/* The registry page, with the new-organisation form (f: as sent). */
static int
org_list_page(struct admin *a, struct out *o, const struct org_form *f)
{
	struct org	*orgs;
	struct view	*v;
	size_t		 i, n;

	if (db_org_list_all(a->site->db, a->r->arena, &orgs, &n) == -1)
		return 500;
	v = admin_view_new(a, "orgs");
	view_push(v, "orgs");
	for (i = 0; i < n; i++)
		org_view(a, v, &orgs[i]);
	view_push(v, "new-org");
	if (f != NULL)
		org_form_view(v, f);
	view_pop(v);
	view_pop(v);
	return admin_render(a, "admin-orgs", v, o);
}

int
admin_org_list(struct admin *a, struct out *o)
{
	return org_list_page(a, o, NULL);
}

int
admin_org_new_post(struct admin *a, struct out *o)
{
	struct org_form	 f;
	long long	 id;

	if (org_form_read(a, &f) > 0) {
		a->r->resp.status = 422;
		return org_list_page(a, o, &f);
	}
	if (db_org_create(a->site->db, f.name, f.short_name, f.url, &id) == -1)
		return 500;
	admin_audit(a, "org-create", "organisation", id, "\"%s\"%s%s%s",
	    f.name, f.url != NULL ? " <" : "", f.url != NULL ? f.url : "",
	    f.url != NULL ? ">" : "");
	return admin_redirect(a, "/admin/orgs/?done=created");
}

/* The edit page of g, with the form as sent (f) or g's values. */
static int
org_edit_page(struct admin *a, struct out *o, const struct org *g,
    const struct org_form *f)
{
	struct org_form	 cur;
	struct view	*v;

	v = admin_view_new(a, "orgs");
	view_push(v, "org-edit");
	org_view(a, v, g);
	view_push(v, "form");
	if (f == NULL) {
		memset(&cur, 0, sizeof(cur));
		cur.name = g->name;
		cur.short_name = g->short_name;
		cur.url = g->url;
		f = &cur;
	}
	org_form_view(v, f);
	view_pop(v);
	view_pop(v);
	return admin_render(a, "admin-orgs", v, o);
}

/*
 * Loads the organisation of the path for an editor.  Returns 0, or a
 * status having answered (403, 404) or for admin.c (500).
 */
static int
org_load(struct admin *a, struct out *o, struct org *g)
{
	if (!admin_is_editor(a)) {
		log_warnx("organisation %lld: %s (%s) may not edit", a->id,
		    a->user.login, role_names[a->user.role]);
		admin_error(a, o, 403, "Only editors and administrators may "
		    "change an organisation. Ask one if its details are "
		    "wrong.");
		return 403;
	}
	switch (db_org_get_by_id(a->site->db, a->r->arena, a->id, g)) {
	case 1:
		return 0;
	case 0:
		admin_error(a, o, 404, "There is no such organisation.");
		return 404;
	default:
		return 500;
	}
}

int
admin_org_edit_form(struct admin *a, struct out *o)
{
	struct org	 g;
	int		 rc;

	if ((rc = org_load(a, o, &g)) != 0)
		return rc == 500 ? rc : 0;
	return org_edit_page(a, o, &g, NULL);
}

/* Returns 1 if two optional strings are equal. */
static int
same(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return x == y;
	return strcmp(x, y) == 0;
}

int
admin_org_edit_post(struct admin *a, struct out *o)
{
	struct org_form	 f;
	struct org	 g;
	int		 rc;

	if ((rc = org_load(a, o, &g)) != 0)
		return rc == 500 ? rc : 0;
	if (org_form_read(a, &f) > 0) {
		a->r->resp.status = 422;
		return org_edit_page(a, o, &g, &f);
	}
	/* Nothing changed: no write, no new versions of its items. */
	if (same(f.name, g.name) && same(f.short_name, g.short_name) &&
	    same(f.url, g.url))
		return admin_redirect(a, arena_printf(a->r->arena,
		    "/admin/orgs/%lld?done=saved", g.id));
	switch (db_org_update(a->site->db, g.id, f.name, f.short_name,
	    f.url)) {
	case 1:
		break;
	case 0:
		return admin_error(a, o, 404, "There is no such "
		    "organisation.");
	default:
		return 500;
	}
	admin_audit(a, "org-update", "organisation", g.id, "\"%s\" (%s, %s) "
	    "is now \"%s\" (%s, %s)", g.name, g.short_name != NULL ?
	    g.short_name : "no short name", g.url != NULL ? g.url : "no URL",
	    f.name, f.short_name != NULL ? f.short_name : "no short name",
	    f.url != NULL ? f.url : "no URL");
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/orgs/%lld?done=saved", g.id));
}
