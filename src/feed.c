/*
 * What the feed writers share: the clean copy of a feed that each writer
 * works from, so that no character outside XML 1.0's Char production
 * (and no byte that is not UTF-8) can reach any output, and the rewriting
 * of relative URLs inside stored HTML, which page_feed.c applies before
 * content goes into a feed.
 *
 * Nothing here writes a feed or reads the database.
 */
#include "config.h"

#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlsave.h>

#include "arena.h"
#include "feed.h"
#include "log.h"
#include "valid.h"

/* libxml2's BAD_CAST drops const, which -Wcast-qual rejects. */
#define XC(s)		((const xmlChar *)(s))

/*
 * Deepest element nesting walked when rewriting URLs.  Stored content is
 * at most 64 deep (markdown.c) and the HTML parser stops at 256, so the
 * recursion this bounds never comes near it on real input.
 */
#define FEED_HTML_MAX_DEPTH	300

/* Attributes whose values are URLs in stored HTML. */
static const char *const url_attrs[] = { "href", "src", "cite" };

#define NELEMS(a)	(sizeof(a) / sizeof((a)[0]))

/* The state of one feed_copy_clean(): where copies go, what was removed. */
struct	clean {
	struct arena	*a;
	size_t		 strings;	/* strings that lost something */
	size_t		 bytes;		/* bytes removed from them */
};

/*
 * Returns s if it holds only XML characters, else a cleaned copy in the
 * arena (counted for the log line); NULL gives dflt.
 */
static const char *
clean_str(struct clean *c, const char *s, const char *dflt)
{
	char	*copy;
	size_t	 len;

	if (s == NULL)
		return dflt;
	len = strlen(s);
	if (valid_xml_chars(s, len))
		return s;
	copy = valid_strip_xml_invalid(c->a, s, len);
	c->strings++;
	c->bytes += len - strlen(copy);
	return copy;
}

const char *
feed_xml_clean(struct arena *a, const char *s)
{
	char	*copy;
	size_t	 len;

	if (s == NULL)
		return NULL;
	len = strlen(s);
	copy = valid_strip_xml_invalid(a, s, len);
	if (strlen(copy) != len)
		log_warnx("removed %zu bytes that are not XML characters",
		    len - strlen(copy));
	return copy;
}

static void
clean_link(struct clean *c, struct feed_link *l)
{
	l->href = clean_str(c, l->href, "");
	l->hreflang = clean_str(c, l->hreflang, NULL);
	l->type = clean_str(c, l->type, NULL);
	l->title = clean_str(c, l->title, NULL);
}

static void
clean_person(struct clean *c, struct feed_person *p)
{
	p->name = clean_str(c, p->name, "");
	p->uri = clean_str(c, p->uri, NULL);
}

/*
 * Copies the n elements of size sz at src into the arena, or gives NULL
 * for none, so that the writers can change the copy.
 */
static void *
copy_array(struct arena *a, const void *src, size_t n, size_t sz)
{
	void	*dst;

	if (n == 0 || src == NULL)
		return NULL;
	dst = arena_calloc(a, n, sz);
	memcpy(dst, src, n * sz);
	return dst;
}

static void
clean_entry(struct clean *c, struct feed_entry *e, const char *lang)
{
	struct feed_event	*ev;
	size_t			 i;

	e->id = clean_str(c, e->id, "");
	e->title = clean_str(c, e->title, "");
	e->summary = clean_str(c, e->summary, "");
	e->content_html = clean_str(c, e->content_html, "");
	e->url = clean_str(c, e->url, "");
	e->lang = clean_str(c, e->lang, lang);
	if (e->lang[0] == '\0')
		e->lang = lang;

	e->categories = copy_array(c->a, e->categories, e->categoryc,
	    sizeof(*e->categories));
	if (e->categories == NULL)
		e->categoryc = 0;
	for (i = 0; i < e->categoryc; i++) {
		e->categories[i].term = clean_str(c,
		    e->categories[i].term, "");
		e->categories[i].label = clean_str(c,
		    e->categories[i].label, "");
		e->categories[i].scheme = clean_str(c,
		    e->categories[i].scheme, NULL);
	}

	e->authors = copy_array(c->a, e->authors, e->authorc,
	    sizeof(*e->authors));
	if (e->authors == NULL)
		e->authorc = 0;
	for (i = 0; i < e->authorc; i++)
		clean_person(c, &e->authors[i]);

	e->contributors = copy_array(c->a, e->contributors, e->contributorc,
	    sizeof(*e->contributors));
	if (e->contributors == NULL)
		e->contributorc = 0;
	for (i = 0; i < e->contributorc; i++)
		clean_person(c, &e->contributors[i]);

	e->enclosures = copy_array(c->a, e->enclosures, e->enclosurec,
	    sizeof(*e->enclosures));
	if (e->enclosures == NULL)
		e->enclosurec = 0;
	for (i = 0; i < e->enclosurec; i++) {
		e->enclosures[i].href = clean_str(c,
		    e->enclosures[i].href, "");
		e->enclosures[i].type = clean_str(c,
		    e->enclosures[i].type, NULL);
		e->enclosures[i].title = clean_str(c,
		    e->enclosures[i].title, NULL);
	}

	e->translations = copy_array(c->a, e->translations, e->translationc,
	    sizeof(*e->translations));
	if (e->translations == NULL)
		e->translationc = 0;
	for (i = 0; i < e->translationc; i++)
		clean_link(c, &e->translations[i]);

	if (e->event != NULL) {
		ev = arena_alloc(c->a, sizeof(*ev));
		*ev = *e->event;
		ev->tz = clean_str(c, ev->tz, NULL);
		ev->location = clean_str(c, ev->location, "");
		ev->online_url = clean_str(c, ev->online_url, NULL);
		ev->registration_url = clean_str(c, ev->registration_url,
		    NULL);
		e->event = ev;
	}
}

struct feed *
feed_copy_clean(struct arena *a, const struct feed *src)
{
	struct clean	 c;
	struct feed	*f;
	struct feed_paging *p;
	size_t		 i;

	memset(&c, 0, sizeof(c));
	c.a = a;
	f = arena_alloc(a, sizeof(*f));
	*f = *src;

	f->id = clean_str(&c, f->id, "");
	f->title = clean_str(&c, f->title, "");
	f->subtitle = clean_str(&c, f->subtitle, NULL);
	f->lang = clean_str(&c, f->lang, "");
	f->self = clean_str(&c, f->self, "");
	f->alternate = clean_str(&c, f->alternate, "");
	f->icon = clean_str(&c, f->icon, NULL);
	f->site_url = clean_str(&c, f->site_url, "");
	f->generator = clean_str(&c, f->generator, NULL);
	f->site_name = clean_str(&c, f->site_name, NULL);

	p = &f->paging;
	p->first = clean_str(&c, p->first, NULL);
	p->next = clean_str(&c, p->next, NULL);
	p->previous = clean_str(&c, p->previous, NULL);
	p->last = clean_str(&c, p->last, NULL);
	p->current = clean_str(&c, p->current, NULL);
	p->prev_archive = clean_str(&c, p->prev_archive, NULL);
	p->next_archive = clean_str(&c, p->next_archive, NULL);

	f->alternates = copy_array(a, f->alternates, f->alternatec,
	    sizeof(*f->alternates));
	if (f->alternates == NULL)
		f->alternatec = 0;
	for (i = 0; i < f->alternatec; i++)
		clean_link(&c, &f->alternates[i]);

	f->entries = copy_array(a, f->entries, f->entryc,
	    sizeof(*f->entries));
	if (f->entries == NULL)
		f->entryc = 0;
	for (i = 0; i < f->entryc; i++)
		clean_entry(&c, &f->entries[i], f->lang);

	/*
	 * Content is cleaned when it is stored, so reaching this is a bug
	 * upstream (or a database edited by hand): worth one line, not one
	 * per string.
	 */
	if (c.strings > 0)
		log_warnx("feed %s: removed %zu bytes that are not XML "
		    "characters from %zu strings", f->id, c.bytes, c.strings);
	return f;
}

/*
 * Returns 1 if s starts with a URI scheme and ':' (RFC 3986 section 3.1):
 * such a URL is absolute ("https:", "mailto:") and is left as it is.
 */
static int
has_scheme(const char *s)
{
	size_t	 i;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; s[i] != '\0'; i++) {
		if (s[i] == ':')
			return 1;
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '+' || s[i] == '-' || s[i] == '.'))
			return 0;
	}
	return 0;
}

/*
 * Returns the reference ref resolved against base as a new string the
 * caller frees with xmlFree(), or NULL if libxml2 cannot make sense of
 * it.  libxml2's resolver refuses what a browser accepts in an href,
 * spaces and raw non-ASCII (an IRI), so those bytes are percent-encoded
 * first, as a browser would before requesting the URL.
 */
static xmlChar *
resolve(const char *ref, const char *base)
{
	static const char hex[] = "0123456789ABCDEF";
	xmlChar		*res;
	char		*enc;
	size_t		 i, j, len;
	unsigned char	 ch;

	len = strlen(ref);
	if (len > (size_t)-1 / 3 - 1)
		return NULL;
	enc = malloc(len * 3 + 1);
	if (enc == NULL)
		return NULL;
	for (i = j = 0; i < len; i++) {
		ch = (unsigned char)ref[i];
		if (ch <= 0x20 || ch >= 0x7f || ch == '"' || ch == '<' ||
		    ch == '>' || ch == '\\' || ch == '^' || ch == '`' ||
		    ch == '{' || ch == '|' || ch == '}') {
			enc[j++] = '%';
			enc[j++] = hex[ch >> 4];
			enc[j++] = hex[ch & 0x0f];
		} else
			enc[j++] = (char)ch;
	}
	enc[j] = '\0';
	res = xmlBuildURI(XC(enc), XC(base));
	free(enc);
	return res;
}

/*
 * Rewrites the URL attributes of n and of its descendants against base.
 * Returns 0, or -1 if libxml2 runs out of memory.
 */
static int
absolute_tree(xmlNodePtr n, const char *base, int depth)
{
	xmlChar		*v, *abs;
	xmlNodePtr	 c;
	size_t		 i;
	int		 rc = -1;

	if (n->type != XML_ELEMENT_NODE || depth > FEED_HTML_MAX_DEPTH)
		return 0;
	for (i = 0; i < NELEMS(url_attrs); i++) {
		if ((v = xmlGetProp(n, XC(url_attrs[i]))) == NULL)
			continue;
		/*
		 * Fragments stay: they point into the item's page, which
		 * base (the site) is not, and an absolute URL or a
		 * mailto: is already what it should be.
		 */
		abs = NULL;
		if (v[0] != '#' && !has_scheme((const char *)v))
			abs = resolve((const char *)v, base);
		xmlFree(v);
		if (abs != NULL) {
			if (xmlSetProp(n, XC(url_attrs[i]), abs) == NULL) {
				xmlFree(abs);
				goto out;
			}
			xmlFree(abs);
		}
	}
	for (c = n->children; c != NULL; c = c->next)
		if (absolute_tree(c, base, depth + 1) == -1)
			goto out;
	rc = 0;
out:
	return rc;
}

char *
feed_html_absolute(struct arena *a, const char *html, const char *base)
{
	htmlDocPtr	 doc = NULL;
	xmlNodePtr	 root, body = NULL, n;
	xmlBufferPtr	 buf = NULL;
	xmlSaveCtxtPtr	 save = NULL;
	const char	*clean;
	char		*in = NULL, *rv = NULL;
	size_t		 len;

	if (html == NULL || html[0] == '\0') {
		rv = arena_strdup(a, "");
		goto out;
	}
	if (base == NULL || base[0] == '\0') {
		log_warnx("no base URL");
		goto out;
	}
	clean = feed_xml_clean(a, html);
	len = strlen(clean);
	if (len > (size_t)INT_MAX - 64) {
		log_warnx("HTML of %zu bytes refused", len);
		goto out;
	}

	/*
	 * As in markdown.c: the explicit html and body start tags put all
	 * of the fragment in the body, the input is UTF-8 whatever it says
	 * (IGNORE_ENC), and nothing is fetched (NONET).
	 */
	in = malloc(len + sizeof("<html><body>"));
	if (in == NULL) {
		log_warn("malloc");
		goto out;
	}
	memcpy(in, "<html><body>", sizeof("<html><body>") - 1);
	memcpy(in + sizeof("<html><body>") - 1, clean, len + 1);
	doc = htmlReadMemory(in, (int)(len + sizeof("<html><body>") - 1),
	    NULL, "UTF-8", HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
	if (doc == NULL) {
		log_warnx("htmlReadMemory failed");
		goto out;
	}
	if ((root = xmlDocGetRootElement(doc)) != NULL)
		for (body = root->children; body != NULL; body = body->next)
			if (body->type == XML_ELEMENT_NODE &&
			    xmlStrcmp(body->name, XC("body")) == 0)
				break;
	if (body == NULL) {
		/* Only whitespace or comments: nothing to show. */
		rv = arena_strdup(a, "");
		goto out;
	}
	if (absolute_tree(body, base, 0) == -1) {
		log_warnx("out of memory");
		goto out;
	}

	/*
	 * libxml2's XHTML serialiser writes void elements as "<br />" and
	 * other empty ones with an end tag ("<p></p>"), so the result reads
	 * the same as HTML and as XML; UTF-8 keeps non-ASCII text as it is
	 * instead of turning it into character references.
	 */
	if ((buf = xmlBufferCreate()) == NULL ||
	    (save = xmlSaveToBuffer(buf, "UTF-8",
	    XML_SAVE_XHTML | XML_SAVE_NO_DECL)) == NULL) {
		log_warnx("out of memory");
		goto out;
	}
	for (n = body->children; n != NULL; n = n->next)
		if (xmlSaveTree(save, n) == -1) {
			log_warnx("xmlSaveTree failed");
			goto out;
		}
	if (xmlSaveClose(save) == -1) {
		save = NULL;
		log_warnx("xmlSaveClose failed");
		goto out;
	}
	save = NULL;
	rv = arena_strndup(a, (const char *)xmlBufferContent(buf),
	    (size_t)xmlBufferLength(buf));
out:
	if (save != NULL)
		xmlSaveClose(save);
	xmlBufferFree(buf);
	xmlFreeDoc(doc);
	free(in);
	return rv;
}
