/*
 * Markdown to a sanitised HTML fragment, run once when content is stored.
 *
 * Two stages, and the second does not trust the first.  cmark-gfm renders
 * the Markdown in its safe mode (raw HTML omitted, javascript: and similar
 * link targets emptied).  Then libxml2's HTML parser reads that HTML into a
 * tree, and a walk over the tree copies into a fresh document only what an
 * allow-list names: elements, their attributes, and URL schemes.  Anything
 * not copied cannot reach the output, so the list is the whole policy.
 * The copy is written out by a small serialiser of our own that escapes
 * every text and attribute value, so the result parses as XML (view.c
 * reads it back into nodes) and as HTML (feeds carry it as a string).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "log.h"
#include "markdown.h"
#include "util.h"

/*
 * Inputs above this are refused: no article comes near it, and it keeps
 * every text node well below libxml2's 10 MB limit for XML text, which
 * view.c's parser would otherwise hit when it reads the result back.
 */
#define MD_MAX_INPUT	(4 * 1024 * 1024)

/*
 * Deepest element nesting written out.  Deeper elements are unwrapped
 * (their text kept), so the fragment stays well inside the XML parser's
 * default depth limit of 256 even after view.c nests it in its document.
 */
#define MD_MAX_DEPTH	64

/* The Markdown syntax extensions attached to every parser. */
static const char *const md_extensions[] = {
	"table",
	"autolink",
	"strikethrough",
};

/* What the walk does with an element of the parsed input. */
enum	el_action {
	EL_KEEP,	/* copy the element and its allowed attributes */
	EL_UNWRAP,	/* leave the element out, walk its children */
	EL_DROP,	/* leave the element and all its content out */
};

/*
 * An element that is copied, the name it is written out under, and the
 * output elements it may sit in directly.  The HTML parser leaves a stray
 * <li> or <td> where it found it; such an element is unwrapped instead, so
 * the page it lands in stays valid HTML.
 */
struct	el_rule {
	const char	*name;		/* name from libxml2's HTML parser */
	const char	*out;		/* name in the output */
	const char	*parents[3];	/* allowed parents, or all if none */
};

static const struct el_rule el_keep[] = {
	{ "a", "a", { NULL } },
	{ "abbr", "abbr", { NULL } },
	{ "b", "b", { NULL } },
	{ "blockquote", "blockquote", { NULL } },
	{ "br", "br", { NULL } },
	{ "code", "code", { NULL } },
	{ "del", "del", { NULL } },
	{ "em", "em", { NULL } },
	{ "figcaption", "figcaption", { "figure" } },
	{ "figure", "figure", { NULL } },
	{ "h1", "h2", { NULL } },	/* the page template owns the h1 */
	{ "h2", "h2", { NULL } },
	{ "h3", "h3", { NULL } },
	{ "h4", "h4", { NULL } },
	{ "h5", "h5", { NULL } },
	{ "h6", "h6", { NULL } },
	{ "hr", "hr", { NULL } },
	{ "i", "i", { NULL } },
	{ "img", "img", { NULL } },
	{ "li", "li", { "ol", "ul" } },
	{ "ol", "ol", { NULL } },
	{ "p", "p", { NULL } },
	{ "pre", "pre", { NULL } },
	{ "s", "s", { NULL } },
	{ "strong", "strong", { NULL } },
	{ "sub", "sub", { NULL } },
	{ "sup", "sup", { NULL } },
	{ "table", "table", { NULL } },
	{ "tbody", "tbody", { "table" } },
	{ "td", "td", { "tr" } },
	{ "th", "th", { "tr" } },
	{ "thead", "thead", { "table" } },
	{ "tr", "tr", { "table", "thead", "tbody" } },
	{ "ul", "ul", { NULL } },
};

/*
 * Elements left out together with their content: their text is code,
 * styles, form controls or embedded documents, never prose a reader should
 * see flattened into the page.  Every element in neither list (u, font,
 * center, div, span, unknown names) is unwrapped: its markup goes, its
 * text stays.  Safety does not depend on this list, only tidiness does.
 */
static const char *const el_drop[] = {
	"applet", "area", "audio", "base", "basefont", "bgsound", "button",
	"canvas", "datalist", "embed", "form", "frame", "frameset", "head",
	"iframe", "input", "keygen", "link", "map", "math", "meta",
	"noembed", "noframes", "noscript", "object", "optgroup", "option",
	"param", "plaintext", "script", "select", "source", "style", "svg",
	"template", "textarea", "title", "track", "video", "xmp",
};

/* Elements that never have content; written as <br />. */
static const char *const el_void[] = { "br", "hr", "img" };

/* How an attribute value is checked before it is copied. */
enum	attr_kind {
	ATTR_TEXT,	/* any text (escaped on output) */
	ATTR_HREF,	/* link target: http, https, mailto, relative */
	ATTR_SRC,	/* image source: http, https, relative */
	ATTR_LANG,	/* a BCP 47 language tag */
	ATTR_DIR,	/* ltr or rtl */
	ATTR_INT,	/* a decimal integer, possibly negative */
	ATTR_DIM,	/* a small non-negative integer (pixels, spans) */
	ATTR_CODE,	/* class="language-x" on code only */
};

/* An attribute that is copied from an element (any element if el NULL). */
struct	attr_rule {
	const char	*el;	/* element name in the output, or NULL */
	const char	*name;	/* attribute name */
	enum attr_kind	 kind;	/* how its value is checked */
};

/*
 * Note: no rel="noopener" is added to links.  It only matters with
 * target="_blank", which is never copied, and the authors are the
 * organisation's own editors, so rel="nofollow" would only penalise the
 * partners they link to.
 */
static const struct attr_rule attr_rules[] = {
	{ NULL, "lang", ATTR_LANG },
	{ NULL, "dir", ATTR_DIR },
	{ "a", "href", ATTR_HREF },
	{ "a", "title", ATTR_TEXT },
	{ "a", "hreflang", ATTR_LANG },
	{ "abbr", "title", ATTR_TEXT },
	{ "code", "class", ATTR_CODE },
	{ "img", "src", ATTR_SRC },
	{ "img", "alt", ATTR_TEXT },
	{ "img", "title", ATTR_TEXT },
	{ "img", "width", ATTR_DIM },
	{ "img", "height", ATTR_DIM },
	{ "ol", "start", ATTR_INT },
	{ "td", "colspan", ATTR_DIM },
	{ "td", "rowspan", ATTR_DIM },
	{ "th", "colspan", ATTR_DIM },
	{ "th", "rowspan", ATTR_DIM },
};

/* A growing byte string; always NUL-terminated once anything is added. */
struct	buf {
	char	*p;	/* bytes, NUL-terminated */
	size_t	 len;	/* bytes used, without the NUL */
	size_t	 cap;	/* bytes allocated */
};

#define NELEMS(a)	(sizeof(a) / sizeof((a)[0]))

/* libxml2's BAD_CAST drops const, which -Wcast-qual rejects. */
#define XC(s)		((const xmlChar *)(s))

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = b->cap == 0 ? 256 : b->cap;
		while (b->len + n + 1 > b->cap)
			b->cap *= 2;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static void
buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/*
 * Decodes one UTF-8 sequence from s (n bytes available) into *cp.
 * Returns its length, or 0 if it is not well-formed: truncated, overlong,
 * a surrogate, or above U+10FFFF (RFC 3629).
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t	 c, min;
	size_t		 len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2;
		c = s[0] & 0x1f;
		min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3;
		c = s[0] & 0x0f;
		min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

/* Returns 1 if c is in XML 1.0's Char production. */
static int
xml_char(uint32_t c)
{
	if (c == 0x9 || c == 0xa || c == 0xd)
		return 1;
	if (c >= 0x20 && c <= 0xd7ff)
		return 1;
	if (c >= 0xe000 && c <= 0xfffd)
		return 1;
	return c >= 0x10000 && c <= 0x10ffff;
}

/*
 * Appends the n bytes of s to b without the characters XML 1.0 cannot
 * carry (NUL and other C0 controls, U+FFFE, U+FFFF): a feed or view
 * document holding one would not parse.  Returns -1 if s is not
 * well-formed UTF-8, 0 otherwise.
 */
static int
buf_add_clean(struct buf *b, const char *s, size_t n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, k, start;
	uint32_t		 c;

	for (i = start = 0; i < n; i += k) {
		if ((k = utf8_decode(u + i, n - i, &c)) == 0)
			return -1;
		if (xml_char(c))
			continue;
		if (i > start)
			buf_add(b, s + start, i - start);
		start = i + k;
	}
	if (n > start)
		buf_add(b, s + start, n - start);
	return 0;
}

/*
 * Appends s escaped for XML text content, or for a double-quoted
 * attribute value if attr.  '>' is always escaped so that "]]>" cannot
 * appear; tab, LF and CR in attributes become references so that
 * attribute-value normalisation does not turn them into spaces; CR
 * always does, since a parser would fold it into LF.  Bytes XML cannot
 * carry are skipped, although the input filter has removed them already.
 */
static void
buf_add_escaped(struct buf *b, const unsigned char *s, int attr)
{
	const char	*rep;
	size_t		 start, i;

	for (start = i = 0; s[i] != '\0'; i++) {
		rep = NULL;
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		case '\t':
			rep = attr ? "&#9;" : NULL;
			break;
		case '\n':
			rep = attr ? "&#10;" : NULL;
			break;
		case '\r':
			rep = "&#13;";
			break;
		default:
			if (s[i] < 0x20)
				rep = "";
			else if (s[i] == 0xef && s[i + 1] == 0xbf &&
			    (s[i + 2] == 0xbe || s[i + 2] == 0xbf)) {
				/* U+FFFE or U+FFFF */
				buf_add(b, (const char *)s + start, i - start);
				i += 2;
				start = i + 1;
			}
			break;
		}
		if (rep == NULL)
			continue;
		buf_add(b, (const char *)s + start, i - start);
		buf_str(b, rep);
		start = i + 1;
	}
	buf_add(b, (const char *)s + start, i - start);
}

/* Returns 1 if name is in list (n entries, or up to a NULL), any case. */
static int
name_in(const xmlChar *name, const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && list[i] != NULL; i++)
		if (xmlStrcasecmp(name, XC(list[i])) == 0)
			return 1;
	return 0;
}

/*
 * Returns 1 if s contains the lowercase ASCII string needle, ignoring case
 * and any spaces or controls between its letters, as a browser ignores
 * them in "java\tscript:".
 */
static int
contains_nocase(const xmlChar *s, const char *needle)
{
	size_t	 i, j, k;

	for (i = 0; s[i] != '\0'; i++) {
		for (j = 0, k = i; needle[j] != '\0'; j++, k++) {
			while (j > 0 && s[k] != '\0' && s[k] <= 0x20)
				k++;
			if ((s[k] | 0x20) != (unsigned char)needle[j])
				break;
		}
		if (needle[j] == '\0')
			return 1;
	}
	return 0;
}

/*
 * Checks a URL for href (mailto allowed) or src.  Browsers strip leading
 * and trailing spaces and C0 controls and delete tab, LF and CR anywhere
 * before they read the scheme, which is how " javascript:" and
 * "java\tscript:" still run.  So the URL is normalised the same way and
 * the normalised form is both judged and returned: what is checked is what
 * is written.  Entities were decoded by the HTML parser already.  A colon
 * before the first '/', '?' or '#' makes the part before it a scheme,
 * which must be http, https or (for links) mailto; anything else there,
 * even a malformed scheme, is refused rather than guessed at.  Returns a
 * new string (caller frees with free()) or NULL if refused.
 */
static char *
url_clean(const xmlChar *v, int allow_mailto)
{
	struct buf	 b;
	size_t		 start, end, i;
	char		*res = NULL;

	memset(&b, 0, sizeof(b));
	end = xmlStrlen(v);
	for (start = 0; start < end && v[start] <= 0x20; start++)
		continue;
	while (end > start && v[end - 1] <= 0x20)
		end--;
	for (i = start; i < end; i++)
		if (v[i] != '\t' && v[i] != '\n' && v[i] != '\r')
			buf_add(&b, (const char *)v + i, 1);
	if (b.len == 0)
		goto out;

	for (i = 0; i < b.len; i++)
		if (b.p[i] == ':' || b.p[i] == '/' || b.p[i] == '?' ||
		    b.p[i] == '#')
			break;
	/*
	 * "javascript&colon;x" is a javascript: URL to an HTML5 parser but
	 * not to libxml2's HTML 4 entity table, so it arrives here undecoded.
	 * Written out as "&amp;colon;" it is harmless, but a consumer that
	 * decodes entities once too often would not be: refuse any '&'
	 * where a scheme could be.
	 */
	if (memchr(b.p, '&', i) != NULL)
		goto out;
	if (i < b.len && b.p[i] == ':') {
		b.p[i] = '\0';
		if (xmlStrcasecmp(XC(b.p), XC("http")) != 0 &&
		    xmlStrcasecmp(XC(b.p), XC("https")) != 0 &&
		    (!allow_mailto ||
		    xmlStrcasecmp(XC(b.p), XC("mailto")) != 0))
			goto out;
		b.p[i] = ':';
	}
	res = b.p;
	b.p = NULL;
out:
	free(b.p);
	return res;
}

/* Returns 1 if v is a plausible BCP 47 tag: alphanumerics and '-'. */
static int
lang_ok(const xmlChar *v)
{
	size_t	 i;

	if (!((v[0] | 0x20) >= 'a' && (v[0] | 0x20) <= 'z'))
		return 0;
	for (i = 0; v[i] != '\0'; i++) {
		if (i >= 35)
			return 0;
		if (v[i] == '-' && v[i + 1] != '\0' && v[i + 1] != '-')
			continue;
		if (!((v[i] >= '0' && v[i] <= '9') ||
		    ((v[i] | 0x20) >= 'a' && (v[i] | 0x20) <= 'z')))
			return 0;
	}
	return 1;
}

/* Returns 1 if v is 1-max_digits decimal digits, after an optional '-'. */
static int
int_ok(const xmlChar *v, int neg_ok, size_t max_digits)
{
	size_t	 i;

	if (neg_ok && v[0] == '-')
		v++;
	for (i = 0; v[i] != '\0'; i++)
		if (v[i] < '0' || v[i] > '9' || i >= max_digits)
			return 0;
	return i > 0;
}

/*
 * Checks one attribute value against its rule.  Returns the value to
 * write (caller frees with free()) or NULL to leave the attribute out.
 */
static char *
attr_value(enum attr_kind kind, const xmlChar *v)
{
	char	*res = NULL;
	size_t	 i;

	/*
	 * Belt and braces: no attribute of any kind may carry these, so
	 * that a title copied into a URL by some later template cannot
	 * become script either.
	 */
	if (contains_nocase(v, "javascript:") ||
	    contains_nocase(v, "vbscript:"))
		return NULL;

	switch (kind) {
	case ATTR_TEXT:
		res = xstrdup((const char *)v);
		break;
	case ATTR_HREF:
		res = url_clean(v, 1);
		break;
	case ATTR_SRC:
		/*
		 * Pictures come from this site only: the pages promise no
		 * request to another host (and their CSP would block it).
		 */
		res = url_clean(v, 0);
		if (res != NULL && (strncmp(res, "//", 2) == 0 ||
		    strcspn(res, ":") < strcspn(res, "/?#"))) {
			free(res);
			res = NULL;
		}
		break;
	case ATTR_LANG:
		if (lang_ok(v))
			res = xstrdup((const char *)v);
		break;
	case ATTR_DIR:
		if (xmlStrcasecmp(v, XC("ltr")) == 0)
			res = xstrdup("ltr");
		else if (xmlStrcasecmp(v, XC("rtl")) == 0)
			res = xstrdup("rtl");
		break;
	case ATTR_INT:
		if (int_ok(v, 1, 9))
			res = xstrdup((const char *)v);
		break;
	case ATTR_DIM:
		if (int_ok(v, 0, 5))
			res = xstrdup((const char *)v);
		break;
	case ATTR_CODE:
		/*
		 * Only the language-x class cmark-gfm gives fenced code,
		 * so a highlighter can find it and no other class (the
		 * theme's own) can be borrowed.  Lowercased first, so
		 * "```C" still counts.
		 */
		if (xmlStrncasecmp(v, XC("language-"), 9) != 0 ||
		    v[9] == '\0' || xmlStrlen(v) > 64)
			break;
		res = xstrdup((const char *)v);
		for (i = 0; res[i] != '\0'; i++) {
			if (res[i] >= 'A' && res[i] <= 'Z')
				res[i] |= 0x20;
			if (i >= 9 && !((res[i] >= 'a' && res[i] <= 'z') ||
			    (res[i] >= '0' && res[i] <= '9') ||
			    res[i] == '+' || res[i] == '-')) {
				free(res);
				res = NULL;
				break;
			}
		}
		break;
	}
	return res;
}

/*
 * Copies the allowed attributes of src onto dst, an element named
 * outname.  Returns -1 on allocation failure.
 */
static int
attrs_copy(xmlNodePtr src, xmlNodePtr dst, const char *outname)
{
	const struct attr_rule	*r;
	xmlAttrPtr		 a;
	xmlChar			*v;
	char			*ok;
	size_t			 i;
	int			 rc = 0;

	for (a = src->properties; a != NULL && rc == 0; a = a->next) {
		if (a->ns != NULL)
			continue;
		for (i = 0; i < NELEMS(attr_rules); i++) {
			r = &attr_rules[i];
			if ((r->el == NULL || strcmp(r->el, outname) == 0) &&
			    xmlStrcasecmp(a->name, XC(r->name)) == 0)
				break;
		}
		if (i == NELEMS(attr_rules))
			continue;
		if ((v = xmlNodeGetContent((xmlNodePtr)a)) == NULL)
			continue;
		if ((ok = attr_value(r->kind, v)) != NULL) {
			/* xmlSetProp replaces, so no name appears twice. */
			if (xmlSetProp(dst, XC(r->name),
			    XC(ok)) == NULL)
				rc = -1;
			free(ok);
		}
		xmlFree(v);
	}
	return rc;
}

/* Returns 1 if n or an ancestor of it is an <a> of the output. */
static int
inside_link(xmlNodePtr n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (xmlStrcmp(n->name, XC("a")) == 0)
			return 1;
	return 0;
}

/*
 * Decides what to do with the input element src, whose copy would go
 * under out at the given depth, and for EL_KEEP makes the copy and stores
 * it in *made.  Returns the action, or -1 on allocation failure.
 */
static int
el_visit(xmlNodePtr src, xmlNodePtr out, int depth, xmlNodePtr *made)
{
	const struct el_rule	*r = NULL;
	const char		*outname;
	xmlNodePtr		 el;
	size_t			 i;

	*made = NULL;
	if (name_in(src->name, el_drop, NELEMS(el_drop)))
		return EL_DROP;
	for (i = 0; i < NELEMS(el_keep); i++)
		if (xmlStrcasecmp(src->name, XC(el_keep[i].name)) == 0) {
			r = &el_keep[i];
			break;
		}
	if (r == NULL || depth >= MD_MAX_DEPTH)
		return EL_UNWRAP;
	outname = r->out;
	/* (The output root is a <div>, in no list of parents.) */
	if (r->parents[0] != NULL &&
	    !name_in(out->name, r->parents, NELEMS(r->parents)))
		return EL_UNWRAP;
	/* Nested links are not HTML; the inner one gives way. */
	if (strcmp(outname, "a") == 0 && inside_link(out))
		return EL_UNWRAP;

	if ((el = xmlNewDocNode(out->doc, NULL, XC(outname),
	    NULL)) == NULL)
		return -1;
	if (attrs_copy(src, el, outname) == -1) {
		xmlFreeNode(el);
		return -1;
	}

	/*
	 * A link whose target was refused is only its text; an image
	 * with no source is nothing.
	 */
	if (strcmp(outname, "a") == 0 && !xmlHasProp(el, XC("href"))) {
		xmlFreeNode(el);
		return EL_UNWRAP;
	}
	if (strcmp(outname, "img") == 0 && !xmlHasProp(el, XC("src"))) {
		xmlFreeNode(el);
		return EL_DROP;
	}
	xmlAddChild(out, el);
	*made = el;
	return EL_KEEP;
}

/*
 * Walks the parsed input and copies what the allow-list permits under
 * root.  The walk is iterative, following parent and sibling pointers,
 * so hostile nesting thousands deep cannot exhaust the stack.  An input
 * element's _private holds its copy while its children are walked, which
 * tells the climb back up when to return to the copy's parent.  Returns 0
 * or -1 on allocation failure.
 */
static int
sanitise_tree(xmlDocPtr src, xmlNodePtr root)
{
	xmlNodePtr	 cur, out, made, t, stop;
	int		 depth = 0, act, descend, rc = -1;

	stop = (xmlNodePtr)src;
	out = root;
	cur = src->children;
	while (cur != NULL) {
		descend = 0;
		made = NULL;
		switch (cur->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (cur->content == NULL || cur->content[0] == '\0')
				break;
			t = xmlNewDocText(root->doc, cur->content);
			if (t == NULL)
				goto out;
			/* Merges into a preceding text node if there is one. */
			xmlAddChild(out, t);
			break;
		case XML_ELEMENT_NODE:
			if ((act = el_visit(cur, out, depth, &made)) == -1)
				goto out;
			if (act == EL_UNWRAP)
				descend = 1;
			else if (act == EL_KEEP)
				descend = !name_in(made->name, el_void,
				    NELEMS(el_void));
			break;
		default:
			/* Comments, processing instructions, the DTD. */
			break;
		}

		if (descend && cur->children != NULL) {
			cur->_private = made;
			if (made != NULL) {
				out = made;
				depth++;
			}
			cur = cur->children;
			continue;
		}
		while (cur->next == NULL) {
			cur = cur->parent;
			if (cur == NULL || cur == stop)
				goto done;
			if (cur->_private != NULL) {
				out = ((xmlNodePtr)cur->_private)->parent;
				cur->_private = NULL;
				depth--;
			}
		}
		cur = cur->next;
	}
done:
	rc = 0;
out:
	return rc;
}

/*
 * Writes n and its subtree.  Only the walk above builds the tree it is
 * given, so names are our constants and nesting is at most MD_MAX_DEPTH:
 * recursion is bounded.
 */
static void
serialise(struct buf *b, xmlNodePtr n)
{
	xmlAttrPtr	 a;
	xmlNodePtr	 c;

	if (n->type == XML_TEXT_NODE) {
		if (n->content != NULL)
			buf_add_escaped(b, n->content, 0);
		return;
	}
	if (n->type != XML_ELEMENT_NODE)
		return;

	buf_str(b, "<");
	buf_str(b, (const char *)n->name);
	for (a = n->properties; a != NULL; a = a->next) {
		buf_str(b, " ");
		buf_str(b, (const char *)a->name);
		buf_str(b, "=\"");
		if (a->children != NULL && a->children->content != NULL)
			buf_add_escaped(b, a->children->content, 1);
		buf_str(b, "\"");
	}
	/*
	 * Void elements as "<br />", everything else with an end tag even
	 * when empty: "<p/>" would be XML but, read as HTML (a feed
	 * reader, a browser), an unclosed <p>.
	 */
	if (name_in(n->name, el_void, NELEMS(el_void))) {
		buf_str(b, " />");
		return;
	}
	buf_str(b, ">");
	for (c = n->children; c != NULL; c = c->next)
		serialise(b, c);
	buf_str(b, "</");
	buf_str(b, (const char *)n->name);
	buf_str(b, ">");
}

char *
markdown_sanitise_html(const char *html, size_t len)
{
	struct buf	 in, res;
	htmlDocPtr	 src = NULL;
	xmlDocPtr	 dst = NULL;
	xmlNodePtr	 root, n;
	char		*rv = NULL;

	memset(&in, 0, sizeof(in));
	memset(&res, 0, sizeof(res));
	if (html == NULL && len > 0)
		goto out;
	if (len > MD_MAX_INPUT) {
		log_warnx("HTML of %zu bytes refused", len);
		goto out;
	}

	/*
	 * The explicit html and body start tags put all of the input in the
	 * body, so the parser has no reason to invent a <p> around leading
	 * text.  The input is UTF-8 and nothing in it may say otherwise
	 * (IGNORE_ENC), and no DTD or entity is fetched (NONET).
	 *
	 * XXX: without XML_PARSE_HUGE the parser stops at nesting depth
	 * 256 and what lies deeper is lost.  Only hostile input nests that
	 * deep, and lifting the limit would lift its other limits too.
	 */
	buf_str(&in, "<html><body>");
	if (buf_add_clean(&in, html, len) == -1)
		goto out;
	src = htmlReadMemory(in.p, (int)in.len, NULL, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	    HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD);
	if (src == NULL) {
		log_warnx("htmlReadMemory failed");
		goto out;
	}

	if ((dst = xmlNewDoc(XC("1.0"))) == NULL ||
	    (root = xmlNewDocNode(dst, NULL, XC("div"), NULL)) == NULL)
		goto out;
	xmlDocSetRootElement(dst, root);
	if (sanitise_tree(src, root) == -1) {
		log_warnx("out of memory");
		goto out;
	}

	buf_add(&res, "", 0);
	for (n = root->children; n != NULL; n = n->next)
		serialise(&res, n);
	rv = res.p;
	res.p = NULL;
out:
	xmlFreeDoc(dst);
	xmlFreeDoc(src);
	free(in.p);
	free(res.p);
	return rv;
}

char *
markdown_render(const char *md, size_t len)
{
	struct buf		 in;
	cmark_parser		*parser = NULL;
	cmark_node		*doc = NULL;
	cmark_syntax_extension	*ext;
	char			*html = NULL, *rv = NULL;
	size_t			 i, j;

	memset(&in, 0, sizeof(in));
	if (md == NULL && len > 0)
		goto out;
	if (len > MD_MAX_INPUT) {
		log_warnx("Markdown of %zu bytes refused", len);
		goto out;
	}
	buf_add(&in, "", 0);
	if (buf_add_clean(&in, md, len) == -1)
		goto out;

	/*
	 * CMARK_OPT_DEFAULT is safe mode in cmark-gfm 0.29 (CMARK_OPT_UNSAFE
	 * would turn it off): raw HTML becomes a comment, and links to
	 * javascript:, vbscript:, file: and most data: get an empty target.
	 * The sanitiser below does not rely on it.  No CMARK_OPT_SMART:
	 * editors' quotes and dashes are kept as typed.
	 */
	cmark_gfm_core_extensions_ensure_registered();
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (i = 0; i < NELEMS(md_extensions); i++) {
		if ((ext = cmark_find_syntax_extension(md_extensions[i])) ==
		    NULL) {
			log_warnx("cmark-gfm extension %s missing",
			    md_extensions[i]);
			goto out;
		}
		cmark_parser_attach_syntax_extension(parser, ext);
	}
	cmark_parser_feed(parser, in.p, in.len);
	if ((doc = cmark_parser_finish(parser)) == NULL)
		goto out;
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT,
	    cmark_parser_get_syntax_extensions(parser));
	if (html == NULL)
		goto out;

	/*
	 * cmark-gfm writes the references &#xFFFE; and &#xFFFF; as the
	 * single bytes 0xFE and 0xFF (an old utf8proc habit), which are not
	 * UTF-8 and would make the sanitiser refuse the whole body.  Those
	 * bytes appear in no valid UTF-8 and XML cannot carry the two
	 * characters anyway, so they are deleted here.
	 */
	for (i = j = 0; html[i] != '\0'; i++)
		if ((unsigned char)html[i] != 0xfe &&
		    (unsigned char)html[i] != 0xff)
			html[j++] = html[i];
	html[j] = '\0';
	rv = markdown_sanitise_html(html, j);
out:
	/* cmark's default allocator is the C library's. */
	free(html);
	if (doc != NULL)
		cmark_node_free(doc);
	if (parser != NULL)
		cmark_parser_free(parser);
	free(in.p);
	return rv;
}
