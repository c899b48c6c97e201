/*
 * RSS 2.0 following the RSS Advisory Board's Best Practices Profile,
 * written with libxml2's xmlTextWriter straight into a struct out.  What
 * RSS lacks is borrowed from the namespaces the profile recommends:
 * atom:link for rel=self, paging (RFC 5005), translations and further
 * enclosures; content:encoded for the full HTML; dc:creator and
 * dc:contributor for people; dc:language for an item's language.
 *
 * The writer escapes every value, so no markup is concatenated here; the
 * strings come from feed_copy_clean(), so none holds a character XML
 * cannot carry.  Dates use English names and a numeric zone whatever the
 * locale, and nothing depends on the clock: equal feeds, equal bytes.
 */
#include "config.h"

#include <stddef.h>
#include <string.h>
#include <time.h>

#include <libxml/entities.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "arena.h"
#include "feed.h"
#include "feed_xml.h"
#include "log.h"
#include "out.h"

#define ATOM_NS		"http://www.w3.org/2005/Atom"
#define CONTENT_NS	"http://purl.org/rss/1.0/modules/content/"
#define DC_NS		"http://purl.org/dc/elements/1.1/"
#define FH_NS		"http://purl.org/syndication/history/1.0"
#define RSS_TYPE	"application/rss+xml"
#define HTML_TYPE	"text/html"
#define RSS_DOCS	"https://www.rssboard.org/rss-specification"

/* RFC 822 names, never the locale's. */
static const char *const rss_days[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
};
static const char *const rss_months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/*
 * Writes an RFC 822 date with a four-digit year and a numeric zone, as
 * the profile asks: "Wed, 21 Jul 2021 14:00:00 +0000".
 */
static int
el_date(xmlTextWriterPtr w, const char *name, time_t t)
{
	struct tm	 tm;

	if (gmtime_r(&t, &tm) == NULL)
		return feed_xml_el(w, name, "");
	if (xmlTextWriterStartElement(w, XC(name)) < 0 ||
	    xmlTextWriterWriteFormatString(w,
	    "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    rss_days[tm.tm_wday], tm.tm_mday, rss_months[tm.tm_mon],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec) < 0)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/*
 * Writes <atom:link rel href type hreflang title length/>; NULL or empty
 * values and a negative length are left out, and so is a link without
 * href.  Returns 0 or -1.
 */
static int
atom_link(xmlTextWriterPtr w, const char *rel, const char *href,
    const char *type, const char *hreflang, const char *title,
    long long length)
{
	if (feed_xml_empty(href))
		return 0;
	if (xmlTextWriterStartElement(w, XC("atom:link")) < 0 ||
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
 * Writes the item's description: RSS readers read it as HTML, so the
 * plain-text summary is escaped as HTML first (libxml2's encoder), and
 * the writer then escapes that for XML.  Without a summary the content
 * stands in; with neither the element is left out, which RSS allows
 * since the item has a title.  Returns 0 or -1.
 */
static int
description(xmlTextWriterPtr w, const struct feed_entry *e)
{
	xmlChar	*html;
	int	 rc;

	if (feed_xml_empty(e->summary))
		return feed_xml_el_opt(w, "description", e->content_html);
	if ((html = xmlEncodeSpecialChars(NULL, XC(e->summary))) == NULL)
		return -1;
	rc = feed_xml_el(w, "description", (const char *)html);
	xmlFree(html);
	return rc;
}

/* Writes one item.  Returns 0 or -1. */
static int
item_write(xmlTextWriterPtr w, const struct feed_entry *e)
{
	const struct feed_enclosure	*enc;
	const struct feed_category	*c;
	const struct feed_link		*t, *u;
	size_t				 i, j;

	if (xmlTextWriterStartElement(w, XC("item")) < 0)
		return -1;
	if (feed_xml_el(w, "title", e->title) == -1 ||
	    feed_xml_el_opt(w, "link", e->url) == -1 ||
	    description(w, e) == -1 ||
	    feed_xml_el_opt(w, "content:encoded", e->content_html) == -1)
		return -1;

	/* The tag: id is permanent but no address to fetch. */
	if (xmlTextWriterStartElement(w, XC("guid")) < 0 ||
	    feed_xml_attr(w, "isPermaLink", "false") == -1 ||
	    (!feed_xml_empty(e->id) && xmlTextWriterWriteString(w, XC(e->id)) < 0) ||
	    xmlTextWriterEndElement(w) < 0)
		return -1;
	if (el_date(w, "pubDate", e->published) == -1)
		return -1;

	for (i = 0; i < e->authorc; i++)
		if (feed_xml_el_opt(w, "dc:creator", e->authors[i].name) == -1)
			return -1;
	for (i = 0; i < e->contributorc; i++)
		if (feed_xml_el_opt(w, "dc:contributor", e->contributors[i].name) == -1)
			return -1;

	/* A category is what readers show: the label, else the term. */
	for (i = 0; i < e->categoryc; i++) {
		c = &e->categories[i];
		if (feed_xml_empty(c->label) && feed_xml_empty(c->term))
			continue;
		if (xmlTextWriterStartElement(w, XC("category")) < 0 ||
		    feed_xml_attr(w, "domain", c->scheme) == -1 ||
		    xmlTextWriterWriteString(w,
		    XC(feed_xml_empty(c->label) ? c->term : c->label)) < 0 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
	}

	/*
	 * RSS allows one enclosure, with all three attributes; the profile
	 * says a length that is not known is written as 0.  The others go
	 * out as Atom enclosure links.
	 */
	for (i = 0; i < e->enclosurec; i++) {
		enc = &e->enclosures[i];
		if (feed_xml_empty(enc->href))
			continue;
		if (xmlTextWriterStartElement(w, XC("enclosure")) < 0 ||
		    feed_xml_attr(w, "url", enc->href) == -1 ||
		    xmlTextWriterWriteFormatAttribute(w, XC("length"),
		    "%lld", enc->length >= 0 ? enc->length : 0) < 0 ||
		    feed_xml_attr(w, "type", feed_xml_empty(enc->type) ?
		    "application/octet-stream" : enc->type) == -1 ||
		    xmlTextWriterEndElement(w) < 0)
			return -1;
		break;
	}
	for (i++; i < e->enclosurec; i++) {
		enc = &e->enclosures[i];
		if (atom_link(w, "enclosure", enc->href, enc->type, NULL,
		    enc->title, enc->length) == -1)
			return -1;
	}

	for (i = 0; i < e->translationc; i++) {
		t = &e->translations[i];
		/* One link per language and type, and not the item's own. */
		if (feed_xml_same(t->hreflang, e->lang))
			continue;
		for (j = 0; j < i; j++) {
			u = &e->translations[j];
			if (!feed_xml_empty(u->href) && feed_xml_same(u->hreflang, t->hreflang) &&
			    feed_xml_same(u->type, t->type))
				break;
		}
		if (j < i)
			continue;
		if (atom_link(w, "alternate", t->href,
		    feed_xml_empty(t->type) ? HTML_TYPE : t->type, t->hreflang,
		    t->title, -1) == -1)
			return -1;
	}
	if (feed_xml_el_opt(w, "dc:language", e->lang) == -1)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

/* Writes the RFC 5005 links and, for an archive page, fh:archive. */
static int
paging_write(xmlTextWriterPtr w, const struct feed_paging *p)
{
	if (atom_link(w, "first", p->first, RSS_TYPE, NULL, NULL, -1) == -1 ||
	    atom_link(w, "previous", p->previous, RSS_TYPE, NULL, NULL,
	    -1) == -1 ||
	    atom_link(w, "next", p->next, RSS_TYPE, NULL, NULL, -1) == -1 ||
	    atom_link(w, "last", p->last, RSS_TYPE, NULL, NULL, -1) == -1 ||
	    atom_link(w, "current", p->current, RSS_TYPE, NULL, NULL,
	    -1) == -1 ||
	    atom_link(w, "prev-archive", p->prev_archive, RSS_TYPE, NULL,
	    NULL, -1) == -1 ||
	    atom_link(w, "next-archive", p->next_archive, RSS_TYPE, NULL,
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
rss_write(xmlTextWriterPtr w, const struct feed *f)
{
	const struct feed_link	*l, *m;
	const char		*link;
	size_t			 i, j;

	if (xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0 ||
	    xmlTextWriterStartElement(w, XC("rss")) < 0 ||
	    xmlTextWriterWriteAttribute(w, XC("version"), XC("2.0")) < 0 ||
	    xmlTextWriterWriteAttribute(w, XC("xmlns:atom"),
	    XC(ATOM_NS)) < 0 ||
	    xmlTextWriterWriteAttribute(w, XC("xmlns:content"),
	    XC(CONTENT_NS)) < 0 ||
	    xmlTextWriterWriteAttribute(w, XC("xmlns:dc"), XC(DC_NS)) < 0)
		return -1;
	if (f->paging.is_archive && xmlTextWriterWriteAttribute(w,
	    XC("xmlns:fh"), XC(FH_NS)) < 0)
		return -1;
	if (xmlTextWriterStartElement(w, XC("channel")) < 0)
		return -1;

	link = feed_xml_empty(f->alternate) ? f->site_url : f->alternate;
	if (feed_xml_el(w, "title", f->title) == -1 ||
	    feed_xml_el(w, "link", link) == -1 ||
	    feed_xml_el(w, "description",
	    feed_xml_empty(f->subtitle) ? f->title : f->subtitle) == -1 ||
	    feed_xml_el_opt(w, "language", f->lang) == -1 ||
	    el_date(w, "pubDate", f->updated) == -1 ||
	    el_date(w, "lastBuildDate", f->updated) == -1 ||
	    feed_xml_el(w, "docs", RSS_DOCS) == -1 ||
	    feed_xml_el_opt(w, "generator", f->generator) == -1)
		return -1;
	if (f->ttl > 0 && (xmlTextWriterStartElement(w, XC("ttl")) < 0 ||
	    xmlTextWriterWriteFormatString(w, "%d", f->ttl) < 0 ||
	    xmlTextWriterEndElement(w) < 0))
		return -1;
	/* The image's title and link must be the channel's (profile). */
	if (!feed_xml_empty(f->icon) &&
	    (xmlTextWriterStartElement(w, XC("image")) < 0 ||
	    feed_xml_el(w, "url", f->icon) == -1 ||
	    feed_xml_el(w, "title", f->title) == -1 ||
	    feed_xml_el(w, "link", link) == -1 ||
	    xmlTextWriterEndElement(w) < 0))
		return -1;

	if (atom_link(w, "self", f->self, RSS_TYPE, NULL, NULL, -1) == -1)
		return -1;
	for (i = 0; i < f->alternatec; i++) {
		l = &f->alternates[i];
		for (j = 0; j < i; j++) {
			m = &f->alternates[j];
			if (!feed_xml_empty(m->href) && feed_xml_same(m->hreflang, l->hreflang) &&
			    feed_xml_same(m->type, l->type))
				break;
		}
		if (j < i)
			continue;
		if (atom_link(w, "alternate", l->href,
		    feed_xml_empty(l->type) ? RSS_TYPE : l->type, l->hreflang,
		    l->title, -1) == -1)
			return -1;
	}
	if (paging_write(w, &f->paging) == -1)
		return -1;

	for (i = 0; i < f->entryc; i++)
		if (item_write(w, &f->entries[i]) == -1)
			return -1;

	if (xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterEndElement(w) < 0 ||
	    xmlTextWriterEndDocument(w) < 0)
		return -1;
	return 0;
}

int
feed_rss_write(const struct feed *feed, struct out *o)
{
	return feed_xml_write(feed, o, rss_write);
}
