/*
 * The workflow's rules (workflow.c), checked against a table written out
 * by hand from the roles' descriptions: every role, ownership, language
 * and pair of states.
 */
#include "config.h"

#include "check.h"
#include "workflow.h"

#define D	STATUS_DRAFT
#define R	STATUS_REVIEW
#define P	STATUS_PUBLISHED
#define A	STATUS_ARCHIVED

/*
 * Expected transitions [from][to] for each role when the item is the
 * user's own and in their language; the other cases are tested below.
 */
static const int editor_moves[STATUS__MAX][STATUS__MAX] = {
	/* to:	D  R  P  A */
	{	0, 1, 1, 1 },	/* from D */
	{	1, 0, 1, 1 },	/* from R */
	{	1, 1, 0, 1 },	/* from P */
	{	1, 1, 1, 0 },	/* from A */
};
static const int author_moves[STATUS__MAX][STATUS__MAX] = {
	/* to:	D  R  P  A */
	{	0, 1, 0, 1 },	/* from D: submit, delete own draft */
	{	1, 0, 0, 0 },	/* from R: withdraw */
	{	0, 0, 0, 0 },	/* from P: never */
	{	0, 0, 0, 0 },	/* from A: an editor restores */
};
static const int translator_moves[STATUS__MAX][STATUS__MAX] = {
	/* to:	D  R  P  A */
	{	0, 1, 0, 0 },	/* from D */
	{	1, 0, 0, 0 },	/* from R */
	{	0, 0, 0, 0 },	/* from P */
	{	0, 0, 0, 0 },	/* from A */
};

static void
test_transitions(void)
{
	enum item_status from, to;
	int		 own, lang;

	for (from = 0; from < STATUS__MAX; from++)
		for (to = 0; to < STATUS__MAX; to++) {
			for (own = 0; own < 2; own++)
				for (lang = 0; lang < 2; lang++) {
					CHECK(workflow_may_transition(
					    ROLE_ADMIN, own, lang, from, to) ==
					    editor_moves[from][to]);
					CHECK(workflow_may_transition(
					    ROLE_EDITOR, own, lang, from, to) ==
					    editor_moves[from][to]);
					/* Authors: own items, any language. */
					CHECK(workflow_may_transition(
					    ROLE_AUTHOR, own, lang, from, to) ==
					    (own && author_moves[from][to]));
					/* Translators: their languages. */
					CHECK(workflow_may_transition(
					    ROLE_TRANSLATOR, own, lang, from,
					    to) == (lang &&
					    translator_moves[from][to]));
				}
		}

	/* The examples the issue names. */
	CHECK(!workflow_may_transition(ROLE_AUTHOR, 1, 1, D, P));
	CHECK(!workflow_may_transition(ROLE_AUTHOR, 1, 1, R, P));
	CHECK(!workflow_may_transition(ROLE_AUTHOR, 1, 1, P, D));
	CHECK(!workflow_may_transition(ROLE_TRANSLATOR, 0, 1, R, P));
	CHECK(workflow_may_transition(ROLE_EDITOR, 0, 0, A, D));
	CHECK(!workflow_may_transition(ROLE_EDITOR, 1, 1, P, P));

	/* Nonsense is refused. */
	CHECK(!workflow_may_transition(ROLE__MAX, 1, 1, D, R));
	CHECK(!workflow_may_transition(ROLE_ADMIN, 1, 1, STATUS__MAX, D));
	CHECK(!workflow_may_transition(ROLE_ADMIN, 1, 1, D, STATUS__MAX));
}

static void
test_edit(void)
{
	enum item_status st;
	int		 own, lang;

	for (st = 0; st < STATUS__MAX; st++)
		for (own = 0; own < 2; own++)
			for (lang = 0; lang < 2; lang++) {
				CHECK(workflow_may_edit(ROLE_ADMIN, own, lang,
				    st));
				CHECK(workflow_may_edit(ROLE_EDITOR, own, lang,
				    st));
				CHECK(workflow_may_edit(ROLE_AUTHOR, own, lang,
				    st) == (own && (st == D || st == R)));
				CHECK(workflow_may_edit(ROLE_TRANSLATOR, own,
				    lang, st) == (lang && st != A));
			}
	CHECK(!workflow_may_edit(ROLE__MAX, 1, 1, D));
	CHECK(!workflow_may_edit(ROLE_ADMIN, 1, 1, STATUS__MAX));
}

static void
test_purge(void)
{
	enum item_status st;
	enum role	 role;

	for (role = 0; role < ROLE__MAX; role++)
		for (st = 0; st < STATUS__MAX; st++)
			CHECK(workflow_may_purge(role, st) ==
			    (role == ROLE_ADMIN && st == A));
	CHECK(!workflow_may_purge(ROLE__MAX, A));
	CHECK(!workflow_may_purge(ROLE_ADMIN, STATUS__MAX));
}

/* Reading follows ownership and languages, never the status. */
static void
test_see(void)
{
	int	 own, lang;

	for (own = 0; own <= 1; own++)
		for (lang = 0; lang <= 1; lang++) {
			CHECK(workflow_may_see(ROLE_ADMIN, own, lang) == 1);
			CHECK(workflow_may_see(ROLE_EDITOR, own, lang) == 1);
			CHECK(workflow_may_see(ROLE_AUTHOR, own, lang) == own);
			CHECK(workflow_may_see(ROLE_TRANSLATOR, own, lang) ==
			    lang);
		}
	CHECK(workflow_may_see(ROLE__MAX, 1, 1) == 0);
}

int
main(void)
{
	test_transitions();
	test_edit();
	test_purge();
	test_see();
	return CHECK_DONE();
}
