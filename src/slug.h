/*
 * Slugs derived from titles and tag names: the URL segment of an item
 * (/{lang}/{kind}/{slug}) and of a tag.  A derived slug always passes
 * valid_slug() (valid.h) or is empty.
 */
#ifndef SLUG_H
#define SLUG_H

#include <stddef.h>

struct	arena;

#define SLUG_DERIVED_MAX	80	/* longest derived slug, in bytes */

/*
 * Derives a slug from text (UTF-8): ASCII letters lower-cased and digits
 * kept, Cyrillic transliterated ("Привет мир" gives "privet-mir"), Latin
 * letters with diacritics folded ("é" gives "e", "ß" "ss"), apostrophes
 * dropped, and every other run of characters one '-', none at either
 * end.  A longer result is cut at the last word boundary within maxlen
 * bytes (0: SLUG_DERIVED_MAX), or at maxlen if a single word is longer.
 * Returns a new arena string, "" when nothing usable remains (a title
 * in a script we do not transliterate); bytes that are not well-formed
 * UTF-8 count as separators.
 */
char	*slug_derive(struct arena *, const char *text, size_t maxlen);

#endif /* !SLUG_H */
