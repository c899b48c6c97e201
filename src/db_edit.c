/*
 * Loading and saving an item as the editing program sees it (item_edit.h):
 * any status, every field, every relation; and the choices the edit form
 * offers (admin_edit.h).
 *
 * A save is one transaction.  The item's row is locked first and its
 * version compared with the one the editor started from, so two editors
 * can never overwrite each other: the second gets EDIT_CONFLICT and keeps
 * their text.  The relations (tags, files, signatories, the event with
 * its languages and speakers) are replaced as a whole, the Markdown is
 * rendered and sanitised here, once, like the importer does, and every
 * save leaves a revision with the snapshot of what was saved.
 *
 * Slugs are unique per language and kind, and a slug once used keeps
 * leading to its item: a changed slug is kept in item_slugs, which the
 * public program redirects from (STMT_ITEM_OLD_SLUG), so a former slug of
 * another item counts as taken too.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <mysqld_error.h>

#include "admin_edit.h"
#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "item_edit.h"
#include "log.h"
#include "markdown.h"
#include "slug.h"
#include "util.h"

/* Database names of enum media_role (the item_media.role ENUM). */
static const char *const media_roles[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

#define	EDIT_NOTE_MAX	500	/* revisions.note, bytes (and characters) */
#define	EDIT_TAG_SLUG	80	/* derived tag slugs (tags.slug is 100) */

/*
 * The host entry ids are minted with (db_edit_set_host), lower-case
 * without port: configuration, set once per process.
 */
static char	 edit_host[256];

/* Returns the media role named s, or MEDIA__MAX. */
static enum media_role
media_role_from_name(const char *s)
{
	enum media_role	 r;

	if (s == NULL)
		return MEDIA__MAX;
	for (r = 0; r < MEDIA__MAX; r++)
		if (strcmp(s, media_roles[r]) == 0)
			break;
	return r;
}

void
db_edit_set_host(const char *base_url)
{
	const char	*h, *e;
	size_t		 i, n;

	edit_host[0] = '\0';
	if (base_url == NULL)
		return;
	h = strstr(base_url, "://");
	h = h != NULL ? h + 3 : base_url;
	for (e = h; *e != '\0' && *e != '/' && *e != ':'; e++)
		continue;
	n = (size_t)(e - h);
	if (n == 0 || n >= sizeof(edit_host))
		return;
	for (i = 0; i < n; i++)
		edit_host[i] = h[i] >= 'A' && h[i] <= 'Z' ?
		    (char)(h[i] - 'A' + 'a') : h[i];
	edit_host[n] = '\0';
}

/* --- loading --- */

/* Fills the item's own columns from a STMT_EDIT_ITEM_GET row. */
static void
item_from_row(struct item_edit *e, const struct db_row *r)
{
	e->id = r->v[0].i;
	e->kind = r->v[1].s != NULL ? kind_from_name(r->v[1].s) : KIND__MAX;
	e->lang = r->v[2].s;
	e->group_id = r->v[3].i;
	e->slug = r->v[4].s;
	e->title = r->v[5].s;
	e->summary = r->v[6].s;
	e->body_md = r->v[7].s;
	e->hashtag = r->v[8].s;
	e->byline = r->v[9].s;
	e->status = item_status_from_name(r->v[10].s);
	e->published_at = r->v[11].t;
	e->entry_id = r->v[12].s;
	e->author_id = r->v[13].i;
	e->version = r->v[14].i;
	e->created_at = r->v[15].t;
	e->updated_at = r->v[16].t;
}

static void
tag_from_row(void *elem, const struct db_row *r)
{
	*(const char **)elem = r->v[0].s;
}

static void
media_from_row(void *elem, const struct db_row *r)
{
	struct edit_media	*m = elem;

	m->media_id = r->v[0].i;
	m->role = media_role_from_name(r->v[1].s);
	m->alt = r->v[2].s;
	m->caption = r->v[3].s;
	m->credit = r->v[4].s;
	m->filename = r->v[5].s;
	m->mime = r->v[6].s;
	m->original_name = r->v[7].s;
	m->width = (int)r->v[8].i;
	m->height = (int)r->v[9].i;
}

static void
sig_from_row(void *elem, const struct db_row *r)
{
	struct edit_signatory	*s = elem;

	s->org_id = r->v[0].i;
	s->role = r->v[1].s;
	s->signed_on = r->v[2].t;
	s->org_name = r->v[3].s;
}

/* The event row, its languages and speakers.  Returns 0 or -1. */
static int
event_load(struct db *db, struct arena *a, struct item_edit *e)
{
	struct event	 ev;
	struct speaker	*sp;
	size_t		 i, n;
	int		 c;

	if ((c = db_event_get(db, a, e->id, &ev)) == -1)
		return -1;
	if (c == 0)
		return 0;
	e->starts_at = ev.starts_at;
	e->ends_at = ev.ends_at;
	e->tz = ev.tz;
	e->location = ev.location;
	e->online_url = ev.online_url;
	e->registration_url = ev.registration_url;
	e->spoken = ev.spoken;
	e->spokenc = ev.spokenc;
	e->interpreted = ev.interpreted;
	e->interpretedc = ev.interpretedc;
	if (db_event_speakers(db, a, e->id, &sp, &n) == -1)
		return -1;
	e->speakers = arena_calloc(a, n + 1, sizeof(*e->speakers));
	for (i = 0; i < n; i++) {
		e->speakers[i].name = sp[i].name;
		e->speakers[i].role = sp[i].role;
		e->speakers[i].part = sp[i].part;
		e->speakers[i].is_chair = sp[i].is_chair;
		e->speakers[i].org_id = sp[i].org.id;
		e->speakers[i].org_name = sp[i].org.name;
	}
	e->speakerc = n;
	return 0;
}

int
db_edit_load(struct db *db, struct arena *a, long long id,
    struct item_edit *e)
{
	struct db_params p;
	struct db_row	 row;
	void		*v;
	int		 rc = -1, c;

	memset(e, 0, sizeof(*e));
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_EDIT_ITEM_GET, &p) == -1)
		goto out;
	c = db_fetch(db, STMT_EDIT_ITEM_GET, a, &row);
	if (c == 1)
		item_from_row(e, &row);
	db_done(db, STMT_EDIT_ITEM_GET);
	if (c != 1) {
		rc = c;
		goto out;
	}
	if (e->kind == KIND__MAX || e->status == STATUS__MAX) {
		log_warnx("item %lld: unknown kind or status", id);
		goto out;
	}

	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec_all(db, STMT_EDIT_ITEM_TAGS, &p, a, sizeof(char *),
	    tag_from_row, &v, &e->tagc) == -1)
		goto out;
	e->tags = v;
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec_all(db, STMT_EDIT_ITEM_MEDIA, &p, a,
	    sizeof(struct edit_media), media_from_row, &v, &e->mediac) == -1)
		goto out;
	e->media = v;
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec_all(db, STMT_EDIT_ITEM_SIGS, &p, a,
	    sizeof(struct edit_signatory), sig_from_row, &v, &e->sigc) == -1)
		goto out;
	e->sigs = v;
	if (event_load(db, a, e) == -1)
		goto out;
	rc = 1;
out:
	return rc;
}

/* --- saving --- */

/*
 * Is slug used by another item of (lang, kind), or formerly used by one
 * (item_slugs)?  id is the saving item, 0 if new.  Returns 1/0/-1.
 */
static int
slug_used(struct db *db, const struct item_edit *e)
{
	struct db_params p;
	struct db_row	 row;
	int		 i, c;

	db_params_init(&p);
	for (i = 0; i < 2; i++) {
		db_param_str(&p, e->lang);
		db_param_str(&p, kind_names[e->kind]);
		db_param_str(&p, e->slug);
		db_param_int(&p, e->id);
	}
	if (db_exec(db, STMT_EDIT_SLUG_USED, &p) == -1)
		return -1;
	c = db_fetch(db, STMT_EDIT_SLUG_USED, NULL, &row);
	db_done(db, STMT_EDIT_SLUG_USED);
	return c;
}

/*
 * Locks the item's row and reads its version, slug and entry id.  Returns
 * 1, 0 (gone) or -1.
 */
static int
item_lock(struct db *db, struct arena *a, long long id, long long *version,
    const char **slug, const char **entry_id)
{
	struct db_params p;
	struct db_row	 row;
	int		 c;

	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_EDIT_ITEM_LOCK, &p) == -1)
		return -1;
	c = db_fetch(db, STMT_EDIT_ITEM_LOCK, a, &row);
	if (c == 1) {
		*version = row.v[0].i;
		*slug = row.v[1].s;
		*entry_id = row.v[2].s;
	}
	db_done(db, STMT_EDIT_ITEM_LOCK);
	return c;
}

/* Binds the item's columns shared by INSERT and UPDATE, from slug on. */
static void
bind_fields(struct db_params *p, const struct item_edit *e, const char *html)
{
	db_param_str(p, e->slug);
	db_param_str(p, e->title);
	db_param_str(p, e->summary != NULL ? e->summary : "");
	db_param_str(p, e->body_md != NULL ? e->body_md : "");
	db_param_str(p, html);
	db_param_str(p, e->hashtag != NULL && e->hashtag[0] != '\0' ?
	    e->hashtag : NULL);
	db_param_str(p, e->byline != NULL && e->byline[0] != '\0' ?
	    e->byline : NULL);
	db_param_str(p, item_status_names[e->status]);
	db_param_time(p, e->published_at != 0 ? e->published_at : (time_t)-1);
}

/* A 32-bit FNV-1a hash, for the slug of a tag named in another script. */
static uint32_t
fnv1a(const char *s)
{
	uint32_t	 h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/*
 * The id of the tag named name in lang, created if its slug is new.
 * Names are matched by their slug, so "Harm reduction" and "harm
 * Reduction" are one tag (the first spelling stays).  Returns the id, or
 * 0 (logged).
 */
static long long
tag_id(struct db *db, struct arena *a, const char *lang, const char *name)
{
	struct db_params p;
	struct db_row	 row;
	const char	*slug;
	long long	 id = 0;
	int		 c;

	slug = slug_derive(a, name, EDIT_TAG_SLUG);
	if (slug[0] == '\0')
		slug = arena_printf(a, "tag-%08x", (unsigned int)fnv1a(name));
	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_str(&p, slug);
	if (db_exec(db, STMT_TAG_ID, &p) == -1)
		goto out;
	if ((c = db_fetch(db, STMT_TAG_ID, NULL, &row)) == 1)
		id = row.v[0].i;
	db_done(db, STMT_TAG_ID);
	if (c != 0)
		goto out;
	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_str(&p, slug);
	db_param_str(&p, name);
	if (db_exec(db, STMT_EDIT_TAG_INSERT, &p) == -1)
		goto out;
	id = db_insert_id(db, STMT_EDIT_TAG_INSERT);
	db_done(db, STMT_EDIT_TAG_INSERT);
out:
	if (id == 0)
		log_warnx("tag \"%s\" (%s): cannot find or create it", name,
		    lang);
	return id;
}

/* Replaces the item's tags.  Returns 0 or -1. */
static int
save_tags(struct db *db, struct arena *a, const struct item_edit *e)
{
	struct db_params p;
	long long	*ids, id;
	size_t		 i, j, n = 0;

	db_params_init(&p);
	db_param_int(&p, e->id);
	if (db_run(db, STMT_EDIT_TAGS_CLEAR, &p) == -1)
		return -1;
	ids = arena_calloc(a, e->tagc + 1, sizeof(*ids));
	for (i = 0; i < e->tagc; i++) {
		if (e->tags[i] == NULL || e->tags[i][0] == '\0')
			continue;
		if ((id = tag_id(db, a, e->lang, e->tags[i])) == 0)
			return -1;
		/* Two spellings of one tag link it once. */
		for (j = 0; j < n; j++)
			if (ids[j] == id)
				break;
		if (j < n)
			continue;
		ids[n++] = id;
		db_params_init(&p);
		db_param_int(&p, e->id);
		db_param_int(&p, id);
		if (db_run(db, STMT_ITEM_TAG_INSERT, &p) == -1)
			return -1;
	}
	return 0;
}

/* Binds a per-use text: empty means the file's own (NULL). */
static void
bind_opt(struct db_params *p, const char *s)
{
	db_param_str(p, s != NULL && s[0] != '\0' ? s : NULL);
}

/* Replaces the item's files, numbered in order within each role. */
static int
save_media(struct db *db, const struct item_edit *e)
{
	struct db_params p;
	int		 pos[MEDIA__MAX] = { 0 };
	size_t		 i, j;

	db_params_init(&p);
	db_param_int(&p, e->id);
	if (db_run(db, STMT_EDIT_MEDIA_CLEAR, &p) == -1)
		return -1;
	for (i = 0; i < e->mediac; i++) {
		if (e->media[i].role >= MEDIA__MAX ||
		    e->media[i].media_id <= 0)
			continue;
		/* A file appears once per role (the primary key). */
		for (j = 0; j < i; j++)
			if (e->media[j].media_id == e->media[i].media_id &&
			    e->media[j].role == e->media[i].role)
				break;
		if (j < i)
			continue;
		db_params_init(&p);
		db_param_int(&p, e->id);
		db_param_int(&p, e->media[i].media_id);
		db_param_str(&p, media_roles[e->media[i].role]);
		db_param_int(&p, ++pos[e->media[i].role]);
		bind_opt(&p, e->media[i].alt);
		bind_opt(&p, e->media[i].caption);
		bind_opt(&p, e->media[i].credit);
		if (db_run(db, STMT_ITEM_MEDIA_INSERT, &p) == -1)
			return -1;
	}
	return 0;
}

/* Replaces the statement's signatories, in order. */
static int
save_sigs(struct db *db, const struct item_edit *e)
{
	struct db_params p;
	size_t		 i, j;
	int		 pos = 0;

	db_params_init(&p);
	db_param_int(&p, e->id);
	if (db_run(db, STMT_EDIT_SIGS_CLEAR, &p) == -1)
		return -1;
	for (i = 0; i < e->sigc; i++) {
		if (e->sigs[i].org_id <= 0)
			continue;
		for (j = 0; j < i; j++)
			if (e->sigs[j].org_id == e->sigs[i].org_id)
				break;
		if (j < i)
			continue;
		db_params_init(&p);
		db_param_int(&p, e->id);
		db_param_int(&p, e->sigs[i].org_id);
		db_param_str(&p, e->sigs[i].role != NULL &&
		    e->sigs[i].role[0] != '\0' ? e->sigs[i].role :
		    "co-signatory");
		db_param_date(&p, e->sigs[i].signed_on != 0 ?
		    e->sigs[i].signed_on : (time_t)-1);
		db_param_int(&p, ++pos);
		if (db_run(db, STMT_SIGNATORY_INSERT, &p) == -1)
			return -1;
	}
	return 0;
}

/* Adds an event's languages of one mode, each once. */
static int
save_event_langs(struct db *db, long long id, const char **langs, size_t n,
    const char *mode)
{
	struct db_params p;
	size_t		 i, j;
	int		 pos = 0;

	for (i = 0; i < n; i++) {
		if (langs[i] == NULL || langs[i][0] == '\0')
			continue;
		for (j = 0; j < i; j++)
			if (langs[j] != NULL &&
			    strcasecmp(langs[j], langs[i]) == 0)
				break;
		if (j < i)
			continue;
		db_params_init(&p);
		db_param_int(&p, id);
		db_param_str(&p, langs[i]);
		db_param_str(&p, mode);
		db_param_int(&p, ++pos);
		if (db_run(db, STMT_EVENT_LANGUAGE_INSERT, &p) == -1)
			return -1;
	}
	return 0;
}

/*
 * Replaces the event row with its languages and speakers; an item that is
 * not an event has none.
 */
static int
save_event(struct db *db, const struct item_edit *e)
{
	struct db_params p;
	size_t		 i;
	int		 pos = 0;

	db_params_init(&p);
	db_param_int(&p, e->id);
	if (db_run(db, STMT_EDIT_EVENT_CLEAR, &p) == -1)
		return -1;
	if (e->kind != KIND_EVENT)
		return 0;
	if (e->starts_at == 0 || e->tz == NULL) {
		log_warnx("item %lld: an event without a start or zone",
		    e->id);
		return -1;
	}
	db_params_init(&p);
	db_param_int(&p, e->id);
	db_param_time(&p, e->starts_at);
	db_param_time(&p, e->ends_at != 0 ? e->ends_at : e->starts_at);
	db_param_str(&p, e->tz);
	db_param_str(&p, e->location != NULL ? e->location : "");
	bind_opt(&p, e->online_url);
	bind_opt(&p, e->registration_url);
	if (db_run(db, STMT_EVENT_INSERT, &p) == -1)
		return -1;
	if (save_event_langs(db, e->id, e->spoken, e->spokenc,
	    "spoken") == -1 ||
	    save_event_langs(db, e->id, e->interpreted, e->interpretedc,
	    "interpretation") == -1)
		return -1;
	for (i = 0; i < e->speakerc; i++) {
		if (e->speakers[i].name == NULL ||
		    e->speakers[i].name[0] == '\0')
			continue;
		db_params_init(&p);
		db_param_int(&p, e->id);
		db_param_int(&p, ++pos);
		db_param_str(&p, e->speakers[i].name);
		db_param_str(&p, e->speakers[i].role != NULL ?
		    e->speakers[i].role : "");
		db_param_str(&p, e->speakers[i].part != NULL ?
		    e->speakers[i].part : "");
		if (e->speakers[i].org_id > 0)
			db_param_int(&p, e->speakers[i].org_id);
		else
			db_param_null(&p);
		db_param_int(&p, e->speakers[i].is_chair != 0);
		if (db_run(db, STMT_SPEAKER_INSERT, &p) == -1)
			return -1;
	}
	return 0;
}

/*
 * Mints the permanent entry id of an item published for the first time:
 * the site's host, the date of publication and the id, the form the
 * importer and the feeds use.  Returns 0 or -1.
 */
static int
mint_entry_id(struct db *db, struct arena *a, struct item_edit *e)
{
	struct db_params p;
	struct tm	 tm;
	char		 date[16];
	const char	*id;

	if (edit_host[0] == '\0') {
		log_warnx("item %lld: no host to mint its entry id with "
		    "(db_edit_set_host)", e->id);
		return 0;
	}
	if (gmtime_r(&e->published_at, &tm) == NULL ||
	    strftime(date, sizeof(date), "%Y-%m-%d", &tm) == 0) {
		log_warnx("item %lld: bad publication time", e->id);
		return -1;
	}
	id = arena_printf(a, "tag:%s,%s:%lld", edit_host, date, e->id);
	db_params_init(&p);
	db_param_str(&p, id);
	db_param_int(&p, e->id);
	if (db_run(db, STMT_ITEM_SET_ENTRY_ID, &p) == -1)
		return -1;
	e->entry_id = id;
	return 0;
}

/* Writes the revision of the version just saved.  Returns 0 or -1. */
static int
save_revision(struct db *db, struct arena *a, const struct item_edit *e,
    long long user_id, const char *note)
{
	struct db_params p;
	const char	*snap;
	size_t		 n;

	if ((snap = item_snapshot_json(a, e)) == NULL) {
		log_warnx("item %lld: cannot make the revision snapshot",
		    e->id);
		return -1;
	}
	/* Cut a long note at a character boundary. */
	if (note == NULL)
		note = "";
	if ((n = strlen(note)) > EDIT_NOTE_MAX) {
		n = EDIT_NOTE_MAX;
		while (n > 0 && ((unsigned char)note[n] & 0xc0) == 0x80)
			n--;
	}
	db_params_init(&p);
	db_param_int(&p, e->id);
	db_param_int(&p, e->version);
	if (user_id > 0)
		db_param_int(&p, user_id);
	else
		db_param_null(&p);
	db_param_strn(&p, note, n);
	db_param_str(&p, snap);
	return db_run(db, STMT_EDIT_REVISION_INSERT, &p);
}

/*
 * Adopts e->slug for an existing item whose slug was oldslug: the old one
 * keeps redirecting, and a former use of the new one by this very item
 * (changing back) is no longer a redirect.
 */
static int
save_slugs(struct db *db, const struct item_edit *e, const char *oldslug)
{
	struct db_params p;

	if (oldslug == NULL || strcmp(oldslug, e->slug) == 0)
		return 0;
	db_params_init(&p);
	db_param_str(&p, e->lang);
	db_param_str(&p, kind_names[e->kind]);
	db_param_str(&p, e->slug);
	db_param_int(&p, e->id);
	if (db_run(db, STMT_EDIT_SLUG_FORGET, &p) == -1)
		return -1;
	db_params_init(&p);
	db_param_str(&p, e->lang);
	db_param_str(&p, kind_names[e->kind]);
	db_param_str(&p, oldslug);
	db_param_int(&p, e->id);
	return db_run(db, STMT_EDIT_SLUG_KEEP, &p);
}

enum edit_result
db_edit_save(struct db *db, struct arena *a, struct item_edit *e,
    long long expected_version, long long user_id, const char *note)
{
	struct db_params p;
	struct item_edit saved;
	const char	*oldslug = NULL, *entry_id = NULL;
	char		*html = NULL;
	const char	*md;
	long long	 version = 0, id;
	time_t		 now;
	enum edit_result rc = EDIT_ERROR;
	int		 c, tx = 0;

	saved = *e;
	if (e->kind >= KIND__MAX || e->status >= STATUS__MAX ||
	    e->lang == NULL || e->title == NULL || e->slug == NULL) {
		log_warnx("item %lld: kind, status, language, title or slug "
		    "missing", e->id);
		goto out;
	}
	md = e->body_md != NULL ? e->body_md : "";
	if ((html = markdown_render(md, strlen(md))) == NULL) {
		log_warnx("item %lld: cannot render the body", e->id);
		goto out;
	}
	/* A published item always has a publication time. */
	if (e->status == STATUS_PUBLISHED && e->published_at == 0) {
		if (db_now(db, &now) == -1)
			goto out;
		e->published_at = now;
	}

	if (db_tx_begin(db) == -1)
		goto out;
	tx = 1;
	if (e->id != 0) {
		c = item_lock(db, a, e->id, &version, &oldslug, &entry_id);
		if (c == -1)
			goto out;
		if (c == 0) {
			rc = EDIT_GONE;
			goto out;
		}
		if (version != expected_version) {
			rc = EDIT_CONFLICT;
			goto out;
		}
	}
	if ((c = slug_used(db, e)) == -1)
		goto out;
	if (c == 1) {
		rc = EDIT_SLUG_TAKEN;
		goto out;
	}

	/* A new item, or one unlinked from its translations: a new group. */
	if (e->group_id == 0) {
		if (db_exec(db, STMT_GROUP_INSERT, NULL) == -1)
			goto out;
		e->group_id = db_insert_id(db, STMT_GROUP_INSERT);
		db_done(db, STMT_GROUP_INSERT);
	}
	if (e->id == 0) {
		db_params_init(&p);
		db_param_str(&p, kind_names[e->kind]);
		db_param_str(&p, e->lang);
		db_param_int(&p, e->group_id);
		bind_fields(&p, e, html);
		if (e->author_id > 0)
			db_param_int(&p, e->author_id);
		else
			db_param_null(&p);
		if (db_exec(db, STMT_EDIT_ITEM_INSERT, &p) == -1) {
			/* Another editor took the slug a moment ago. */
			if (db->lasterrno == ER_DUP_ENTRY)
				rc = EDIT_SLUG_TAKEN;
			goto out;
		}
		id = db_insert_id(db, STMT_EDIT_ITEM_INSERT);
		db_done(db, STMT_EDIT_ITEM_INSERT);
		e->id = id;
		e->version = 1;
	} else {
		db_params_init(&p);
		bind_fields(&p, e, html);
		db_param_int(&p, e->group_id);
		db_param_int(&p, e->id);
		db_param_int(&p, expected_version);
		if (db_exec(db, STMT_EDIT_ITEM_UPDATE, &p) == -1) {
			if (db->lasterrno == ER_DUP_ENTRY)
				rc = EDIT_SLUG_TAKEN;
			goto out;
		}
		c = db_affected(db, STMT_EDIT_ITEM_UPDATE) == 1;
		db_done(db, STMT_EDIT_ITEM_UPDATE);
		if (!c) {
			/* The row is locked: this cannot happen, but is safe. */
			rc = EDIT_CONFLICT;
			goto out;
		}
		e->version = expected_version + 1;
		if (save_slugs(db, e, oldslug) == -1)
			goto out;
	}
	e->entry_id = entry_id;
	if (e->status == STATUS_PUBLISHED && entry_id == NULL &&
	    mint_entry_id(db, a, e) == -1)
		goto out;
	if (save_tags(db, a, e) == -1 || save_media(db, e) == -1 ||
	    save_sigs(db, e) == -1 || save_event(db, e) == -1)
		goto out;
	if (save_revision(db, a, e, user_id, note) == -1)
		goto out;
	/*
	 * Always: the item may be or have been visible, and even a draft's
	 * save moves the feeds' validators (they sum versions).
	 */
	if (db_run(db, STMT_GENERATION_BUMP, NULL) == -1)
		goto out;
	if (db_tx_commit(db) == -1) {
		tx = 0;
		goto out;
	}
	tx = 0;
	rc = EDIT_SAVED;
out:
	if (tx)
		db_tx_rollback(db);
	/* Nothing was written: the caller gets its item back as it was. */
	if (rc != EDIT_SAVED)
		*e = saved;
	free(html);
	return rc;
}

/* --- the form's choices --- */

static void
file_from_row(void *elem, const struct db_row *r)
{
	struct edit_file	*f = elem;

	f->id = r->v[0].i;
	f->filename = r->v[1].s;
	f->mime = r->v[2].s;
	f->original_name = r->v[3].s;
	f->width = (int)r->v[4].i;
	f->height = (int)r->v[5].i;
	f->alt = r->v[6].s;
	f->caption = r->v[7].s;
	f->credit = r->v[8].s;
}

int
db_edit_files_recent(struct db *db, struct arena *a, long long limit,
    struct edit_file **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, limit);
	rc = db_exec_all(db, STMT_EDIT_FILES_RECENT, &p, a, sizeof(**out),
	    file_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_edit_file_get(struct db *db, struct arena *a, long long id,
    struct edit_file *f)
{
	struct db_params p;
	struct db_row	 row;
	int		 c;

	memset(f, 0, sizeof(*f));
	db_params_init(&p);
	db_param_int(&p, id);
	if (db_exec(db, STMT_EDIT_FILE_GET, &p) == -1)
		return -1;
	if ((c = db_fetch(db, STMT_EDIT_FILE_GET, a, &row)) == 1)
		file_from_row(f, &row);
	db_done(db, STMT_EDIT_FILE_GET);
	return c;
}

static void
org_from_row(void *elem, const struct db_row *r)
{
	struct edit_org	*o = elem;

	o->id = r->v[0].i;
	o->name = r->v[1].s;
	o->short_name = r->v[2].s;
}

int
db_edit_orgs(struct db *db, struct arena *a, struct edit_org **out,
    size_t *outc)
{
	void	*v;
	int	 rc;

	rc = db_exec_all(db, STMT_EDIT_ORG_ALL, NULL, a, sizeof(**out),
	    org_from_row, &v, outc);
	*out = v;
	return rc;
}

static void
translation_from_row(void *elem, const struct db_row *r)
{
	struct edit_translation	*t = elem;

	t->id = r->v[0].i;
	t->lang = r->v[1].s;
	t->kind = r->v[2].s != NULL ? kind_from_name(r->v[2].s) : KIND__MAX;
	t->slug = r->v[3].s;
	t->title = r->v[4].s;
	t->status = item_status_from_name(r->v[5].s);
	t->published_at = r->v[6].t;
}

int
db_edit_link_candidates(struct db *db, struct arena *a, enum kind kind,
    const char *lang, struct edit_translation **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_str(&p, kind_names[kind]);
	db_param_str(&p, lang);
	db_param_str(&p, lang);
	rc = db_exec_all(db, STMT_EDIT_LINK_CANDIDATES, &p, a, sizeof(**out),
	    translation_from_row, &v, outc);
	*out = v;
	return rc;
}

int
db_edit_translations(struct db *db, struct arena *a, long long group_id,
    long long id, struct edit_translation **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, group_id);
	db_param_int(&p, id);
	rc = db_exec_all(db, STMT_EDIT_GROUP_ITEMS, &p, a, sizeof(**out),
	    translation_from_row, &v, outc);
	*out = v;
	return rc;
}
