/*
 * What the XML feed writers (feed_atom.c, feed_rss.c) share: an
 * xmlTextWriter that writes into a struct out, and the small element and
 * attribute writers they build documents with.  Only feed_*.c include
 * this file, as only they may see libxml2.
 */
#ifndef FEED_XML_H
#define FEED_XML_H

#include <libxml/xmlwriter.h>

struct	feed;
struct	out;

/* libxml2's BAD_CAST drops const, which -Wcast-qual rejects. */
#define XC(s)		((const xmlChar *)(s))

/* Returns 1 if s is NULL or empty. */
int		 feed_xml_empty(const char *s);
/* Returns 1 if a and b are equal, NULL and "" being the same. */
int		 feed_xml_same(const char *a, const char *b);
/*
 * Returns an indenting writer whose output goes to o, or NULL; the caller
 * frees it with xmlFreeTextWriter(), which flushes what is left.
 */
xmlTextWriterPtr feed_xml_writer_new(struct out *o);
/* Writes the attribute unless v is NULL or empty.  Returns 0 or -1. */
int		 feed_xml_attr(xmlTextWriterPtr, const char *name,
		    const char *v);
/* Writes <name>text</name>, empty if text is.  Returns 0 or -1. */
int		 feed_xml_el(xmlTextWriterPtr, const char *name,
		    const char *text);
/*
 * Writes a whole document: doc() on a cleaned copy of feed (see
 * feed_copy_clean()) through a writer into o.  On failure o is left as it
 * was (no half document) and -1 returned, logged; else 0.
 */
int		 feed_xml_write(const struct feed *, struct out *o,
		    int (*doc)(xmlTextWriterPtr, const struct feed *));
/* Writes <name>text</name> unless text is NULL or empty. */
int		 feed_xml_el_opt(xmlTextWriterPtr, const char *name,
		    const char *text);

#endif /* !FEED_XML_H */
