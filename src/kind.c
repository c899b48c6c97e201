/*
 * The closed set of content kinds and their names in the database and URLs.
 */
#include "config.h"

#include <string.h>

#include "broadside.h"

const char *const kind_names[KIND__MAX] = {
	"news",			/* KIND_NEWS */
	"case-study",		/* KIND_CASE_STUDY */
	"statement",		/* KIND_STATEMENT */
	"event",		/* KIND_EVENT */
};

const char *const kind_segments[KIND__MAX] = {
	"news",			/* KIND_NEWS */
	"case-studies",		/* KIND_CASE_STUDY */
	"statements",		/* KIND_STATEMENT */
	"events",		/* KIND_EVENT */
};

enum kind
kind_from_name(const char *s)
{
	enum kind	 k;

	for (k = 0; k < KIND__MAX; k++)
		if (strcmp(s, kind_names[k]) == 0)
			break;
	return k;
}

enum kind
kind_from_segment(const char *s)
{
	enum kind	 k;

	for (k = 0; k < KIND__MAX; k++)
		if (strcmp(s, kind_segments[k]) == 0)
			break;
	return k;
}
