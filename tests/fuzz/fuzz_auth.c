/* fuzz-sources: req.c auth.c valid.c arena.c util.c log.c */
/*
 * libFuzzer entry point for what the admin reads from a client before it
 * knows who the client is: the Cookie header, the session token in it,
 * the CSRF field of a form and the Origin and Referer headers.  Besides
 * crashes and sanitizer reports it checks the promises: a token that is
 * not 43 base64url characters never reaches a query (auth_token_hash
 * refuses it), a CSRF token is accepted only when it is exactly the one
 * made for the session, a form body's values are clean UTF-8, and the
 * same-origin check never accepts a header naming another host.
 *
 * Input layout: the bytes are split at the first two NULs into a cookie
 * header, an urlencoded form body and an origin header value.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "auth.h"
#include "broadside.h"
#include "req.h"

#define BASE	"https://news.example.org"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Splits off the next NUL-terminated piece of the input. */
static char *
piece(const uint8_t **p, size_t *left)
{
	const uint8_t	*nul;
	size_t		 n;
	char		*s;

	nul = memchr(*p, '\0', *left);
	n = nul != NULL ? (size_t)(nul - *p) : *left;
	if ((s = malloc(n + 1)) == NULL)
		abort();
	memcpy(s, *p, n);
	s[n] = '\0';
	*p += n + (nul != NULL);
	*left -= n + (nul != NULL);
	return s;
}

/* A value a parser handed out: valid UTF-8 is req.c's job; no NUL. */
static void
clean(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n' &&
		    *s != '\r')
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char secret[AUTH_CSRF_SECRET_LEN] = { 1, 2, 3 };
	struct arena	*a;
	struct kv	*kv;
	const uint8_t	*p = data;
	size_t		 left = size, n, i;
	char		*cookie, *form, *origin;
	char		 want[AUTH_CSRF_LEN + 1];
	unsigned char	 hash[AUTH_TOKEN_HASH_LEN];

	cookie = piece(&p, &left);
	form = piece(&p, &left);
	origin = piece(&p, &left);
	a = arena_new();

	if (req_parse_cookies(a, cookie, &kv, &n) == 0)
		for (i = 0; i < n; i++) {
			clean(kv[i].key);
			clean(kv[i].val);
			/* Only a well-formed token is ever hashed. */
			if (auth_token_hash(kv[i].val, hash) == 0 &&
			    strlen(kv[i].val) != AUTH_TOKEN_LEN)
				abort();
		}

	auth_csrf_token(secret, "post", want);
	if (req_parse_form(a, form, strlen(form), 4000, &kv, &n) == 0)
		for (i = 0; i < n; i++) {
			clean(kv[i].key);
			if (auth_csrf_check(secret, "post", kv[i].val) !=
			    (strcmp(kv[i].val, want) == 0))
				abort();
		}
	if (auth_csrf_check(secret, "post", form) != (strcmp(form, want) == 0))
		abort();

	/* Another host never passes, whatever the spelling. */
	if (auth_same_origin(origin, NULL, BASE) &&
	    strncasecmp(origin, BASE, strlen(BASE)) != 0)
		abort();
	if (auth_same_origin(NULL, origin, BASE) &&
	    strncasecmp(origin, BASE, strlen(BASE)) != 0)
		abort();
	if (!auth_same_origin(BASE, origin, BASE))
		abort();

	arena_free(a);
	free(cookie);
	free(form);
	free(origin);
	return 0;
}
