/*
 * Markdown -> sanitised HTML, run when content is stored.  cmark-gfm in
 * safe mode with the table, autolink and strikethrough extensions, then an
 * allow-list filter (elements, attributes, URL schemes) over libxml2's HTML
 * parser.  The result is a well-formed XHTML-compatible fragment that
 * view.c can parse back into nodes.
 */
#ifndef MARKDOWN_H
#define MARKDOWN_H

#include <stddef.h>

/*
 * Renders len bytes of Markdown.  Returns a NUL-terminated, sanitised HTML
 * fragment (caller frees with free()), or NULL if the input is not valid
 * UTF-8 or rendering failed.  Characters outside XML 1.0's Char production
 * are removed.
 */
char	*markdown_render(const char *md, size_t len);
/*
 * Sanitises an HTML fragment with the same allow-list.  Returns a new
 * string (caller frees with free()) or NULL.
 */
char	*markdown_sanitise_html(const char *html, size_t len);

#endif /* !MARKDOWN_H */
