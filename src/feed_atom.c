/*
 * Atom 1.0 (RFC 4287) with the paging and archive links of RFC 5005,
 * written with libxml2's xmlTextWriter straight into a struct out.  The
 * writer escapes every text and attribute value, so no markup is ever
 * concatenated here; the strings it is given come from feed_copy_clean(),
 * so none holds a character XML cannot carry.
 *
 * The document is a function of the struct feed alone: no clock, no
 * locale, no database.  Equal feeds give equal bytes, which ETags need.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "arena.h"
#include "feed.h"
#include "feed_xml.h"
#include "log.h"
#include "out.h"
#include "tz.h"

#define ATOM_NS		"http://www.w3.org/2005/Atom"
#define FH_NS		"http://purl.org/syndication/history/1.0"
#define ATOM_TYPE	"application/atom+xml"
#define HTML_TYPE	"text/html"

/* Writes a date construct: RFC 3339 in UTC, "2021-07-12T09:00:00Z". */
static int
el_date(xmlTextWriterPtr w, const char *name, time_t t)
{
	char	 buf[64];

	tz_format_rfc3339(t, buf, sizeof(buf));
	return feed_xml_el(w, name, buf);
}

/*
 * Writes <link rel href type hreflang title length/>; NULL or empty
 * values and a negative length are left out, and so is a link without
 * href.  Returns 0 or -1.
 */
static int
link_el(xmlTextWriterPtr w, const char *rel, const char *href,
    const char *type, const char *hreflang, const char *title,
    long long length)
{
	if (feed_xml_empty(href))
		return 0;
	if (xmlTextWriterStartElement(w, XC("link")) < 0 ||
	    feed_xml_attr(w, "rel", rel) == -1 ||
	    feed_xml_attr(w, "type", type) == -1 ||
	    feed_xml_attr(w, "hreflang", hreflang) == -1 ||
	    feed_xml_attr(w, "title", title) == -1)
		return -1;
	if (length >= 0 && xmlTextWriterWriteFormatAttribute(w,
	    XC("length"), "%lld", length) < 0)
		return -1;
	if (feed_xml_attr(w, "href", href) == -1)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/*
 * Writes an atom:author or atom:contributor; a person without a name,
 * which Atom requires, is left out.  Returns 0 or -1.
 */
static int
person(xmlTextWriterPtr w, const char *elname, const struct feed_person *p)
{
	if (feed_xml_empty(p->name))
		return 0;
	if (xmlTextWriterStartElement(w, XC(elname)) < 0 ||
	    feed_xml_el(w, "name", p->name) == -1 ||
	    feed_xml_el_opt(w, "uri", p->uri) == -1)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* Returns 1 if the entry names an author Atom can carry. */
static int
has_author(const struct feed_entry *e)
{
	size_t	 i;

	for (i = 0; i < e->authorc; i++)
		if (!feed_xml_empty(e->authors[i].name))
			return 1;
	return 0;
}

/*
 * Returns 1 if links[i], an alternate of type (its own or dflt), repeats
 * the type and hreflang of the main alternate or of an earlier link.
 * RFC 4287 allows one alternate per combination of the two.
 */
static int
alt_repeats(const struct feed_link *links, size_t i, const char *dflt,
    const char *main_type, const char *main_lang)
{
	const char	*type, *t;
	size_t		 j;

	type = feed_xml_empty(links[i].type) ? dflt : links[i].type;
	if (feed_xml_same(type, main_type) && feed_xml_same(links[i].hreflang, main_lang))
		return 1;
	for (j = 0; j < i; j++) {
		t = feed_xml_empty(links[j].type) ? dflt : links[j].type;
		if (!feed_xml_empty(links[j].href) && feed_xml_same(type, t) &&
		    feed_xml_same(links[i].hreflang, links[j].hreflang))
			return 1;
	}
	return 0;
}

/* Writes one atom:entry.  Returns 0 or -1. */
static int
entry_write(xmlTextWriterPtr w, const struct feed_entry *e)
{
	const struct feed_link		*t;
	const struct feed_enclosure	*enc;
	const struct feed_category	*c;
	size_t				 i;

	if (xmlTextWriterStartElement(w, XC("entry")) < 0 ||
	    xmlTextWriterWriteAttribute(w, XC("xml:lang"),
	    XC(e->lang)) < 0)
		return -1;
	if (feed_xml_el(w, "id", e->id) == -1 ||
	    feed_xml_el(w, "title", e->title) == -1 ||
	    el_date(w, "published", e->published) == -1 ||
	    el_date(w, "updated", e->updated) == -1)
		return -1;

	if (link_el(w, "alternate", e->url, HTML_TYPE, e->lang, NULL,
	    -1) == -1)
		return -1;
	for (i = 0; i < e->translationc; i++) {
		t = &e->translations[i];
		if (alt_repeats(e->translations, i, HTML_TYPE, HTML_TYPE,
		    feed_xml_empty(e->url) ? NULL : e->lang))
			continue;
		if (link_el(w, "alternate", t->href,
		    feed_xml_empty(t->type) ? HTML_TYPE : t->type, t->hreflang,
		    t->title, -1) == -1)
			return -1;
	}
	for (i = 0; i < e->enclosurec; i++) {
		enc = &e->enclosures[i];
		if (link_el(w, "enclosure", enc->href, enc->type, NULL,
		    enc->title, enc->length) == -1)
			return -1;
	}

	for (i = 0; i < e->authorc; i++)
		if (person(w, "author", &e->authors[i]) == -1)
			return -1;
	for (i = 0; i < e->contributorc; i++)
		if (person(w, "contributor", &e->contributors[i]) == -1)
			return -1;

	for (i = 0; i < e->categoryc; i++) {
		c = &e->categories[i];
		if (feed_xml_empty(c->term))
			continue;
		if (xmlTextWriterStartElement(w, XC("category")) < 0 ||
		    feed_xml_attr(w, "term", c->term) == -1 ||
		    feed_xml_attr(w, "scheme", c->scheme) == -1 ||
		    feed_xml_attr(w, "label", c->label) == -1 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}

	/*
	 * The summary is plain text; the content is HTML carried as text
	 * (type="html"), which the writer escapes like any other string.
	 */
	if (!feed_xml_empty(e->summary)) {
		if (xmlTextWriterStartElement(w, XC("summary")) < 0 ||
		    feed_xml_attr(w, "type", "text") == -1 ||
		    xmlTextWriterWriteString(w, XC(e->summary)) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	if (!feed_xml_empty(e->content_html)) {
		if (xmlTextWriterStartElement(w, XC("content")) < 0 ||
		    feed_xml_attr(w, "type", "html") == -1 ||
		    xmlTextWriterWriteString(w, XC(e->content_html)) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* Writes the RFC 5005 links and, for an archive page, fh:archive. */
static int
paging_write(xmlTextWriterPtr w, const struct feed_paging *p)
{
	if (link_el(w, "first", p->first, ATOM_TYPE, NULL, NULL, -1) == -1 ||
	    link_el(w, "previous", p->previous, ATOM_TYPE, NULL, NULL,
	    -1) == -1 ||
	    link_el(w, "next", p->next, ATOM_TYPE, NULL, NULL, -1) == -1 ||
	    link_el(w, "last", p->last, ATOM_TYPE, NULL, NULL, -1) == -1 ||
	    link_el(w, "current", p->current, ATOM_TYPE, NULL, NULL,
	    -1) == -1 ||
	    link_el(w, "prev-archive", p->prev_archive, ATOM_TYPE, NULL,
	    NULL, -1) == -1 ||
	    link_el(w, "next-archive", p->next_archive, ATOM_TYPE, NULL,
	    NULL, -1) == -1)
		return -1;
	if (p->is_archive &&
	    (xmlTextWriterStartElement(w, XC("fh:archive")) < 0 ||
	    xmlTextWriterEndElement(w) < 0))
		return -1;
	return 0;
}

/* Writes the whole document from the clean copy f.  Returns 0 or -1. */
static int
atom_write(xmlTextWriterPtr w, const struct feed *f)
{
	struct feed_person	 site;
	const struct feed_link	*l;
	size_t			 i;
	int			 need_author = 0;

	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElementNS(w, NULL, XC("feed"),
	    XC(ATOM_NS)) < 0)
		return -1;
	if (f->paging.is_archive && xmlTextWriterWriteAttribute(w,
	    XC("xmlns:fh"), XC(FH_NS)) < 0)
		return -1;
	if (xmlTextWriterWriteAttribute(w, XC("xml:lang"), XC(f->lang)) < 0)
		return -1;

	if (feed_xml_el(w, "id", f->id) == -1 ||
	    feed_xml_el(w, "title", f->title) == -1 ||
	    feed_xml_el_opt(w, "subtitle", f->subtitle) == -1 ||
	    el_date(w, "updated", f->updated) == -1)
		return -1;

	if (link_el(w, "self", f->self, ATOM_TYPE, NULL, NULL, -1) == -1 ||
	    link_el(w, "alternate", f->alternate, HTML_TYPE, f->lang, NULL,
	    -1) == -1)
		return -1;
	for (i = 0; i < f->alternatec; i++) {
		l = &f->alternates[i];
		if (alt_repeats(f->alternates, i, ATOM_TYPE, HTML_TYPE,
		    feed_xml_empty(f->alternate) ? NULL : f->lang))
			continue;
		if (link_el(w, "alternate", l->href,
		    feed_xml_empty(l->type) ? ATOM_TYPE : l->type, l->hreflang,
		    l->title, -1) == -1)
			return -1;
	}
	if (paging_write(w, &f->paging) == -1)
		return -1;

	if (feed_xml_el_opt(w, "icon", f->icon) == -1 ||
	    feed_xml_el_opt(w, "generator", f->generator) == -1)
		return -1;

	/*
	 * RFC 4287 4.1.1: without an author of its own, an entry takes the
	 * feed's, and the feed must have one.  The site stands in.
	 */
	for (i = 0; i < f->entryc; i++)
		if (!has_author(&f->entries[i]))
			need_author = 1;
	if (need_author) {
		site.name = feed_xml_empty(f->site_name) ? f->title : f->site_name;
		site.uri = f->site_url;
		/* A feed with no title and no site name still needs one. */
		if (feed_xml_empty(site.name))
			site.name = feed_xml_empty(f->site_url) ? "-" : f->site_url;
		if (person(w, "author", &site) == -1)
			return -1;
	}

	for (i = 0; i < f->entryc; i++)
		if (entry_write(w, &f->entries[i]) == -1)
			return -1;

	if (xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterEndDocument(w) < 0)
		return -1;
	return 0;
}

int
feed_atom_write(const struct feed *feed, struct out *o)
{
	return feed_xml_write(feed, o, atom_write);
}
