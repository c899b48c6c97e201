/*
 * One item (PAGE_ITEM), with everything its kind has: the body, tags and
 * translations for all; the gallery and hashtag of news; the report of a
 * case study; the signatories of a statement; the times, languages,
 * speakers and registration of an event.  A former slug redirects to the
 * current one.
 *
 * The page is made in two steps: item_load() reads everything from the
 * public tables into a struct item_page, and page_item_view() builds the
 * view from that alone, so the admin's previews (admin_preview.c) render
 * an unpublished or unsaved item exactly as this page will show it.
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "page.h"
#include "view.h"

static const char *const media_roles[MEDIA__MAX] = {
	"attachment",		/* MEDIA_ATTACHMENT */
	"gallery",		/* MEDIA_GALLERY */
	"hero",			/* MEDIA_HERO */
};

/* The site path of an item. */
static const char *
item_path(struct req *r, const char *lang, enum kind k, const char *slug)
{
	return arena_printf(r->arena, "/%s/%s/%s", lang,
	    k < KIND__MAX ? kind_segments[k] : "", slug);
}

/*
 * Loads the item and what belongs to it.  Returns 0, an HTTP status, or
 * 0 with r->resp set for a redirect from a former slug (*redirected).
 */
static int
item_load(struct req *r, struct item_page *p, int *redirected)
{
	struct db	*db = r->site->db;
	struct arena	*a = r->arena;
	const char	*slug = NULL;
	int		 rc;

	rc = db_item_get(db, a, r->lang, r->kind, r->slug, &p->it);
	if (rc < 0)
		return 500;
	if (rc == 0) {
		rc = db_item_get_old_slug(db, a, r->lang, r->kind, r->slug,
		    &slug);
		if (rc < 0)
			return 500;
		if (rc == 0 || slug == NULL)
			return 404;
		r->resp.status = 301;
		r->resp.location = page_url(r, item_path(r, r->lang, r->kind,
		    slug));
		r->resp.max_age = (int)r->site->cfg->cache_seconds;
		*redirected = 1;
		return 0;
	}

	if (db_item_translations(db, a, &p->it, &p->tr, &p->trc) != 0 ||
	    db_item_tags(db, a, p->it.id, &p->tags, &p->tagc) != 0 ||
	    db_item_media(db, a, p->it.id, &p->media, &p->mediac) != 0)
		return 500;
	if (p->it.kind == KIND_STATEMENT &&
	    db_item_signatories(db, a, p->it.id, &p->sig, &p->sigc) != 0)
		return 500;
	if (p->it.kind == KIND_EVENT) {
		rc = db_event_get(db, a, p->it.id, &p->ev);
		if (rc < 0)
			return 500;
		p->has_event = rc == 1;
		if (p->has_event && db_event_speakers(db, a, p->it.id,
		    &p->spk, &p->spkc) != 0)
			return 500;
	}
	page_touch(r, p->it.published_at);
	page_touch(r, p->it.updated_at);
	return 0;
}

/* Widths of the renditions the admin makes of an upload (media.c). */
static const int rendition_widths[] = { 480, 960, 1600 };

/* <rendition width href/> for each resized copy of an uploaded picture. */
static void
item_renditions(struct req *r, struct view *v, const struct media *m)
{
	const char	*dot;
	size_t		 i;

	dot = strrchr(m->filename, '.');
	if (m->width <= 0 || dot == NULL)
		return;
	for (i = 0; i < (size_t)m->renditions && i < sizeof(rendition_widths) /
	    sizeof(rendition_widths[0]); i++) {
		view_push(v, "rendition");
		view_attr_int(v, "width", rendition_widths[i]);
		view_attr(v, "href", arena_printf(r->arena, "%s/%.*s-%d%s",
		    r->site->cfg->media_url, (int)(dot - m->filename),
		    m->filename, rendition_widths[i], dot));
		view_pop(v);
	}
}

static void
item_media(struct req *r, struct view *v, const struct media *m)
{
	view_push(v, m->role < MEDIA__MAX &&
	    strncmp(m->mime, "image/", 6) == 0 ? "image" : "file");
	view_attr(v, "role", m->role < MEDIA__MAX ?
	    media_roles[m->role] : NULL);
	view_attr(v, "href", arena_printf(r->arena, "%s/%s",
	    r->site->cfg->media_url, m->filename));
	view_attr(v, "name", m->original_name);
	view_attr(v, "mime", m->mime);
	view_attr_int(v, "bytes", m->bytes);
	if (m->width > 0 && m->height > 0) {
		view_attr_int(v, "width", m->width);
		view_attr_int(v, "height", m->height);
	}
	/* Always present: an image without alt text is invalid HTML. */
	view_attr(v, "alt", m->alt != NULL ? m->alt : "");
	if (m->caption != NULL && m->caption[0] != '\0')
		view_text(v, "caption", m->caption);
	if (m->credit != NULL && m->credit[0] != '\0')
		view_text(v, "credit", m->credit);
	if (strncmp(m->mime, "image/", 6) == 0)
		item_renditions(r, v, m);
	view_pop(v);
}

/* The media of one role inside <name>, if there are any. */
static void
item_media_role(struct req *r, struct view *v, const struct item_page *p,
    enum media_role role, const char *name)
{
	size_t	 i;
	int	 open = 0;

	for (i = 0; i < p->mediac; i++) {
		if (p->media[i].role != role)
			continue;
		if (!open) {
			view_push(v, name);
			open = 1;
		}
		item_media(r, v, &p->media[i]);
	}
	if (open)
		view_pop(v);
}

static void
item_languages(struct view *v, const char *name, const char **codes,
    size_t n)
{
	size_t	 i;

	if (n == 0)
		return;
	view_push(v, name);
	for (i = 0; i < n; i++) {
		view_push(v, "language");
		view_attr(v, "code", codes[i]);
		view_pop(v);
	}
	view_pop(v);
}

static void
item_event(struct req *r, struct view *v, const struct item_page *p)
{
	const struct event	*ev = &p->ev;
	const struct cfg	*cfg = r->site->cfg;
	const struct speaker	*s;
	const char		*tz;
	size_t			 i;

	/* The zone is NOT NULL in the schema; UTC if it ever is not. */
	tz = ev->tz != NULL && ev->tz[0] != '\0' ? ev->tz : "UTC";
	view_push(v, "event");
	if (ev->ends_at != 0 && ev->ends_at < time(NULL))
		view_attr(v, "past", "1");
	view_push(v, "times");
	page_event_when(r, v, ev->starts_at, ev->ends_at, tz, "event");
	if (strcmp(tz, "UTC") != 0)
		page_event_when(r, v, ev->starts_at, ev->ends_at, "UTC",
		    "utc");
	for (i = 0; i < cfg->zonec; i++)
		if (strcmp(cfg->zones[i], tz) != 0 &&
		    strcmp(cfg->zones[i], "UTC") != 0)
			page_event_when(r, v, ev->starts_at, ev->ends_at,
			    cfg->zones[i], "extra");
	view_pop(v);
	if (ev->location != NULL && ev->location[0] != '\0')
		view_text(v, "location", ev->location);
	if (ev->online_url != NULL && ev->online_url[0] != '\0') {
		view_push(v, "online");
		view_attr(v, "href", ev->online_url);
		view_pop(v);
	}
	if (ev->registration_url != NULL && ev->registration_url[0] != '\0') {
		view_push(v, "registration");
		view_attr(v, "href", ev->registration_url);
		view_pop(v);
	}
	item_languages(v, "spoken", ev->spoken, ev->spokenc);
	item_languages(v, "interpretation", ev->interpreted,
	    ev->interpretedc);

	if (p->spkc > 0) {
		view_push(v, "speakers");
		for (i = 0; i < p->spkc; i++) {
			s = &p->spk[i];
			view_push(v, "speaker");
			if (s->is_chair)
				view_attr(v, "chair", "1");
			view_text(v, "name", s->name);
			if (s->role != NULL && s->role[0] != '\0')
				view_text(v, "role", s->role);
			if (s->part != NULL && s->part[0] != '\0')
				view_text(v, "part", s->part);
			if (s->org.id != 0)
				page_org_elem(r, v, &s->org);
			view_pop(v);
		}
		view_pop(v);
	}
	view_pop(v);
}

static void
item_view(struct req *r, struct view *v, const struct item_page *p)
{
	const struct item	*it = &p->it;
	size_t			 i;

	view_push(v, "article");
	view_attr(v, "kind", kind_names[it->kind]);
	view_attr(v, "key", kind_segments[it->kind]);
	view_attr(v, "lang", it->lang);
	view_attr(v, "href", page_href(r, item_path(r, it->lang, it->kind,
	    it->slug)));
	view_push(v, "listing");
	view_attr(v, "href", page_href(r, arena_printf(r->arena, "/%s/%s/",
	    r->lang, kind_segments[it->kind])));
	view_pop(v);
	view_text(v, "title", it->title);
	view_text(v, "summary", it->summary);
	page_date(r, v, "published", it->published_at);
	page_date(r, v, "updated", it->updated_at);
	if (it->byline != NULL && it->byline[0] != '\0')
		view_text(v, "byline", it->byline);
	if (it->hashtag != NULL && it->hashtag[0] != '\0')
		view_text(v, "hashtag", it->hashtag);

	item_media_role(r, v, p, MEDIA_HERO, "hero");
	view_html(v, "body", it->body_html);

	if (p->tagc > 0) {
		view_push(v, "tags");
		for (i = 0; i < p->tagc; i++) {
			view_push(v, "tag");
			view_attr(v, "slug", p->tags[i].slug);
			view_attr(v, "href", page_href(r, arena_printf(
			    r->arena, "/%s/tags/%s/", r->lang,
			    p->tags[i].slug)));
			view_attr(v, "name", p->tags[i].name);
			view_pop(v);
		}
		view_pop(v);
	}
	if (p->trc > 0) {
		view_push(v, "translations");
		for (i = 0; i < p->trc; i++) {
			view_push(v, "translation");
			view_attr(v, "lang", p->tr[i].lang);
			view_attr(v, "name", p->tr[i].lang_name);
			view_attr(v, "href", page_href(r, item_path(r,
			    p->tr[i].lang, p->tr[i].kind, p->tr[i].slug)));
			view_attr(v, "title", p->tr[i].title);
			view_pop(v);
		}
		view_pop(v);
	}

	item_media_role(r, v, p, MEDIA_ATTACHMENT, "attachments");
	item_media_role(r, v, p, MEDIA_GALLERY, "gallery");

	if (p->sigc > 0) {
		view_push(v, "signatories");
		for (i = 0; i < p->sigc; i++) {
			view_push(v, "signatory");
			view_attr(v, "role", p->sig[i].role);
			page_org_elem(r, v, &p->sig[i].org);
			page_day(r, v, "signed", p->sig[i].signed_on);
			view_pop(v);
		}
		view_pop(v);
	}
	if (p->has_event)
		item_event(r, v, p);
	view_pop(v);
}

struct view *
page_item_view(struct req *r, const struct item_page *p)
{
	const struct cfg	*cfg = r->site->cfg;
	struct view		*v;
	const char		**alt;
	size_t			 i, j;

	/* This page in each language: itself and its translations. */
	alt = arena_calloc(r->arena, cfg->langc + 1, sizeof(*alt));
	for (i = 0; i < cfg->langc; i++) {
		if (strcmp(cfg->langs[i], p->it.lang) == 0)
			alt[i] = item_path(r, p->it.lang, p->it.kind,
			    p->it.slug);
		for (j = 0; j < p->trc; j++)
			if (strcmp(cfg->langs[i], p->tr[j].lang) == 0)
				alt[i] = item_path(r, p->tr[j].lang,
				    p->tr[j].kind, p->tr[j].slug);
	}

	v = page_begin(r, "item", item_path(r, p->it.lang, p->it.kind,
	    p->it.slug), (const char *const *)alt);
	item_view(r, v, p);
	return v;
}

int
page_item_render(struct req *r, const struct item_page *p, struct out *o)
{
	return page_finish(r, "item", page_item_view(r, p), o);
}

int
page_item(struct req *r, struct out *o)
{
	struct item_page	 p;
	int			 rc, redirected = 0;

	if (r->kind >= KIND__MAX)
		return 404;
	memset(&p, 0, sizeof(p));
	if ((rc = item_load(r, &p, &redirected)) != 0 || redirected)
		return rc;
	return page_item_render(r, &p, o);
}
