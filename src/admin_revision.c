/*
 * An item's revisions (admin.h): the list, the difference between two of
 * them field by field, and restoring one as a new revision.
 *
 * Whoever may edit an item may read its history: editors and
 * administrators every item, authors their own, translators those in
 * their languages.  Restoring is an edit, so it asks workflow_may_edit()
 * like the edit form does.  A restore brings back the content (title,
 * summary, body, tags, files, signatories, event details) and never the
 * workflow: the item keeps its status, publication time, address (slug),
 * language, kind and author, so restoring cannot publish, unpublish or
 * move a page.  It is saved through db_edit_save() like any edit, which
 * checks the version, writes the new revision and bumps the site state.
 *
 * The diff compares two snapshots (item_snapshot.c) as the text of each
 * field: multi-line fields by lines (diff_lines), one-line fields by
 * words (diff_words).  Lines far from a change are folded away.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "admin_edit.h"
#include "arena.h"
#include "cfg.h"
#include "db.h"
#include "db_revision.h"
#include "diff.h"
#include "item_edit.h"
#include "log.h"
#include "view.h"
#include "workflow.h"

#define REV_PAGE	50	/* revisions a list page shows */
#define REV_PAGES_MAX	100000	/* highest ?page= accepted */
#define DIFF_CONTEXT	3	/* same lines kept around a change */
#define FILE_LOOKUPS	200	/* files named per diff; more are "#id" */
#define WORDS_MAX	2000	/* longest one-line value diffed by words */

/* The fields a diff shows, in the order it shows them. */
enum	field {
	F_TITLE,
	F_SUMMARY,
	F_BODY,
	F_HASHTAG,
	F_BYLINE,
	F_TAGS,
	F_MEDIA,
	F_SIGS,
	F_STARTS,
	F_ENDS,
	F_TZ,
	F_LOCATION,
	F_ONLINE,
	F_REGISTRATION,
	F_SPOKEN,
	F_INTERPRETED,
	F_SPEAKERS,
	/* Not restored: the workflow and the item's place. */
	F_SLUG,
	F_STATUS,
	F_PUBLISHED,
	F_AUTHOR,
	F_KIND,
	F_LANG,
	F__MAX
};

/* The first field a restore leaves as it is. */
#define F__RESTORED	F_SLUG

static const struct {
	const char	*name;		/* the view's @name */
	const char	*label;		/* for people */
} fields[F__MAX] = {
	{ "title", "Title" },			/* F_TITLE */
	{ "summary", "Summary" },		/* F_SUMMARY */
	{ "body", "Body (Markdown)" },		/* F_BODY */
	{ "hashtag", "Hashtag" },		/* F_HASHTAG */
	{ "byline", "Byline" },			/* F_BYLINE */
	{ "tags", "Tags" },			/* F_TAGS */
	{ "media", "Files" },			/* F_MEDIA */
	{ "signatories", "Signatories" },	/* F_SIGS */
	{ "starts", "Starts" },			/* F_STARTS */
	{ "ends", "Ends" },			/* F_ENDS */
	{ "tz", "Time zone" },			/* F_TZ */
	{ "location", "Location" },		/* F_LOCATION */
	{ "online-url", "Online link" },	/* F_ONLINE */
	{ "registration-url", "Registration link" }, /* F_REGISTRATION */
	{ "spoken", "Spoken languages" },	/* F_SPOKEN */
	{ "interpreted", "Interpreted into" },	/* F_INTERPRETED */
	{ "speakers", "Speakers" },		/* F_SPEAKERS */
	{ "slug", "Address (slug)" },		/* F_SLUG */
	{ "status", "Status" },			/* F_STATUS */
	{ "published", "Publication time" },	/* F_PUBLISHED */
	{ "author", "Author" },			/* F_AUTHOR */
	{ "kind", "Kind" },			/* F_KIND */
	{ "lang", "Language" },			/* F_LANG */
};

static const char *const role_labels[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

/* Names a diff shows for the ids in snapshots, looked up once. */
struct	names {
	struct admin	*a;
	struct edit_org	*orgs;		/* the registry; NULL if unread */
	size_t		 orgc;
	struct {
		long long	 id;
		const char	*name;	/* NULL: no such file */
	}		*files;
	size_t		 filec;
};

/* Returns 1 if the signed-in user may read the item's revisions. */
static int
may_see(const struct admin *a, const struct item_edit *e)
{
	return workflow_may_see(a->user.role, e->author_id != 0 &&
	    e->author_id == a->user.id, admin_may_lang(a, e->lang));
}

/* Returns 1 if the signed-in user may restore a revision of the item. */
static int
may_restore(const struct admin *a, const struct item_edit *e)
{
	return a->user.id != 0 && workflow_may_edit(a->user.role,
	    e->author_id != 0 && e->author_id == a->user.id,
	    admin_may_lang(a, e->lang), e->status);
}

/*
 * Loads the item of the path into e and checks that the user may read
 * its history.  Returns 0 or an HTTP status.
 */
static int
item_load(struct admin *a, struct item_edit *e)
{
	switch (db_edit_load(a->site->db, a->r->arena, a->id, e)) {
	case 1:
		break;
	case 0:
		return 404;
	default:
		return 500;
	}
	if (!may_see(a, e)) {
		log_warnx("user %s may not see the revisions of item %lld",
		    a->user.login, a->id);
		return 403;
	}
	return 0;
}

/* Adds <item> with what every revisions page shows of the item. */
static void
view_item(struct view *v, const struct item_edit *e)
{
	view_push(v, "item");
	view_attr_int(v, "id", e->id);
	view_attr(v, "kind", kind_names[e->kind]);
	view_attr(v, "lang", e->lang);
	view_attr(v, "status", item_status_names[e->status]);
	view_attr_int(v, "version", e->version);
	view_text(v, "title", e->title);
	view_pop(v);
}

/*
 * Adds a <name> element describing revision r; mark, if not NULL, is an
 * attribute set to "1" (the compare form's starting choices).
 */
static void
view_revision(struct view *v, const char *name, const struct revision *r,
    const struct item_edit *e, const char *mark)
{
	view_push(v, name);
	view_attr_int(v, "id", r->id);
	view_attr_int(v, "version", r->version);
	if (r->version == e->version)
		view_attr(v, "current", "1");
	if (mark != NULL)
		view_attr(v, mark, "1");
	view_time(v, "created-at", r->created_at);
	if (r->user_name != NULL) {
		view_push(v, "user");
		view_attr_int(v, "id", r->user_id);
		view_content(v, r->user_name);
		view_pop(v);
	}
	if (r->note != NULL && r->note[0] != '\0')
		view_text(v, "note", r->note);
	view_pop(v);
}

int
admin_revision_list(struct admin *a, struct out *o)
{
	struct item_edit	 e;
	struct revision		*revs = NULL;
	struct view		*v;
	const char		*ps, *mark;
	long long		 page = 1, total = 0, pages;
	size_t			 i, n = 0;
	int			 rc;

	if ((rc = item_load(a, &e)) != 0)
		return rc;
	if ((ps = admin_query(a, "page")) != NULL &&
	    ((page = admin_id(ps)) == 0 || page > REV_PAGES_MAX)) {
		log_warnx("item %lld: bad revisions page number", a->id);
		return admin_error(a, o, 400, "The page number is not valid.");
	}
	if (db_revision_count(a->site->db, a->id, &total) == -1 ||
	    db_revision_list(a->site->db, a->r->arena, a->id, REV_PAGE,
	    (page - 1) * REV_PAGE, &revs, &n) == -1)
		return 500;
	pages = total == 0 ? 1 : (total + REV_PAGE - 1) / REV_PAGE;
	if (page > pages)
		return 404;

	v = admin_view_new(a, "items");
	view_push(v, "revisions");
	view_attr_int(v, "total", total);
	view_attr_int(v, "page", page);
	view_attr_int(v, "pages", pages);
	if (may_restore(a, &e))
		view_attr(v, "may-restore", "1");
	view_item(v, &e);
	for (i = 0; i < n; i++) {
		/* The compare form starts with the newest two. */
		mark = NULL;
		if (page == 1 && i == 0)
			mark = n > 1 ? "to" : "only";
		else if (page == 1 && i == 1)
			mark = "from";
		view_revision(v, "revision", &revs[i], &e, mark);
	}
	view_pop(v);
	return admin_render(a, "admin-revisions", v, o);
}

/* "2021-07-21 14:00 UTC", or "" for 0. */
static const char *
fmt_time(struct arena *ar, time_t t, int date_only)
{
	struct tm	 tm;
	char		 buf[64];

	if (t == 0 || gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof(buf), date_only ? "%Y-%m-%d" :
	    "%Y-%m-%d %H:%M UTC", &tm) == 0)
		return "";
	return arena_strdup(ar, buf);
}

/* An organisation's name, or NULL if it is not in the registry. */
static const char *
org_name(const struct names *nm, long long id)
{
	size_t	 i;

	for (i = 0; i < nm->orgc; i++)
		if (nm->orgs[i].id == id)
			return nm->orgs[i].name;
	return NULL;
}

/*
 * A file's original name, or NULL if it is gone or past the lookups a
 * diff makes (the text then shows its number only).
 */
static const char *
file_name(struct names *nm, long long id)
{
	struct edit_file f;
	size_t		 i;

	for (i = 0; i < nm->filec; i++)
		if (nm->files[i].id == id)
			return nm->files[i].name;
	if (nm->filec == FILE_LOOKUPS)
		return NULL;
	if (nm->files == NULL)
		nm->files = arena_calloc(nm->a->r->arena, FILE_LOOKUPS,
		    sizeof(*nm->files));
	nm->files[nm->filec].id = id;
	nm->files[nm->filec].name = db_edit_file_get(nm->a->site->db,
	    nm->a->r->arena, id, &f) == 1 ? f.original_name : NULL;
	return nm->files[nm->filec++].name;
}

/* Appends a line to *s, which starts as "". */
static void
add_line(struct arena *ar, const char **s, const char *line)
{
	*s = (*s)[0] == '\0' ? arena_strdup(ar, line) :
	    arena_printf(ar, "%s\n%s", *s, line);
}

/* Appends ", " and part to *s unless part is NULL or empty. */
static const char *
join(struct arena *ar, const char *s, const char *sep, const char *part)
{
	if (part == NULL || part[0] == '\0')
		return s;
	return s[0] == '\0' ? arena_strdup(ar, part) :
	    arena_printf(ar, "%s%s%s", s, sep, part);
}

/* A named thing with its number: "Water Alliance (#5)", or "#5". */
static const char *
named(struct arena *ar, const char *name, long long id)
{
	return name != NULL ? arena_printf(ar, "%s (#%lld)", name, id) :
	    arena_printf(ar, "#%lld", id);
}

/* What a snapshot names but the database no longer has. */
static const char *
gone(struct arena *ar, const char *name, const char *why)
{
	return arena_printf(ar, "%s (%s)", name != NULL ? name : "?", why);
}

/*
 * An organisation of a snapshot: by id with its name now (or the one the
 * snapshot's lookup found), or the importer's slug that matched none.
 */
static const char *
org_text(const struct names *nm, long long id, const char *name)
{
	struct arena	*ar = nm->a->r->arena;
	const char	*now;

	if (id == 0)
		return gone(ar, name, "not in the registry");
	now = org_name(nm, id);
	return named(ar, now != NULL ? now : name, id);
}

/* qsort(3) order of strings by bytes. */
static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
 * The text of field f of e as the diff compares and shows it: one line
 * per tag, file, signatory or speaker.  Never NULL.
 */
static const char *
field_text(struct names *nm, const struct item_edit *e, enum field f)
{
	struct arena	*ar = nm->a->r->arena;
	const char	*s = "", *x, **v;
	enum media_role	 r;
	size_t		 i;

	switch (f) {
	case F_TITLE:
		return e->title != NULL ? e->title : "";
	case F_SUMMARY:
		return e->summary != NULL ? e->summary : "";
	case F_BODY:
		return e->body_md != NULL ? e->body_md : "";
	case F_HASHTAG:
		return e->hashtag != NULL && e->hashtag[0] != '\0' ?
		    arena_printf(ar, "#%s", e->hashtag) : "";
	case F_BYLINE:
		return e->byline != NULL ? e->byline : "";
	case F_TAGS:
		/* A set: in order of name, whatever order was saved. */
		v = arena_calloc(ar, e->tagc + 1, sizeof(*v));
		for (i = 0; i < e->tagc; i++)
			v[i] = e->tags[i];
		qsort(v, e->tagc, sizeof(*v), cmp_str);
		for (i = 0; i < e->tagc; i++)
			add_line(ar, &s, v[i]);
		return s;
	case F_MEDIA:
		/* By role, as the pages show them; in order within one. */
		for (r = 0; r < MEDIA__MAX; r++)
		for (i = 0; i < e->mediac; i++) {
			if (e->media[i].role != r)
				continue;
			x = arena_printf(ar, "%s: %s", role_labels[r],
			    e->media[i].media_id == 0 ? gone(ar,
			    e->media[i].original_name, "no longer in the "
			    "library") : named(ar, file_name(nm,
			    e->media[i].media_id), e->media[i].media_id));
			if (e->media[i].alt != NULL)
				x = arena_printf(ar, "%s; alt: %s", x,
				    e->media[i].alt);
			if (e->media[i].caption != NULL)
				x = arena_printf(ar, "%s; caption: %s", x,
				    e->media[i].caption);
			if (e->media[i].credit != NULL)
				x = arena_printf(ar, "%s; credit: %s", x,
				    e->media[i].credit);
			add_line(ar, &s, x);
		}
		return s;
	case F_SIGS:
		for (i = 0; i < e->sigc; i++) {
			x = org_text(nm, e->sigs[i].org_id,
			    e->sigs[i].org_name);
			x = join(ar, x, ", ", e->sigs[i].role);
			if (e->sigs[i].signed_on != 0)
				x = arena_printf(ar, "%s, signed %s", x,
				    fmt_time(ar, e->sigs[i].signed_on, 1));
			add_line(ar, &s, x);
		}
		return s;
	case F_STARTS:
		return fmt_time(ar, e->starts_at, 0);
	case F_ENDS:
		return fmt_time(ar, e->ends_at, 0);
	case F_TZ:
		return e->tz != NULL ? e->tz : "";
	case F_LOCATION:
		return e->location != NULL ? e->location : "";
	case F_ONLINE:
		return e->online_url != NULL ? e->online_url : "";
	case F_REGISTRATION:
		return e->registration_url != NULL ? e->registration_url : "";
	case F_SPOKEN:
		for (i = 0; i < e->spokenc; i++)
			s = join(ar, s, ", ", e->spoken[i]);
		return s;
	case F_INTERPRETED:
		for (i = 0; i < e->interpretedc; i++)
			s = join(ar, s, ", ", e->interpreted[i]);
		return s;
	case F_SPEAKERS:
		for (i = 0; i < e->speakerc; i++) {
			x = join(ar, "", ", ", e->speakers[i].name);
			x = join(ar, x, ", ", e->speakers[i].role);
			x = join(ar, x, "; ", e->speakers[i].part);
			if (e->speakers[i].org_id != 0 ||
			    e->speakers[i].org_name != NULL)
				x = join(ar, x, "; ", org_text(nm,
				    e->speakers[i].org_id,
				    e->speakers[i].org_name));
			if (e->speakers[i].is_chair)
				x = join(ar, x, " ", "(chair)");
			add_line(ar, &s, x[0] != '\0' ? x : "(no name)");
		}
		return s;
	case F_SLUG:
		return e->slug != NULL ? e->slug : "";
	case F_STATUS:
		return e->status < STATUS__MAX ?
		    item_status_names[e->status] : "";
	case F_PUBLISHED:
		return fmt_time(ar, e->published_at, 0);
	case F_AUTHOR:
		return e->author_id != 0 ?
		    arena_printf(ar, "user #%lld", e->author_id) : "";
	case F_KIND:
		return e->kind < KIND__MAX ? kind_names[e->kind] : "";
	case F_LANG:
		return e->lang != NULL ? e->lang : "";
	default:
		return "";
	}
}

/* Adds <piece op="">text</piece>. */
static void
view_piece(struct view *v, const char *op, const char *text)
{
	view_push(v, "piece");
	view_attr(v, "op", op);
	view_content(v, text);
	view_pop(v);
}

/*
 * Adds the words of one side (side DIFF_REMOVED: the old value, with
 * what went; DIFF_ADDED: the new one, with what came) as pieces, each a
 * run of unchanged or of changed words, copied once.  The other side's
 * pieces are skipped, so "a b" -> "c d" shows as one piece on each side.
 */
static void
view_words(struct view *v, struct arena *ar, const char *name,
    const struct diff *d, enum diff_op side)
{
	enum diff_op	 op;
	char		*run;
	size_t		 i, j, k, len;

	view_push(v, name);
	for (i = 0; i < d->n; i = j) {
		if ((op = d->v[i].op) != DIFF_SAME && op != side) {
			j = i + 1;
			continue;
		}
		/* The run: pieces of op, and of the other side, from i. */
		for (j = i, len = 0; j < d->n; j++)
			if (d->v[j].op == op)
				len += d->v[j].len;
			else if (d->v[j].op == DIFF_SAME || d->v[j].op == side)
				break;
		run = arena_alloc(ar, len + 1);
		for (k = i, len = 0; k < j; k++)
			if (d->v[k].op == op) {
				memcpy(run + len, d->v[k].text, d->v[k].len);
				len += d->v[k].len;
			}
		run[len] = '\0';
		view_piece(v, diff_op_names[op], run);
	}
	view_pop(v);
}

/*
 * Adds the lines of a line diff: every added or removed line, the same
 * lines within DIFF_CONTEXT of one, and <skip lines="n"/> for each run
 * of same lines left out.  Lines carry their numbers in the old (@a) and
 * new (@b) text.
 */
static void
view_lines(struct view *v, struct arena *ar, const struct diff *d)
{
	size_t		*near;
	size_t		 i, la = 0, lb = 0, skipped = 0, dist;

	/* near[i]: distance from piece i to the closest change. */
	near = arena_calloc(ar, d->n + 1, sizeof(*near));
	for (i = 0, dist = (size_t)-1 / 2; i < d->n; i++) {
		dist = d->v[i].op == DIFF_SAME ? dist + 1 : 0;
		near[i] = dist;
	}
	for (i = d->n, dist = (size_t)-1 / 2; i-- > 0; ) {
		dist = d->v[i].op == DIFF_SAME ? dist + 1 : 0;
		if (dist < near[i])
			near[i] = dist;
	}
	for (i = 0; i < d->n; i++) {
		if (d->v[i].op != DIFF_ADDED)
			la++;
		if (d->v[i].op != DIFF_REMOVED)
			lb++;
		if (near[i] > DIFF_CONTEXT) {
			skipped++;
			continue;
		}
		if (skipped > 0) {
			view_push(v, "skip");
			view_attr_int(v, "lines", (long long)skipped);
			view_pop(v);
			skipped = 0;
		}
		view_push(v, "line");
		view_attr(v, "op", diff_op_names[d->v[i].op]);
		if (d->v[i].op != DIFF_ADDED)
			view_attr_int(v, "a", (long long)la);
		if (d->v[i].op != DIFF_REMOVED)
			view_attr_int(v, "b", (long long)lb);
		view_content(v, d->v[i].text);
		view_pop(v);
	}
	if (skipped > 0) {
		view_push(v, "skip");
		view_attr_int(v, "lines", (long long)skipped);
		view_pop(v);
	}
}

/*
 * Adds <field> for field f with its old text x and new text y: only its
 * name when unchanged (nothing at all when empty in both), else the
 * difference by words (both one short line) or by lines.
 */
static void
view_field(struct view *v, struct arena *ar, enum field f, const char *x,
    const char *y)
{
	struct diff	 d;

	if (strcmp(x, y) == 0 && x[0] == '\0')
		return;
	view_push(v, "field");
	view_attr(v, "name", fields[f].name);
	view_attr(v, "label", fields[f].label);
	if (f >= F__RESTORED)
		view_attr(v, "kept", "1");
	if (strcmp(x, y) == 0) {
		view_pop(v);
		return;
	}
	view_attr(v, "changed", "1");
	if (strpbrk(x, "\r\n") == NULL && strpbrk(y, "\r\n") == NULL &&
	    strlen(x) <= WORDS_MAX && strlen(y) <= WORDS_MAX) {
		diff_words(ar, x, y, 0, &d);
		view_attr(v, "mode", "words");
		if (x[0] == '\0')
			view_attr(v, "was-empty", "1");
		if (y[0] == '\0')
			view_attr(v, "now-empty", "1");
		view_words(v, ar, "old", &d, DIFF_REMOVED);
		view_words(v, ar, "new", &d, DIFF_ADDED);
	} else {
		diff_lines(ar, x, y, 0, &d);
		view_attr(v, "mode", "lines");
		view_attr_int(v, "added", (long long)d.added);
		view_attr_int(v, "removed", (long long)d.removed);
		if (d.bounded)
			view_attr(v, "bounded", "1");
		if (d.added == 0 && d.removed == 0)
			view_attr(v, "eol-only", "1");
		view_lines(v, ar, &d);
	}
	view_pop(v);
}

/*
 * Loads revision id of the item of the path and parses its snapshot.
 * Returns 0, -1 after answering with admin_error() (a missing or damaged
 * revision: the handler returns 0), or 500.
 */
static int
rev_load(struct admin *a, struct out *o, long long id, struct revision *r,
    struct item_edit *e)
{
	switch (db_revision_get(a->site->db, a->r->arena, a->id, id, r)) {
	case 1:
		break;
	case 0:
		log_warnx("item %lld has no revision %lld", a->id, id);
		admin_error(a, o, 404, "This item has no such revision.");
		return -1;
	default:
		return 500;
	}
	if (item_snapshot_parse(a->r->arena, r->snapshot, e) == -1) {
		log_warnx("item %lld: revision %lld is not a snapshot",
		    a->id, id);
		admin_error(a, o, 500, arena_printf(a->r->arena,
		    "Revision %lld cannot be read: its stored copy is "
		    "damaged.", r->version));
		return -1;
	}
	if (db_revision_resolve(a->site->db, a->r->arena, e) == -1)
		return 500;
	return 0;
}

int
admin_revision_diff(struct admin *a, struct out *o)
{
	struct item_edit	 e, ea, eb;
	struct revision		 ra, rb;
	struct names		 nm;
	struct view		*v;
	const char		*qa, *qb;
	long long		 ida, idb;
	enum field		 f;
	int			 rc;

	if ((rc = item_load(a, &e)) != 0)
		return rc;
	qa = admin_query(a, "a");
	qb = admin_query(a, "b");
	if ((ida = admin_id(qa)) == 0 || (idb = admin_id(qb)) == 0) {
		log_warnx("item %lld: bad revisions to compare", a->id);
		return admin_error(a, o, 400, "Choose two revisions to "
		    "compare (a \"from\" and a \"to\").");
	}
	if ((rc = rev_load(a, o, ida, &ra, &ea)) != 0 ||
	    (rc = rev_load(a, o, idb, &rb, &eb)) != 0)
		return rc == -1 ? 0 : rc;

	memset(&nm, 0, sizeof(nm));
	nm.a = a;
	if ((ea.sigc > 0 || eb.sigc > 0 || ea.speakerc > 0 ||
	    eb.speakerc > 0) &&
	    db_edit_orgs(a->site->db, a->r->arena, &nm.orgs, &nm.orgc) == -1)
		return 500;

	v = admin_view_new(a, "items");
	view_push(v, "revision-diff");
	if (may_restore(a, &e))
		view_attr(v, "may-restore", "1");
	view_item(v, &e);
	view_revision(v, "from", &ra, &e, NULL);
	view_revision(v, "to", &rb, &e, NULL);
	for (f = 0; f < F__MAX; f++)
		view_field(v, a->r->arena, f, field_text(&nm, &ea, f),
		    field_text(&nm, &eb, f));
	view_pop(v);
	return admin_render(a, "admin-revisions", v, o);
}

/*
 * Leaves out of e the files and organisations that no longer exist (a
 * save would fail on them): files and signatories go, a speaker keeps
 * the name and loses the organisation.  Returns how many links went, or
 * -1 on a database error.
 */
static long long
drop_missing(struct admin *a, struct item_edit *e)
{
	struct edit_file	 file;
	struct edit_org		*orgs = NULL;
	struct names		 nm;
	size_t			 i, n, orgc = 0;
	long long		 dropped = 0;
	int			 rc;

	for (i = n = 0; i < e->mediac; i++) {
		rc = 0;
		if (e->media[i].media_id != 0 &&
		    (rc = db_edit_file_get(a->site->db, a->r->arena,
		    e->media[i].media_id, &file)) == -1)
			return -1;
		if (rc == 1)
			e->media[n++] = e->media[i];
		else
			dropped++;
	}
	e->mediac = n;
	if (e->sigc == 0 && e->speakerc == 0)
		return dropped;
	if (db_edit_orgs(a->site->db, a->r->arena, &orgs, &orgc) == -1)
		return -1;
	memset(&nm, 0, sizeof(nm));
	nm.orgs = orgs;
	nm.orgc = orgc;
	for (i = n = 0; i < e->sigc; i++) {
		if (org_name(&nm, e->sigs[i].org_id) != NULL)
			e->sigs[n++] = e->sigs[i];
		else
			dropped++;
	}
	e->sigc = n;
	for (i = 0; i < e->speakerc; i++)
		if ((e->speakers[i].org_id != 0 &&
		    org_name(&nm, e->speakers[i].org_id) == NULL) ||
		    (e->speakers[i].org_id == 0 &&
		    e->speakers[i].org_name != NULL)) {
			e->speakers[i].org_id = 0;
			dropped++;
		}
	return dropped;
}

int
admin_revision_restore_post(struct admin *a, struct out *o)
{
	struct item_edit	 cur, e;
	struct revision		 r;
	const char		*s, *note;
	long long		 rid, expect, dropped;
	int			 rc;

	switch (db_edit_load(a->site->db, a->r->arena, a->id, &cur)) {
	case 1:
		break;
	case 0:
		return 404;
	default:
		return 500;
	}
	if (!may_see(a, &cur) || !may_restore(a, &cur)) {
		log_warnx("user %s may not restore item %lld", a->user.login,
		    a->id);
		return admin_error(a, o, 403, "You may not change this item "
		    "now, so you cannot restore its revisions.");
	}
	if ((rid = admin_id(admin_form(a, "revision"))) == 0) {
		log_warnx("item %lld: restore without a valid revision",
		    a->id);
		return admin_error(a, o, 400, "Choose a revision to restore.");
	}
	/* The version the list showed, if the form says. */
	if ((s = admin_form(a, "version")) != NULL) {
		if ((expect = admin_id(s)) == 0) {
			log_warnx("item %lld: restore with a bad version",
			    a->id);
			return admin_error(a, o, 400, "The form's version is "
			    "not valid.");
		}
		if (expect != cur.version)
			return admin_error(a, o, 409, "Someone saved this item "
			    "after you opened its revisions. Look at them "
			    "again before restoring one.");
	}
	if ((rc = rev_load(a, o, rid, &r, &e)) != 0)
		return rc == -1 ? 0 : rc;

	/* Content from the revision; the workflow and place as they are. */
	e.id = cur.id;
	e.kind = cur.kind;
	e.lang = cur.lang;
	e.group_id = cur.group_id;
	e.slug = cur.slug;
	e.status = cur.status;
	e.published_at = cur.published_at;
	e.entry_id = cur.entry_id;
	e.author_id = cur.author_id;
	e.version = cur.version;
	e.created_at = cur.created_at;
	e.updated_at = cur.updated_at;
	if ((dropped = drop_missing(a, &e)) == -1)
		return 500;
	note = dropped == 0 ?
	    arena_printf(a->r->arena, "Restored revision %lld", r.version) :
	    arena_printf(a->r->arena, "Restored revision %lld; left out "
	    "%lld link(s) to files or organisations that no longer exist",
	    r.version, dropped);

	db_edit_set_host(a->site->cfg->base_url);
	switch (db_edit_save(a->site->db, a->r->arena, &e, cur.version,
	    a->user.id, note)) {
	case EDIT_SAVED:
		admin_audit(a, "restore", "item", cur.id, "restored version "
		    "%lld (revision %lld) as version %lld%s", r.version, r.id,
		    e.version, dropped > 0 ? ", without missing links" : "");
		return admin_redirect(a, arena_printf(a->r->arena,
		    "/admin/items/%lld?done=restored", cur.id));
	case EDIT_CONFLICT:
		return admin_error(a, o, 409, "Someone saved this item while "
		    "the revision was being restored. Look at its revisions "
		    "again, then restore.");
	case EDIT_SLUG_TAKEN:
		/* The slug is the current one: only a race gets here. */
		return admin_error(a, o, 409, "Another item took this item's "
		    "address meanwhile. Edit the item to choose another.");
	case EDIT_GONE:
		return 404;
	default:
		return 500;
	}
}
