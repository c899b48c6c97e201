/*
 * A minimal assertion helper for the C unit tests: each failed check prints
 * its location and the test exits 1 at the end (automake: 0 pass, 1 fail).
 */
#ifndef CHECK_H
#define CHECK_H

#include <stdio.h>
#include <string.h>

static int	check_failures;
static int	check_count;

#define CHECK(cond) do {						\
	check_count++;							\
	if (!(cond)) {							\
		check_failures++;					\
		fprintf(stderr, "%s:%d: check failed: %s\n",		\
		    __FILE__, __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_STR(got, want) do {					\
	const char *check_g_ = (got), *check_w_ = (want);		\
	check_count++;							\
	if (check_g_ == NULL || check_w_ == NULL ?			\
	    check_g_ != check_w_ : strcmp(check_g_, check_w_) != 0) {	\
		check_failures++;					\
		fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n",	\
		    __FILE__, __LINE__, check_g_ ? check_g_ : "(null)",	\
		    check_w_ ? check_w_ : "(null)");			\
	}								\
} while (0)

/* Prints the summary and returns the process exit code. */
#define CHECK_DONE() (printf("%d checks, %d failed\n", check_count,	\
	check_failures), check_failures == 0 ? 0 : 1)

#endif /* !CHECK_H */
