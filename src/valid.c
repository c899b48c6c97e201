/*
 * Field validators.  Everything here reads untrusted bytes, so every loop
 * is bounded by an explicit length and no function trusts a terminator it
 * has not checked for.  Nothing here logs or allocates (except the strip
 * function), so the validators can run anywhere: request parsing,
 * configuration, import.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"
#include "valid.h"

/*
 * Decodes one UTF-8 sequence from the len (> 0) bytes at s.  Returns the
 * number of bytes it takes (1 to 4) and sets *cp, or 0 if the bytes there
 * are not a well-formed sequence.  The ranges of the second byte are those
 * of RFC 3629's table, which excludes overlong forms (C0, C1, E0 80..9F,
 * F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF
 * (F4 90..BF, F5..FF) without any arithmetic on the result.
 */
static size_t
utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	unsigned char	 c = s[0], lo = 0x80, hi = 0xbf;
	size_t		 n, i;
	uint32_t	 v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;	/* 80..C1: continuation or overlong lead */
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return n;
}

/* Returns 1 if cp is a character of the XML 1.0 Char production. */
static int
xml_char(uint32_t cp)
{
	if (cp < 0x20)
		return cp == 0x09 || cp == 0x0a || cp == 0x0d;
	if (cp <= 0xd7ff)
		return 1;
	if (cp >= 0xe000 && cp <= 0xfffd)
		return 1;
	return cp >= 0x10000 && cp <= 0x10ffff;
}

int
valid_utf8(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint32_t		 cp;

	while (i < len) {
		/* Fast path: ASCII needs no decoding. */
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_next(p + i, len - i, &cp)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

int
valid_xml_chars(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint32_t		 cp;

	while (i < len) {
		if ((n = utf8_next(p + i, len - i, &cp)) == 0)
			return 0;
		if (!xml_char(cp))
			return 0;
		i += n;
	}
	return 1;
}

int
valid_text(const char *s, size_t maxchars)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n, len, chars = 0;
	uint32_t		 cp;

	if (s == NULL)
		return 0;
	len = strlen(s);
	while (i < len) {
		if (++chars > maxchars)
			return 0;
		if ((n = utf8_next(p + i, len - i, &cp)) == 0)
			return 0;
		if (!xml_char(cp))
			return 0;
		i += n;
	}
	return 1;
}

char *
valid_strip_xml_invalid(struct arena *a, const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			*copy;
	size_t			 i = 0, j = 0, n;
	uint32_t		 cp;

	if (len == SIZE_MAX)
		xabort("valid_strip_xml_invalid: overflow");
	/* The copy is never longer than the input. */
	copy = a != NULL ? arena_alloc(a, len + 1) : xmalloc(len + 1);
	while (i < len) {
		if ((n = utf8_next(p + i, len - i, &cp)) == 0) {
			/*
			 * Drop one byte and resynchronise: the next lead
			 * byte starts a sequence of its own.
			 */
			i++;
			continue;
		}
		if (xml_char(cp)) {
			memcpy(copy + j, p + i, n);
			j += n;
		}
		i += n;
	}
	copy[j] = '\0';
	return copy;
}

int
valid_slug(const char *s)
{
	size_t	 i;

	if (s == NULL || s[0] == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (i >= VALID_SLUG_MAX)
			return 0;
		if ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-')
			continue;
		return 0;
	}
	return 1;
}

static int
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int
valid_lang_code(const char *s)
{
	size_t	 i, start;

	if (s == NULL)
		return 0;
	/* Primary subtag: lowercase only, as it appears in our URLs. */
	for (i = 0; s[i] >= 'a' && s[i] <= 'z'; i++)
		if (i >= 3)
			return 0;
	if (i < 2)
		return 0;
	while (s[i] == '-') {
		start = ++i;
		while (is_alpha(s[i]) || is_digit(s[i])) {
			if (i >= VALID_LANG_MAX)
				return 0;
			i++;
		}
		if (i - start < 2 || i - start > 8)
			return 0;
	}
	return s[i] == '\0' && i <= VALID_LANG_MAX;
}

/*
 * Returns 1 if s starts with the lowercase ASCII prefix, in any case.
 * Not strncasecmp(), which depends on the locale.
 */
static int
prefix_ci(const char *s, const char *prefix)
{
	size_t	 i;
	char	 c;

	for (i = 0; prefix[i] != '\0'; i++) {
		c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != prefix[i])
			return 0;
	}
	return 1;
}

int
valid_url_http(const char *s)
{
	const char	*host;
	size_t		 i, len, hostlen, port;
	unsigned char	 c;

	if (s == NULL)
		return 0;
	len = strlen(s);
	if (len > VALID_URL_MAX)
		return 0;
	if (prefix_ci(s, "http://"))
		host = s + 7;
	else if (prefix_ci(s, "https://"))
		host = s + 8;
	else
		return 0;

	/*
	 * Whole string: nothing a browser or a log would read differently
	 * from us.  Spaces and controls split or hide parts of the URL; '"',
	 * '<' and '>' end attributes and tags in hand-made contexts; '\' is
	 * read as '/' by browsers but not by us.
	 */
	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0x7f || c == '"' || c == '<' ||
		    c == '>' || c == '\\')
			return 0;
	}
	if (!valid_utf8(s, len))
		return 0;

	/*
	 * Authority: host[:port], up to the first '/', '?' or '#'.  User
	 * information ("http://trusted@evil/") is refused: it only serves
	 * to make a link look like it goes somewhere else.
	 */
	hostlen = strcspn(host, "/?#");
	if (hostlen == 0 || memchr(host, '@', hostlen) != NULL)
		return 0;
	i = 0;
	if (host[0] == '[') {
		/* IPv6 literal: hex digits, ':' and '.' inside brackets. */
		for (i = 1; i < hostlen && host[i] != ']'; i++)
			if (!is_digit(host[i]) && host[i] != ':' &&
			    host[i] != '.' &&
			    !((host[i] >= 'a' && host[i] <= 'f') ||
			    (host[i] >= 'A' && host[i] <= 'F')))
				return 0;
		if (i >= hostlen || i == 1)
			return 0;
		i++;
	} else {
		for (; i < hostlen && host[i] != ':'; i++) {
			c = (unsigned char)host[i];
			/* Non-ASCII: an internationalised domain name. */
			if (is_alpha(host[i]) || is_digit(host[i]) ||
			    c == '-' || c == '.' || c >= 0x80)
				continue;
			return 0;
		}
		if (i == 0)
			return 0;
	}
	if (i < hostlen) {
		if (host[i] != ':')
			return 0;
		/* Port: 1 to 5 digits up to 65535. */
		port = 0;
		for (i++; i < hostlen; i++) {
			if (!is_digit(host[i]))
				return 0;
			port = port * 10 + (size_t)(host[i] - '0');
			if (port > 65535)
				return 0;
		}
		if (host[hostlen - 1] == ':')
			return 0;
	}
	return 1;
}

int
valid_int(const char *s, long long min, long long max, long long *out)
{
	long long	 v;

	if (util_strtonum(s, min, max, &v) == -1)
		return 0;
	if (out != NULL)
		*out = v;
	return 1;
}
