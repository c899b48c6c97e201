/*
 * Unit tests of view documents and rendering: values are escaped by the
 * serialiser, characters XML cannot carry are dropped, stored HTML is
 * grafted as nodes (or shown as text when it does not parse, never
 * executed as markup), entities are not expanded, and the real templates
 * compile and turn a view into an HTML5 page in the reader's language.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "broadside.h"
#include "cfg.h"
#include "check.h"
#include "log.h"
#include "out.h"
#include "page.h"
#include "render.h"
#include "view.h"

int	main(void);

/* Dumps v as XML into a new NUL-terminated string (caller frees). */
static char *
dump(struct view *v)
{
	struct out	*o;
	char		*s;

	o = out_new();
	view_dump(v, o);
	s = strdup(o->buf);
	out_free(o);
	return s;
}

static void
test_values(void)
{
	struct view	*v;
	char		*s;

	v = view_new("page");
	view_attr(v, "a", "x\"<y>&");
	view_attr(v, "skipped", NULL);
	view_text(v, "t", "<script>alert(1)</script> & more");
	view_text(v, "none", NULL);
	view_int(v, "n", -42);
	view_time(v, "at", 1626876000);
	view_time(v, "never", 0);
	view_push(v, "outer");
	view_push(v, "inner");
	view_content(v, "deep");
	view_pop(v);
	view_pop(v);
	view_pop(v);		/* at the root already: stays */
	view_text(v, "after", "root child");
	s = dump(v);
	CHECK(strstr(s, "a=\"x&quot;&lt;y&gt;&amp;\"") != NULL);
	CHECK(strstr(s, "skipped") == NULL);
	CHECK(strstr(s, "<t>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "
	    "more</t>") != NULL);
	CHECK(strstr(s, "<none") == NULL);
	CHECK(strstr(s, "<n>-42</n>") != NULL);
	CHECK(strstr(s, "<at>2021-07-21T14:00:00Z</at>") != NULL);
	CHECK(strstr(s, "<never") == NULL);
	CHECK(strstr(s, "<outer>") != NULL &&
	    strstr(s, "<inner>deep</inner>") != NULL);
	CHECK(strstr(s, "</outer>") < strstr(s, "<after>"));
	free(s);
	view_free(v);
	view_free(NULL);
}

static void
test_bad_characters(void)
{
	struct view	*v;
	char		*s;

	v = view_new("page");
	/* C0 controls, a lone continuation byte, U+FFFE, a surrogate. */
	view_text(v, "t", "a\001b\002c\x80" "d\xef\xbf\xbe" "e\xed\xa0\x80" "f");
	view_attr(v, "x", "1\0332");
	view_text(v, "ok", "tab\there, caf\xc3\xa9, \xf0\x9f\x98\x80");
	s = dump(v);
	CHECK(strstr(s, "<t>abcdef</t>") != NULL);
	CHECK(strstr(s, "x=\"12\"") != NULL);
	CHECK(strstr(s, "caf\xc3\xa9") != NULL);
	CHECK(strstr(s, "\xf0\x9f\x98\x80") != NULL);
	free(s);
	view_free(v);
}

static void
test_html(void)
{
	struct view	*v;
	char		*s;

	log_init("test_view");
	v = view_new("page");
	view_html(v, "good", "<p>One <em>two</em> &amp; &#233; "
	    "<a href=\"https://example.org/?a=1&amp;b=2\">link</a></p><hr/>");
	/* Not well-formed: shown as text, so its markup cannot act. */
	view_html(v, "broken", "<p>open <script>x</p>");
	/* Entities are never resolved; an undefined one fails the parse. */
	view_html(v, "entity", "<p>&nbsp;&xxe;</p>");
	/* A stored fragment cannot smuggle a document type in. */
	view_html(v, "doctype", "<!DOCTYPE x [<!ENTITY e SYSTEM "
	    "\"file:///etc/passwd\">]><p>&e;</p>");
	view_html(v, "empty", "");
	view_html(v, "null", NULL);
	s = dump(v);
	CHECK(strstr(s, "<p>One <em>two</em> &amp; \xc3\xa9 <a "
	    "href=\"https://example.org/?a=1&amp;b=2\">link</a></p>") != NULL);
	CHECK(strstr(s, "<hr/>") != NULL);
	CHECK(strstr(s, "<broken>&lt;p&gt;open &lt;script&gt;x&lt;/p&gt;"
	    "</broken>") != NULL);
	CHECK(strstr(s, "<entity>&lt;p&gt;&amp;nbsp;") != NULL);
	CHECK(strstr(s, "root:") == NULL);
	CHECK(strstr(s, "<doctype>&lt;!DOCTYPE") != NULL);
	CHECK(strstr(s, "<empty/>") != NULL);
	CHECK(strstr(s, "<null") == NULL);
	free(s);
	view_free(v);
}

/* A configuration good enough for the page helpers. */
static void
fake_cfg(struct cfg *cfg, char *dir)
{
	static char	 en[] = "en", fr[] = "fr";

	memset(cfg, 0, sizeof(*cfg));
	cfg->site_name = (char *)(uintptr_t)"Test <Site>";
	cfg->site_tagline = NULL;
	cfg->base_url = (char *)(uintptr_t)"https://example.org/news";
	cfg->langs[0] = en;
	cfg->langs[1] = fr;
	cfg->langc = 2;
	cfg->default_lang = en;
	cfg->page_size = 10;
	cfg->cache_seconds = 60;
	cfg->templates_dir = dir;
	cfg->static_url = (char *)(uintptr_t)"/static";
	cfg->media_url = (char *)(uintptr_t)"/media";
}

static void
test_render(void)
{
	struct cfg	 cfg;
	struct site	 site;
	struct req	 r;
	struct arena	*a;
	struct out	*o;
	struct view	*v;
	const char	*top;
	char		 dir[4096];

	if ((top = getenv("top_srcdir")) == NULL)
		top = ".";
	snprintf(dir, sizeof(dir), "%s/templates", top);
	fake_cfg(&cfg, dir);
	memset(&site, 0, sizeof(site));
	site.cfg = &cfg;
	site.tmpl = render_load(dir);
	CHECK(site.tmpl != NULL);
	if (site.tmpl == NULL)
		return;
	CHECK(render_load("/nonexistent") == NULL);

	a = arena_new();
	o = out_new();

	/* The error page, in French, without any database. */
	memset(&r, 0, sizeof(r));
	r.arena = a;
	r.site = &site;
	r.lang = "fr";
	r.path = "/fr/<nope>";
	CHECK(page_error(&r, 404, o) == 0);
	CHECK(r.resp.status == 404);
	CHECK(strncmp(o->buf, "<!DOCTYPE html>\n<html lang=\"fr\"", 31) == 0);
	CHECK(strstr(o->buf, "Page introuvable") != NULL);
	CHECK(strstr(o->buf, "Test &lt;Site&gt;") != NULL);
	CHECK(strstr(o->buf, "href=\"/news/fr/\"") != NULL);
	CHECK(strstr(o->buf, "xmlns") == NULL);
	CHECK(strstr(o->buf, "<main id=\"main\"") != NULL);

	/* 503 asks to come back, and is never cached. */
	out_reset(o);
	memset(&r, 0, sizeof(r));
	r.arena = a;
	r.site = &site;
	CHECK(page_error(&r, 503, o) == 0);
	CHECK(r.resp.retry_after == 30 && r.resp.no_store);
	CHECK(strstr(o->buf, "lang=\"en\"") != NULL);
	CHECK(strstr(o->buf, "Temporarily unavailable") != NULL);

	/* Hostile text in a view stays text in the page. */
	out_reset(o);
	r.lang = "en";
	r.page = PAGE_ITEM;
	r.kind = KIND_NEWS;
	v = page_begin_nodb(&r, "item", "/en/news/x", NULL);
	view_push(v, "article");
	view_attr(v, "kind", "news");
	view_attr(v, "key", "news");
	view_text(v, "title", "<script>alert(1)</script>");
	view_html(v, "body", "<p onclick=\"x\">kept as stored</p>");
	view_pop(v);
	CHECK(page_finish(&r, "item", v, o) == 0);
	CHECK(strstr(o->buf, "<script>") == NULL);
	CHECK(strstr(o->buf, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(o->buf, "<p onclick=\"x\">kept as stored</p>") != NULL);
	CHECK(strstr(o->buf, "<link rel=\"canonical\" "
	    "href=\"https://example.org/news/en/news/x\">") != NULL);

	/* An unknown template is an error, and writes nothing. */
	out_reset(o);
	v = view_new("page");
	CHECK(render_page(site.tmpl, "nope", v, o) == -1);
	CHECK(o->len == 0);
	view_free(v);

	out_free(o);
	arena_free(a);
	render_free(site.tmpl);
	render_free(NULL);
}

int
main(void)
{
	test_values();
	test_bad_characters();
	test_html();
	test_render();
	return CHECK_DONE();
}
