/*
 * Reading items: listings, counts, one item with everything it shows, and
 * what hangs off an item (translations, tags, files, signatories); and
 * for feeds and calendars, their validators, their pages of items with
 * bodies (events included) and what hangs off a whole page at once.  Only
 * visible items are returned (the rule is in the statements, db.c;
 * validators also count the others, but return no item): the
 * functions here choose a statement, bind, and copy rows into the arena.
 * Functions taking an item id trust that the caller loaded that item
 * through a visible lookup.
 */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "db_internal.h"
#include "log.h"

/* Database names of enum media_role (the item_media.role ENUM). */
static const char *const media_roles[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

void
db_item_from_row(struct item *it, const struct db_row *r)
{
	memset(it, 0, sizeof(*it));
	it->id = r->v[0].i;
	it->kind = r->v[1].s != NULL ? kind_from_name(r->v[1].s) : KIND__MAX;
	it->lang = r->v[2].s;
	it->group_id = r->v[3].i;
	it->slug = r->v[4].s;
	it->title = r->v[5].s;
	it->summary = r->v[6].s;
	it->hashtag = r->v[7].s;
	it->byline = r->v[8].s;
	it->entry_id = r->v[9].s;
	it->published_at = r->v[10].t;
	it->updated_at = r->v[11].t;
	it->starts_at = r->v[12].t;
	it->ends_at = r->v[13].t;
	it->tz = r->v[14].s;
	it->location = r->v[15].s;
}

/*
 * Writes the LIKE pattern of a search into buf: the words with LIKE's
 * metacharacters escaped (the default escape is the backslash), between
 * '%' wildcards.  Returns 0, or -1 if it does not fit.
 */
int
db_like_pattern(const char *words, char *buf, size_t size)
{
	size_t	 o = 0;

	if (size < 3)
		return -1;
	buf[o++] = '%';
	for (; *words != '\0'; words++) {
		if (o + 4 > size)
			return -1;
		if (*words == '%' || *words == '_' || *words == '\\')
			buf[o++] = '\\';
		buf[o++] = *words;
	}
	buf[o++] = '%';
	buf[o] = '\0';
	return 0;
}

/*
 * Chooses the listing (or count) statement for the query's filters and
 * binds the filter values.  Only one of kind, tag and organisation may be
 * set: each combination is its own fixed statement.  Returns 0 or -1.
 */
static int
item_query_bind(const struct item_query *q, int count, enum stmt *s,
    struct db_params *p, char *like, size_t likesz)
{
	int	 filters, rc = -1;

	*s = STMT__MAX;
	filters = (q->kind < KIND__MAX) + (q->tag_id > 0) + (q->org_id > 0) +
	    (q->search != NULL);
	if (q->lang == NULL || filters > 1 || q->offset < 0 || q->limit < 0) {
		log_warnx("bad query: no language, negative offset or limit, "
		    "or more than one filter");
		goto out;
	}
	/* The organisation's statements take its id first, twice. */
	db_params_init(p);
	if (q->org_id > 0) {
		db_param_int(p, q->org_id);
		db_param_int(p, q->org_id);
	}
	db_param_str(p, q->lang);
	if (q->kind < KIND__MAX) {
		*s = count ? STMT_ITEM_COUNT_KIND : q->kind == KIND_EVENT ?
		    STMT_ITEM_LIST_EVENTS : STMT_ITEM_LIST_KIND;
		db_param_str(p, kind_names[q->kind]);
	} else if (q->tag_id > 0) {
		*s = count ? STMT_ITEM_COUNT_TAG : STMT_ITEM_LIST_TAG;
		db_param_int(p, q->tag_id);
	} else if (q->org_id > 0)
		*s = count ? STMT_ITEM_COUNT_ORG : STMT_ITEM_LIST_ORG;
	else if (q->search != NULL) {
		*s = count ? STMT_ITEM_COUNT_SEARCH : STMT_ITEM_LIST_SEARCH;
		if (db_like_pattern(q->search, like, likesz) == -1) {
			log_warnx("search words too long");
			goto out;
		}
		db_param_str(p, like);
		db_param_str(p, like);
		db_param_str(p, like);
	} else
		*s = count ? STMT_ITEM_COUNT_LANG : STMT_ITEM_LIST_LANG;
	rc = 0;
out:
	return rc;
}

int
db_item_list(struct db *db, struct arena *a, const struct item_query *q,
    struct item **out, size_t *outc)
{
	struct db_params p;
	struct db_row	 row;
	struct item	*items;
	enum stmt	 s;
	char		 like[DB_LIKE_MAX];
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	if (item_query_bind(q, 0, &s, &p, like, sizeof(like)) == -1)
		goto out;
	db_param_int(&p, q->limit);
	db_param_int(&p, q->offset);
	if (db_exec(db, s, &p) == -1)
		goto out;
	max = db_rows(db, s);
	items = arena_calloc(a, max + 1, sizeof(*items));
	while (n < max && (c = db_fetch(db, s, a, &row)) == 1)
		db_item_from_row(&items[n++], &row);
	if (c != -1 && n == max) {
		*out = items;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, s);
	return rc;
}

int
db_item_count(struct db *db, const struct item_query *q, long long *count)
{
	struct db_params p;
	struct db_row	 row;
	enum stmt	 s;
	char		 like[DB_LIKE_MAX];
	int		 rc = -1;

	if (item_query_bind(q, 1, &s, &p, like, sizeof(like)) == -1)
		goto out;
	if (db_exec(db, s, &p) == -1)
		goto out;
	if (db_fetch(db, s, NULL, &row) == 1) {
		*count = row.v[0].i;
		rc = 0;
	}
out:
	db_done(db, s);
	return rc;
}

int
db_item_get(struct db *db, struct arena *a, const char *lang, enum kind k,
    const char *slug, struct item *it)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	if (k >= KIND__MAX) {
		rc = 0;
		goto out;
	}
	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_str(&p, kind_names[k]);
	db_param_str(&p, slug);
	if (db_exec(db, STMT_ITEM_GET, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_ITEM_GET, a, &row);
	if (rc == 1) {
		db_item_from_row(it, &row);
		it->body_html = row.v[16].s;
	}
out:
	db_done(db, STMT_ITEM_GET);
	return rc;
}

int
db_item_get_old_slug(struct db *db, struct arena *a, const char *lang,
    enum kind k, const char *oldslug, const char **slug)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	if (k >= KIND__MAX) {
		rc = 0;
		goto out;
	}
	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_str(&p, kind_names[k]);
	db_param_str(&p, oldslug);
	if (db_exec(db, STMT_ITEM_OLD_SLUG, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_ITEM_OLD_SLUG, a, &row);
	if (rc == 1)
		*slug = row.v[0].s;
out:
	db_done(db, STMT_ITEM_OLD_SLUG);
	return rc;
}

static void
translation_from_row(void *elem, const struct db_row *r)
{
	struct translation	*t = elem;

	t->lang = r->v[0].s;
	t->lang_name = r->v[1].s;
	t->kind = kind_from_name(r->v[2].s);
	t->slug = r->v[3].s;
	t->title = r->v[4].s;
}

int
db_item_translations(struct db *db, struct arena *a, const struct item *it,
    struct translation **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, it->group_id);
	db_param_int(&p, it->id);
	rc = db_exec_all(db, STMT_ITEM_TRANSLATIONS, &p, a, sizeof(**out),
	    translation_from_row, &v, outc);
	*out = v;
	return rc;
}

static void
item_tag_from_row(void *elem, const struct db_row *r)
{
	struct tag	*t = elem;

	t->id = r->v[0].i;
	t->lang = r->v[1].s;
	t->slug = r->v[2].s;
	t->name = r->v[3].s;
}

int
db_item_tags(struct db *db, struct arena *a, long long item_id,
    struct tag **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, item_id);
	rc = db_exec_all(db, STMT_ITEM_TAGS, &p, a, sizeof(**out),
	    item_tag_from_row, &v, outc);
	*out = v;
	return rc;
}

/* Maps an item_media.role value to the enum; MEDIA__MAX if unknown. */
static enum media_role
media_role_from_name(const char *s)
{
	enum media_role	 r;

	for (r = 0; r < MEDIA__MAX; r++)
		if (s != NULL && strcmp(s, media_roles[r]) == 0)
			break;
	return r;
}

int
db_item_media(struct db *db, struct arena *a, long long item_id,
    struct media **out, size_t *outc)
{
	struct db_params p;
	struct db_row	 row;
	struct media	*m;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	db_params_init(&p);
	db_param_int(&p, item_id);
	if (db_exec(db, STMT_ITEM_MEDIA, &p) == -1)
		goto out;
	max = db_rows(db, STMT_ITEM_MEDIA);
	m = arena_calloc(a, max + 1, sizeof(*m));
	while (n < max && (c = db_fetch(db, STMT_ITEM_MEDIA, a, &row)) == 1) {
		m[n].id = row.v[0].i;
		m[n].role = media_role_from_name(row.v[1].s);
		m[n].filename = row.v[2].s;
		m[n].original_name = row.v[3].s;
		m[n].mime = row.v[4].s;
		m[n].bytes = row.v[5].i;
		m[n].width = (int)row.v[6].i;
		m[n].height = (int)row.v[7].i;
		m[n].alt = row.v[8].s;
		m[n].caption = row.v[9].s;
		m[n].credit = row.v[10].s;
		m[n].renditions = (int)row.v[11].i;
		n++;
	}
	if (c != -1 && n == max) {
		*out = m;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, STMT_ITEM_MEDIA);
	return rc;
}

static void
signatory_from_row(void *elem, const struct db_row *r)
{
	struct signatory	*sg = elem;

	db_org_from_row(&sg->org, r, 0);
	sg->role = r->v[6].s;
	sg->signed_on = r->v[7].t;
}

int
db_item_signatories(struct db *db, struct arena *a, long long item_id,
    struct signatory **out, size_t *outc)
{
	struct db_params p;
	void		*v;
	int		 rc;

	db_params_init(&p);
	db_param_int(&p, item_id);
	rc = db_exec_all(db, STMT_ITEM_SIGNATORIES, &p, a, sizeof(**out),
	    signatory_from_row, &v, outc);
	*out = v;
	return rc;
}

/* --- feeds --- */

/* Which statement of a feed scope: its page of items or its validators. */
enum	feed_stmts {
	FEED_STMTS_LIST,
	FEED_STMTS_PAGE,
	FEED_STMTS__MAX
};

/* The statements of each scope: all language, kind, tag, organisation. */
static const enum stmt feed_stmts[FEED_STMTS__MAX][4] = {
	{ STMT_FEED_LIST_LANG, STMT_FEED_LIST_KIND, STMT_FEED_LIST_TAG,
	    STMT_FEED_LIST_ORG },		/* FEED_STMTS_LIST */
	{ STMT_FEED_PAGE_LANG, STMT_FEED_PAGE_KIND, STMT_FEED_PAGE_TAG,
	    STMT_FEED_PAGE_ORG },		/* FEED_STMTS_PAGE */
};

/*
 * The feed statement (of set which) of the query's filter, with its
 * filter values, limit and offset bound (the organisation's id twice
 * first).  Returns 0 or -1.
 */
static int
feed_query_bind(const struct item_query *q, enum feed_stmts which,
    enum stmt *s, struct db_params *p)
{
	int	 filters, rc = -1;

	*s = STMT__MAX;
	filters = (q->kind < KIND__MAX) + (q->tag_id > 0) + (q->org_id > 0);
	if (q->lang == NULL || filters > 1 || q->search != NULL ||
	    q->offset < 0 || q->limit < 0) {
		log_warnx("bad feed query");
		goto out;
	}
	db_params_init(p);
	if (q->org_id > 0) {
		db_param_int(p, q->org_id);
		db_param_int(p, q->org_id);
	}
	db_param_str(p, q->lang);
	if (q->kind < KIND__MAX) {
		*s = feed_stmts[which][1];
		db_param_str(p, kind_names[q->kind]);
	} else if (q->tag_id > 0) {
		*s = feed_stmts[which][2];
		db_param_int(p, q->tag_id);
	} else if (q->org_id > 0)
		*s = feed_stmts[which][3];
	else
		*s = feed_stmts[which][0];
	db_param_int(p, q->limit);
	db_param_int(p, q->offset);
	rc = 0;
out:
	return rc;
}

/* Fills an item from a row of FEED_COLS (db.c). */
static void
feed_item_from_row(struct item *it, const struct db_row *r)
{
	db_item_from_row(it, r);
	it->body_html = r->v[16].s;
	it->version = r->v[17].i;
	it->online_url = r->v[18].s;
	it->registration_url = r->v[19].s;
}

/*
 * Runs a statement of FEED_COLS rows with parameters p and copies every
 * row into a new array.  Returns 0 or -1.
 */
static int
feed_rows(struct db *db, struct arena *a, enum stmt s, struct db_params *p,
    struct item **out, size_t *outc)
{
	struct db_row	 row;
	struct item	*items;
	size_t		 n = 0, max;
	int		 rc = -1, c = 0;

	*out = NULL;
	*outc = 0;
	if (db_exec(db, s, p) == -1)
		goto out;
	max = db_rows(db, s);
	items = arena_calloc(a, max + 1, sizeof(*items));
	while (n < max && (c = db_fetch(db, s, a, &row)) == 1)
		feed_item_from_row(&items[n++], &row);
	if (c != -1 && n == max) {
		*out = items;
		*outc = n;
		rc = 0;
	}
out:
	db_done(db, s);
	return rc;
}

int
db_feed_items(struct db *db, struct arena *a, const struct item_query *q,
    struct item **out, size_t *outc)
{
	struct db_params p;
	enum stmt	 s;

	*out = NULL;
	*outc = 0;
	if (feed_query_bind(q, FEED_STMTS_LIST, &s, &p) == -1)
		return -1;
	return feed_rows(db, a, s, &p, out, outc);
}

int
db_feed_page_validators(struct db *db, const struct item_query *q,
    struct feed_validators *v)
{
	struct db_params p;
	struct db_row	 row;
	enum stmt	 s = STMT__MAX;
	int		 rc = -1;

	if (feed_query_bind(q, FEED_STMTS_PAGE, &s, &p) == -1)
		goto out;
	if (db_exec(db, s, &p) == -1)
		goto out;
	if (db_fetch(db, s, NULL, &row) == 1) {
		v->count = row.v[0].i;
		v->published = row.v[1].t;
		v->updated = row.v[2].t;
		v->versions = row.v[3].i;
		v->id_sum = row.v[4].i;
		v->id_xor = row.v[5].i;
		rc = 0;
	}
out:
	db_done(db, s);
	return rc;
}

int
db_feed_calendar(struct db *db, struct arena *a, const char *lang,
    long long limit, struct item **out, size_t *outc)
{
	struct db_params p;

	*out = NULL;
	*outc = 0;
	if (limit < 0) {
		log_warnx("negative limit");
		return -1;
	}
	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_int(&p, limit);
	return feed_rows(db, a, STMT_FEED_CALENDAR, &p, out, outc);
}

int
db_feed_event(struct db *db, struct arena *a, const char *lang,
    const char *slug, struct item *it)
{
	struct db_params p;
	struct db_row	 row;
	int		 rc = -1;

	db_params_init(&p);
	db_param_str(&p, lang);
	db_param_str(&p, slug);
	if (db_exec(db, STMT_FEED_EVENT, &p) == -1)
		goto out;
	rc = db_fetch(db, STMT_FEED_EVENT, a, &row);
	if (rc == 1)
		feed_item_from_row(it, &row);
out:
	db_done(db, STMT_FEED_EVENT);
	return rc;
}

/*
 * Folds the translation groups of a subscription feed's newest entries
 * into its validators (GROUP_AGG in db.c): a translation's change moves
 * v->updated and v->versions.  Calendars show no translations.  Returns
 * 0 or -1.
 */
static int
feed_group_validators(struct db *db, enum feed_scope scope, const char *lang,
    enum kind k, const char *slug, struct feed_validators *v)
{
	struct db_params p;
	struct db_row	 row;
	enum stmt	 s;
	int		 rc = -1;

	db_params_init(&p);
	switch (scope) {
	case FEED_SCOPE_SITE:
		s = STMT_FEED_GROUP_LANG;
		db_param_str(&p, lang);
		break;
	case FEED_SCOPE_KIND:
		s = STMT_FEED_GROUP_KIND;
		db_param_str(&p, lang);
		db_param_str(&p, kind_names[k]);
		break;
	case FEED_SCOPE_TAG:
		s = STMT_FEED_GROUP_TAG;
		db_param_str(&p, lang);
		db_param_str(&p, slug);
		break;
	case FEED_SCOPE_ORG:
		s = STMT_FEED_GROUP_ORG;
		db_param_str(&p, slug);
		db_param_str(&p, slug);
		db_param_str(&p, lang);
		break;
	default:
		return 0;
	}
	if (db_exec(db, s, &p) == -1)
		goto out;
	if (db_fetch(db, s, NULL, &row) != 1)
		goto out;
	if (row.v[0].t > v->updated)
		v->updated = row.v[0].t;
	v->versions += row.v[1].i;
	rc = 0;
out:
	db_done(db, s);
	return rc;
}

int
db_feed_validators(struct db *db, struct arena *a, enum feed_scope scope,
    const char *lang, enum kind k, const char *slug,
    struct feed_validators *v)
{
	struct db_params p;
	struct db_row	 row;
	enum stmt	 s = STMT__MAX;
	int		 rc = -1;

	memset(v, 0, sizeof(*v));
	db_params_init(&p);
	switch (scope) {
	case FEED_SCOPE_SITE:
		s = STMT_FEED_VALID_LANG;
		db_param_str(&p, lang);
		db_param_str(&p, lang);
		break;
	case FEED_SCOPE_CALENDAR:
		s = STMT_FEED_VALID_CALENDAR;
		db_param_str(&p, lang);
		db_param_str(&p, lang);
		break;
	case FEED_SCOPE_KIND:
		if (k >= KIND__MAX)
			goto out;
		s = STMT_FEED_VALID_KIND;
		db_param_str(&p, lang);
		db_param_str(&p, kind_names[k]);
		db_param_str(&p, lang);
		db_param_str(&p, kind_names[k]);
		break;
	case FEED_SCOPE_TAG:
		s = STMT_FEED_VALID_TAG;
		db_param_str(&p, lang);
		db_param_str(&p, slug);
		break;
	case FEED_SCOPE_ORG:
		s = STMT_FEED_VALID_ORG;
		db_param_str(&p, slug);
		db_param_str(&p, slug);
		db_param_str(&p, lang);
		db_param_str(&p, slug);
		break;
	case FEED_SCOPE_EVENT:
		s = STMT_FEED_VALID_EVENT;
		db_param_str(&p, lang);
		db_param_str(&p, slug);
		break;
	default:
		break;
	}
	if (s == STMT__MAX || lang == NULL ||
	    (slug == NULL && (scope == FEED_SCOPE_TAG ||
	    scope == FEED_SCOPE_ORG || scope == FEED_SCOPE_EVENT))) {
		log_warnx("bad feed scope");
		s = STMT__MAX;
		goto out;
	}
	if (db_exec(db, s, &p) == -1)
		goto out;
	if ((rc = db_fetch(db, s, a, &row)) != 1)
		goto out;
	v->count = row.v[0].i;
	v->published = row.v[1].t;
	v->updated = row.v[2].t;
	v->versions = row.v[3].i;
	if (row.n > 4)
		v->scope_id = row.v[4].i;
	if (row.n > 6) {
		v->scope_name = row.v[5].s;
		v->links = row.v[6].i;
	}
	if (row.n > 7)
		v->scope_updated = row.v[7].t;
	/* An event that exists but is not visible is not there. */
	if (scope == FEED_SCOPE_EVENT && v->count == 0)
		rc = 0;
out:
	db_done(db, s);
	/* After db_done(): one statement's result at a time. */
	if (rc == 1 && feed_group_validators(db, scope, lang, k, slug,
	    v) == -1)
		rc = -1;
	return rc;
}

/*
 * Returns the index in items[0..n-1] of the item with id, or n.  A page
 * holds at most DB_IDS items per statement, so a scan is cheap.
 */
static size_t
extras_index(const struct item *items, size_t n, long long id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (items[i].id == id)
			break;
	return i;
}

/*
 * Loads one relation of up to DB_IDS items (items[0..n-1], whose extras
 * are ex[0..n-1]).  Rows come ordered by item id, so each item's rows are
 * contiguous and its array points into the one allocated here.  Returns
 * 0 or -1.
 */
static int
extras_load(struct db *db, struct arena *a, enum stmt s,
    const struct item *items, size_t n, struct item_extras *ex)
{
	struct db_params p;
	struct db_row	 row;
	struct tag	*tags = NULL;
	struct media	*files = NULL;
	struct signatory *sigs = NULL;
	struct translation *trs = NULL;
	struct item_extras *e;
	size_t		 i, j, k = 0, max;
	int		 rc = -1, c = 0;

	db_params_init(&p);
	for (i = 0; i < DB_IDS; i++)
		db_param_int(&p, i < n ? items[i].id : 0);
	if (db_exec(db, s, &p) == -1)
		goto out;
	max = db_rows(db, s);
	switch (s) {
	case STMT_ITEMS_TAGS:
		tags = arena_calloc(a, max + 1, sizeof(*tags));
		break;
	case STMT_ITEMS_FILES:
		files = arena_calloc(a, max + 1, sizeof(*files));
		break;
	case STMT_ITEMS_SIGNATORIES:
		sigs = arena_calloc(a, max + 1, sizeof(*sigs));
		break;
	default:
		trs = arena_calloc(a, max + 1, sizeof(*trs));
		break;
	}
	while (k < max && (c = db_fetch(db, s, a, &row)) == 1) {
		if ((j = extras_index(items, n, row.v[0].i)) == n) {
			log_warnx("statement %d: a row of another item",
			    (int)s);
			goto out;
		}
		e = &ex[j];
		switch (s) {
		case STMT_ITEMS_TAGS:
			tags[k].id = row.v[1].i;
			tags[k].lang = row.v[2].s;
			tags[k].slug = row.v[3].s;
			tags[k].name = row.v[4].s;
			if (e->tagc++ == 0)
				e->tags = &tags[k];
			break;
		case STMT_ITEMS_FILES:
			files[k].id = row.v[1].i;
			files[k].role = media_role_from_name(row.v[2].s);
			files[k].filename = row.v[3].s;
			files[k].original_name = row.v[4].s;
			files[k].mime = row.v[5].s;
			files[k].bytes = row.v[6].i;
			files[k].width = (int)row.v[7].i;
			files[k].height = (int)row.v[8].i;
			files[k].alt = row.v[9].s;
			files[k].caption = row.v[10].s;
			files[k].credit = row.v[11].s;
			if (e->filec++ == 0)
				e->files = &files[k];
			break;
		case STMT_ITEMS_SIGNATORIES:
			db_org_from_row(&sigs[k].org, &row, 1);
			sigs[k].role = row.v[7].s;
			sigs[k].signed_on = row.v[8].t;
			if (e->sigc++ == 0)
				e->sigs = &sigs[k];
			break;
		default:
			trs[k].lang = row.v[1].s;
			trs[k].lang_name = row.v[2].s;
			trs[k].kind = row.v[3].s != NULL ?
			    kind_from_name(row.v[3].s) : KIND__MAX;
			trs[k].slug = row.v[4].s;
			trs[k].title = row.v[5].s;
			if (e->trc++ == 0)
				e->trs = &trs[k];
			break;
		}
		k++;
	}
	if (c != -1 && k == max)
		rc = 0;
out:
	db_done(db, s);
	return rc;
}

int
db_item_extras(struct db *db, struct arena *a, const struct item *items,
    size_t n, struct item_extras *ex)
{
	static const enum stmt rels[] = {
		STMT_ITEMS_TAGS,
		STMT_ITEMS_FILES,
		STMT_ITEMS_SIGNATORIES,
		STMT_ITEMS_TRANSLATIONS,
	};
	size_t	 i, r, batch;

	if (n > 0)
		memset(ex, 0, n * sizeof(*ex));
	for (i = 0; i < n; i += batch) {
		batch = n - i < DB_IDS ? n - i : DB_IDS;
		for (r = 0; r < sizeof(rels) / sizeof(rels[0]); r++)
			if (extras_load(db, a, rels[r], items + i, batch,
			    ex + i) == -1)
				return -1;
	}
	return 0;
}
