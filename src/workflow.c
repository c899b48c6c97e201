/*
 * The editorial workflow's rules: which role may move an item between
 * draft, review, published (a future publication time is "scheduled")
 * and archived, who may edit it, who may delete it for good.  Pure
 * functions; the handlers (admin_item.c, admin_edit.c) gather the facts.
 * An unknown role or status is refused everywhere.
 */
#include "config.h"

#include "admin.h"
#include "item_edit.h"
#include "workflow.h"

/* Returns 1 if st is one of the four states. */
static int
status_ok(enum item_status st)
{
	return st == STATUS_DRAFT || st == STATUS_REVIEW ||
	    st == STATUS_PUBLISHED || st == STATUS_ARCHIVED;
}

int
workflow_may_transition(enum role role, int is_own, int lang_ok,
    enum item_status from, enum item_status to)
{
	if (!status_ok(from) || !status_ok(to) || from == to)
		return 0;
	switch (role) {
	case ROLE_ADMIN:
	case ROLE_EDITOR:
		return 1;
	case ROLE_AUTHOR:
		/*
		 * Their own work only, and never across publication: an
		 * author proposes, an editor decides what readers see.
		 */
		if (!is_own)
			return 0;
		return (from == STATUS_DRAFT && to == STATUS_REVIEW) ||
		    (from == STATUS_REVIEW && to == STATUS_DRAFT) ||
		    (from == STATUS_DRAFT && to == STATUS_ARCHIVED);
	case ROLE_TRANSLATOR:
		if (!lang_ok)
			return 0;
		return (from == STATUS_DRAFT && to == STATUS_REVIEW) ||
		    (from == STATUS_REVIEW && to == STATUS_DRAFT);
	default:
		return 0;
	}
}

int
workflow_may_edit(enum role role, int is_own, int lang_ok,
    enum item_status st)
{
	if (!status_ok(st))
		return 0;
	switch (role) {
	case ROLE_ADMIN:
	case ROLE_EDITOR:
		return 1;
	case ROLE_AUTHOR:
		/* A published item is the editors' now. */
		return is_own && (st == STATUS_DRAFT || st == STATUS_REVIEW);
	case ROLE_TRANSLATOR:
		return lang_ok && st != STATUS_ARCHIVED;
	default:
		return 0;
	}
}

int
workflow_may_purge(enum role role, enum item_status st)
{
	/* Only what was archived first: a purge is never one click away. */
	return role == ROLE_ADMIN && st == STATUS_ARCHIVED;
}

int
workflow_may_see(enum role role, int is_own, int lang_ok)
{
	switch (role) {
	case ROLE_ADMIN:
	case ROLE_EDITOR:
		return 1;
	case ROLE_AUTHOR:
		return is_own;
	case ROLE_TRANSLATOR:
		return lang_ok;
	default:
		return 0;
	}
}
