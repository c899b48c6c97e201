/*
 * View documents: the plain-data XML tree a page's template sees.
 *
 * Page code describes what a page shows with these calls and never touches
 * libxml2: elements are opened and closed like a stack, values are added as
 * text or attributes, and the serialiser escapes them.  No call here takes
 * markup, except view_html(), which parses a stored, already sanitised
 * fragment into nodes.  Element and attribute names are string literals of
 * the caller.  Memory of the tree is owned by the view.
 */
#ifndef VIEW_H
#define VIEW_H

#include <time.h>

struct	out;
struct	view;
struct	_xmlDoc;

/*
 * Returns a new document whose root element is named root, which is also
 * the current element.  Caller frees with view_free().  Aborts if memory
 * runs out, like the x* allocators.
 */
struct view	*view_new(const char *root);
/* Frees the view and its tree; accepts NULL. */
void		 view_free(struct view *);
/* Adds a child element to the current one and makes it current. */
void		 view_push(struct view *, const char *name);
/* Makes the parent of the current element current; the root stays. */
void		 view_pop(struct view *);
/* Sets an attribute of the current element; a NULL value is skipped. */
void		 view_attr(struct view *, const char *name, const char *value);
/* Sets an attribute to a decimal integer. */
void		 view_attr_int(struct view *, const char *name, long long);
/* Appends text to the current element; NULL is skipped. */
void		 view_content(struct view *, const char *);
/*
 * Adds a child element holding text, <name>value</name>; a NULL value adds
 * nothing.  Characters XML cannot carry are dropped.
 */
void		 view_text(struct view *, const char *name, const char *value);
/* Adds <name>decimal</name>. */
void		 view_int(struct view *, const char *name, long long);
/* Adds <name>2021-07-21T14:00:00Z</name> (RFC 3339, UTC); 0 adds nothing. */
void		 view_time(struct view *, const char *name, time_t);
/*
 * Adds <name> holding the nodes of a stored, sanitised HTML fragment
 * (markdown.c's output), parsed with the XML parser: no entity is
 * resolved, nothing is fetched.  Templates place it with xsl:copy-of.  If
 * the fragment does not parse, logs why and adds it as text instead, so a
 * page still shows its words.  NULL adds nothing.
 */
void		 view_html(struct view *, const char *name, const char *html);
/*
 * Serialises the document as indented XML into out, for theme authors and
 * tests ("what does the template see?").
 */
void		 view_dump(const struct view *, struct out *);
/* The libxml2 document, for render.c only. */
struct _xmlDoc	*view_doc(const struct view *);

#endif /* !VIEW_H */
