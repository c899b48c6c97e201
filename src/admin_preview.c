/*
 * Previews: an item rendered by the public item page's own code
 * (page_item_view() and templates/item.xsl) from its saved state or from
 * the edit form's unsaved one, with a banner saying what it is; and
 * preview links, which let a partner organisation read an item's saved
 * state without an account.
 *
 * A preview link is a bearer secret: a random token (auth_token_new) in
 * the URL, of which the database keeps only the hash.  It is shown once,
 * on the page that created it, and never logged, audited or redirected
 * to.  A link that is unknown, expired, revoked or whose item is
 * archived answers the same 404, so a page never tells which; the log
 * says why.  Nothing here writes an item: previews save nothing.
 *
 * Pages rendered with item.xsl get the public pages' Content Security
 * Policy (no script at all) and, like every admin page, no-store.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "admin.h"
#include "admin_edit.h"
#include "admin_preview.h"
#include "arena.h"
#include "auth.h"
#include "broadside.h"
#include "cfg.h"
#include "db.h"
#include "db_preview.h"
#include "db_user.h"
#include "item_edit.h"
#include "log.h"
#include "markdown.h"
#include "page.h"
#include "slug.h"
#include "valid.h"
#include "view.h"
#include "workflow.h"

#define PREVIEW_NOTE_MAX	200	/* characters: preview_links.note */
#define PREVIEW_DAYS_MAX	365

/* Which preview a banner announces. */
enum	preview_mode {
	PREVIEW_SAVED,		/* an editor's, of the saved state */
	PREVIEW_FORM,		/* an editor's, of the form's unsaved state */
	PREVIEW_LINK,		/* a partner's, through a preview link */
	PREVIEW__MAX
};

static const char *const preview_modes[PREVIEW__MAX] = {
	"saved",		/* PREVIEW_SAVED */
	"form",			/* PREVIEW_FORM */
	"link",			/* PREVIEW_LINK */
};

static const char *const status_names[STATUS__MAX] = {
	"draft",		/* STATUS_DRAFT */
	"review",		/* STATUS_REVIEW */
	"published",		/* STATUS_PUBLISHED */
	"archived",		/* STATUS_ARCHIVED */
};

static const char *const months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* What the banner above a preview says besides the item's status. */
struct	banner {
	enum preview_mode	 mode;
	time_t			 now;
	time_t			 expires;	/* PREVIEW_LINK */
	const struct edit_error	*errs;		/* PREVIEW_FORM */
	size_t			 errc;
};

/* Answers 503 for a lost database, else 500 (the failure is logged). */
static int
preview_db_error(const struct admin *a)
{
	return db_is_down(a->site->db) ? 503 : 500;
}

/*
 * An instant as the admin's English prose says it, "2 December 2026,
 * 14:00 UTC", in the arena.
 */
static const char *
preview_date(struct arena *ar, time_t t)
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL || tm.tm_mon < 0 || tm.tm_mon > 11)
		return "";
	return arena_printf(ar, "%d %s %d, %02d:%02d UTC", tm.tm_mday,
	    months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
}

/* Adds <name datetime="RFC 3339">English date</name>. */
static void
preview_date_elem(struct admin *a, struct view *v, const char *name,
    time_t t)
{
	struct tm	 tm;

	if (t == 0 || gmtime_r(&t, &tm) == NULL)
		return;
	view_push(v, name);
	view_attr(v, "datetime", arena_printf(a->r->arena,
	    "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec));
	view_content(v, preview_date(a->r->arena, t));
	view_pop(v);
}

/* The server's clock, which decides visibility; ours if it cannot. */
static time_t
preview_now(const struct admin *a)
{
	time_t	 now;

	if (db_now(a->site->db, &now) != 0)
		now = time(NULL);
	return now;
}

/*
 * Returns 1 if the signed-in user may see an item in the admin, which is
 * who may edit it: administrators and editors, authors their own items,
 * translators items in their languages.
 */
static int
preview_may_view(const struct admin *a, long long author_id,
    const char *lang)
{
	return workflow_may_see(a->user.role, author_id != 0 &&
	    author_id == a->user.id, lang != NULL && admin_may_lang(a, lang));
}

/*
 * Returns 1 if the signed-in user may create and revoke preview links of
 * an item: administrators, editors and the item's author.  A translator
 * does not decide who outside the newsroom reads a draft.
 */
static int
preview_may_share(const struct admin *a, long long author_id)
{
	if (admin_is_editor(a))
		return 1;
	return a->user.role == ROLE_AUTHOR && author_id != 0 &&
	    author_id == a->user.id;
}

static int
tag_cmp(const void *p1, const void *p2)
{
	const struct tag	*t1 = p1, *t2 = p2;

	return strcasecmp(t1->name, t2->name);
}

/* The tags of e as the page links them: existing ones by their slug. */
static int
preview_tags(struct admin *a, const struct item_edit *e, struct item_page *p)
{
	struct arena	*ar = a->r->arena;
	struct tag	*t;
	size_t		 i;
	int		 rc;

	if (e->tagc == 0)
		return 0;
	p->tags = arena_calloc(ar, e->tagc, sizeof(*p->tags));
	for (i = 0; i < e->tagc; i++) {
		if (e->tags[i] == NULL || e->tags[i][0] == '\0')
			continue;
		t = &p->tags[p->tagc];
		rc = db_preview_tag(a->site->db, ar, e->lang, e->tags[i], t);
		if (rc == -1)
			return -1;
		if (rc == 0) {
			/* A new tag: the slug its save will derive. */
			t->lang = e->lang;
			t->name = e->tags[i];
			t->slug = slug_derive(ar, e->tags[i], 0);
			if (t->slug[0] == '\0')
				continue;
		}
		p->tagc++;
	}
	/* As the public page lists them (STMT_ITEM_TAGS). */
	qsort(p->tags, p->tagc, sizeof(*p->tags), tag_cmp);
	return 0;
}

/* The files of e with their stored details and e's own texts. */
static int
preview_media(struct admin *a, const struct item_edit *e,
    struct item_page *p)
{
	const struct edit_media	*em;
	struct media		*m;
	size_t			 i;
	int			 rc;

	if (e->mediac == 0)
		return 0;
	p->media = arena_calloc(a->r->arena, e->mediac, sizeof(*p->media));
	for (i = 0; i < e->mediac; i++) {
		em = &e->media[i];
		m = &p->media[p->mediac];
		rc = db_preview_media(a->site->db, a->r->arena, em->media_id,
		    m);
		if (rc == -1)
			return -1;
		if (rc == 0) {
			log_warnx("item %lld: file %lld is gone, not shown",
			    e->id, em->media_id);
			continue;
		}
		m->role = em->role;
		/* As STMT_ITEM_MEDIA: the item's text, else the file's. */
		if (em->alt != NULL)
			m->alt = em->alt;
		if (em->caption != NULL)
			m->caption = em->caption;
		if (em->credit != NULL)
			m->credit = em->credit;
		p->mediac++;
	}
	return 0;
}

static int
preview_signatories(struct admin *a, const struct item_edit *e,
    struct item_page *p)
{
	struct signatory	*s;
	size_t			 i;
	int			 rc;

	if (e->sigc == 0)
		return 0;
	p->sig = arena_calloc(a->r->arena, e->sigc, sizeof(*p->sig));
	for (i = 0; i < e->sigc; i++) {
		s = &p->sig[p->sigc];
		rc = db_preview_org(a->site->db, a->r->arena,
		    e->sigs[i].org_id, &s->org);
		if (rc == -1)
			return -1;
		if (rc == 0)
			continue;
		s->role = e->sigs[i].role != NULL && e->sigs[i].role[0] !=
		    '\0' ? e->sigs[i].role : "co-signatory";
		s->signed_on = e->sigs[i].signed_on;
		p->sigc++;
	}
	return 0;
}

static int
preview_event(struct admin *a, const struct item_edit *e,
    struct item_page *p)
{
	const struct edit_speaker	*es;
	struct speaker			*s;
	size_t				 i;
	int				 rc;

	/* An event without a start cannot say when; the page leaves it. */
	if (e->starts_at == 0)
		return 0;
	p->has_event = 1;
	p->ev.starts_at = e->starts_at;
	p->ev.ends_at = e->ends_at;
	p->ev.tz = e->tz;
	p->ev.location = e->location;
	p->ev.online_url = e->online_url;
	p->ev.registration_url = e->registration_url;
	p->ev.spoken = e->spoken;
	p->ev.spokenc = e->spokenc;
	p->ev.interpreted = e->interpreted;
	p->ev.interpretedc = e->interpretedc;
	p->it.starts_at = e->starts_at;
	p->it.ends_at = e->ends_at;
	p->it.tz = e->tz;
	p->it.location = e->location;
	if (e->speakerc == 0)
		return 0;
	p->spk = arena_calloc(a->r->arena, e->speakerc, sizeof(*p->spk));
	for (i = 0; i < e->speakerc; i++) {
		es = &e->speakers[i];
		if (es->name == NULL || es->name[0] == '\0')
			continue;
		s = &p->spk[p->spkc++];
		s->name = es->name;
		s->role = es->role;
		s->part = es->part;
		s->is_chair = es->is_chair;
		if (es->org_id <= 0)
			continue;
		rc = db_preview_org(a->site->db, a->r->arena, es->org_id,
		    &s->org);
		if (rc == -1)
			return -1;
		if (rc == 0)
			memset(&s->org, 0, sizeof(s->org));
	}
	return 0;
}

/*
 * Makes the item page of e as its public page will show it: the body
 * rendered from its Markdown as a save renders it (markdown_render(),
 * the same renderer and allow-list), its files, organisations and tags
 * completed from the database, its translations the visible ones.  An
 * unpublished item shows now as its publication date, as it would if
 * published now.  Sets *body_failed if the body could not be rendered.
 * Returns 0 or -1.
 */
static int
preview_build(struct admin *a, const struct item_edit *e, time_t now,
    struct item_page *p, int *body_failed)
{
	struct arena	*ar = a->r->arena;
	struct item	*it = &p->it;
	const char	*md;
	char		*html;

	memset(p, 0, sizeof(*p));
	*body_failed = 0;
	it->id = e->id;
	it->kind = e->kind;
	it->lang = e->lang;
	it->group_id = e->group_id;
	it->title = e->title != NULL ? e->title : "";
	it->summary = e->summary != NULL ? e->summary : "";
	it->slug = e->slug;
	if (it->slug == NULL || it->slug[0] == '\0')
		it->slug = slug_derive(ar, it->title, 0);
	if (it->slug[0] == '\0')
		it->slug = "preview";
	it->hashtag = e->hashtag;
	it->byline = e->byline;
	it->entry_id = e->entry_id;
	it->version = e->version;
	it->published_at = e->published_at != 0 ? e->published_at : now;
	it->updated_at = e->updated_at != 0 ? e->updated_at : now;

	md = e->body_md != NULL ? e->body_md : "";
	if ((html = markdown_render(md, strlen(md))) == NULL) {
		log_warnx("item %lld: the body does not render", e->id);
		*body_failed = 1;
		it->body_html = "";
	} else {
		it->body_html = arena_strdup(ar, html);
		free(html);
	}

	if (e->group_id > 0 && db_item_translations(a->site->db, ar, it,
	    &p->tr, &p->trc) != 0)
		return -1;
	if (preview_tags(a, e, p) != 0 || preview_media(a, e, p) != 0)
		return -1;
	if (e->kind == KIND_STATEMENT && preview_signatories(a, e, p) != 0)
		return -1;
	if (e->kind == KIND_EVENT && preview_event(a, e, p) != 0)
		return -1;
	return 0;
}

/*
 * Adds the banner's view at the root of the page:
 *
 *   <preview mode="saved|form|link" status="draft|..." scheduled="1"?>
 *     <published datetime="">English date</published>   scheduled only
 *     <expires datetime="">English date</expires>       links only
 *     <edit href=""/>                                   saved only
 *     <body-failed/>                                    if it did
 *     <problems><problem field="">why</problem></problems>  form only
 *   </preview>
 *
 * layout.xsl shows it above the page and marks the page noindex.
 */
static void
preview_banner(struct admin *a, struct view *v, const struct item_edit *e,
    const struct banner *b, int body_failed)
{
	int	 scheduled;
	size_t	 i;

	scheduled = e->status == STATUS_PUBLISHED && e->published_at > b->now;
	view_push(v, "preview");
	view_attr(v, "mode", preview_modes[b->mode]);
	if (e->status < STATUS__MAX)
		view_attr(v, "status", status_names[e->status]);
	if (scheduled) {
		view_attr(v, "scheduled", "1");
		preview_date_elem(a, v, "published", e->published_at);
	}
	if (b->mode == PREVIEW_LINK)
		preview_date_elem(a, v, "expires", b->expires);
	if (b->mode == PREVIEW_SAVED && e->id > 0) {
		view_push(v, "edit");
		view_attr(v, "href", arena_printf(a->r->arena,
		    "%s/admin/items/%lld", a->site->cfg->base_url, e->id));
		view_pop(v);
	}
	if (body_failed) {
		view_push(v, "body-failed");
		view_pop(v);
	}
	if (b->errc > 0) {
		view_push(v, "problems");
		for (i = 0; i < b->errc; i++) {
			view_push(v, "problem");
			view_attr(v, "field", b->errs[i].field);
			view_content(v, b->errs[i].message);
			view_pop(v);
		}
		view_pop(v);
	}
	view_pop(v);
}

/* Renders e as its public page with the banner b. */
static int
preview_render(struct admin *a, struct out *o, const struct item_edit *e,
    const struct banner *b)
{
	struct req		*r = a->r;
	struct item_page	 p;
	struct view		*v;
	int			 body_failed;

	if (preview_build(a, e, b->now, &p, &body_failed) != 0)
		return preview_db_error(a);

	/* The page's navigation, feeds and links are the item's. */
	r->page = PAGE_ITEM;
	r->lang = p.it.lang;
	r->kind = p.it.kind;
	r->slug = p.it.slug;
	v = page_item_view(r, &p);
	preview_banner(a, v, e, b, body_failed);

	/*
	 * Whatever page_begin() said about caching, a draft is never kept
	 * by a browser or a proxy.  The policy is the public pages' own:
	 * these pages have no script at all.
	 */
	r->resp.max_age = 0;
	r->resp.no_store = 1;
	r->resp.csp = NULL;
	return page_finish(r, "item", v, o);
}

/* Returns 1 if lang is one of the site's languages. */
static int
preview_lang_ok(const struct admin *a, const char *lang)
{
	const struct cfg	*cfg = a->site->cfg;
	size_t			 i;

	if (lang == NULL)
		return 0;
	for (i = 0; i < cfg->langc; i++)
		if (strcmp(cfg->langs[i], lang) == 0)
			return 1;
	return 0;
}

int
admin_item_preview(struct admin *a, struct out *o)
{
	struct item_edit	 e;
	struct banner		 b;
	int			 rc;

	memset(&e, 0, sizeof(e));
	rc = db_edit_load(a->site->db, a->r->arena, a->id, &e);
	if (rc == -1)
		return preview_db_error(a);
	if (rc == 0)
		return 404;
	if (!preview_may_view(a, e.author_id, e.lang)) {
		log_warnx("user %lld may not preview item %lld", a->user.id,
		    a->id);
		return 403;
	}
	memset(&b, 0, sizeof(b));
	b.mode = PREVIEW_SAVED;
	b.now = preview_now(a);
	return preview_render(a, o, &e, &b);
}

int
admin_item_preview_post(struct admin *a, struct out *o)
{
	struct item_edit	 e;
	struct edit_error	*errs = NULL;
	struct banner		 b;
	const char		*s;
	int			 rc;

	memset(&e, 0, sizeof(e));
	if (a->id > 0) {
		rc = db_edit_load(a->site->db, a->r->arena, a->id, &e);
		if (rc == -1)
			return preview_db_error(a);
		if (rc == 0)
			return 404;
		if (!preview_may_view(a, e.author_id, e.lang)) {
			log_warnx("user %lld may not preview item %lld",
			    a->user.id, a->id);
			return 403;
		}
	} else {
		/* A new item: its kind and language come with the form. */
		s = admin_form(a, "kind");
		e.kind = s == NULL ? KIND__MAX : kind_from_name(s);
		if (e.kind == KIND__MAX && s != NULL)
			e.kind = kind_from_segment(s);
		e.lang = admin_form(a, "lang");
		if (e.kind == KIND__MAX || !preview_lang_ok(a, e.lang)) {
			log_warnx("preview of a new item: bad kind or "
			    "language");
			return admin_error(a, o, 400, "The form does not say "
			    "which kind of item and which language this is.");
		}
		if (!admin_may_lang(a, e.lang)) {
			log_warnx("user %lld may not write in %s", a->user.id,
			    e.lang);
			return 403;
		}
		e.status = STATUS_DRAFT;
		e.author_id = a->user.id;
	}

	memset(&b, 0, sizeof(b));
	b.mode = PREVIEW_FORM;
	b.now = preview_now(a);
	/* Whatever does not validate is listed, the rest shown. */
	b.errc = admin_edit_parse(a, &e, &errs);
	b.errs = errs;
	if (!preview_lang_ok(a, e.lang)) {
		log_warnx("item %lld: preview in an unknown language", e.id);
		return admin_error(a, o, 400, "The item's language is not "
		    "one of the site's.");
	}
	if (e.kind >= KIND__MAX) {
		log_warnx("item %lld: preview of an unknown kind", e.id);
		return admin_error(a, o, 400, "The item's kind is unknown.");
	}
	return preview_render(a, o, &e, &b);
}

int
admin_preview_show(struct admin *a, struct out *o)
{
	unsigned char		 hash[AUTH_TOKEN_HASH_LEN];
	struct preview_link	 l;
	struct item_edit	 e;
	struct banner		 b;
	int			 rc;

	/* Each refusal is the same 404; only the log tells them apart. */
	if (a->token == NULL || auth_token_hash(a->token, hash) == -1) {
		log_warnx("preview link refused: not a token");
		return 404;
	}
	rc = db_preview_find(a->site->db, a->r->arena, hash, &l);
	if (rc == -1)
		return preview_db_error(a);
	if (rc == 0) {
		log_warnx("preview link refused: unknown token");
		return 404;
	}
	if (l.revoked_at != 0) {
		log_warnx("preview link %lld refused: revoked", l.id);
		return 404;
	}
	if (!l.live) {
		log_warnx("preview link %lld refused: expired", l.id);
		return 404;
	}
	memset(&e, 0, sizeof(e));
	rc = db_edit_load(a->site->db, a->r->arena, l.item_id, &e);
	if (rc == -1)
		return preview_db_error(a);
	if (rc == 0 || e.status == STATUS_ARCHIVED) {
		log_warnx("preview link %lld refused: item %lld %s", l.id,
		    l.item_id, rc == 0 ? "is gone" : "is archived");
		return 404;
	}
	/* Worth knowing, but not worth refusing the partner for. */
	if (db_preview_use(a->site->db, l.id) != 0)
		log_warnx("preview link %lld: use not recorded", l.id);

	memset(&b, 0, sizeof(b));
	b.mode = PREVIEW_LINK;
	b.now = preview_now(a);
	b.expires = l.expires_at;
	return preview_render(a, o, &e, &b);
}

/* Adds <name>RFC 3339</name> for a time, nothing for 0. */
static void
links_time(struct view *v, const char *name, time_t t)
{
	if (t != 0)
		view_time(v, name, t);
}

/*
 * The links of an item, with may_share (-1: find out from the item).
 */
static void
links_view(struct admin *a, struct view *v, long long item_id,
    int may_share)
{
	struct preview_item	 pi;
	struct preview_link	*l = NULL;
	size_t			 n = 0, i;
	const char		*base = a->site->cfg->base_url;
	int			 rc;

	view_push(v, "previews");
	view_attr_int(v, "item", item_id);
	view_attr(v, "action", arena_printf(a->r->arena,
	    "%s/admin/items/%lld/previews", base, item_id));
	view_attr_int(v, "days", admin_setting_num(a, "preview_days", 1, 365,
	    a->site->cfg->preview_days));
	if (may_share < 0) {
		rc = db_preview_item(a->site->db, a->r->arena, item_id, &pi);
		may_share = rc == 1 && preview_may_share(a, pi.author_id);
		if (rc == -1) {
			view_attr(v, "error", "1");
			view_pop(v);
			return;
		}
	}
	if (may_share)
		view_attr(v, "may-share", "1");
	if (db_preview_list(a->site->db, a->r->arena, item_id, &l, &n) != 0) {
		view_attr(v, "error", "1");
		view_pop(v);
		return;
	}
	for (i = 0; i < n; i++) {
		view_push(v, "preview-link");
		view_attr_int(v, "id", l[i].id);
		view_attr(v, "note", l[i].note);
		view_attr(v, "by", l[i].created_by_name);
		view_attr(v, "state", l[i].revoked_at != 0 ? "revoked" :
		    !l[i].live ? "expired" : "live");
		if (may_share && l[i].revoked_at == 0 && l[i].live)
			view_attr(v, "revoke", arena_printf(a->r->arena,
			    "%s/admin/items/%lld/previews/%lld/revoke", base,
			    item_id, l[i].id));
		links_time(v, "created", l[i].created_at);
		links_time(v, "expires", l[i].expires_at);
		links_time(v, "revoked", l[i].revoked_at);
		links_time(v, "last-used", l[i].last_used_at);
		view_pop(v);
	}
	view_pop(v);
}

void
admin_preview_links_view(struct admin *a, struct view *v, long long item_id)
{
	links_view(a, v, item_id, -1);
}

/*
 * Replaces tabs and line breaks of a one-line field with spaces and trims
 * it.  Returns a new arena string.
 */
static const char *
preview_one_line(struct arena *ar, const char *s)
{
	char	*c, *p;
	size_t	 len;

	c = arena_strdup(ar, s != NULL ? s : "");
	for (p = c; *p != '\0'; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	for (p = c; *p == ' '; p++)
		continue;
	len = strlen(p);
	while (len > 0 && p[len - 1] == ' ')
		p[--len] = '\0';
	return p;
}

int
admin_preview_link_post(struct admin *a, struct out *o)
{
	char			 token[AUTH_TOKEN_LEN + 1];
	unsigned char		 hash[AUTH_TOKEN_HASH_LEN];
	struct preview_item	 pi;
	struct preview_link	 l;
	struct view		*v;
	const char		*note, *days_s, *base;
	long long		 days = admin_setting_num(a, "preview_days", 1,
				    365, a->site->cfg->preview_days);
	int			 rc, bad = 0;

	base = a->site->cfg->base_url;
	rc = db_preview_item(a->site->db, a->r->arena, a->id, &pi);
	if (rc == -1)
		return preview_db_error(a);
	if (rc == 0)
		return 404;
	if (!preview_may_share(a, pi.author_id)) {
		log_warnx("user %lld (%s) may not share item %lld of "
		    "user %lld", a->user.id, role_names[a->user.role],
		    a->id, pi.author_id);
		return 403;
	}

	v = admin_view_new(a, "items");
	view_push(v, "item");
	view_attr_int(v, "id", pi.id);
	view_attr(v, "lang", pi.lang);
	view_attr(v, "status", pi.status);
	view_attr(v, "href", arena_printf(a->r->arena, "%s/admin/items/%lld",
	    base, pi.id));
	view_content(v, pi.title);
	view_pop(v);

	note = preview_one_line(a->r->arena, admin_form(a, "note"));
	days_s = admin_form(a, "days");
	view_push(v, "errors");
	if (!valid_text(note, PREVIEW_NOTE_MAX)) {
		admin_field_error(v, "preview-note", "Say who the link is "
		    "for in 200 characters or fewer.");
		bad = 1;
	}
	if (days_s != NULL && days_s[0] != '\0' &&
	    !valid_int(days_s, 1, PREVIEW_DAYS_MAX, &days)) {
		admin_field_error(v, "preview-days", "Enter a number of days "
		    "from 1 to 365.");
		bad = 1;
	}
	if (pi.status != NULL && strcmp(pi.status, "archived") == 0) {
		admin_field_error(v, "", "This item is archived: restore it "
		    "before sharing a preview.");
		bad = 1;
	}
	view_pop(v);

	if (bad) {
		log_warnx("item %lld: preview link refused: invalid form",
		    a->id);
		view_push(v, "share-form");
		view_attr(v, "note", note);
		view_attr(v, "days", days_s);
		view_pop(v);
		links_view(a, v, a->id, 1);
		a->r->resp.status = 422;
		return admin_render(a, "admin-preview", v, o);
	}

	auth_token_new(token);
	if (auth_token_hash(token, hash) != 0 ||
	    db_preview_create(a->site->db, a->r->arena, a->id, hash, note,
	    a->user.id, (unsigned int)days, &l) != 0) {
		sodium_memzero(token, sizeof(token));
		view_free(v);
		return preview_db_error(a);
	}
	admin_audit(a, "preview-link", "item", a->id,
	    "preview link %lld for \"%s\", expires %s", l.id, l.note,
	    preview_date(a->r->arena, l.expires_at));

	/* The only time the token leaves this program. */
	view_push(v, "new-link");
	view_attr_int(v, "id", l.id);
	view_attr(v, "url", arena_printf(a->r->arena, "%s/admin/preview/%s",
	    base, token));
	view_attr(v, "note", l.note);
	preview_date_elem(a, v, "expires", l.expires_at);
	view_pop(v);
	sodium_memzero(token, sizeof(token));
	links_view(a, v, a->id, 1);
	return admin_render(a, "admin-preview", v, o);
}

int
admin_preview_revoke_post(struct admin *a, struct out *o)
{
	struct preview_item	 pi;
	struct preview_link	 l;
	int			 rc;

	(void)o;
	rc = db_preview_item(a->site->db, a->r->arena, a->id, &pi);
	if (rc == -1)
		return preview_db_error(a);
	if (rc == 0)
		return 404;
	if (!preview_may_share(a, pi.author_id)) {
		log_warnx("user %lld may not revoke links of item %lld",
		    a->user.id, a->id);
		return 403;
	}
	rc = db_preview_get(a->site->db, a->r->arena, a->id2, &l);
	if (rc == -1)
		return preview_db_error(a);
	if (rc == 0 || l.item_id != a->id) {
		log_warnx("item %lld has no preview link %lld", a->id, a->id2);
		return 404;
	}
	rc = db_preview_revoke(a->site->db, a->id, l.id);
	if (rc == -1)
		return preview_db_error(a);
	/* Revoking a revoked link again changes nothing and says so. */
	if (rc == 1)
		admin_audit(a, "preview-revoke", "item", a->id,
		    "preview link %lld for \"%s\" revoked", l.id, l.note);
	return admin_redirect(a, arena_printf(a->r->arena,
	    "/admin/items/%lld?done=revoked", a->id));
}
