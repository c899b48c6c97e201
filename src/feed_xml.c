/*
 * The xmlTextWriter plumbing the Atom and RSS writers share.  The writer
 * escapes every text and attribute value; nothing here concatenates markup.
 */
#include "config.h"

#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "arena.h"
#include "feed.h"
#include "feed_xml.h"
#include "log.h"
#include "out.h"

int
feed_xml_empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

int
feed_xml_same(const char *a, const char *b)
{
	if (feed_xml_empty(a) || feed_xml_empty(b))
		return feed_xml_empty(a) && feed_xml_empty(b);
	return strcmp(a, b) == 0;
}

/* Passes what libxml2 writes on to the struct out in ctx. */
static int
sink_write(void *ctx, const char *buf, int len)
{
	if (len > 0)
		out_bytes(ctx, buf, (size_t)len);
	return len;
}

xmlTextWriterPtr
feed_xml_writer_new(struct out *o)
{
	xmlOutputBufferPtr	 ob;
	xmlTextWriterPtr	 w;

	if ((ob = xmlOutputBufferCreateIO(sink_write, NULL, o, NULL)) ==
	    NULL)
		return NULL;
	if ((w = xmlNewTextWriter(ob)) == NULL) {
		xmlOutputBufferClose(ob);
		return NULL;
	}
	/* Every element holds text or elements, never both: safe to indent. */
	if (xmlTextWriterSetIndent(w, 1) < 0 ||
	    xmlTextWriterSetIndentString(w, XC("  ")) < 0) {
		xmlFreeTextWriter(w);
		return NULL;
	}
	return w;
}

int
feed_xml_attr(xmlTextWriterPtr w, const char *name, const char *v)
{
	if (feed_xml_empty(v))
		return 0;
	return xmlTextWriterWriteAttribute(w, XC(name), XC(v)) < 0 ? -1 : 0;
}

int
feed_xml_el(xmlTextWriterPtr w, const char *name, const char *text)
{
	if (xmlTextWriterStartElement(w, XC(name)) < 0)
		return -1;
	if (!feed_xml_empty(text) &&
	    xmlTextWriterWriteString(w, XC(text)) < 0)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}

int
feed_xml_el_opt(xmlTextWriterPtr w, const char *name, const char *text)
{
	return feed_xml_empty(text) ? 0 : feed_xml_el(w, name, text);
}

int
feed_xml_write(const struct feed *feed, struct out *o,
    int (*doc)(xmlTextWriterPtr, const struct feed *))
{
	struct arena		*a;
	const struct feed	*f;
	xmlTextWriterPtr	 w = NULL;
	size_t			 start = o->len;
	int			 rc = -1;

	a = arena_new();
	f = feed_copy_clean(a, feed);
	if ((w = feed_xml_writer_new(o)) == NULL) {
		log_warnx("cannot create an XML writer");
		goto out;
	}
	if (doc(w, f) == -1) {
		log_warnx("feed %s: xmlTextWriter failed", f->id);
		goto out;
	}
	rc = 0;
out:
	/* Freeing flushes: only then is the output complete. */
	xmlFreeTextWriter(w);
	if (rc == -1) {
		/* No half document: the caller answers with an error. */
		o->len = start;
		o->buf[start] = '\0';
	}
	arena_free(a);
	return rc;
}
