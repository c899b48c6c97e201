/*
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1), built as a jansson
 * tree and serialised by jansson, which escapes every string; nothing is
 * concatenated here.  What JSON Feed has no field for goes into the
 * "_broadside" extension objects the specification allows (keys starting
 * with an underscore): translations, the kind, signatories, event details.
 *
 * Keys keep their insertion order (JSON_PRESERVE_ORDER) and nothing
 * depends on the clock, so equal feeds give equal bytes.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "arena.h"
#include "feed.h"
#include "log.h"
#include "out.h"
#include "tz.h"

#define JSONFEED_VERSION	"https://jsonfeed.org/version/1.1"

/* Returns 1 if s is NULL or empty. */
static int
empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

/*
 * Sets key to the value v, taking the reference; a NULL v (jansson's
 * failure) is an error.  Returns 0 or -1.
 */
static int
jset(json_t *o, const char *key, json_t *v)
{
	if (v == NULL)
		return -1;
	return json_object_set_new(o, key, v) == -1 ? -1 : 0;
}

/* Sets key to the string s, even "".  Returns 0 or -1. */
static int
jstr(json_t *o, const char *key, const char *s)
{
	return jset(o, key, json_string(s != NULL ? s : ""));
}

/* Sets key to the string s unless s is NULL or empty. */
static int
jstr_opt(json_t *o, const char *key, const char *s)
{
	return empty(s) ? 0 : jstr(o, key, s);
}

/* Sets key to an RFC 3339 date in UTC. */
static int
jdate(json_t *o, const char *key, time_t t)
{
	char	 buf[64];

	tz_format_rfc3339(t, buf, sizeof(buf));
	return jstr(o, key, buf);
}

/* Appends v to the array a, taking the reference.  Returns 0 or -1. */
static int
jpush(json_t *a, json_t *v)
{
	if (v == NULL)
		return -1;
	return json_array_append_new(a, v) == -1 ? -1 : 0;
}

/*
 * Returns a JSON Feed author array for the n people at p, leaving out
 * those without a name; NULL on failure.
 */
static json_t *
people(const struct feed_person *p, size_t n)
{
	json_t	*arr, *o;
	size_t	 i;

	if ((arr = json_array()) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (empty(p[i].name))
			continue;
		if ((o = json_object()) == NULL ||
		    jpush(arr, o) == -1 ||
		    jstr(o, "name", p[i].name) == -1 ||
		    jstr_opt(o, "url", p[i].uri) == -1) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

/* Returns a [{lang, url}] array of the links; NULL on failure. */
static json_t *
links(const struct feed_link *l, size_t n)
{
	json_t	*arr, *o;
	size_t	 i;

	if ((arr = json_array()) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (empty(l[i].href))
			continue;
		if ((o = json_object()) == NULL ||
		    jpush(arr, o) == -1 ||
		    jstr_opt(o, "lang", l[i].hreflang) == -1 ||
		    jstr(o, "url", l[i].href) == -1 ||
		    jstr_opt(o, "title", l[i].title) == -1) {
			json_decref(arr);
			return NULL;
		}
	}
	return arr;
}

/*
 * Appends the category's label (its term if it has none) to the tags
 * array unless it is empty or there already.  Returns 0 or -1.
 */
static int
tag_push(json_t *arr, const struct feed_category *c)
{
	const char	*t;
	size_t		 i;

	t = empty(c->label) ? c->term : c->label;
	if (empty(t))
		return 0;
	for (i = 0; i < json_array_size(arr); i++)
		if (strcmp(json_string_value(json_array_get(arr, i)), t) == 0)
			return 0;
	return jpush(arr, json_string(t));
}

/* Returns the "_broadside.event" object; NULL on failure. */
static json_t *
event(const struct feed_event *ev)
{
	json_t	*o;

	if ((o = json_object()) == NULL)
		return NULL;
	if (jdate(o, "starts", ev->starts) == -1 ||
	    (ev->ends > ev->starts && jdate(o, "ends", ev->ends) == -1) ||
	    jstr_opt(o, "tz", ev->tz) == -1 ||
	    jstr_opt(o, "location", ev->location) == -1 ||
	    jstr_opt(o, "online_url", ev->online_url) == -1 ||
	    jstr_opt(o, "registration_url", ev->registration_url) == -1) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Fills the item object o from the entry.  Returns 0 or -1. */
static int
item_fill(json_t *o, const struct feed_entry *e)
{
	const struct feed_enclosure	*enc;
	json_t				*arr, *x, *ext;
	size_t				 i;

	if (jstr(o, "id", e->id) == -1 ||
	    jstr_opt(o, "url", e->url) == -1 ||
	    jstr(o, "title", e->title) == -1)
		return -1;
	/* JSON Feed needs content_html or content_text in every item. */
	if (!empty(e->content_html)) {
		if (jstr(o, "content_html", e->content_html) == -1)
			return -1;
	} else if (jstr(o, "content_text", e->summary) == -1)
		return -1;
	if (jstr_opt(o, "summary", e->summary) == -1 ||
	    jdate(o, "date_published", e->published) == -1 ||
	    jdate(o, "date_modified", e->updated) == -1 ||
	    jstr_opt(o, "language", e->lang) == -1)
		return -1;

	/*
	 * JSON Feed's only categories are tags: the kind's label, then the
	 * tags' (each once), as readers show them.
	 */
	if (e->categoryc > 0) {
		if ((arr = json_array()) == NULL || jset(o, "tags", arr) == -1)
			return -1;
		for (i = 0; i < e->categoryc; i++)
			if (tag_push(arr, &e->categories[i]) == -1)
				return -1;
	}
	if (e->authorc > 0 &&
	    jset(o, "authors", people(e->authors, e->authorc)) == -1)
		return -1;

	if (e->enclosurec > 0) {
		if ((arr = json_array()) == NULL ||
		    jset(o, "attachments", arr) == -1)
			return -1;
		for (i = 0; i < e->enclosurec; i++) {
			enc = &e->enclosures[i];
			if (empty(enc->href))
				continue;
			if ((x = json_object()) == NULL ||
			    jpush(arr, x) == -1 ||
			    jstr(x, "url", enc->href) == -1 ||
			    jstr(x, "mime_type", empty(enc->type) ?
			    "application/octet-stream" : enc->type) == -1 ||
			    jstr_opt(x, "title", enc->title) == -1)
				return -1;
			if (enc->length >= 0 && jset(x, "size_in_bytes",
			    json_integer((json_int_t)enc->length)) == -1)
				return -1;
		}
	}

	if ((ext = json_object()) == NULL || jset(o, "_broadside", ext) == -1)
		return -1;
	if (e->categoryc > 0 &&
	    jstr_opt(ext, "kind", e->categories[0].term) == -1)
		return -1;
	if (e->translationc > 0 && jset(ext, "translations",
	    links(e->translations, e->translationc)) == -1)
		return -1;
	if (e->contributorc > 0 && jset(ext, "contributors",
	    people(e->contributors, e->contributorc)) == -1)
		return -1;
	if (e->event != NULL && jset(ext, "event", event(e->event)) == -1)
		return -1;
	return 0;
}

/* Fills the top-level object from the clean copy f.  Returns 0 or -1. */
static int
feed_fill(json_t *root, const struct feed *f)
{
	struct feed_person	 site;
	json_t			*items, *item, *ext;
	size_t			 i;

	if (jstr(root, "version", JSONFEED_VERSION) == -1 ||
	    jstr(root, "title", f->title) == -1 ||
	    jstr_opt(root, "home_page_url",
	    empty(f->alternate) ? f->site_url : f->alternate) == -1 ||
	    jstr_opt(root, "feed_url", f->self) == -1 ||
	    jstr_opt(root, "description", f->subtitle) == -1 ||
	    jstr_opt(root, "icon", f->icon) == -1 ||
	    jstr_opt(root, "language", f->lang) == -1)
		return -1;

	site.name = empty(f->site_name) ? f->title : f->site_name;
	site.uri = f->site_url;
	if (!empty(site.name) &&
	    jset(root, "authors", people(&site, 1)) == -1)
		return -1;
	if (jstr_opt(root, "next_url", f->paging.next) == -1)
		return -1;
	if (f->alternatec > 0) {
		if ((ext = json_object()) == NULL ||
		    jset(root, "_broadside", ext) == -1 ||
		    jset(ext, "translations",
		    links(f->alternates, f->alternatec)) == -1)
			return -1;
	}

	if ((items = json_array()) == NULL || jset(root, "items", items) == -1)
		return -1;
	for (i = 0; i < f->entryc; i++)
		if ((item = json_object()) == NULL ||
		    jpush(items, item) == -1 ||
		    item_fill(item, &f->entries[i]) == -1)
			return -1;
	return 0;
}

int
feed_json_write(const struct feed *feed, struct out *o)
{
	struct arena		*a;
	const struct feed	*f;
	json_t			*root = NULL;
	char			*s = NULL;
	int			 rc = -1;

	a = arena_new();
	f = feed_copy_clean(a, feed);
	if ((root = json_object()) == NULL || feed_fill(root, f) == -1) {
		log_warnx("feed %s: cannot build the JSON tree", f->id);
		goto out;
	}
	/* One space per level: readable, and the bytes stay stable. */
	if ((s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER)) ==
	    NULL) {
		log_warnx("feed %s: json_dumps failed", f->id);
		goto out;
	}
	out_str(o, s);
	out_lit(o, "\n");
	rc = 0;
out:
	free(s);
	json_decref(root);
	arena_free(a);
	return rc;
}
