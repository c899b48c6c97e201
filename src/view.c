/*
 * View documents (view.h): a libxml2 tree built through a small stack API,
 * so that page code holds no markup and no libxml2 types.
 *
 * Escaping is the serialiser's job: every value enters the tree as a text
 * node or an attribute value, never as markup to parse.  The one exception,
 * view_html(), parses stored HTML that markdown.c sanitised at save time;
 * it uses the XML parser with entity substitution, DTD loading and network
 * access all off, so a stored fragment can neither expand entities nor make
 * the worker read a file.  Strings are UTF-8 already (req.c and the
 * database guarantee it); characters XML 1.0 cannot carry are dropped
 * anyway, since one of them would make the whole page fail to render.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "log.h"
#include "out.h"
#include "util.h"
#include "view.h"

/* libxml2 wants unsigned strings; this cast keeps const. */
#define XC(s)	((const xmlChar *)(s))

struct	view {
	xmlDocPtr	 doc;	/* the document, owned */
	xmlNodePtr	 cur;	/* current element: push/pop move it */
};

/*
 * Decodes one UTF-8 sequence at s (len bytes left).  Returns its length
 * and sets *cp, or returns 0 if the bytes are not a well-formed shortest
 * encoding of a scalar value.
 */
static size_t
utf8_decode(const unsigned char *s, size_t len, unsigned long *cp)
{
	unsigned long	 c;
	size_t		 n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		c = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		c = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) ||
	    (n == 4 && c < 0x10000) || c > 0x10ffff ||
	    (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

/* Returns 1 if cp matches XML 1.0's Char production. */
static int
xml_char_ok(unsigned long cp)
{
	return cp == 0x9 || cp == 0xa || cp == 0xd ||
	    (cp >= 0x20 && cp <= 0xd7ff) ||
	    (cp >= 0xe000 && cp <= 0xfffd) ||
	    (cp >= 0x10000 && cp <= 0x10ffff);
}

/*
 * Returns s itself if every character may appear in XML, else a copy
 * without the others (and without malformed bytes) in *copy, which the
 * caller frees.  Clean strings, the usual case, cost one scan.
 */
static const char *
xml_clean(const char *s, char **copy)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len, i, n, o;
	unsigned long		 cp;

	*copy = NULL;
	len = strlen(s);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(p + i, len - i, &cp);
		if (n == 0 || !xml_char_ok(cp))
			break;
	}
	if (i == len)
		return s;

	*copy = xmalloc(len + 1);
	for (i = o = 0; i < len; i += n) {
		n = utf8_decode(p + i, len - i, &cp);
		if (n == 0) {
			n = 1;
			continue;
		}
		if (!xml_char_ok(cp))
			continue;
		memcpy(*copy + o, p + i, n);
		o += n;
	}
	(*copy)[o] = '\0';
	return *copy;
}

static void
view_oom(xmlNodePtr n)
{
	if (n == NULL)
		xabort("view: out of memory");
}

struct view *
view_new(const char *root)
{
	struct view	*v;

	v = xcalloc(1, sizeof(*v));
	v->doc = xmlNewDoc(XC("1.0"));
	view_oom((xmlNodePtr)v->doc);
	v->cur = xmlNewDocNode(v->doc, NULL, XC(root), NULL);
	view_oom(v->cur);
	xmlDocSetRootElement(v->doc, v->cur);
	return v;
}

void
view_free(struct view *v)
{
	if (v == NULL)
		return;
	xmlFreeDoc(v->doc);
	free(v);
}

void
view_push(struct view *v, const char *name)
{
	xmlNodePtr	 n;

	n = xmlNewDocNode(v->doc, NULL, XC(name), NULL);
	view_oom(n);
	xmlAddChild(v->cur, n);
	v->cur = n;
}

void
view_pop(struct view *v)
{
	if (v->cur->parent != NULL &&
	    v->cur->parent->type == XML_ELEMENT_NODE)
		v->cur = v->cur->parent;
}

void
view_attr(struct view *v, const char *name, const char *value)
{
	const char	*clean;
	char		*copy;

	if (value == NULL)
		return;
	clean = xml_clean(value, &copy);
	/* xmlSetProp stores the value as text: no entity parsing. */
	if (xmlSetProp(v->cur, XC(name), XC(clean)) == NULL)
		xabort("view: out of memory");
	free(copy);
}

void
view_attr_int(struct view *v, const char *name, long long val)
{
	char	 buf[32];

	snprintf(buf, sizeof(buf), "%lld", val);
	view_attr(v, name, buf);
}

void
view_content(struct view *v, const char *text)
{
	const char	*clean;
	char		*copy;
	xmlNodePtr	 t;

	if (text == NULL || *text == '\0')
		return;
	clean = xml_clean(text, &copy);
	/* xmlNewDocText copies the bytes as they are: no markup. */
	t = xmlNewDocText(v->doc, XC(clean));
	view_oom(t);
	if (xmlAddChild(v->cur, t) == NULL)
		xabort("view: cannot add text");
	free(copy);
}

void
view_text(struct view *v, const char *name, const char *value)
{
	if (value == NULL)
		return;
	view_push(v, name);
	view_content(v, value);
	view_pop(v);
}

void
view_int(struct view *v, const char *name, long long val)
{
	char	 buf[32];

	snprintf(buf, sizeof(buf), "%lld", val);
	view_text(v, name, buf);
}

void
view_time(struct view *v, const char *name, time_t t)
{
	struct tm	 tm;
	char		 buf[32];

	if (t == 0 || gmtime_r(&t, &tm) == NULL)
		return;
	if (strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		return;
	view_text(v, name, buf);
}

void
view_html(struct view *v, const char *name, const char *html)
{
	static const char	 open[] = "<fragment>", close[] = "</fragment>";
	xmlParserCtxtPtr	 ctxt = NULL;
	xmlDocPtr		 frag = NULL;
	xmlNodePtr		 root, copy;
	xmlErrorPtr		 err;
	char			*buf, msg[256];
	size_t			 len, sz;

	if (html == NULL)
		return;
	len = strlen(html);
	if (len > (size_t)INT32_MAX - sizeof(open) - sizeof(close))
		goto fallback;
	sz = sizeof(open) - 1 + len + sizeof(close) - 1;
	buf = xmalloc(sz + 1);
	memcpy(buf, open, sizeof(open) - 1);
	memcpy(buf + sizeof(open) - 1, html, len);
	memcpy(buf + sizeof(open) - 1 + len, close, sizeof(close));

	if ((ctxt = xmlNewParserCtxt()) == NULL)
		xabort("view: out of memory");
	/*
	 * Not XML_PARSE_NOENT: entities are never substituted.  Not
	 * XML_PARSE_DTDLOAD: nothing external is read.  NONET for good
	 * measure; errors are ours to log, not libxml2's to print.
	 */
	frag = xmlCtxtReadMemory(ctxt, buf, (int)sz, NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(buf);
	if (frag == NULL || (root = xmlDocGetRootElement(frag)) == NULL) {
		err = xmlCtxtGetLastError(ctxt);
		strlcpy_bs(msg, err != NULL && err->message != NULL ?
		    err->message : "unknown error", sizeof(msg));
		msg[strcspn(msg, "\n")] = '\0';
		log_warnx("stored HTML does not parse, shown as text: "
		    "line %d: %s", err != NULL ? err->line : 0, msg);
		goto fallback;
	}

	view_push(v, name);
	if (root->children != NULL) {
		copy = xmlDocCopyNodeList(v->doc, root->children);
		view_oom(copy);
		xmlAddChildList(v->cur, copy);
	}
	view_pop(v);
	xmlFreeDoc(frag);
	xmlFreeParserCtxt(ctxt);
	return;

fallback:
	xmlFreeDoc(frag);
	xmlFreeParserCtxt(ctxt);
	view_text(v, name, html);
}

void
view_dump(const struct view *v, struct out *o)
{
	xmlChar	*buf = NULL;
	int	 len = 0;

	xmlDocDumpFormatMemoryEnc(v->doc, &buf, &len, "UTF-8", 1);
	if (buf == NULL)
		xabort("view: out of memory");
	out_bytes(o, buf, (size_t)len);
	xmlFree(buf);
}

struct _xmlDoc *
view_doc(const struct view *v)
{
	return v->doc;
}
