/*
 * Field validators: small predicates over untrusted strings (request
 * values, configuration, imported content).  They never allocate, except
 * valid_strip_xml_invalid(), and never log: the caller knows which field
 * failed and logs that.
 */
#ifndef VALID_H
#define VALID_H

#include <stddef.h>

struct	arena;

#define VALID_SLUG_MAX	200	/* longest slug, in bytes */
#define VALID_LANG_MAX	35	/* longest language tag we accept */
#define VALID_URL_MAX	2048	/* longest URL we accept */

/*
 * Returns 1 if the len bytes at s are well-formed UTF-8: no overlong
 * forms, no surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no
 * truncated or stray continuation bytes.  NUL bytes are well-formed here;
 * callers that forbid them check separately.  Otherwise returns 0.
 */
int	 valid_utf8(const char *s, size_t len);
/*
 * Returns 1 if s is a slug: 1 to VALID_SLUG_MAX bytes of lowercase ASCII
 * letters, digits and '-'.  Otherwise (including NULL) returns 0.
 */
int	 valid_slug(const char *s);
/*
 * Returns 1 if s is a language code as used in our URLs: a primary subtag
 * of 2 or 3 lowercase ASCII letters, optionally followed by subtags of
 * '-' and 2 to 8 ASCII letters or digits ("en", "pt-BR", "zh-Hant"), at
 * most VALID_LANG_MAX bytes.  Otherwise returns 0.
 */
int	 valid_lang_code(const char *s);
/*
 * Returns 1 if s is an absolute http or https URL (scheme in any case)
 * with a non-empty host, an optional port, no user information, and no
 * spaces, control characters, '"', '<', '>' or '\' anywhere; non-ASCII
 * bytes must be well-formed UTF-8.  At most VALID_URL_MAX bytes.
 * Otherwise returns 0.
 */
int	 valid_url_http(const char *s);
/*
 * Parses a whole decimal integer in [min, max] (util_strtonum rules: an
 * optional '-', digits, nothing else).  Returns 1 and sets *out if it is
 * valid, else returns 0 and leaves *out alone.  out may be NULL.
 */
int	 valid_int(const char *s, long long min, long long max,
	    long long *out);
/*
 * Returns 1 if s is text we can store and emit as XML: well-formed UTF-8,
 * only XML 1.0 characters (so no C0 controls except tab, LF and CR, no
 * U+FFFE or U+FFFF), and at most maxchars characters (code points).
 * Otherwise (including NULL) returns 0.
 */
int	 valid_text(const char *s, size_t maxchars);
/*
 * Returns 1 if the len bytes at s are well-formed UTF-8 made only of
 * characters of the XML 1.0 Char production: #x9 | #xA | #xD |
 * [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].  Else 0.
 */
int	 valid_xml_chars(const char *s, size_t len);
/*
 * Returns a NUL-terminated copy of the len bytes at s without the bytes
 * that are not XML 1.0 characters: C0 controls other than tab, LF and CR,
 * NUL, U+FFFE, U+FFFF, and every byte that is not part of a well-formed
 * UTF-8 sequence.  The copy lives in the arena when one is given;
 * with a NULL arena it is heap memory the caller frees with free().
 */
char	*valid_strip_xml_invalid(struct arena *, const char *s, size_t len);

#endif /* !VALID_H */
