/* fuzz-sources: markdown.c util.c log.c */
/*
 * libFuzzer entry for the Markdown renderer and the HTML sanitiser.  Each
 * input goes through both; every non-NULL result must parse as XML inside
 * a <div> (as view.c reads it), hold no <script element, and hold no
 * attribute value that could run script.  Anything else aborts, which
 * libFuzzer reports as a crash with the input saved.
 *
 *	clang -fsanitize=fuzzer,address -I_build -Isrc \
 *	    tests/fuzz/fuzz_markdown.c src/markdown.c src/util.c src/log.c \
 *	    $(pkg-config --cflags --libs libxml-2.0 libcmark-gfm) \
 *	    -lcmark-gfm-extensions -o fuzz_markdown
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "markdown.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Returns s lowercased, without ASCII controls and spaces (a browser
 * strips or ignores them around and inside a URL's scheme), so that the
 * checks below see the scheme a browser would.  Caller frees.
 */
static char *
squash(const char *s)
{
	char	*t;
	size_t	 i, j;

	if ((t = malloc(strlen(s) + 1)) == NULL)
		abort();
	for (i = j = 0; s[i] != '\0'; i++)
		if ((unsigned char)s[i] > 0x20)
			t[j++] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] | 0x20 :
			    s[i];
	t[j] = '\0';
	return t;
}

static void
fail(const char *why, const char *out)
{
	fprintf(stderr, "fuzz_markdown: %s in output:\n%s\n", why, out);
	abort();
}

/*
 * Checks the attributes of n and its subtree.  The sanitiser nests at
 * most 64 deep, so recursion is bounded; a deeper tree is a failure in
 * itself.
 */
static void
check_tree(xmlNodePtr n, int depth, const char *out)
{
	xmlAttrPtr	 a;
	xmlChar		*v;
	char		*t;

	if (depth > 80)
		fail("nesting too deep", out);
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlStrcasecmp(n->name, (const xmlChar *)"script") == 0)
			fail("script element", out);
		for (a = n->properties; a != NULL; a = a->next) {
			if (xmlStrncasecmp(a->name, (const xmlChar *)"on",
			    2) == 0)
				fail("event handler", out);
			if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
				continue;
			t = squash((const char *)v);
			if (strstr(t, "javascript:") != NULL ||
			    strstr(t, "vbscript:") != NULL)
				fail("script URL", out);
			if ((xmlStrcmp(a->name, (const xmlChar *)"href") == 0 ||
			    xmlStrcmp(a->name, (const xmlChar *)"src") == 0) &&
			    strncmp(t, "data:", 5) == 0)
				fail("data: URL", out);
			free(t);
			xmlFree(v);
		}
		check_tree(n->children, depth + 1, out);
	}
}

static void
check(const char *out)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	char			*s, *t;
	size_t			 n;

	if (out == NULL)
		return;
	t = squash(out);
	if (strstr(t, "<script") != NULL)
		fail("<script", out);
	free(t);
	n = strlen(out) + sizeof("<div></div>");
	if ((s = malloc(n)) == NULL)
		abort();
	snprintf(s, n, "<div>%s</div>", out);
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		abort();
	doc = xmlCtxtReadMemory(ctxt, s, (int)strlen(s), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL || !ctxt->wellFormed ||
	    ctxt->lastError.code != XML_ERR_OK)
		fail("not well-formed XML", out);
	check_tree(xmlDocGetRootElement(doc), 0, out);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	free(s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*out;

	out = markdown_render((const char *)data, size);
	check(out);
	free(out);
	out = markdown_sanitise_html((const char *)data, size);
	check(out);
	free(out);
	return 0;
}
