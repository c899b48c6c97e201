/*
 * The xmlTextWriter plumbing the Atom and RSS writers share.  The writer
 * escapes every text and attribute value; nothing here concatenates markup.
 */
#include "config.h"

#include <string.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "feed_xml.h"
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
