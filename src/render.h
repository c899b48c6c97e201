/*
 * Templates: the XSLT stylesheets of templates/, compiled once per process,
 * applied to view documents (view.h) and serialised as HTML5.
 */
#ifndef RENDER_H
#define RENDER_H

struct	tmpl;
struct	view;
struct	out;

/*
 * Compiles every stylesheet in dir.  Returns a new set (caller frees with
 * render_free()) or NULL, having logged each template that failed and why.
 */
struct tmpl	*render_load(const char *dir);
/* Frees the compiled templates; accepts NULL. */
void		 render_free(struct tmpl *);
/*
 * Applies the page stylesheet name ("home" for home.xsl, one of those
 * render_load() compiled) to the view and appends the HTML5 document,
 * "<!DOCTYPE html>" first, to out.  Nothing is appended on failure.
 * Returns 0, or -1 (unknown name, transformation or serialisation error;
 * logged).
 */
int		 render_page(struct tmpl *, const char *name, struct view *,
		    struct out *);

#endif /* !RENDER_H */
