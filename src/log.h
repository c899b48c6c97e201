/*
 * Logging to stderr (the web server's or the supervisor's error log), one
 * line per event, prefixed with the program name and the function.
 */
#ifndef LOG_H
#define LOG_H

/* Sets the name printed before each line, e.g. "broadside.fcgi". */
void	log_init(const char *progname);
/* Logs with ": strerror(errno)" appended. */
void	log_warn_(const char *func, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Logs the message alone. */
void	log_warnx_(const char *func, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Informational line (startup, shutdown). */
void	log_info_(const char *func, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#define log_warn(...)	log_warn_(__func__, __VA_ARGS__)
#define log_warnx(...)	log_warnx_(__func__, __VA_ARGS__)
#define log_info(...)	log_info_(__func__, __VA_ARGS__)

#endif /* !LOG_H */
