/*
 * Templates (render.h): every page stylesheet of templates/ is compiled
 * once, before the accept loop, and applied to view documents.
 *
 * The stylesheets are trusted (they come with the installation) but run
 * with the least they need: at run time they may not read or write files,
 * create directories or touch the network, and entities are never
 * substituted nor XIncludes processed.  Output escaping is the HTML
 * serialiser's: templates never disable it (tests/lint.sh checks).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/globals.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpathInternals.h>
#include <libxslt/extensions.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libxslt/transform.h>
#include <libxslt/security.h>
#include <libexslt/exslt.h>

#include "log.h"
#include "out.h"
#include "render.h"
#include "util.h"
#include "view.h"

/*
 * The page stylesheets.  layout.xsl and i18n.xsl are imported by these
 * and never applied on their own.
 */
static const char *const tmpl_names[] = {
	"home",		/* home.xsl: a language's front page */
	"list",		/* list.xsl: kind, tag and organisation listings */
	"item",		/* item.xsl: one item of any kind */
	"tags",		/* tags.xsl: the tag index */
	"orgs",		/* orgs.xsl: the organisation index */
	"error",	/* error.xsl: 4xx and 5xx pages */
	"admin",	/* admin.xsl: sign-in, errors, small admin pages */
	"admin-dash",	/* admin-dash.xsl: the editor's dashboard */
	"admin-items",	/* admin-items.xsl: the item list, new item */
	"admin-edit",	/* admin-edit.xsl: the edit form, conflict page */
	"admin-tags",	/* admin-tags.xsl: the tags of each language */
	"admin-orgs",	/* admin-orgs.xsl: the organisations registry */
	"admin-revisions", /* admin-revisions.xsl: revisions and diffs */
	"admin-media",	/* admin-media.xsl: uploads, media library */
	"admin-users",	/* admin-users.xsl: users (administrators) */
	"admin-account", /* admin-account.xsl: own password, sessions, TOTP */
	"admin-audit",	/* admin-audit.xsl: audit log, settings */
	"admin-preview", /* admin-preview.xsl: preview links */
};
#define TMPL_MAX	(sizeof(tmpl_names) / sizeof(tmpl_names[0]))

/* The templates' namespace, where b:t() lives. */
#define TMPL_NS		"urn:x-broadside:templates"

struct	tmpl {
	xsltStylesheetPtr	 style[TMPL_MAX];	/* by tmpl_names */
	xsltSecurityPrefsPtr	 sec;			/* run-time limits */
	xmlDocPtr		 i18n_doc;	/* i18n.xsl, for its strings */
	xmlHashTablePtr		 i18n;		/* k -> <s k en fr ...> */
};

/*
 * libxml2 and libxslt report errors in pieces through a printf-like
 * callback; collect each line and log it whole.
 */
static char	 errline[1024];
static size_t	 errlen;

static void
render_error(void *ctx, const char *fmt, ...)
{
	va_list	 ap;
	char	 piece[1024], *nl, *p;
	size_t	 n;

	(void)ctx;
	va_start(ap, fmt);
	vsnprintf(piece, sizeof(piece), fmt, ap);
	va_end(ap);

	for (p = piece; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		n = nl != NULL ? (size_t)(nl - p) : strlen(p);
		if (n > sizeof(errline) - 1 - errlen)
			n = sizeof(errline) - 1 - errlen;
		memcpy(errline + errlen, p, n);
		errlen += n;
		errline[errlen] = '\0';
		if (nl == NULL)
			break;
		if (errlen > 0)
			log_warnx("template: %s", errline);
		errlen = 0;
	}
}

/* Process-wide settings of libxml2 and libxslt; idempotent. */
static void
render_init(void)
{
	static int	 done;

	if (done)
		return;
	done = 1;
	xmlInitParser();
	/* Never expand entities, never load external DTDs. */
	xmlSubstituteEntitiesDefault(0);
	xmlLoadExtDtdDefaultValue = 0;
	xsltSetXIncludeDefault(0);
	/* exsl:node-set and func:function for the i18n tables. */
	exsltRegisterAll();
	xmlSetGenericErrorFunc(NULL, render_error);
	xsltSetGenericErrorFunc(NULL, render_error);
}

/*
 * Reads the b:strings table of dir/i18n.xsl into t->i18n: each <s k="key"
 * en="..." fr="..."/> by its key.  Returns 0, or -1 (logged).
 */
static int
render_strings_load(struct tmpl *t, const char *dir)
{
	xmlNodePtr	 root, tab, s;
	xmlChar		*k;
	char		 path[4096];
	int		 n, rc = -1;

	n = snprintf(path, sizeof(path), "%s/i18n.xsl", dir);
	if (n < 0 || (size_t)n >= sizeof(path))
		goto out;
	if ((t->i18n_doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL ||
	    (root = xmlDocGetRootElement(t->i18n_doc)) == NULL) {
		log_warnx("%s: cannot read or parse", path);
		goto out;
	}
	if ((t->i18n = xmlHashCreate(256)) == NULL)
		xabort("render_strings_load: out of memory");
	for (tab = root->children; tab != NULL; tab = tab->next) {
		if (tab->type != XML_ELEMENT_NODE || tab->ns == NULL ||
		    !xmlStrEqual(tab->name, BAD_CAST "strings") ||
		    !xmlStrEqual(tab->ns->href, BAD_CAST TMPL_NS))
			continue;
		for (s = tab->children; s != NULL; s = s->next) {
			if (s->type != XML_ELEMENT_NODE ||
			    !xmlStrEqual(s->name, BAD_CAST "s"))
				continue;
			if ((k = xmlGetProp(s, BAD_CAST "k")) == NULL) {
				log_warnx("%s:%ld: string without k", path,
				    xmlGetLineNo(s));
				goto out;
			}
			if (xmlHashAddEntry(t->i18n, k, s) != 0) {
				log_warnx("%s:%ld: string %s twice", path,
				    xmlGetLineNo(s), (const char *)k);
				xmlFree(k);
				goto out;
			}
			xmlFree(k);
		}
	}
	if (xmlHashSize(t->i18n) <= 0) {
		log_warnx("%s: no b:strings table", path);
		goto out;
	}
	rc = 0;
out:
	return rc;
}

/*
 * The XPath function b:t(k): the interface string k in the language of
 * the page (the view document's /page/@lang), else in English, else k.
 * A hash lookup instead of a search of a table rebuilt for every page.
 */
static void
render_fn_t(xmlXPathParserContextPtr ctxt, int nargs)
{
	xsltTransformContextPtr	 tctxt;
	const struct tmpl	*t;
	xmlNodePtr		 root, s;
	xmlChar			*k, *lang = NULL, *v = NULL;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((k = xmlXPathPopString(ctxt)) == NULL) {
		xmlXPathSetTypeError(ctxt);
		return;
	}
	tctxt = xsltXPathGetTransformContext(ctxt);
	t = tctxt != NULL ? tctxt->_private : NULL;
	s = t != NULL ? xmlHashLookup(t->i18n, k) : NULL;
	if (s != NULL && tctxt->document != NULL &&
	    (root = xmlDocGetRootElement(tctxt->document->doc)) != NULL &&
	    (lang = xmlGetProp(root, BAD_CAST "lang")) != NULL &&
	    xmlValidateNCName(lang, 0) == 0 &&
	    !xmlStrEqual(lang, BAD_CAST "k"))
		v = xmlGetProp(s, lang);
	if (s != NULL && v == NULL)
		v = xmlGetProp(s, BAD_CAST "en");
	valuePush(ctxt, xmlXPathNewString(v != NULL ? v : k));
	xmlFree(v);
	xmlFree(lang);
	xmlFree(k);
}

struct tmpl *
render_load(const char *dir)
{
	struct tmpl	*t;
	xmlDocPtr	 doc;
	char		 path[4096];
	size_t		 i;
	int		 n, failed = 0;

	render_init();
	t = xcalloc(1, sizeof(*t));
	if ((t->sec = xsltNewSecurityPrefs()) == NULL)
		xabort("render_load: out of memory");
	if (xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_READ_FILE,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(t->sec, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid) != 0)
		xabort("render_load: cannot set security preferences");

	for (i = 0; i < TMPL_MAX; i++) {
		n = snprintf(path, sizeof(path), "%s/%s.xsl", dir,
		    tmpl_names[i]);
		if (n < 0 || (size_t)n >= sizeof(path)) {
			log_warnx("%s: template directory name too long", dir);
			failed = 1;
			break;
		}
		/*
		 * Parse without entity substitution or network, then
		 * compile; imports are resolved relative to the file.
		 */
		doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
		if (doc == NULL) {
			log_warnx("%s: cannot read or parse", path);
			failed = 1;
			continue;
		}
		if ((t->style[i] = xsltParseStylesheetDoc(doc)) == NULL ||
		    t->style[i]->errors > 0) {
			log_warnx("%s: does not compile", path);
			if (t->style[i] == NULL)
				xmlFreeDoc(doc);
			failed = 1;
			continue;
		}
	}
	if (render_strings_load(t, dir) == -1)
		failed = 1;
	if (failed) {
		render_free(t);
		return NULL;
	}
	return t;
}

void
render_free(struct tmpl *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < TMPL_MAX; i++)
		if (t->style[i] != NULL)
			xsltFreeStylesheet(t->style[i]);
	xsltFreeSecurityPrefs(t->sec);
	/* The table's entries are nodes of i18n_doc: nothing to free. */
	xmlHashFree(t->i18n, NULL);
	xmlFreeDoc(t->i18n_doc);
	free(t);
}

int
render_page(struct tmpl *t, const char *name, struct view *v,
    struct out *o)
{
	xsltStylesheetPtr	 style = NULL;
	xsltTransformContextPtr	 ctxt = NULL;
	xmlDocPtr		 res = NULL;
	xmlChar			*buf = NULL;
	size_t			 i;
	int			 len = 0, rc = -1;

	for (i = 0; i < TMPL_MAX; i++)
		if (strcmp(tmpl_names[i], name) == 0) {
			style = t->style[i];
			break;
		}
	if (style == NULL) {
		log_warnx("%s: no such template", name);
		goto out;
	}
	if ((ctxt = xsltNewTransformContext(style, view_doc(v))) == NULL) {
		log_warnx("%s: cannot create transformation", name);
		goto out;
	}
	if (xsltSetCtxtSecurityPrefs(t->sec, ctxt) != 0) {
		log_warnx("%s: cannot apply security preferences", name);
		goto out;
	}
	ctxt->_private = t;
	if (xsltRegisterExtFunction(ctxt, BAD_CAST "t", BAD_CAST TMPL_NS,
	    render_fn_t) != 0) {
		log_warnx("%s: cannot register b:t()", name);
		goto out;
	}
	res = xsltApplyStylesheetUser(style, view_doc(v), NULL, NULL, NULL,
	    ctxt);
	if (res == NULL || ctxt->state == XSLT_STATE_ERROR ||
	    ctxt->state == XSLT_STATE_STOPPED) {
		log_warnx("%s: transformation failed", name);
		goto out;
	}
	if (xsltSaveResultToString(&buf, &len, res, style) != 0 ||
	    buf == NULL) {
		log_warnx("%s: cannot serialise", name);
		goto out;
	}
	/*
	 * libxml2's HTML serialiser knows no HTML5 doctype; a stylesheet
	 * with method="html" and no doctype gets one written here.
	 */
	if (res->type == XML_HTML_DOCUMENT_NODE && res->intSubset == NULL)
		out_lit(o, "<!DOCTYPE html>\n");
	out_bytes(o, buf, (size_t)len);
	rc = 0;
out:
	xmlFree(buf);
	xmlFreeDoc(res);
	xsltFreeTransformContext(ctxt);
	return rc;
}
