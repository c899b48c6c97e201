/*
 * Routing: method + decoded path -> enum page and its arguments.
 */
#ifndef ROUTE_H
#define ROUTE_H

#include "broadside.h"

struct	cfg;

/*
 * Routes a public request.  Sets r->page, r->lang, r->kind, r->slug and
 * r->pageno (from ?page=, default 1).  Returns 0, 404 (no such route,
 * unknown language, bad slug), 400 (bad page number) or 405 (a method
 * other than GET or HEAD).
 */
int	route_public(struct req *r, const struct cfg *);

#endif /* !ROUTE_H */
