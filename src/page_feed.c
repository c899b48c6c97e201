/*
 * Feeds and calendars of the public site (PAGE_FEED, PAGE_CALENDAR): this
 * module answers conditional requests from a scope's validators, loads
 * the entries, fills a struct feed (feed.h) and hands it to a writer.  It
 * writes no XML, JSON or iCalendar itself: the writers own escaping.
 *
 * URLs (route.c), in each configured language:
 *   /{lang}/feed.{atom,rss,json}			the whole site
 *   /{lang}/{kind-segment}/feed.{atom,rss,json}	one kind
 *   /{lang}/tags/{slug}/feed.{atom,rss,json}		one tag
 *   /{lang}/organisations/{slug}/feed.{atom,rss,json}	what it signed or
 *							spoke at
 *   /{lang}/events.ics					the events calendar
 *   /{lang}/events/{slug}.ics				one event
 *
 * Paging (RFC 5005), for S = feed_page_size and N visible entries:
 *   - Entries are numbered from the OLDEST (published_at, then id):
 *     ordinal 0 is the first ever published, N - 1 the newest.
 *   - The subscription document (no ?page) holds the newest S entries,
 *     ordinals [N - S, N) (all of them while N <= S), newest first.
 *   - The older entries, ordinals [0, N - S), are in A = ceil((N - S) / S)
 *     archive documents (none while N <= S): archive k (?page=k, 1 <= k
 *     <= A) holds ordinals [(k-1)S, min(kS, N - S)).  Every archive but
 *     the newest is complete, S entries that never change as new entries
 *     arrive; the newest, A, holds the rest and fills up, at its newer
 *     end only, as entries leave the subscription document, until it is
 *     complete and archive A + 1 starts.  An entry therefore stays on the
 *     same archive page for good.  ?page=k beyond A is 404.
 *   - The subscription document links rel=self, rel=first and
 *     rel=current (itself), and, if A >= 1, rel=next and rel=prev-archive
 *     to archive A (the newest, complete or not) and rel=last to archive
 *     1.  Archive k links rel=current and rel=first to the subscription
 *     document, rel=next and rel=prev-archive to archive k - 1 (if k > 1),
 *     rel=previous to archive k + 1 (the subscription document if k = A),
 *     rel=next-archive to archive k + 1 (if k < A) and rel=last to archive
 *     1; JSON Feed has next_url only.
 *   Following next (or prev-archive) from the subscription document thus
 *   visits every visible entry exactly once, newest first.  An archive
 *   changes only if an older entry is unpublished or deleted, or one is
 *   published with a date in the past: the later ordinals shift.  XXX:
 *   RFC 5005 wants an archive's entries never to change; the newest
 *   archive gains entries, but only ones a subscriber saw in the
 *   subscription document first.
 *
 * The events calendar holds the language's CAL_MAX visible events that
 * start latest: every upcoming event (unless more than CAL_MAX are
 * planned) and the most recent past ones.  Its content depends on the
 * events alone, never on the clock, so its validators are those of the
 * events kind.
 *
 * Conditional GET: before loading anything, one aggregate statement
 * (db_feed_validators()) reads the scope's visible count and newest
 * publication, the newest updated_at and the sum of versions of all its
 * items, whatever their status (an unpublish bumps updated_at), and for a
 * tag or organisation its join rows and name.  The ETag of a subscription
 * document or calendar is a hash of those, of the request (format,
 * scope, language, slug) and of everything else the document shows
 * (configuration, program version).  An archive page's ETag hashes,
 * instead of the scope's numbers, those of its own entries (one more
 * statement, db_feed_page_validators()) and whether a newer archive
 * exists, so that publishing or editing a newer entry leaves it alone.
 * Last-Modified is the newest of the scope's times, never in the future,
 * and never older than the feed's <updated> (an archive's may be later
 * than its last change: If-None-Match, which wins, is exact).  A 304
 * therefore costs one or two aggregate statements over indexes.  This
 * relies on every change of what an entry shows bumping its
 * items.updated_at and version (the importer sets them; the admin must).
 *
 * XXX: what an entry shows of other rows (a tag's or organisation's
 * name, a translation's title and slug) reaches a feed's validators only
 * when that entry is saved: the admin should touch the items of a renamed
 * tag or organisation and of a translation group whose member is
 * published, unpublished or renamed.  XXX: deleting a visible item
 * changes the ETag (the count) but cannot move Last-Modified forward;
 * unpublish (or archive) before deleting.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "feed.h"
#include "http.h"
#include "log.h"
#include "out.h"
#include "page.h"

/*
 * Changes whenever the same data would give other bytes (writers,
 * labels): part of every feed's ETag, with the program's version.
 */
#define	FEED_SERIAL	"feed-1"

/*
 * The date of feeds' tag: URIs (RFC 4151): a constant, so that a feed's id
 * never changes; entries carry the date they were first published.
 */
#define	FEED_TAG_DATE	"2000"

/* Most events in a language's calendar. */
#define	CAL_MAX		100

/* Default entries per archive page when the configuration has none. */
#define	FEED_PAGE_DEFAULT	20

/* Content-Type of each format. */
static const char *const feed_ctypes[FEED__MAX] = {
	"application/atom+xml; charset=utf-8",	/* FEED_ATOM */
	"application/rss+xml; charset=utf-8",	/* FEED_RSS */
	"application/feed+json; charset=utf-8",	/* FEED_JSON */
	"text/calendar; charset=utf-8",		/* FEED_ICS */
};

/*
 * Scope labels of feed titles, in the languages of the interface; other
 * languages fall back to the first.  The same words as templates/i18n.xsl
 * (keys news, case-studies, statements, events; kind-*; tag-heading),
 * which titles the <link> elements of pages: keep them in step.
 */
static const struct label {
	const char	*lang;
	const char	*sections[KIND__MAX];	/* a kind's listing */
	const char	*kinds[KIND__MAX];	/* one item of a kind */
	const char	*topic;			/* "Topic: " */
} labels[] = {
	{ "en", { "News", "Case studies", "Statements", "Events" },
	    { "News", "Case study", "Statement", "Event" }, "Topic: " },
	{ "fr", { "Actualités", "Études de cas", "Déclarations",
	    "Événements" }, { "Actualité", "Étude de cas", "Déclaration",
	    "Événement" }, "Thème : " },
	{ "es", { "Noticias", "Estudios de caso", "Declaraciones",
	    "Eventos" }, { "Noticia", "Estudio de caso", "Declaración",
	    "Evento" }, "Tema: " },
	{ "ru", { "Новости", "Кейсы", "Заявления", "Мероприятия" },
	    { "Новость", "Кейс", "Заявление", "Мероприятие" }, "Тема: " },
};

/* What one request for a feed or calendar works with. */
struct	feed_req {
	struct req		*r;
	struct feed_validators	 v;
	long long		 size;		/* entries per archive page */
	long long		 archives;	/* archive documents */
	time_t			 lastmod;
	struct item_query	 q;		/* the document's entries */
	struct item		*items;		/* newest first */
	size_t			 itemc;
	struct item_extras	*ex;		/* parallel to items, or NULL */
};

/* The labels of a language. */
static const struct label *
label_of(const char *lang)
{
	size_t	 i;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (strcmp(labels[i].lang, lang) == 0)
			return &labels[i];
	return &labels[0];
}

const char *
page_feed_path(struct arena *a, const char *lang, enum feed_scope scope,
    enum feed_format f, enum kind k, const char *slug)
{
	const char	*file;

	file = f < FEED__MAX && feed_files[f] != NULL ? feed_files[f] : "";
	switch (scope) {
	case FEED_SCOPE_SITE:
		return arena_printf(a, "/%s/%s", lang, file);
	case FEED_SCOPE_KIND:
		return arena_printf(a, "/%s/%s/%s", lang,
		    k < KIND__MAX ? kind_segments[k] : "", file);
	case FEED_SCOPE_TAG:
		return arena_printf(a, "/%s/tags/%s/%s", lang, slug, file);
	case FEED_SCOPE_ORG:
		return arena_printf(a, "/%s/organisations/%s/%s", lang, slug,
		    file);
	case FEED_SCOPE_CALENDAR:
		/* route.c's ROUTE_CALENDAR */
		return arena_printf(a, "/%s/events.ics", lang);
	case FEED_SCOPE_EVENT:
		return arena_printf(a, "/%s/%s/%s.ics", lang,
		    kind_segments[KIND_EVENT], slug);
	default:
		return arena_printf(a, "/%s/", lang);
	}
}

/* The site path of the request's feed in language lang and format f. */
static const char *
feed_path(struct feed_req *fr, const char *lang, enum feed_format f)
{
	struct req	*r = fr->r;

	return page_feed_path(r->arena, lang, r->feed_scope, f, r->kind,
	    r->slug);
}

/* The absolute URL of archive k (0: the subscription document). */
static const char *
feed_page_url(struct feed_req *fr, long long k)
{
	struct req	*r = fr->r;
	const char	*path;

	path = feed_path(fr, r->lang, r->feed_format);
	if (k > 0)
		path = arena_printf(r->arena, "%s?page=%lld", path, k);
	return page_url(r, path);
}

/*
 * A URL prefix from the configuration (static_url, media_url) made
 * absolute: an http(s) URL stays, a path gets the base URL's scheme and
 * host (not its path: the prefix is a path on the server, as pages use
 * it).
 */
static const char *
abs_prefix(struct req *r, const char *prefix)
{
	const char	*base = r->site->cfg->base_url, *p;

	if (strncmp(prefix, "http://", 7) == 0 ||
	    strncmp(prefix, "https://", 8) == 0)
		return prefix;
	if ((p = strstr(base, "://")) == NULL)
		return prefix;
	p += 3;
	p += strcspn(p, "/");
	return arena_printf(r->arena, "%.*s%s", (int)(p - base), base,
	    prefix);
}

/* The host of the base URL, lowercased, without port: for tag: URIs. */
static const char *
base_host(struct req *r)
{
	const char	*h;
	char		*s;
	size_t		 i, len;

	h = strstr(r->site->cfg->base_url, "://");
	h = h != NULL ? h + 3 : r->site->cfg->base_url;
	len = strcspn(h, "/:");
	s = arena_strndup(r->arena, h, len);
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] >= 'A' && s[i] <= 'Z')
			s[i] = (char)(s[i] - 'A' + 'a');
	return s;
}

/*
 * An entry's permanent id: the one minted at first publication, or, if
 * the item has none (it should always have one: the admin must mint it
 * when it first publishes, as the importer does), the same deterministic
 * form, tag:HOST,YYYY-MM-DD:ID from the base URL's host, the publication
 * date and the item id.
 */
static const char *
entry_id(struct req *r, const struct item *it)
{
	struct tm	 tm;
	char		 date[16];

	if (it->entry_id != NULL && it->entry_id[0] != '\0')
		return it->entry_id;
	if (gmtime_r(&it->published_at, &tm) == NULL ||
	    strftime(date, sizeof(date), "%Y-%m-%d", &tm) == 0)
		date[0] = '\0';
	return arena_printf(r->arena, "tag:%s,%s:%lld", base_host(r), date,
	    it->id);
}

/* The site path of an item. */
static const char *
item_path(struct req *r, const char *lang, enum kind k, const char *slug)
{
	return arena_printf(r->arena, "/%s/%s/%s", lang,
	    k < KIND__MAX ? kind_segments[k] : "", slug);
}

/*
 * Sets fr->q to the items of the requested document: the scope's filter
 * and the page of ordinals (see the top of this file).
 */
static void
feed_query(struct feed_req *fr)
{
	struct req		*r = fr->r;
	struct item_query	*q = &fr->q;
	long long		 n = fr->v.count, s = fr->size, k;

	memset(q, 0, sizeof(*q));
	q->lang = r->lang;
	q->kind = KIND__MAX;
	switch (r->feed_scope) {
	case FEED_SCOPE_KIND:
		q->kind = r->kind;
		break;
	case FEED_SCOPE_TAG:
		q->tag_id = fr->v.scope_id;
		break;
	case FEED_SCOPE_ORG:
		q->org_id = fr->v.scope_id;
		break;
	default:
		break;
	}
	if ((k = r->feed_archive) > 0) {
		q->offset = (k - 1) * s;
		q->limit = n - s - q->offset < s ? n - s - q->offset : s;
	} else {
		/*
		 * The newest S.  Entries published since the validators were
		 * read are welcome (feed_load() keeps the newest S); the
		 * limit only bounds the work.
		 */
		q->offset = n > s ? n - s : 0;
		q->limit = 2 * s;
	}
}

/*
 * Loads the validators of the request's scope (and, for an archive page,
 * of the page) and works out the paging, the ETag and Last-Modified,
 * answering a conditional request.  Returns 0, 404 (no such tag,
 * organisation, event or archive page) or 500.
 */
static int
feed_validate(struct feed_req *fr)
{
	struct req		*r = fr->r;
	const struct cfg	*cfg = r->site->cfg;
	struct feed_validators	 pv;
	const struct feed_validators *v = &fr->v;
	const char		*key;
	time_t			 now, upd;
	size_t			 i;
	int			 rc, newer = 0;

	rc = db_feed_validators(r->site->db, r->arena, r->feed_scope,
	    r->lang, r->kind, r->slug, &fr->v);
	if (rc < 0)
		return 500;
	if (rc == 0)
		return 404;

	fr->size = cfg->feed_page_size > 0 ? cfg->feed_page_size :
	    FEED_PAGE_DEFAULT;
	fr->archives = r->feed_scope <= FEED_SCOPE_ORG &&
	    v->count > fr->size ?
	    (v->count - fr->size + fr->size - 1) / fr->size : 0;
	if (r->feed_archive > fr->archives)
		return 404;
	if (r->feed_scope <= FEED_SCOPE_ORG)
		feed_query(fr);

	/*
	 * Last-Modified: the newest publication or change in the scope.
	 * updated_at is never in the future (the importer clamps it); if
	 * one ever is, now is the answer rather than a date to come.
	 */
	now = time(NULL);
	upd = v->updated > now ? now : v->updated;
	fr->lastmod = upd;
	if (v->published > fr->lastmod)
		fr->lastmod = v->published;
	if (v->scope_updated > fr->lastmod && v->scope_updated <= now)
		fr->lastmod = v->scope_updated;

	/*
	 * An archive page depends on its own entries and on whether a newer
	 * archive exists (its links), not on the rest of the scope.
	 */
	pv = *v;
	if (r->feed_archive > 0) {
		if (db_feed_page_validators(r->site->db, &fr->q, &pv) != 0)
			return 500;
		newer = r->feed_archive < fr->archives;
		pv.links = 0;
	}

	key = arena_printf(r->arena, "%s\n%s\n%s\n%d\n%d\n%s\n%d\n%s\n"
	    "%lld\n%lld\n%d\n%s\n%s\n%s\n%s\n%s\n%u\n"
	    "%lld\n%lld\n%lld\n%lld\n%lld\n%s\n%lld\n%lld\n%lld\n%lld\n",
	    PACKAGE_NAME, PACKAGE_VERSION, FEED_SERIAL,
	    (int)r->feed_format, (int)r->feed_scope, r->lang,
	    (int)r->kind, r->slug != NULL ? r->slug : "",
	    r->feed_archive, fr->size, newer,
	    cfg->base_url, cfg->static_url, cfg->media_url,
	    cfg->site_name != NULL ? cfg->site_name : "",
	    cfg->site_tagline != NULL ? cfg->site_tagline : "",
	    cfg->cache_seconds,
	    pv.count, (long long)pv.published, (long long)pv.updated,
	    pv.versions, pv.scope_id,
	    pv.scope_name != NULL ? pv.scope_name : "", pv.links,
	    (long long)pv.scope_updated, pv.id_sum, pv.id_xor);
	/* The other languages: the alternates of site and kind feeds. */
	for (i = 0; i < cfg->langc; i++)
		key = arena_printf(r->arena, "%s%s ", key, cfg->langs[i]);

	r->resp.max_age = (int)cfg->cache_seconds;
	r->resp.ctype = feed_ctypes[r->feed_format];
	http_not_modified(r, http_etag_make(r->arena, key, strlen(key)),
	    fr->lastmod);
	return 0;
}

/* Reverses items (and nothing else) in place. */
static void
items_reverse(struct item *items, size_t n)
{
	struct item	 t;
	size_t		 i;

	for (i = 0; i < n / 2; i++) {
		t = items[i];
		items[i] = items[n - 1 - i];
		items[n - 1 - i] = t;
	}
}

/*
 * Loads the entries of the requested document, newest first, and what
 * hangs off them.  Returns 0 or 500.
 */
static int
feed_load(struct feed_req *fr)
{
	struct req	*r = fr->r;
	struct db	*db = r->site->db;

	if (db_feed_items(db, r->arena, &fr->q, &fr->items, &fr->itemc) != 0)
		return 500;
	items_reverse(fr->items, fr->itemc);
	if (r->feed_archive == 0 && fr->itemc > (size_t)fr->size)
		fr->itemc = (size_t)fr->size;
	fr->ex = arena_calloc(r->arena, fr->itemc + 1, sizeof(*fr->ex));
	if (db_item_extras(db, r->arena, fr->items, fr->itemc, fr->ex) != 0)
		return 500;
	return 0;
}

/* Fills one entry from an item and, if there is one, its extras. */
static void
feed_entry(struct req *r, struct feed_entry *e, const struct item *it,
    const struct item_extras *ex)
{
	struct arena		*a = r->arena;
	const struct label	*lb = label_of(it->lang);
	struct feed_event	*ev;
	const char		*html;
	size_t			 i, n;

	e->id = entry_id(r, it);
	e->title = it->title != NULL ? it->title : "";
	e->summary = it->summary != NULL ? it->summary : "";
	e->url = page_url(r, item_path(r, it->lang, it->kind, it->slug));
	e->lang = it->lang;
	e->published = it->published_at;
	/* The last save; the importer never dates one in the future. */
	e->updated = it->updated_at != 0 ? it->updated_at : it->published_at;

	/* The body with its links resolved as the item page resolves them. */
	e->content_html = "";
	if (it->body_html != NULL && it->body_html[0] != '\0') {
		if ((html = feed_html_absolute(a, it->body_html, e->url)) !=
		    NULL)
			e->content_html = html;
	}

	/* Categories: the kind, then the tags. */
	n = 1 + (ex != NULL ? ex->tagc : 0);
	e->categories = arena_calloc(a, n, sizeof(*e->categories));
	if (it->kind < KIND__MAX) {
		e->categories[0].term = kind_names[it->kind];
		e->categories[0].label = lb->kinds[it->kind];
		e->categories[0].scheme = page_url(r, arena_printf(a,
		    "/%s/%s/", it->lang, kind_segments[it->kind]));
		e->categoryc = 1;
	}
	/*
	 * A tag's term is its slug in the vocabulary of the language's
	 * tags, whose index is the scheme: scheme + term + "/" is the tag's
	 * page.
	 */
	for (i = 0; ex != NULL && i < ex->tagc; i++) {
		e->categories[e->categoryc].term = ex->tags[i].slug;
		e->categories[e->categoryc].label = ex->tags[i].name;
		e->categories[e->categoryc].scheme = page_url(r,
		    arena_printf(a, "/%s/tags/", it->lang));
		e->categoryc++;
	}

	if (it->byline != NULL && it->byline[0] != '\0') {
		e->authors = arena_calloc(a, 1, sizeof(*e->authors));
		e->authors[0].name = it->byline;
		e->authorc = 1;
	}
	if (ex != NULL && ex->sigc > 0) {
		e->contributors = arena_calloc(a, ex->sigc,
		    sizeof(*e->contributors));
		for (i = 0; i < ex->sigc; i++) {
			e->contributors[i].name = ex->sigs[i].org.name;
			e->contributors[i].uri = page_url(r, arena_printf(a,
			    "/%s/organisations/%s/", it->lang,
			    ex->sigs[i].org.slug));
		}
		e->contributorc = ex->sigc;
	}
	if (ex != NULL && ex->filec > 0) {
		e->enclosures = arena_calloc(a, ex->filec,
		    sizeof(*e->enclosures));
		for (i = 0; i < ex->filec; i++) {
			e->enclosures[i].href = arena_printf(a, "%s/%s",
			    abs_prefix(r, r->site->cfg->media_url),
			    ex->files[i].filename);
			e->enclosures[i].type = ex->files[i].mime;
			e->enclosures[i].length = ex->files[i].bytes;
			e->enclosures[i].title =
			    ex->files[i].alt != NULL &&
			    ex->files[i].alt[0] != '\0' ?
			    ex->files[i].alt : ex->files[i].original_name;
		}
		e->enclosurec = ex->filec;
	}
	if (ex != NULL && ex->trc > 0) {
		e->translations = arena_calloc(a, ex->trc,
		    sizeof(*e->translations));
		for (i = 0; i < ex->trc; i++) {
			e->translations[i].href = page_url(r, item_path(r,
			    ex->trs[i].lang, ex->trs[i].kind,
			    ex->trs[i].slug));
			e->translations[i].hreflang = ex->trs[i].lang;
			e->translations[i].type = "text/html";
			e->translations[i].title = ex->trs[i].title;
		}
		e->translationc = ex->trc;
	}

	if (it->kind == KIND_EVENT && it->starts_at != 0) {
		ev = arena_calloc(a, 1, sizeof(*ev));
		ev->starts = it->starts_at;
		ev->ends = it->ends_at;
		ev->tz = it->tz != NULL && it->tz[0] != '\0' ? it->tz : "UTC";
		ev->location = it->location != NULL ? it->location : "";
		ev->online_url = it->online_url != NULL &&
		    it->online_url[0] != '\0' ? it->online_url : NULL;
		ev->registration_url = it->registration_url != NULL &&
		    it->registration_url[0] != '\0' ?
		    it->registration_url : NULL;
		ev->sequence = it->version;
		ev->created = it->published_at;
		e->event = ev;
	}
}

/*
 * The permanent id of the feed, the same for its formats and pages:
 * tag:HOST,FEED_TAG_DATE:PATH with the scope's directory ("/en/news/"),
 * so it survives a move to https (but not to another host, which a
 * subscriber follows by URL anyway).
 */
static const char *
feed_id(struct feed_req *fr)
{
	struct req	*r = fr->r;
	const char	*path;
	size_t		 len;

	path = feed_path(fr, r->lang, FEED__MAX);
	len = strlen(path);
	if (r->feed_scope == FEED_SCOPE_CALENDAR ||
	    r->feed_scope == FEED_SCOPE_EVENT)
		len -= sizeof(".ics") - 1;
	return arena_printf(r->arena, "tag:%s,%s:%.*s%s", base_host(r),
	    FEED_TAG_DATE, (int)len, path,
	    r->feed_scope <= FEED_SCOPE_ORG ? "feed" : "");
}

/*
 * Fills the feed-level fields every document has: title, links, icon,
 * dates, the entries.  title is the scope's label (NULL: the site name
 * alone).
 */
static void
feed_fill(struct feed_req *fr, struct feed *f, const char *label,
    const char *alternate)
{
	struct req		*r = fr->r;
	const struct cfg	*cfg = r->site->cfg;
	struct arena		*a = r->arena;
	size_t			 i;
	unsigned long long	 gen;
	time_t			 changed;

	memset(f, 0, sizeof(*f));
	f->title = label != NULL ? arena_printf(a, "%s — %s",
	    cfg->site_name, label) : cfg->site_name;
	f->subtitle = cfg->site_tagline != NULL &&
	    cfg->site_tagline[0] != '\0' ? cfg->site_tagline : NULL;
	f->lang = r->lang;
	f->id = feed_id(fr);
	f->self = feed_page_url(fr, r->feed_archive);
	f->alternate = page_url(r, alternate);
	f->icon = arena_printf(a, "%s/favicon.svg",
	    abs_prefix(r, cfg->static_url));
	f->site_url = page_url(r, arena_printf(a, "/%s/", r->lang));
	f->generator = "Broadside " PACKAGE_VERSION;
	/* The author of entries without a byline. */
	f->site_name = cfg->site_name;
	f->ttl = cfg->cache_seconds / 60 > 0 ? (int)(cfg->cache_seconds / 60) :
	    1;

	f->entries = arena_calloc(a, fr->itemc + 1, sizeof(*f->entries));
	for (i = 0; i < fr->itemc; i++) {
		feed_entry(r, &f->entries[i], &fr->items[i],
		    fr->ex != NULL ? &fr->ex[i] : NULL);
		if (f->entries[i].updated > f->updated)
			f->updated = f->entries[i].updated;
	}
	f->entryc = fr->itemc;
	/*
	 * An empty document changed when its scope last did (never "now",
	 * so its bytes are stable), or, for a scope that never had an item,
	 * when the site's content did.
	 */
	if (f->updated == 0)
		f->updated = fr->lastmod;
	if (f->updated == 0 && db_site_state(r->site->db, &gen, &changed) ==
	    0)
		f->updated = changed;
}

/* The RFC 5005 links of the document (see the top of this file). */
static void
feed_paging(struct feed_req *fr, struct feed *f)
{
	struct feed_paging	*pg = &f->paging;
	long long		 k = fr->r->feed_archive, a = fr->archives;

	if (k == 0) {
		pg->first = f->self;
		pg->current = f->self;
		pg->last = a > 0 ? feed_page_url(fr, 1) : f->self;
		if (a > 0) {
			pg->next = feed_page_url(fr, a);
			pg->prev_archive = pg->next;
		}
		return;
	}
	pg->is_archive = 1;
	pg->current = feed_page_url(fr, 0);
	pg->first = pg->current;
	pg->last = feed_page_url(fr, 1);
	pg->previous = k < a ? feed_page_url(fr, k + 1) : pg->current;
	if (k < a)
		pg->next_archive = pg->previous;
	if (k > 1) {
		pg->next = feed_page_url(fr, k - 1);
		pg->prev_archive = pg->next;
	}
}

/* Writes f in the request's format into o.  Returns 0 or 500. */
static int
feed_write(struct req *r, const struct feed *f, struct out *o)
{
	int	 rc;

	switch (r->feed_format) {
	case FEED_ATOM:
		rc = feed_atom_write(f, o);
		break;
	case FEED_RSS:
		rc = feed_rss_write(f, o);
		break;
	case FEED_JSON:
		rc = feed_json_write(f, o);
		break;
	case FEED_ICS:
		rc = feed_ics_write(f, o);
		break;
	default:
		rc = -1;
		break;
	}
	if (rc != 0) {
		log_warnx("%s: the feed writer failed", r->path);
		out_reset(o);
		return 500;
	}
	return 0;
}

int
page_feed(struct req *r, struct out *o)
{
	const struct cfg	*cfg = r->site->cfg;
	struct feed_req		 fr;
	struct feed		 f;
	const struct label	*lb = label_of(r->lang);
	const char		*label = NULL, *alternate;
	size_t			 i, n;
	int			 rc, alts;

	if (r->feed_format >= FEED_ICS || r->feed_scope > FEED_SCOPE_ORG ||
	    (r->feed_scope == FEED_SCOPE_KIND && r->kind >= KIND__MAX))
		return 404;
	memset(&fr, 0, sizeof(fr));
	fr.r = r;
	if ((rc = feed_validate(&fr)) != 0)
		return rc;
	if (r->resp.not_modified)
		return 0;
	if ((rc = feed_load(&fr)) != 0)
		return rc;

	/* The scope's label, its HTML page, and whether other languages. */
	alts = 1;
	switch (r->feed_scope) {
	case FEED_SCOPE_KIND:
		label = lb->sections[r->kind];
		alternate = arena_printf(r->arena, "/%s/%s/", r->lang,
		    kind_segments[r->kind]);
		break;
	case FEED_SCOPE_TAG:
		label = arena_printf(r->arena, "%s%s", lb->topic,
		    fr.v.scope_name != NULL ? fr.v.scope_name : r->slug);
		alternate = arena_printf(r->arena, "/%s/tags/%s/", r->lang,
		    r->slug);
		/* Tags belong to one language. */
		alts = 0;
		break;
	case FEED_SCOPE_ORG:
		label = fr.v.scope_name != NULL ? fr.v.scope_name : r->slug;
		alternate = arena_printf(r->arena, "/%s/organisations/%s/",
		    r->lang, r->slug);
		break;
	default:
		label = page_language_name(r, r->lang);
		alternate = arena_printf(r->arena, "/%s/", r->lang);
		break;
	}
	feed_fill(&fr, &f, label, alternate);
	feed_paging(&fr, &f);

	/* The same feed in the other languages. */
	if (alts && cfg->langc > 1) {
		f.alternates = arena_calloc(r->arena, cfg->langc,
		    sizeof(*f.alternates));
		for (i = n = 0; i < cfg->langc; i++) {
			if (strcmp(cfg->langs[i], r->lang) == 0)
				continue;
			f.alternates[n].href = page_url(r, feed_path(&fr,
			    cfg->langs[i], r->feed_format));
			f.alternates[n].hreflang = cfg->langs[i];
			f.alternates[n].type = feed_types[r->feed_format];
			n++;
		}
		f.alternatec = n;
	}
	return feed_write(r, &f, o);
}

int
page_calendar(struct req *r, struct out *o)
{
	struct feed_req		 fr;
	struct feed		 f;
	struct item		*it;
	const char		*label, *alternate;
	int			 rc;

	if (r->feed_format != FEED_ICS ||
	    (r->feed_scope != FEED_SCOPE_CALENDAR &&
	    r->feed_scope != FEED_SCOPE_EVENT))
		return 404;
	memset(&fr, 0, sizeof(fr));
	fr.r = r;
	r->kind = KIND_EVENT;
	if ((rc = feed_validate(&fr)) != 0)
		return rc;
	if (r->resp.not_modified)
		return 0;

	if (r->feed_scope == FEED_SCOPE_EVENT) {
		it = arena_calloc(r->arena, 1, sizeof(*it));
		rc = db_feed_event(r->site->db, r->arena, r->lang, r->slug,
		    it);
		if (rc < 0)
			return 500;
		if (rc == 0)
			return 404;
		fr.items = it;
		fr.itemc = 1;
		label = it->title;
		alternate = item_path(r, r->lang, KIND_EVENT, r->slug);
	} else {
		if (db_feed_calendar(r->site->db, r->arena, r->lang, CAL_MAX,
		    &fr.items, &fr.itemc) != 0)
			return 500;
		label = label_of(r->lang)->sections[KIND_EVENT];
		alternate = arena_printf(r->arena, "/%s/%s/", r->lang,
		    kind_segments[KIND_EVENT]);
	}
	feed_fill(&fr, &f, label, alternate);
	return feed_write(r, &f, o);
}
