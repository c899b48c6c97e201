/*
 * One line per event on stderr.  Values from requests may be logged, so
 * control characters are replaced: a log line cannot be forged or split.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

static const char	*log_progname = "broadside";

void
log_init(const char *progname)
{
	log_progname = progname;
}

static void
log_emit(const char *level, const char *func, const char *err,
    const char *fmt, va_list ap)
{
	char	 msg[1024], line[1280];
	size_t	 i;
	int	 n;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	for (i = 0; msg[i] != '\0'; i++)
		if ((unsigned char)msg[i] < 0x20 || msg[i] == 0x7f)
			msg[i] = '?';
	n = snprintf(line, sizeof(line), "%s[%d]: %s%s: %s%s%s\n",
	    log_progname, (int)getpid(), level, func, msg,
	    err != NULL ? ": " : "", err != NULL ? err : "");
	if (n <= 0)
		return;
	if (write(STDERR_FILENO, line,
	    (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1) < 0)
		return;	/* nowhere left to report it */
}

void
log_warn_(const char *func, const char *fmt, ...)
{
	va_list	 ap;
	int	 saved = errno;

	va_start(ap, fmt);
	log_emit("", func, strerror(saved), fmt, ap);
	va_end(ap);
	errno = saved;
}

void
log_warnx_(const char *func, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit("", func, NULL, fmt, ap);
	va_end(ap);
}

void
log_info_(const char *func, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit("info: ", func, NULL, fmt, ap);
	va_end(ap);
}
