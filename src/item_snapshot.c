/*
 * Revision snapshots: a struct item_edit as a JSON object and back.
 *
 * A revision row stores one snapshot; the revisions page parses two of
 * them and diffs them key by key, so the keys come in one fixed order
 * (jansson's JSON_PRESERVE_ORDER keeps insertion order) and every value
 * has one spelling: times as RFC 3339 UTC strings, dates as YYYY-MM-DD,
 * enums by their database names, "none" as null.  The read-only fields
 * (id, entry_id, version, created_at, updated_at) and the names read for
 * showing (org_name, filename, ...) are not part of a snapshot: restoring
 * a revision must not bring them back.
 *
 * jansson builds and escapes the text; nothing is concatenated here.  It
 * also rejects strings that are not UTF-8 and, when parsing, "\u0000".
 * Revisions written by the importer (db_import.c, for items of `broadside
 * import`) have an older shape: organisations by slug ("org"), files by
 * original name ("file"), the event's fields inside an "event" object,
 * "interpretation" and "chair".  The parser reads those too and leaves
 * what only the database can resolve as names with a zero id
 * (db_revision_resolve() looks them up).
 *
 * This module owns no state, does no I/O and does not log: its callers
 * (db_edit.c, admin_revision.c) know which item failed and log that.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "arena.h"
#include "item_edit.h"
#include "tz.h"

const char *const item_status_names[STATUS__MAX] = {
	"draft",		/* STATUS_DRAFT */
	"review",		/* STATUS_REVIEW */
	"published",		/* STATUS_PUBLISHED */
	"archived",		/* STATUS_ARCHIVED */
};

static const char *const snap_roles[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

/*
 * Looks a status up by its database name.  Returns STATUS__MAX if s is
 * NULL or unknown.
 */
enum item_status
item_status_from_name(const char *s)
{
	enum item_status	 st;

	if (s == NULL)
		return STATUS__MAX;
	for (st = 0; st < STATUS__MAX; st++)
		if (strcmp(s, item_status_names[st]) == 0)
			break;
	return st;
}

/* Returns the media role named s, or MEDIA__MAX. */
static enum media_role
role_from_name(const char *s)
{
	enum media_role	 r;

	for (r = 0; r < MEDIA__MAX; r++)
		if (strcmp(s, snap_roles[r]) == 0)
			break;
	return r;
}

/*
 * Writing.  Each helper sets one key, taking the value's reference; a
 * NULL value is jansson's failure (memory, or a string that is not
 * UTF-8).  They return 0 or -1.
 */

static int
jset(json_t *o, const char *key, json_t *v)
{
	if (v == NULL)
		return -1;
	return json_object_set_new(o, key, v) == -1 ? -1 : 0;
}

/* A string that is always present: NULL is written as "". */
static int
jstr(json_t *o, const char *key, const char *s)
{
	return jset(o, key, json_string(s != NULL ? s : ""));
}

/* A string that may be absent: NULL is written as null. */
static int
jstr_null(json_t *o, const char *key, const char *s)
{
	return jset(o, key, s != NULL ? json_string(s) : json_null());
}

/* An id where 0 means none, written as null. */
static int
jid(json_t *o, const char *key, long long id)
{
	return jset(o, key, id != 0 ? json_integer((json_int_t)id) :
	    json_null());
}

/* An instant as "2021-07-21T14:00:00Z", or null if 0. */
static int
jtime(json_t *o, const char *key, time_t t)
{
	char	 buf[64];

	if (t == 0)
		return jset(o, key, json_null());
	tz_format_rfc3339(t, buf, sizeof(buf));
	return jstr(o, key, buf);
}

/* A date as "2021-07-21" (the UTC day of t), or null if 0. */
static int
jdate(json_t *o, const char *key, time_t t)
{
	struct tm	 tm;
	char		 buf[32];

	if (t == 0)
		return jset(o, key, json_null());
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof(buf), "%Y-%m-%d", &tm) == 0)
		return -1;
	return jstr(o, key, buf);
}

/* Appends v to the array a, taking the reference. */
static int
jpush(json_t *a, json_t *v)
{
	if (v == NULL)
		return -1;
	return json_array_append_new(a, v) == -1 ? -1 : 0;
}

/* An array of n strings. */
static int
jstrs(json_t *o, const char *key, const char *const *v, size_t n)
{
	json_t	*arr;
	size_t	 i;

	if ((arr = json_array()) == NULL || jset(o, key, arr) == -1)
		return -1;
	for (i = 0; i < n; i++)
		if (jpush(arr, json_string(v[i] != NULL ? v[i] : "")) == -1)
			return -1;
	return 0;
}

static int
snap_media(json_t *root, const struct item_edit *e)
{
	json_t	*arr, *m;
	size_t	 i;

	if ((arr = json_array()) == NULL || jset(root, "media", arr) == -1)
		return -1;
	for (i = 0; i < e->mediac; i++) {
		if (e->media[i].role >= MEDIA__MAX)
			return -1;
		if ((m = json_object()) == NULL || jpush(arr, m) == -1 ||
		    jid(m, "media_id", e->media[i].media_id) == -1 ||
		    jstr(m, "role", snap_roles[e->media[i].role]) == -1 ||
		    jstr_null(m, "alt", e->media[i].alt) == -1 ||
		    jstr_null(m, "caption", e->media[i].caption) == -1 ||
		    jstr_null(m, "credit", e->media[i].credit) == -1)
			return -1;
	}
	return 0;
}

static int
snap_sigs(json_t *root, const struct item_edit *e)
{
	json_t	*arr, *s;
	size_t	 i;

	if ((arr = json_array()) == NULL ||
	    jset(root, "signatories", arr) == -1)
		return -1;
	for (i = 0; i < e->sigc; i++)
		if ((s = json_object()) == NULL || jpush(arr, s) == -1 ||
		    jid(s, "org_id", e->sigs[i].org_id) == -1 ||
		    jstr(s, "role", e->sigs[i].role) == -1 ||
		    jdate(s, "signed_on", e->sigs[i].signed_on) == -1)
			return -1;
	return 0;
}

/* Returns 1 if any event field is set. */
static int
has_event(const struct item_edit *e)
{
	return e->kind == KIND_EVENT || e->starts_at != 0 ||
	    e->ends_at != 0 || e->tz != NULL || e->location != NULL ||
	    e->online_url != NULL || e->registration_url != NULL ||
	    e->spokenc > 0 || e->interpretedc > 0 || e->speakerc > 0;
}

static int
snap_event(json_t *root, const struct item_edit *e)
{
	json_t	*arr, *s;
	size_t	 i;

	if (jtime(root, "starts_at", e->starts_at) == -1 ||
	    jtime(root, "ends_at", e->ends_at) == -1 ||
	    jstr_null(root, "tz", e->tz) == -1 ||
	    jstr_null(root, "location", e->location) == -1 ||
	    jstr_null(root, "online_url", e->online_url) == -1 ||
	    jstr_null(root, "registration_url", e->registration_url) == -1 ||
	    jstrs(root, "spoken", e->spoken, e->spokenc) == -1 ||
	    jstrs(root, "interpreted", e->interpreted,
	    e->interpretedc) == -1)
		return -1;
	if ((arr = json_array()) == NULL || jset(root, "speakers", arr) == -1)
		return -1;
	for (i = 0; i < e->speakerc; i++)
		if ((s = json_object()) == NULL || jpush(arr, s) == -1 ||
		    jstr(s, "name", e->speakers[i].name) == -1 ||
		    jstr(s, "role", e->speakers[i].role) == -1 ||
		    jstr(s, "part", e->speakers[i].part) == -1 ||
		    jid(s, "org_id", e->speakers[i].org_id) == -1 ||
		    jset(s, "is_chair",
		    json_boolean(e->speakers[i].is_chair)) == -1)
			return -1;
	return 0;
}

/*
 * Writes e as a snapshot: the content fields in a fixed order, then the
 * relations, then (for events, or when any is set) the event fields.
 * Returns a new string in the arena, or NULL if e holds text
 * that is not UTF-8, an unknown enum value, or memory ran out.
 */
char *
item_snapshot_json(struct arena *arena, const struct item_edit *e)
{
	json_t	*root;
	char	*s = NULL, *ret = NULL;

	if (e->kind >= KIND__MAX || e->status >= STATUS__MAX)
		return NULL;
	if ((root = json_object()) == NULL)
		goto out;
	if (jstr(root, "kind", kind_names[e->kind]) == -1 ||
	    jstr(root, "lang", e->lang) == -1 ||
	    jid(root, "group_id", e->group_id) == -1 ||
	    jstr(root, "slug", e->slug) == -1 ||
	    jstr(root, "title", e->title) == -1 ||
	    jstr(root, "summary", e->summary) == -1 ||
	    jstr(root, "body_md", e->body_md) == -1 ||
	    jstr_null(root, "hashtag", e->hashtag) == -1 ||
	    jstr_null(root, "byline", e->byline) == -1 ||
	    jstr(root, "status", item_status_names[e->status]) == -1 ||
	    jtime(root, "published_at", e->published_at) == -1 ||
	    jid(root, "author_id", e->author_id) == -1 ||
	    jstrs(root, "tags", e->tags, e->tagc) == -1 ||
	    snap_media(root, e) == -1 ||
	    snap_sigs(root, e) == -1 ||
	    (has_event(e) && snap_event(root, e) == -1))
		goto out;
	if ((s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER)) ==
	    NULL)
		goto out;
	ret = arena_strdup(arena, s);
out:
	free(s);
	json_decref(root);
	return ret;
}

/*
 * Reading.  Each helper reads one key of o into *v; a missing key leaves
 * the default (zero, NULL, empty), a value of the wrong type is an error.
 * They return 0 or -1.
 */

/* A string; null gives NULL, or "" if the field is never NULL. */
static int
gstr(struct arena *arena, const json_t *o, const char *key, int nullable,
    const char **v)
{
	const json_t	*x;

	*v = nullable ? NULL : "";
	if ((x = json_object_get(o, key)) == NULL || json_is_null(x))
		return 0;
	if (!json_is_string(x))
		return -1;
	*v = arena_strndup(arena, json_string_value(x),
	    json_string_length(x));
	return 0;
}

/* An id: a positive integer, or null for 0. */
static int
gid(const json_t *o, const char *key, long long *v)
{
	const json_t	*x;

	*v = 0;
	if ((x = json_object_get(o, key)) == NULL || json_is_null(x))
		return 0;
	if (!json_is_integer(x) || json_integer_value(x) <= 0)
		return -1;
	*v = (long long)json_integer_value(x);
	return 0;
}

/* An RFC 3339 UTC instant, or null for 0. */
static int
gtime(const json_t *o, const char *key, time_t *v)
{
	const json_t	*x;
	time_t		 t;

	*v = 0;
	if ((x = json_object_get(o, key)) == NULL || json_is_null(x))
		return 0;
	if (!json_is_string(x))
		return -1;
	if (json_string_value(x)[0] == '\0')
		return 0;
	if ((t = tz_parse_utc(json_string_value(x))) == -1)
		return -1;
	*v = t;
	return 0;
}

/*
 * A YYYY-MM-DD date as 00:00 UTC of that day, or null for 0.  An instant
 * (the importer's form) gives 00:00 UTC of its day.
 */
static int
gdate(const json_t *o, const char *key, time_t *v)
{
	const json_t	*x;
	const char	*s;
	char		 buf[32];
	time_t		 t;

	*v = 0;
	if ((x = json_object_get(o, key)) == NULL || json_is_null(x))
		return 0;
	if (!json_is_string(x))
		return -1;
	s = json_string_value(x);
	if (s[0] == '\0')
		return 0;
	if (strlen(s) == 10) {
		if ((size_t)snprintf(buf, sizeof(buf), "%sT00:00:00Z", s) >=
		    sizeof(buf) || (t = tz_parse_utc(buf)) == -1)
			return -1;
	} else if ((t = tz_parse_utc(s)) == -1)
		return -1;
	*v = t - (t % 86400 + 86400) % 86400;
	return 0;
}

/*
 * A reference by id (key_id) or, in the importer's snapshots, by name
 * (key_name): sets *id, or *id 0 and *name.  Neither is an error only if
 * optional.  Returns 0 or -1.
 */
static int
gref(struct arena *arena, const json_t *o, const char *key_id,
    const char *key_name, int optional, long long *id, const char **name)
{
	*name = NULL;
	if (gid(o, key_id, id) == -1)
		return -1;
	if (*id != 0)
		return 0;
	if (gstr(arena, o, key_name, 1, name) == -1)
		return -1;
	if (*name != NULL && (*name)[0] == '\0')
		*name = NULL;
	return *name != NULL || optional ? 0 : -1;
}

/* A boolean under key or, in the importer's snapshots, under alias. */
static int
gbool(const json_t *o, const char *key, const char *alias, int *v)
{
	const json_t	*x;

	*v = 0;
	if ((x = json_object_get(o, key)) == NULL)
		x = json_object_get(o, alias);
	if (x == NULL || json_is_null(x))
		return 0;
	if (!json_is_boolean(x))
		return -1;
	*v = json_is_true(x);
	return 0;
}

/* An array of strings into a new arena array. */
static int
gstrs(struct arena *arena, const json_t *o, const char *key,
    const char ***v, size_t *n)
{
	const json_t	*x, *y;
	size_t		 i;

	*v = NULL;
	*n = 0;
	if ((x = json_object_get(o, key)) == NULL || json_is_null(x))
		return 0;
	if (!json_is_array(x))
		return -1;
	*v = arena_calloc(arena, json_array_size(x) + 1, sizeof(**v));
	json_array_foreach(x, i, y) {
		if (!json_is_string(y))
			return -1;
		(*v)[i] = arena_strndup(arena, json_string_value(y),
		    json_string_length(y));
	}
	*n = json_array_size(x);
	return 0;
}

/*
 * Returns the array at key with its length in *n, NULL with *n 0 if the
 * key is missing or null, or sets *bad if it is not an array (or one of
 * its members is not an object).
 */
static const json_t *
garr(const json_t *o, const char *key, size_t *n, int *bad)
{
	const json_t	*x, *y;
	size_t		 i;

	*n = 0;
	if ((x = json_object_get(o, key)) == NULL || json_is_null(x))
		return NULL;
	if (!json_is_array(x)) {
		*bad = 1;
		return NULL;
	}
	json_array_foreach(x, i, y)
		if (!json_is_object(y)) {
			*bad = 1;
			return NULL;
		}
	*n = json_array_size(x);
	return x;
}

static int
parse_media(struct arena *arena, const json_t *root, struct item_edit *e)
{
	const json_t	*arr, *m;
	const char	*role;
	size_t		 i, n;
	int		 bad = 0;

	if ((arr = garr(root, "media", &n, &bad)) == NULL)
		return bad ? -1 : 0;
	e->media = arena_calloc(arena, n, sizeof(*e->media));
	for (i = 0; i < n; i++) {
		m = json_array_get(arr, i);
		if (gref(arena, m, "media_id", "file", 0,
		    &e->media[i].media_id, &e->media[i].original_name) == -1 ||
		    gstr(arena, m, "role", 0, &role) == -1 ||
		    (e->media[i].role = role_from_name(role)) == MEDIA__MAX ||
		    gstr(arena, m, "alt", 1, &e->media[i].alt) == -1 ||
		    gstr(arena, m, "caption", 1, &e->media[i].caption) == -1 ||
		    gstr(arena, m, "credit", 1, &e->media[i].credit) == -1)
			return -1;
	}
	e->mediac = n;
	return 0;
}

static int
parse_sigs(struct arena *arena, const json_t *root, struct item_edit *e)
{
	const json_t	*arr, *s;
	size_t		 i, n;
	int		 bad = 0;

	if ((arr = garr(root, "signatories", &n, &bad)) == NULL)
		return bad ? -1 : 0;
	e->sigs = arena_calloc(arena, n, sizeof(*e->sigs));
	for (i = 0; i < n; i++) {
		s = json_array_get(arr, i);
		if (gref(arena, s, "org_id", "org", 0, &e->sigs[i].org_id,
		    &e->sigs[i].org_name) == -1 ||
		    gstr(arena, s, "role", 0, &e->sigs[i].role) == -1 ||
		    gdate(s, "signed_on", &e->sigs[i].signed_on) == -1)
			return -1;
	}
	e->sigc = n;
	return 0;
}

static int
parse_speakers(struct arena *arena, const json_t *ev, struct item_edit *e)
{
	const json_t	*arr, *s;
	size_t		 i, n;
	int		 bad = 0;

	if ((arr = garr(ev, "speakers", &n, &bad)) == NULL)
		return bad ? -1 : 0;
	e->speakers = arena_calloc(arena, n, sizeof(*e->speakers));
	for (i = 0; i < n; i++) {
		s = json_array_get(arr, i);
		if (gstr(arena, s, "name", 0, &e->speakers[i].name) == -1 ||
		    gstr(arena, s, "role", 0, &e->speakers[i].role) == -1 ||
		    gstr(arena, s, "part", 0, &e->speakers[i].part) == -1 ||
		    gref(arena, s, "org_id", "org", 1,
		    &e->speakers[i].org_id, &e->speakers[i].org_name) == -1 ||
		    gbool(s, "is_chair", "chair", &e->speakers[i].is_chair) == -1)
			return -1;
	}
	e->speakerc = n;
	return 0;
}

/*
 * The event's fields, at the top level or (the importer's snapshots) in
 * an "event" object.
 */
static int
parse_event(struct arena *arena, const json_t *root, struct item_edit *e)
{
	const json_t	*ev;
	const char	*interp = "interpreted";

	if ((ev = json_object_get(root, "event")) != NULL &&
	    !json_is_null(ev)) {
		if (!json_is_object(ev))
			return -1;
		interp = "interpretation";
	} else
		ev = root;
	if (gtime(ev, "starts_at", &e->starts_at) == -1 ||
	    gtime(ev, "ends_at", &e->ends_at) == -1 ||
	    gstr(arena, ev, "tz", 1, &e->tz) == -1 ||
	    gstr(arena, ev, "location", 1, &e->location) == -1 ||
	    gstr(arena, ev, "online_url", 1, &e->online_url) == -1 ||
	    gstr(arena, ev, "registration_url", 1,
	    &e->registration_url) == -1 ||
	    gstrs(arena, ev, "spoken", &e->spoken, &e->spokenc) == -1 ||
	    gstrs(arena, ev, interp, &e->interpreted,
	    &e->interpretedc) == -1 ||
	    parse_speakers(arena, ev, e) == -1)
		return -1;
	return 0;
}

/*
 * Reads a snapshot into e, zeroed first; strings and arrays live in the
 * arena.  Keys it does not know are ignored and missing ones keep their
 * zero value, so older snapshots still load; so do the importer's (see
 * above): a file or organisation it names has id 0 and its name in
 * original_name or org_name.  Returns 0, or -1 if json is not a JSON object with a known kind and a language, or a
 * key has a value of the wrong type or spelling.
 */
int
item_snapshot_parse(struct arena *arena, const char *json,
    struct item_edit *e)
{
	json_t		*root;
	json_error_t	 err;
	const char	*kind, *status;
	int		 rc = -1;

	memset(e, 0, sizeof(*e));
	if (json == NULL ||
	    (root = json_loads(json, JSON_REJECT_DUPLICATES, &err)) == NULL)
		return -1;
	if (!json_is_object(root))
		goto out;
	if (gstr(arena, root, "kind", 1, &kind) == -1 || kind == NULL ||
	    (e->kind = kind_from_name(kind)) == KIND__MAX)
		goto out;
	if (gstr(arena, root, "lang", 1, &e->lang) == -1 || e->lang == NULL ||
	    e->lang[0] == '\0')
		goto out;
	if (gstr(arena, root, "status", 1, &status) == -1)
		goto out;
	e->status = STATUS_DRAFT;
	if (status != NULL &&
	    (e->status = item_status_from_name(status)) == STATUS__MAX)
		goto out;
	if (gid(root, "group_id", &e->group_id) == -1 ||
	    gstr(arena, root, "slug", 0, &e->slug) == -1 ||
	    gstr(arena, root, "title", 0, &e->title) == -1 ||
	    gstr(arena, root, "summary", 0, &e->summary) == -1 ||
	    gstr(arena, root, "body_md", 0, &e->body_md) == -1 ||
	    gstr(arena, root, "hashtag", 1, &e->hashtag) == -1 ||
	    gstr(arena, root, "byline", 1, &e->byline) == -1 ||
	    gtime(root, "published_at", &e->published_at) == -1 ||
	    gid(root, "author_id", &e->author_id) == -1 ||
	    gstrs(arena, root, "tags", &e->tags, &e->tagc) == -1 ||
	    parse_media(arena, root, e) == -1 ||
	    parse_sigs(arena, root, e) == -1 ||
	    parse_event(arena, root, e) == -1)
		goto out;
	rc = 0;
out:
	if (rc == -1)
		memset(e, 0, sizeof(*e));
	json_decref(root);
	return rc;
}
