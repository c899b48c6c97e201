/*
 * Slug derivation (slug.h).  A title becomes lower-case ASCII letters,
 * digits and single hyphens.  Scripts the newsroom writes in are made
 * readable rather than dropped: Cyrillic by a simple letter-by-letter
 * transliteration close to the one Russian passports and most news sites
 * use (ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya, ъ and ь
 * dropped), Latin letters with diacritics by folding to the base letter
 * (ligatures and ß spelled out).  Anything else separates words.
 *
 * The derivation only proposes a slug: editors may change it, and the
 * form checks the result with valid_slug() like any typed slug.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "slug.h"

/*
 * Latin-1 Supplement and Latin Extended-A letters, U+00C0 to U+017F, as
 * ASCII; NULL is a separator (× and ÷).
 */
static const char *const latin[0x180 - 0xc0] = {
	/* U+00C0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* U+00C8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* U+00D0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
	/* U+00D8 */ "o", "u", "u", "u", "u", "y", "th", "ss",
	/* U+00E0 */ "a", "a", "a", "a", "a", "a", "ae", "c",
	/* U+00E8 */ "e", "e", "e", "e", "i", "i", "i", "i",
	/* U+00F0 */ "d", "n", "o", "o", "o", "o", "o", NULL,
	/* U+00F8 */ "o", "u", "u", "u", "u", "y", "th", "y",
	/* U+0100 */ "a", "a", "a", "a", "a", "a", "c", "c",
	/* U+0108 */ "c", "c", "c", "c", "c", "c", "d", "d",
	/* U+0110 */ "d", "d", "e", "e", "e", "e", "e", "e",
	/* U+0118 */ "e", "e", "e", "e", "g", "g", "g", "g",
	/* U+0120 */ "g", "g", "g", "g", "h", "h", "h", "h",
	/* U+0128 */ "i", "i", "i", "i", "i", "i", "i", "i",
	/* U+0130 */ "i", "i", "ij", "ij", "j", "j", "k", "k",
	/* U+0138 */ "k", "l", "l", "l", "l", "l", "l", "l",
	/* U+0140 */ "l", "l", "l", "n", "n", "n", "n", "n",
	/* U+0148 */ "n", "n", "n", "n", "o", "o", "o", "o",
	/* U+0150 */ "o", "o", "oe", "oe", "r", "r", "r", "r",
	/* U+0158 */ "r", "r", "s", "s", "s", "s", "s", "s",
	/* U+0160 */ "s", "s", "t", "t", "t", "t", "t", "t",
	/* U+0168 */ "u", "u", "u", "u", "u", "u", "u", "u",
	/* U+0170 */ "u", "u", "u", "u", "w", "w", "y", "y",
	/* U+0178 */ "y", "z", "z", "z", "z", "z", "z", "s",
};

/* Cyrillic lower-case letters U+0430 to U+044F (а to я). */
static const char *const cyrillic[32] = {
	/* а б в г д е ж з */ "a", "b", "v", "g", "d", "e", "zh", "z",
	/* и й к л м н о п */ "i", "y", "k", "l", "m", "n", "o", "p",
	/* р с т у ф х ц ч */ "r", "s", "t", "u", "f", "kh", "ts", "ch",
	/* ш щ ъ ы ь э ю я */ "sh", "shch", "", "y", "", "e", "yu", "ya",
};

/*
 * Cyrillic lower-case letters U+0450 to U+045F (ѐ to џ): Ukrainian,
 * Belarusian, Serbian and Macedonian letters.
 */
static const char *const cyrillic_ext[16] = {
	/* ѐ ё ђ ѓ є ѕ і ї */ "e", "yo", "dj", "gj", "ye", "dz", "i", "yi",
	/* ј љ њ ћ ќ ѝ ў џ */ "j", "lj", "nj", "c", "kj", "i", "u", "dz",
};

/*
 * Decodes one well-formed UTF-8 sequence at s.  Returns its length and
 * sets *cp, or returns 1 with *cp = 0xfffd for a byte that does not start
 * a well-formed sequence (overlong forms, surrogates and values above
 * U+10FFFF included).
 */
static size_t
utf8_next(const unsigned char *s, uint32_t *cp)
{
	uint32_t	 c, min;
	size_t		 n, i;

	*cp = 0xfffd;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		n = 2;
		c = s[0] & 0x1f;
		min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		n = 3;
		c = s[0] & 0x0f;
		min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		n = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return 1;
	/* The NUL ending the string is not a continuation byte. */
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 1;
	*cp = c;
	return n;
}

/*
 * What a character becomes: ASCII letters and digits (a static string),
 * "" for characters dropped without separating words (apostrophes,
 * combining marks, the hard and soft signs), or NULL for a separator.
 */
static const char *
slug_char(uint32_t c, char buf[2])
{
	if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
		buf[0] = (char)c;
		buf[1] = '\0';
		return buf;
	}
	if (c >= 'A' && c <= 'Z') {
		buf[0] = (char)(c - 'A' + 'a');
		buf[1] = '\0';
		return buf;
	}
	/* "don't", "l’équipe", "Ukrainian ʼ": one word. */
	if (c == '\'' || c == 0x2019 || c == 0x02bc)
		return "";
	/* Combining diacritical marks of decomposed text ("e" + U+0301). */
	if (c >= 0x0300 && c <= 0x036f)
		return "";
	if (c >= 0xc0 && c < 0x180)
		return latin[c - 0xc0];
	switch (c) {
	case 0x0218:		/* Ș */
	case 0x0219:		/* ș */
		return "s";
	case 0x021a:		/* Ț */
	case 0x021b:		/* ț */
		return "t";
	case 0x1e9e:		/* ẞ */
		return "ss";
	case 0x0490:		/* Ґ */
	case 0x0491:		/* ґ */
		return "g";
	default:
		break;
	}
	/* Cyrillic capitals: А-Я are а-я less 0x20, Ѐ-Џ are ѐ-џ less 0x50. */
	if (c >= 0x0410 && c <= 0x042f)
		c += 0x20;
	else if (c >= 0x0400 && c <= 0x040f)
		c += 0x50;
	if (c >= 0x0430 && c <= 0x044f)
		return cyrillic[c - 0x0430];
	if (c >= 0x0450 && c <= 0x045f)
		return cyrillic_ext[c - 0x0450];
	return NULL;
}

char *
slug_derive(struct arena *a, const char *text, size_t maxlen)
{
	const unsigned char	*s = (const unsigned char *)text;
	const char		*t;
	char			*out, buf[2];
	size_t			 n = 0, cap, tl, cut;
	uint32_t		 c;
	int			 sep = 0;

	if (maxlen == 0)
		maxlen = SLUG_DERIVED_MAX;
	/*
	 * The longest expansion is 4 bytes ("shch") per 2-byte character,
	 * so twice the input is always enough, but we stop past maxlen + 1
	 * anyway: only the part that fits and the next byte matter.
	 */
	cap = maxlen + 8;
	out = arena_alloc(a, cap + 1);
	while (*s != '\0' && n <= maxlen) {
		s += utf8_next(s, &c);
		if ((t = slug_char(c, buf)) == NULL) {
			sep = n > 0;
			continue;
		}
		if ((tl = strlen(t)) == 0)
			continue;
		if (sep) {
			out[n++] = '-';
			sep = 0;
		}
		memcpy(out + n, t, tl);
		n += tl;
	}
	/*
	 * Too long: cut at the last hyphen within maxlen, unless the
	 * following text was a separator anyway.
	 */
	if (n > maxlen) {
		cut = maxlen;
		if (out[maxlen] != '-')
			while (cut > 0 && out[cut] != '-')
				cut--;
		if (cut == 0)
			cut = maxlen;
		n = cut;
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	return out;
}
