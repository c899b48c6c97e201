/*
 * Markdown rendering and the HTML sanitiser: what editors write comes out
 * as expected, and what an attacker writes comes out harmless.  Every
 * output is also read back with libxml2's XML parser inside a <div>, the
 * way view.c reads stored bodies.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "check.h"
#include "markdown.h"

int	main(void);

/* Returns 1 if frag parses as XML inside a <div>, without any error. */
static int
xml_ok(const char *frag)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc = NULL;
	char			*s;
	size_t			 n;
	int			 ok = 0;

	n = strlen(frag) + sizeof("<div></div>");
	if ((s = malloc(n)) == NULL)
		return 0;
	snprintf(s, n, "<div>%s</div>", frag);
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		goto out;
	doc = xmlCtxtReadMemory(ctxt, s, (int)strlen(s), NULL, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	ok = doc != NULL && ctxt->wellFormed &&
	    ctxt->lastError.code == XML_ERR_OK;
out:
	if (!ok)
		fprintf(stderr, "not XML: %.200s\n", frag);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	free(s);
	return ok;
}

/* Returns 1 if the lowercase of s contains needle. */
static int
has_nocase(const char *s, const char *needle)
{
	size_t	 i, j;

	for (i = 0; s[i] != '\0'; i++) {
		for (j = 0; needle[j] != '\0'; j++)
			if (s[i + j] == '\0' ||
			    (s[i + j] | 0x20) != needle[j])
				break;
		if (needle[j] == '\0')
			return 1;
	}
	return 0;
}

/*
 * The properties every output of hostile input must have: present,
 * nothing script-like anywhere, and well-formed.
 */
static int
harmless(const char *out)
{
	if (out == NULL) {
		fprintf(stderr, "NULL output\n");
		return 0;
	}
	if (has_nocase(out, "script") || has_nocase(out, "onerror") ||
	    has_nocase(out, "javascript:") || has_nocase(out, "data:")) {
		fprintf(stderr, "unsafe: %s\n", out);
		return 0;
	}
	return xml_ok(out);
}

static char	*last;

/* Renders Markdown; the result stays valid until the next call. */
static const char *
md(const char *s)
{
	free(last);
	last = markdown_render(s, strlen(s));
	return last;
}

/* Sanitises HTML; the result stays valid until the next call. */
static const char *
san(const char *s)
{
	free(last);
	last = markdown_sanitise_html(s, strlen(s));
	return last;
}

static void
test_markdown(void)
{
	const char	*o;

	CHECK_STR(md("# Title"), "<h2>Title</h2>\n");
	CHECK_STR(md("## Sub\n\n###### Six"), "<h2>Sub</h2>\n<h6>Six</h6>\n");
	CHECK_STR(md("Hello *world* and **all**"),
	    "<p>Hello <em>world</em> and <strong>all</strong></p>\n");
	CHECK_STR(md("~~gone~~"), "<p><del>gone</del></p>\n");
	CHECK_STR(md("see www.example.org"),
	    "<p>see <a href=\"http://www.example.org\">www.example.org</a>"
	    "</p>\n");
	CHECK_STR(md("https://inpud.net/a?b=1&c=2"),
	    "<p><a href=\"https://inpud.net/a?b=1&amp;c=2\">"
	    "https://inpud.net/a?b=1&amp;c=2</a></p>\n");
	CHECK_STR(md("[INPUD](https://inpud.net/ \"Network\")"),
	    "<p><a href=\"https://inpud.net/\" title=\"Network\">INPUD</a>"
	    "</p>\n");
	CHECK_STR(md("<info@inpud.net>"),
	    "<p><a href=\"mailto:info@inpud.net\">info@inpud.net</a></p>\n");
	CHECK_STR(md("| Language | Channel |\n|:--|--:|\n| French | 2 |\n"),
	    "<table>\n<thead>\n<tr>\n<th>Language</th>\n<th>Channel</th>\n"
	    "</tr>\n</thead>\n<tbody>\n<tr>\n<td>French</td>\n<td>2</td>\n"
	    "</tr>\n</tbody>\n</table>\n");
	CHECK_STR(md("- one\n- two\n"),
	    "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
	CHECK_STR(md("3. three\n4. four\n"),
	    "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n");
	CHECK_STR(md("```c\nif (a < b && c)\n```\n"),
	    "<pre><code class=\"language-c\">if (a &lt; b &amp;&amp; c)\n"
	    "</code></pre>\n");
	CHECK_STR(md("```C++\nx\n```\n"),
	    "<pre><code class=\"language-c++\">x\n</code></pre>\n");
	CHECK_STR(md("```{onclick=x}\nx\n```\n"),
	    "<pre><code>x\n</code></pre>\n");
	CHECK_STR(md("use `a<b`"), "<p>use <code>a&lt;b</code></p>\n");
	CHECK_STR(md("> quoted"),
	    "<blockquote>\n<p>quoted</p>\n</blockquote>\n");
	CHECK_STR(md("a  \nb"), "<p>a<br />\nb</p>\n");
	CHECK_STR(md("---"), "<hr />\n");
	CHECK_STR(md("![Gallery photo](/media/a.jpg)"),
	    "<p><img src=\"/media/a.jpg\" alt=\"Gallery photo\" /></p>\n");
	CHECK_STR(md("\"quotes\" -- as typed"),
	    "<p>\"quotes\" -- as typed</p>\n");

	/* Empty input is an empty body, not a failure. */
	CHECK_STR(md(""), "");
	CHECK_STR(md("\n\n"), "");

	/* Text that matters to an XML or HTML reader. */
	CHECK_STR(md("a ]]> b"), "<p>a ]]&gt; b</p>\n");
	CHECK_STR(md("Tom & Jerry <3"), "<p>Tom &amp; Jerry &lt;3</p>\n");

	/* Other scripts and emoji pass untouched. */
	CHECK_STR(md("Снижение вреда — *права человека*"),
	    "<p>Снижение вреда — <em>права человека</em></p>\n");
	CHECK_STR(md("الحد من الضرر و שלום"),
	    "<p>الحد من الضرر و שלום</p>\n");
	CHECK_STR(md("#MoreThan 💜🕯️"), "<p>#MoreThan 💜🕯️</p>\n");
	o = md("Español: ¿Qué? Français : « oui »");
	CHECK_STR(o, "<p>Español: ¿Qué? Français : « oui »</p>\n");
}

static void
test_markdown_hostile(void)
{
	static const char *const inputs[] = {
		"[x](javascript:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](&#106;avascript:alert(1))",
		"[x](&#x6A;avascript&#58;alert(1))",
		"[x]( javascript:alert(1))",
		"[x](<java\tscript:alert(1)>)",
		"[x](vbscript:msgbox)",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"![x](data:image/png;base64,iVBORw0KGgo=)",
		"[x][r]\n\n[r]: javascript:alert(1)",
		"<script>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"<a href=\"javascript:alert(1)\">x</a>",
		"<svg><script>alert(1)</script></svg>",
		"<iframe src=\"https://evil.example/\"></iframe>",
		"<style>body{display:none}</style>",
		"text <b><i>x</b></i> text",
		"<a href=\" javascript:x\">x</a>",
		"<!-- comment --><?php echo 1; ?>",
		"x\x01y\x1fz\x7f",
		"*a*\x0b*b*",
	};
	size_t	 i;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		if (!harmless(md(inputs[i])))
			fprintf(stderr, "input %zu: %s\n", i, inputs[i]);
		CHECK(harmless(md(inputs[i])));
	}

	CHECK_STR(md("[x](javascript:alert(1))"), "<p>x</p>\n");
	CHECK_STR(md("[x](&#106;avascript:alert(1))"), "<p>x</p>\n");
	CHECK_STR(md("![x](data:image/png;base64,iVBORw0KGgo=)"),
	    "<p></p>\n");
	/* Safe mode leaves a comment for raw HTML, and comments go. */
	CHECK_STR(md("<script>alert(1)</script>"), "\n");
	CHECK_STR(md("a <img src=x onerror=alert(1)> b"), "<p>a  b</p>\n");

	/* NUL, controls, U+FFFE and U+FFFF cannot be carried by XML. */
	free(last);
	last = markdown_render("a\0b", 3);
	CHECK_STR(last, "<p>ab</p>\n");
	CHECK_STR(md("x\x01y\x1fz"), "<p>xyz</p>\n");
	CHECK_STR(md("a\xef\xbf\xbe\xef\xbf\xbf" "b"), "<p>ab</p>\n");
	CHECK_STR(md("a&#1;b&#xFFFE;c"), "<p>abc</p>\n");
	CHECK_STR(md("tab\there"), "<p>tab\there</p>\n");
}

static void
test_invalid_utf8(void)
{
	static const char *const bad[] = {
		"\xff",			/* never in UTF-8 */
		"a\x80" "b",		/* lone continuation byte */
		"\xc0\xaf",		/* overlong '/' */
		"\xe0\x80\xaf",		/* overlong, three bytes */
		"\xed\xa0\x80",		/* UTF-16 surrogate U+D800 */
		"\xf4\x90\x80\x80",	/* above U+10FFFF */
		"\xe2\x82",		/* truncated */
		"ok \xc3",		/* truncated at the end */
	};
	size_t	 i;
	char	*o;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		o = markdown_render(bad[i], strlen(bad[i]));
		CHECK(o == NULL);
		free(o);
		o = markdown_sanitise_html(bad[i], strlen(bad[i]));
		CHECK(o == NULL);
		free(o);
	}
	/* The edges that are valid. */
	CHECK_STR(md("\xf4\x8f\xbf\xbf"), "<p>\xf4\x8f\xbf\xbf</p>\n");
	CHECK_STR(md("\xee\x80\x80"), "<p>\xee\x80\x80</p>\n");
}

static void
test_sanitise(void)
{
	CHECK_STR(san(""), "");
	CHECK_STR(san("<p>a<script>alert(1)</script>b</p>"), "<p>ab</p>");
	CHECK_STR(san("<img src=x onerror=alert(1)>"), "<img src=\"x\" />");
	CHECK_STR(san("<a href=\"javascript:alert(1)\">l</a>"), "l");
	CHECK_STR(san("<a href=\" javascript:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"\x01javascript:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"java&#9;script:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"java\tscript:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"jav&#x0A;ascript:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"&#106;avascript:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"&#0000106&#0000097vascript:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"JaVaScRiPt:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"javascript&colon;x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"vbscript:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"data:text/html,<script>x</script>\">l</a>"),
	    "l");
	CHECK_STR(san("<a href=\"file:///etc/passwd\">l</a>"), "l");
	CHECK_STR(san("<a href=\"foo bar:x\">l</a>"), "l");
	CHECK_STR(san("<a href=\"a&amp;b/c\">l</a>"), "l");
	CHECK_STR(san("<a href=\"/a&amp;b\">l</a>"),
	    "<a href=\"/a&amp;b\">l</a>");
	CHECK_STR(san("<a href=\"\">l</a>"), "l");
	CHECK_STR(san("<a>l</a>"), "l");
	CHECK_STR(san("<img src=\"data:image/png;base64,AAAA\" alt=a>"), "");
	CHECK_STR(san("<img src=\"mailto:a@b.c\">"), "");
	/* Pictures from other hosts would break the no-third-party rule. */
	CHECK_STR(san("<img src=\"https://tracker.example/p.gif\">"), "");
	CHECK_STR(san("<img src=\"//tracker.example/p.gif\">"), "");
	CHECK_STR(md("![x](https://tracker.example/p.gif)"), "<p></p>\n");
	CHECK_STR(san("<img src=\"/media/ok.png\" alt=\"\">"),
	    "<img src=\"/media/ok.png\" alt=\"\" />");
	CHECK_STR(san("<img alt=\"no source\">"), "");

	/* Allowed URLs, kept as written (tab, LF, CR and edges trimmed). */
	CHECK_STR(san("<a href=\"https://inpud.net/\" target=_blank "
	    "onclick=\"x()\" rel=opener>l</a>"),
	    "<a href=\"https://inpud.net/\">l</a>");
	CHECK_STR(san("<a href=\"HTTP://inpud.net/\">l</a>"),
	    "<a href=\"HTTP://inpud.net/\">l</a>");
	CHECK_STR(san("<a href=\"mailto:info@inpud.net\">l</a>"),
	    "<a href=\"mailto:info@inpud.net\">l</a>");
	CHECK_STR(san("<a href=\"/en/news/x?a=1&amp;b=2#c\">l</a>"),
	    "<a href=\"/en/news/x?a=1&amp;b=2#c\">l</a>");
	CHECK_STR(san("<a href=\"#top\">l</a>"), "<a href=\"#top\">l</a>");
	CHECK_STR(san("<a href=\"report.pdf\">l</a>"),
	    "<a href=\"report.pdf\">l</a>");
	CHECK_STR(san("<a href=\"//inpud.net/x\">l</a>"),
	    "<a href=\"//inpud.net/x\">l</a>");
	CHECK_STR(san("<a href=\"/search?q=a:b\">l</a>"),
	    "<a href=\"/search?q=a:b\">l</a>");
	CHECK_STR(san("<a href=\"  https://inpud.net/\n\">l</a>"),
	    "<a href=\"https://inpud.net/\">l</a>");
	CHECK_STR(san("<a href=\"https://a.example/\" "
	    "title=\"T &quot;q&quot;\" hreflang=fr lang=en-GB>l</a>"),
	    "<a href=\"https://a.example/\" title=\"T &quot;q&quot;\" "
	    "hreflang=\"fr\" lang=\"en-GB\">l</a>");
	CHECK_STR(san("<img src=\"/media/a.png\" alt=\"A &amp; B\" width=640 "
	    "height=\"x\" style=\"x\">"),
	    "<img src=\"/media/a.png\" alt=\"A &amp; B\" width=\"640\" />");

	/* Attribute values that smuggle script are dropped everywhere. */
	CHECK_STR(san("<a href=\"/\" title=\"javascript:x\">l</a>"),
	    "<a href=\"/\">l</a>");

	/* Elements and content dropped whole. */
	CHECK_STR(san("<svg><script>alert(1)</script></svg>ok"), "ok");
	CHECK_STR(san("<iframe src=\"https://evil.example/\">f</iframe>ok"),
	    "ok");
	CHECK_STR(san("<style>p{}</style>ok"), "ok");
	CHECK_STR(san("<object data=x><embed src=x></object>ok"), "ok");
	CHECK_STR(san("<math><mi>x</mi></math>ok"), "ok");
	CHECK_STR(san("<form action=x><input name=a><button>b</button>"
	    "<textarea>t</textarea><select><option>o</select></form>ok"),
	    "ok");
	CHECK_STR(san("<noscript>n</noscript><template>t</template>ok"), "ok");
	CHECK_STR(san("<title>t</title><meta http-equiv=refresh "
	    "content=\"0;url=javascript:x\"><link rel=stylesheet href=x>ok"),
	    "ok");
	CHECK_STR(san("a<!-- c --><?pi x?>b"), "ab");

	/* Harmless formatting: the element goes, its text stays. */
	CHECK_STR(san("<p><u>u</u><font color=red>f</font><span>s</span></p>"),
	    "<p>ufs</p>");
	CHECK_STR(san("<center>c</center><div class=x>d</div>"), "cd");

	/* Broken markup comes out balanced. */
	CHECK_STR(san("<b><i>x</b></i>"), "<b><i>x</i></b>");
	CHECK_STR(san("<p>a<p>b"), "<p>a</p><p>b</p>");
	CHECK_STR(san("<a href=\"/a\">1<a href=\"/b\">2</a></a>"),
	    "<a href=\"/a\">1</a><a href=\"/b\">2</a>");
	CHECK_STR(san("<td>c</td><li>l</li>"), "cl");
	CHECK_STR(san("<figcaption>c</figcaption>"), "c");
	CHECK_STR(san("<ul><li>a</li></ul>"), "<ul><li>a</li></ul>");
	CHECK_STR(san("<table><tr><td align=right>1</td></tr></table>"),
	    "<table><tr><td>1</td></tr></table>");
	CHECK_STR(san("<table><tr><th colspan=2 rowspan=x>h</th></tr>"
	    "</table>"),
	    "<table><tr><th colspan=\"2\">h</th></tr></table>");
	CHECK_STR(san("<figure><img src=a.jpg alt=\"\"><figcaption>c"
	    "</figcaption></figure>"),
	    "<figure><img src=\"a.jpg\" alt=\"\" /><figcaption>c"
	    "</figcaption></figure>");

	/* Headings: the page owns h1. */
	CHECK_STR(san("<h1>a</h1><h3>b</h3>"), "<h2>a</h2><h3>b</h3>");

	/* Attributes that are checked by kind. */
	CHECK_STR(san("<p lang=ru dir=RTL class=x id=y style=z>p</p>"),
	    "<p lang=\"ru\" dir=\"rtl\">p</p>");
	CHECK_STR(san("<p lang=\"e n\" dir=up>p</p>"), "<p>p</p>");
	CHECK_STR(san("<p lang=\"-x\">p</p><p lang=\"x-\">q</p>"),
	    "<p>p</p><p>q</p>");
	CHECK_STR(san("<ol start=3><li>x</li></ol><ol start=x></ol>"),
	    "<ol start=\"3\"><li>x</li></ol><ol></ol>");
	CHECK_STR(san("<code class=\"language-C++\">c</code>"
	    "<code class=\"language-x y\">d</code><code class=nav>e</code>"),
	    "<code class=\"language-c++\">c</code><code>d</code>"
	    "<code>e</code>");
	CHECK_STR(san("<abbr title=\"Harm reduction\">HR</abbr>"),
	    "<abbr title=\"Harm reduction\">HR</abbr>");
	CHECK_STR(san("<p title=\"a\nb\tc\">p</p>"
	    "<abbr title=\"a\nb\">x</abbr>"),
	    "<p>p</p><abbr title=\"a&#10;b\">x</abbr>");

	/* Empty non-void elements keep an end tag; void ones have none. */
	CHECK_STR(san("<p></p><br><hr>"), "<p></p><br /><hr />");

	/* Text escaping. */
	CHECK_STR(san("]]> &lt;script&gt; &amp; \"q\""),
	    "]]&gt; &lt;script&gt; &amp; \"q\"");
	CHECK_STR(san("a&#1;b&#0;c"), "abc");
	CHECK_STR(san("a\rb"), "a&#13;b");

	/* The input says UTF-8 and a <meta> cannot say otherwise. */
	CHECK_STR(san("<meta charset=\"iso-8859-1\">é привет שלום 😀"),
	    "é привет שלום 😀");
}

static void
test_sanitise_hostile(void)
{
	static const char *const inputs[] = {
		"<script>alert(1)</script>",
		"<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
		"<scr<script>ipt>alert(1)</script>",
		"<img src=x onerror=alert(1)>",
		"<img src=\"javascript:alert(1)\">",
		"<IMG SRC=JaVaScRiPt:alert(1)>",
		"<img src=`javascript:alert(1)`>",
		"<a href=\"javascript:alert(1)\">x</a>",
		"<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;"
		    "&#x70;&#x74;&#x3A;alert(1)\">x</a>",
		"<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
		"<a href=\"\x0e\x0fjavascript:alert(1)\">x</a>",
		"<a href=\"data:text/html;base64,PHNjcmlwdD4=\">x</a>",
		"<svg onload=alert(1)><script>alert(1)</script></svg>",
		"<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a>"
		    "</svg>",
		"<math><maction actiontype=statusline xlink:href="
		    "javascript:alert(1)>x</maction></math>",
		"<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
		"<style>@import 'javascript:alert(1)';</style>",
		"<body onload=alert(1)>",
		"<div style=\"background:url(javascript:alert(1))\">x</div>",
		"<base href=\"javascript:alert(1)//\">",
		"<object data=\"javascript:alert(1)\"></object>",
		"<form><button formaction=javascript:alert(1)>x</button>"
		    "</form>",
		"<p onmouseover=\"alert(1)\">x</p>",
		"<b><i>x</b></i>",
		"<table><td><script>alert(1)</script></table>",
		"<![CDATA[<script>alert(1)</script>]]>",
		"<!--<script>alert(1)</script>-->",
		"<noscript><p title=\"</noscript><img src=x "
		    "onerror=alert(1)>\"></noscript>",
		"<xmp><script>alert(1)</script></xmp>",
		"<a href=\"https://ok.example/\" xmlns:xlink=\"x\" "
		    "xlink:href=\"javascript:x\">ok</a>",
		"<html><head><script>x</script></head><body>b</body></html>"
		    "<script>y</script>",
		"<textarea><script>alert(1)</script></textarea>",
		"<template><script>alert(1)</script></template>",
	};
	size_t	 i;

	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		if (!harmless(san(inputs[i])))
			fprintf(stderr, "input %zu: %s\n", i, inputs[i]);
		CHECK(harmless(san(inputs[i])));
	}
}

static void
test_big(void)
{
	char	*s, *o;
	size_t	 i, n;

	/* A long body renders whole. */
	n = 1024 * 1024;
	s = malloc(n + 1);
	CHECK(s != NULL);
	if (s == NULL)
		return;
	for (i = 0; i < n; i++)
		s[i] = "Harm reduction works. *Yes*.\n\n"[i % 31];
	s[n] = '\0';
	o = markdown_render(s, n);
	CHECK(o != NULL);
	CHECK(o != NULL && strlen(o) > n);
	CHECK(o != NULL && xml_ok(o));
	free(o);

	/* One paragraph of a megabyte: one large text node. */
	memset(s, 'a', n);
	o = markdown_render(s, n);
	CHECK(o != NULL && strlen(o) == n + strlen("<p></p>\n"));
	CHECK(o != NULL && xml_ok(o));
	free(o);

	/* Nesting deeper than an XML parser accepts is flattened. */
	for (i = 0; i < n; i++)
		s[i] = '>';
	memcpy(s + 100000, " deep\n", 6);
	o = markdown_render(s, 100006);
	CHECK(o != NULL && xml_ok(o));
	free(o);
	for (i = 0; i + 5 < n; i += 5)
		memcpy(s + i, "<div>", 5);
	s[i] = '\0';
	o = markdown_sanitise_html(s, strlen(s));
	CHECK(o != NULL && xml_ok(o));
	free(o);
	for (i = 0; i + 3 < n; i += 3)
		memcpy(s + i, "<b>", 3);
	s[i] = '\0';
	o = markdown_sanitise_html(s, strlen(s));
	CHECK(o != NULL && xml_ok(o));
	free(o);
	free(s);

	/* Above the size limit: refused, not truncated. */
	n = 5 * 1024 * 1024;
	s = calloc(1, n + 1);
	CHECK(s != NULL);
	if (s == NULL)
		return;
	memset(s, 'a', n);
	o = markdown_render(s, n);
	CHECK(o == NULL);
	free(o);
	o = markdown_sanitise_html(s, n);
	CHECK(o == NULL);
	free(o);
	free(s);
}

int
main(void)
{
	test_markdown();
	test_markdown_hostile();
	test_invalid_utf8();
	test_sanitise();
	test_sanitise_hostile();
	test_big();
	free(last);
	return CHECK_DONE();
}
