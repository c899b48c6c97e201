/*
 * Differences between two texts, for showing what changed between two
 * revisions: by lines (bodies) or by words (titles, summaries).  The
 * result is a list of pieces, each the same in both texts, added in the
 * second or removed from the first; within each changed stretch the
 * removed pieces come before the added ones.
 *
 * The work is bounded: the common beginning and end are cut off in
 * linear time, and the stretch between is compared as a longest common
 * subsequence only if (pieces of a) * (pieces of b) is at most the limit;
 * past it the whole stretch shows as removed and added, so a huge body
 * costs linear time and memory.  Everything lives in the arena.
 */
#ifndef DIFF_H
#define DIFF_H

#include <stddef.h>

struct	arena;

/* What a piece is. */
enum	diff_op {
	DIFF_SAME,		/* in both texts */
	DIFF_ADDED,		/* only in the second text */
	DIFF_REMOVED,		/* only in the first text */
	DIFF__MAX
};

/* Names of the ops for view documents: "same", "added", "removed". */
extern const char *const diff_op_names[DIFF__MAX];

/* A line (without its line ending) or a word or run of white space. */
struct	diff_piece {
	enum diff_op	 op;
	const char	*text;		/* NUL-terminated arena copy */
	size_t		 len;		/* strlen(text) */
};

struct	diff {
	struct diff_piece *v;		/* in reading order */
	size_t		 n;
	size_t		 added;		/* count of DIFF_ADDED pieces */
	size_t		 removed;	/* count of DIFF_REMOVED pieces */
	int		 bounded;	/* the limit was hit: one replacement */
};

/* Cells of the comparison table allowed by default: 1000 x 1000 lines. */
#define DIFF_LIMIT	(1000UL * 1000UL)

/*
 * Compares a and b (NULL is "") line by line into d.  A line ends at
 * "\n"; a "\r" before it is part of the ending, so CRLF and LF texts
 * compare equal, and a missing final newline is no difference.  limit
 * bounds the comparison table (0: DIFF_LIMIT).  Aborts only if memory
 * runs out.
 */
void	 diff_lines(struct arena *, const char *a, const char *b,
	    size_t limit, struct diff *d);
/*
 * Compares a and b (NULL is "") word by word into d: the pieces are runs
 * of white space and runs of anything else, so concatenating the same
 * and removed pieces gives a, the same and added ones b.
 */
void	 diff_words(struct arena *, const char *a, const char *b,
	    size_t limit, struct diff *d);

#endif /* !DIFF_H */
