/*
 * Tags (admin.h): the tags of each language with how many items use
 * them; editors and administrators rename one (its slug, and so its
 * public address, stays), merge one into another (the merged tag's page
 * is gone afterwards) or delete one no item uses.  Tags themselves are
 * made from the items' forms.  Every change is in the audit log and
 * renews the pages and feeds that show the tag.
 */
#include "config.h"

#include <string.h>

#include "admin.h"
#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_admin.h"
#include "log.h"
#include "view.h"

#define TAG_NAME_MAX	200	/* characters (tags.name) */

/* Characters (code points) in len bytes of UTF-8. */
static size_t
chars(const char *s, size_t len)
{
	size_t	 i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* The language asked for, else the default one (or the translator's). */
static const char *
tag_lang(struct admin *a, const char *asked)
{
	if (asked != NULL && cfg_has_lang(a->site->cfg, asked))
		return asked;
	if (a->user.role == ROLE_TRANSLATOR && a->user.langc > 0)
		return a->user.langs[0];
	return a->site->cfg->default_lang;
}

int
admin_tag_list(struct admin *a, struct out *o)
{
	const struct cfg *cfg = a->site->cfg;
	struct tag	*t = NULL;
	struct view	*v;
	const char	*lang;
	size_t		 n = 0, i;

	lang = tag_lang(a, admin_query(a, "lang"));
	if (db_admin_tag_list(a->site->db, a->r->arena, lang, &t, &n) == -1)
		return 500;
	v = admin_view_new(a, "tags");
	view_push(v, "tags");
	view_attr(v, "lang", lang);
	if (admin_is_editor(a))
		view_attr(v, "editable", "1");
	for (i = 0; i < cfg->langc; i++) {
		view_push(v, "language");
		view_attr(v, "code", cfg->langs[i]);
		if (strcmp(cfg->langs[i], lang) == 0)
			view_attr(v, "current", "1");
		view_pop(v);
	}
	for (i = 0; i < n; i++) {
		view_push(v, "tag");
		view_attr_int(v, "id", t[i].id);
		view_attr(v, "slug", t[i].slug);
		view_attr_int(v, "count", t[i].count);
		view_attr(v, "public-href", arena_printf(a->r->arena,
		    "%s/%s/tags/%s/", cfg->base_url, lang, t[i].slug));
		view_content(v, t[i].name);
		view_pop(v);
	}
	view_pop(v);
	return admin_render(a, "admin-tags", v, o);
}

/* Back to the list of the tag's language, saying what was done. */
static int
back(struct admin *a, const struct tag *t, const char *done)
{
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/tags/?lang=%s&done=%s", t->lang, done));
}

int
admin_tag_post(struct admin *a, struct out *o)
{
	struct tag	 t, into;
	const char	*action, *name;
	long long	 into_id;
	size_t		 len;
	int		 rc;

	if (!admin_is_editor(a))
		return admin_error(a, o, 403, "Only editors and "
		    "administrators may change tags.");
	if ((rc = db_admin_tag_get(a->site->db, a->r->arena, a->id, &t)) ==
	    -1)
		return 500;
	if (rc == 0)
		return 404;
	action = admin_form(a, "action");
	if (action != NULL && strcmp(action, "rename") == 0) {
		name = admin_form(a, "name");
		len = name != NULL ? strlen(name) : 0;
		while (len > 0 && name[len - 1] == ' ')
			len--;
		while (len > 0 && *name == ' ') {
			name++;
			len--;
		}
		if (len == 0 || chars(name, len) > TAG_NAME_MAX)
			return admin_error(a, o, 422, "A tag's name has 1 to "
			    "200 characters.");
		name = arena_strndup(a->r->arena, name, len);
		if (strcmp(name, t.name) == 0)
			return back(a, &t, "saved");
		switch (db_admin_tag_rename(a->site->db, t.id, name)) {
		case 1:
			break;
		case 2:
			return admin_error(a, o, 409, "Another tag of this "
			    "language already has that name: merge the two "
			    "instead.");
		case 0:
			return 404;
		default:
			return 500;
		}
		admin_audit(a, "tag-rename", "tag", t.id, "%s: \"%s\" -> "
		    "\"%s\"", t.lang, t.name, name);
		return back(a, &t, "saved");
	}
	if (action != NULL && strcmp(action, "merge") == 0) {
		if ((into_id = admin_id(admin_form(a, "into"))) == 0 ||
		    into_id == t.id)
			return admin_error(a, o, 422, "Choose another tag of "
			    "the same language to merge this one into.");
		if ((rc = db_admin_tag_get(a->site->db, a->r->arena, into_id,
		    &into)) == -1)
			return 500;
		if (rc == 0 || strcmp(into.lang, t.lang) != 0)
			return admin_error(a, o, 422, "Choose another tag of "
			    "the same language to merge this one into.");
		if ((rc = db_admin_tag_merge(a->site->db, t.id, into.id)) ==
		    -1)
			return 500;
		if (rc == 0)
			return 404;
		admin_audit(a, "tag-merge", "tag", into.id, "%s: \"%s\" (%lld "
		    "items) merged into \"%s\"", t.lang, t.name, t.count,
		    into.name);
		return back(a, &t, "merged");
	}
	if (action != NULL && strcmp(action, "delete") == 0) {
		switch (db_admin_tag_delete(a->site->db, t.id)) {
		case 1:
			break;
		case 2:
			return admin_error(a, o, 409, "Items use this tag: "
			    "merge it into another instead of deleting it.");
		case 0:
			return 404;
		default:
			return 500;
		}
		admin_audit(a, "tag-delete", "tag", t.id, "%s: \"%s\"",
		    t.lang, t.name);
		return back(a, &t, "tag-deleted");
	}
	log_warnx("tag %lld: unknown action", t.id);
	return 400;
}
