/*
 * Who may do what to an item (workflow.c): pure decisions over a role,
 * the item's owner and language, and its status.  No database, no
 * request: the handlers find the facts and ask here, so that the rules
 * live in one place and are unit-tested (tests/test_workflow.c).
 *
 * is_own: the item's author is the signed-in user.
 * lang_ok: the user may work in the item's language (admin_may_lang()).
 */
#ifndef WORKFLOW_H
#define WORKFLOW_H

#include "admin.h"
#include "item_edit.h"

/*
 * Returns 1 if a user of role may move an item from status from to
 * status to, else 0.  Administrators and editors make any move between
 * the four states (archived -> draft restores).  Authors move their own
 * items only: draft -> review (submit), review -> draft (withdraw),
 * draft -> archived (delete their draft); never to or from published.
 * Translators, in their languages: draft -> review and review -> draft.
 * Nobody "moves" an item to the status it has.
 */
int	workflow_may_transition(enum role, int is_own, int lang_ok,
	    enum item_status from, enum item_status to);
/*
 * Returns 1 if a user of role may change the fields of an item in status
 * st, else 0: administrators and editors always; authors their own items
 * in draft or review; translators items in their languages that are not
 * archived.
 */
int	workflow_may_edit(enum role, int is_own, int lang_ok,
	    enum item_status st);
/*
 * Returns 1 if a user of role may delete an item in status st for good:
 * administrators, and only archived items.  Else 0.
 */
int	workflow_may_purge(enum role, enum item_status st);
/*
 * Returns 1 if a user of role may read an item in the admin (its form,
 * revisions and previews): administrators and editors every item,
 * authors their own, translators those in their languages.
 */
int	workflow_may_see(enum role, int is_own, int lang_ok);

#endif /* !WORKFLOW_H */
