/*
 * The accept loop (fcgi.h): FastCGI or CGI in, struct req through the
 * router and a handler, one complete response out.
 *
 * This module owns processes and sockets.  It must not know pages: it
 * calls the program's router and dispatcher, and for any status they
 * return it renders the common error page, throwing away whatever the
 * handler had written, so a reader never gets half a page.  The response
 * is built whole in memory (http_finish) before the first byte goes out:
 * its length and ETag are known and nothing is chunked.
 *
 * Processes: a parent that binds the socket forks workers that share it
 * (the kernel hands each connection to one accept()), restarts those that
 * die and stops them on a signal.  Each worker opens its own database
 * connection; a connection is never inherited across fork(), where two
 * processes would interleave packets on one socket.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>

#include "arena.h"
#include "broadside.h"
#include "db.h"
#include "fcgi.h"
#include "http.h"
#include "log.h"
#include "out.h"
#include "page.h"
#include "req.h"
#include "util.h"

#define FCGI_BACKLOG		128	/* pending connections per socket */
#define FCGI_WORKERS_MAX	256	/* -n upper bound */
#define FCGI_STOP_GRACE		10	/* seconds before SIGKILL on stop */
#define FCGI_RETRY_SECONDS	1	/* between database connect tries */

extern char	**environ;

/*
 * Signal flags.  The parent reacts to all four; a worker only to
 * sig_quit, which it checks between requests.
 */
static volatile sig_atomic_t	 sig_quit;	/* SIGTERM, SIGINT */
static volatile sig_atomic_t	 sig_hup;	/* SIGHUP: restart workers */
static volatile sig_atomic_t	 sig_chld;	/* a worker exited */

/*
 * Database health as this process last saw it, so that an outage is
 * logged once when it starts and once when it ends, not per request.
 */
static int	 db_down;
static time_t	 db_last_try;

/* What every request of a serving process needs. */
struct	fcgi_ctx {
	struct site		*site;
	const struct fcgi_opts	*opts;
	int			(*dispatch)(struct req *, struct out *);
	struct arena		*arena;
	struct out		*body;	/* the page */
	struct out		*wire;	/* status, headers and the page */
};

static void
fcgi_db_lost(const char *why)
{
	if (!db_down)
		log_warnx("database unavailable, answering 503 until it is "
		    "back: %s", why != NULL ? why : "connection lost");
	db_down = 1;
}

/*
 * Makes sure the process has a usable database connection.  Returns 0, or
 * 503 when there is none: the server is down, or the schema is not the
 * one this build knows.  Connecting is tried at most once a second while
 * the database is away, so a flood of requests does not become a flood of
 * connection attempts.
 */
static int
fcgi_db_ready(struct fcgi_ctx *c)
{
	const char	*why = NULL;
	time_t		 now;

	if (c->site->db == NULL) {
		now = time(NULL);
		if (c->opts->connect == NULL ||
		    (db_down && now - db_last_try < FCGI_RETRY_SECONDS)) {
			fcgi_db_lost(NULL);
			return 503;
		}
		db_last_try = now;
		if (c->opts->connect(c->site, &why) != 0) {
			fcgi_db_lost(why);
			return 503;
		}
	} else if (db_ensure(c->site->db) != 0) {
		fcgi_db_lost(NULL);
		return 503;
	}
	if (db_down)
		log_info("database available again");
	db_down = 0;
	return 0;
}

/* req.body_read over a FastCGI request's FCGI_STDIN stream. */
static long
fcgi_body_read(void *ctx, void *buf, size_t len)
{
	int	 n;

	if (len > INT_MAX)
		len = INT_MAX;
	n = FCGX_GetStr(buf, (int)len, ctx);
	return n < 0 ? -1 : n;
}

/* req.body_read over a CGI program's standard input. */
static long
fcgi_cgi_body_read(void *ctx, void *buf, size_t len)
{
	ssize_t	 n;

	(void)ctx;
	do
		n = read(STDIN_FILENO, buf, len);
	while (n == -1 && errno == EINTR);
	return n;
}

/*
 * Answers one request from its CGI environment and body stream: leaves
 * the complete response in c->wire.  Request memory is released by the
 * caller after the response has been sent.
 */
static void
fcgi_handle(struct fcgi_ctx *c, char **envp,
    long (*body_read)(void *, void *, size_t), void *body_ctx)
{
	struct req	 r;
	int		 status;

	memset(&r, 0, sizeof(r));
	r.arena = c->arena;
	r.site = c->site;
	r.resp.status = 200;
	out_reset(c->body);
	out_reset(c->wire);

	/*
	 * Routing comes before the database, so that bad requests are
	 * answered without it and the 503 page knows its language.
	 */
	status = req_parse(&r, c->arena, envp);
	/* req_parse starts from a clean struct req: the body comes after. */
	r.body_read = body_read;
	r.body_ctx = body_ctx;
	if (status == 0 &&
	    (status = c->opts->route(&r, c->site->cfg)) == 0 &&
	    ((c->opts->needs_db != NULL && !c->opts->needs_db(&r)) ||
	    (status = fcgi_db_ready(c)) == 0)) {
		r.resp.status = 200;
		status = c->dispatch(&r, c->body);
		if (status == 500 && c->site->db != NULL &&
		    db_is_down(c->site->db)) {
			fcgi_db_lost(NULL);
			status = 503;
		}
	}
	if (status != 0) {
		out_reset(c->body);
		memset(&r.resp, 0, sizeof(r.resp));
		page_error(&r, status, c->body);
	}
	http_finish(&r, c->body, c->wire);
}

/* Writes all of buf to fd, retrying short writes.  Returns 0 or -1. */
static int
fcgi_write_all(int fd, const char *buf, size_t len)
{
	ssize_t	 n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) < 0) {
			if (errno == EINTR)
				continue;
			log_warn("write");
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static void
fcgi_on_quit(int sig)
{
	(void)sig;
	sig_quit = 1;
}

static void
fcgi_on_hup(int sig)
{
	(void)sig;
	sig_hup = 1;
}

static void
fcgi_on_chld(int sig)
{
	(void)sig;
	sig_chld = 1;
}

/*
 * Installs handler for sig.  Without SA_RESTART, a blocked accept() is
 * interrupted, which is how an idle worker notices it should stop.
 */
static void
fcgi_signal(int sig, void (*handler)(int))
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) == -1)
		log_warn("sigaction %d", sig);
}

/*
 * The accept loop of one serving process, on the listening socket fd.
 * SIGTERM and SIGINT are blocked while a request is handled and delivered
 * between requests, so a worker always finishes what it started.  Returns
 * 0 when told to stop, -1 if accepting failed.
 */
static int
fcgi_loop(struct fcgi_ctx *c, int fd)
{
	FCGX_Request	 fr;
	sigset_t	 stopset;
	int		 rc = 0, n;

	sigemptyset(&stopset);
	sigaddset(&stopset, SIGTERM);
	sigaddset(&stopset, SIGINT);
	fcgi_signal(SIGTERM, fcgi_on_quit);
	fcgi_signal(SIGINT, fcgi_on_quit);
	sigprocmask(SIG_BLOCK, &stopset, NULL);

	if (FCGX_InitRequest(&fr, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0) {
		log_warnx("FCGX_InitRequest failed");
		return -1;
	}
	for (;;) {
		sigprocmask(SIG_UNBLOCK, &stopset, NULL);
		/* A signal that was pending is delivered just above. */
		if (sig_quit)
			break;
		n = FCGX_Accept_r(&fr);
		sigprocmask(SIG_BLOCK, &stopset, NULL);
		if (n < 0) {
			if (sig_quit)
				break;
			if (n == -EINTR)
				continue;
			log_warnx("FCGX_Accept_r: %s",
			    n > -9999 ? strerror(-n) : "failed");
			rc = -1;
			break;
		}
		fcgi_handle(c, fr.envp, fcgi_body_read, fr.in);
		if (FCGX_PutStr(c->wire->buf, (int)c->wire->len,
		    fr.out) < 0)
			log_warnx("client went away before the response");
		FCGX_Finish_r(&fr);
		arena_reset(c->arena);
	}
	FCGX_Free(&fr, 1);
	return rc;
}

/*
 * Binds and listens on spec: a UNIX socket path, or [host]:port ("*" or an
 * empty host for every address).  libfcgi's FCGX_OpenSocket would exit()
 * the process on a bind error and ignores the host, so this is our own.
 * A stale UNIX socket is replaced; one with a live server is not.
 * Returns the descriptor or -1 (logged).
 */
static int
fcgi_listen(const char *spec)
{
	struct sockaddr_un	 sun;
	struct addrinfo		 hints, *res = NULL, *ai;
	struct stat		 st;
	const char		*colon, *port;
	char			 host[256];
	size_t			 hl;
	int			 fd = -1, probe, on = 1, e;

	colon = strrchr(spec, ':');
	if (strchr(spec, '/') != NULL || colon == NULL) {
		memset(&sun, 0, sizeof(sun));
		sun.sun_family = AF_UNIX;
		if (strlcpy_bs(sun.sun_path, spec, sizeof(sun.sun_path)) >=
		    sizeof(sun.sun_path)) {
			log_warnx("%s: socket path too long", spec);
			return -1;
		}
		if (lstat(spec, &st) == 0) {
			if (!S_ISSOCK(st.st_mode)) {
				log_warnx("%s: exists and is not a socket",
				    spec);
				return -1;
			}
			probe = socket(AF_UNIX, SOCK_STREAM, 0);
			if (probe != -1 && connect(probe,
			    (struct sockaddr *)&sun, sizeof(sun)) == 0) {
				close(probe);
				log_warnx("%s: another server is listening",
				    spec);
				return -1;
			}
			if (probe != -1)
				close(probe);
			if (unlink(spec) == -1) {
				log_warn("%s: cannot remove stale socket",
				    spec);
				return -1;
			}
		}
		if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1) {
			log_warn("socket");
			return -1;
		}
		if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
			log_warn("%s: bind", spec);
			goto fail;
		}
		/*
		 * The web server usually runs as another user; the socket's
		 * directory is what should restrict access.
		 */
		if (chmod(spec, 0666) == -1)
			log_warn("%s: chmod", spec);
		if (listen(fd, FCGI_BACKLOG) == -1) {
			log_warn("%s: listen", spec);
			unlink(spec);
			goto fail;
		}
		return fd;
	}

	hl = (size_t)(colon - spec);
	if (hl >= 2 && spec[0] == '[' && spec[hl - 1] == ']') {
		spec++;
		hl -= 2;
	}
	if (hl >= sizeof(host)) {
		log_warnx("%s: host name too long", spec);
		return -1;
	}
	memcpy(host, spec, hl);
	host[hl] = '\0';
	port = colon + 1;
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE;
	e = getaddrinfo(host[0] == '\0' || strcmp(host, "*") == 0 ?
	    NULL : host, port, &hints, &res);
	if (e != 0) {
		log_warnx("%s: %s", spec, gai_strerror(e));
		return -1;
	}
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
		if (fd == -1)
			continue;
		if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on,
		    sizeof(on)) == -1 ||
		    bind(fd, ai->ai_addr, ai->ai_addrlen) == -1 ||
		    listen(fd, FCGI_BACKLOG) == -1) {
			e = errno;
			close(fd);
			fd = -1;
			errno = e;
			continue;
		}
		break;
	}
	if (fd == -1)
		log_warn("%s: cannot listen", spec);
	freeaddrinfo(res);
	return fd;
fail:
	close(fd);
	return -1;
}

/* Writes the process id to path.  Returns 0 or -1 (logged). */
static int
fcgi_pidfile(const char *path)
{
	char	 buf[32];
	int	 fd, n, rc = -1;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1) {
		log_warn("%s", path);
		return -1;
	}
	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	if (n > 0 && fcgi_write_all(fd, buf, (size_t)n) == 0)
		rc = 0;
	close(fd);
	return rc;
}

/*
 * Runs in a new child: the worker's life from fork to exit.  The parent's
 * signal set-up is undone first.  Never returns.
 */
static void __attribute__((noreturn))
fcgi_worker(struct fcgi_ctx *c, int fd)
{
	const char	*why = NULL;
	sigset_t	 none;
	int		 rc;

#ifdef PR_SET_PDEATHSIG
	/* If the parent is killed outright, do not linger. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
#endif
	sig_quit = sig_hup = sig_chld = 0;
	fcgi_signal(SIGHUP, SIG_IGN);
	fcgi_signal(SIGCHLD, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (getppid() == 1)
		_exit(0);

	/* Connect now so the first reader does not wait; retried later. */
	if (c->site->db == NULL && c->opts->connect != NULL) {
		db_last_try = time(NULL);
		if (c->opts->connect(c->site, &why) != 0)
			fcgi_db_lost(why);
	}
	rc = fcgi_loop(c, fd);
	if (c->opts->disconnect != NULL)
		c->opts->disconnect(c->site);
	_exit(rc == 0 ? 0 : 1);
}

/* Forks one worker; returns its pid or -1. */
static pid_t
fcgi_spawn(struct fcgi_ctx *c, int fd)
{
	pid_t	 pid;

	if ((pid = fork()) == -1) {
		log_warn("fork");
		return -1;
	}
	if (pid == 0)
		fcgi_worker(c, fd);
	return pid;
}

/* Sends sig to every live worker. */
static void
fcgi_kill_all(const pid_t *pids, int n, int sig)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], sig);
}

/*
 * Reaps exited workers without blocking, clearing their slots.  Returns
 * the number reaped; *quick is set if one of them died within a second
 * of being started, which calls for a pause before restarting it.
 * Deaths by signal are logged, except those the parent causes itself
 * (SIGTERM, and SIGKILL once stopping).
 */
static int
fcgi_reap(pid_t *pids, time_t *born, int n, int *quick, int stopping)
{
	pid_t	 pid;
	int	 status, i, reaped = 0;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < n; i++)
			if (pids[i] == pid)
				break;
		if (i == n)
			continue;
		/* While stopping, SIGKILL is ours; otherwise news. */
		if (WIFSIGNALED(status) && WTERMSIG(status) != SIGTERM &&
		    (WTERMSIG(status) != SIGKILL || !stopping))
			log_warnx("worker %ld killed by signal %d",
			    (long)pid, WTERMSIG(status));
		else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
			log_warnx("worker %ld exited with status %d",
			    (long)pid, WEXITSTATUS(status));
		if (time(NULL) - born[i] < 1)
			*quick = 1;
		pids[i] = 0;
		reaped++;
	}
	return reaped;
}

/*
 * The parent of n workers on fd: keeps n running until SIGTERM or SIGINT,
 * then stops them, waiting FCGI_STOP_GRACE seconds for their requests to
 * finish before killing them.
 */
static int
fcgi_supervise(struct fcgi_ctx *c, int fd, int n)
{
	pid_t		*pids;
	time_t		*born, deadline;
	sigset_t	 block, old;
	int		 i, live, quick;
	struct timespec	 ts;

	pids = xcalloc((size_t)n, sizeof(*pids));
	born = xcalloc((size_t)n, sizeof(*born));

	sigemptyset(&block);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGHUP);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	fcgi_signal(SIGTERM, fcgi_on_quit);
	fcgi_signal(SIGINT, fcgi_on_quit);
	fcgi_signal(SIGHUP, fcgi_on_hup);
	fcgi_signal(SIGCHLD, fcgi_on_chld);

	log_info("starting %d workers", n);
	while (!sig_quit) {
		quick = 0;
		sig_chld = 0;
		fcgi_reap(pids, born, n, &quick, 0);
		if (quick) {
			/* A worker that dies at once would spin. */
			log_warnx("worker died right after starting; "
			    "waiting before restarting it");
			sigprocmask(SIG_SETMASK, &old, NULL);
			sleep(1);
			sigprocmask(SIG_BLOCK, &block, NULL);
			if (sig_quit)
				break;
		}
		for (i = 0; i < n; i++)
			if (pids[i] == 0) {
				pids[i] = fcgi_spawn(c, fd);
				born[i] = time(NULL);
				if (pids[i] == -1)
					pids[i] = 0;
			}
		if (sig_hup) {
			sig_hup = 0;
			log_info("SIGHUP: restarting workers");
			/* Each finishes its request and is replaced. */
			fcgi_kill_all(pids, n, SIGTERM);
		}
		if (!sig_quit && !sig_chld && !sig_hup)
			sigsuspend(&old);
	}

	log_info("stopping workers");
	fcgi_kill_all(pids, n, SIGTERM);
	deadline = time(NULL) + FCGI_STOP_GRACE;
	for (;;) {
		quick = 0;
		fcgi_reap(pids, born, n, &quick, 1);
		for (live = i = 0; i < n; i++)
			if (pids[i] > 0)
				live++;
		if (live == 0)
			break;
		if (time(NULL) >= deadline) {
			log_warnx("%d workers still busy, killing them", live);
			fcgi_kill_all(pids, n, SIGKILL);
			deadline = time(NULL) + FCGI_STOP_GRACE;
		}
		ts.tv_sec = 0;
		ts.tv_nsec = 50 * 1000 * 1000;
		nanosleep(&ts, NULL);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	free(pids);
	free(born);
	return 0;
}

/* Serves the one request of a CGI invocation. */
static int
fcgi_cgi(struct fcgi_ctx *c)
{
	int	 rc;

	/* The database is connected to only if the request needs it. */
	fcgi_handle(c, environ, fcgi_cgi_body_read, NULL);
	rc = fcgi_write_all(STDOUT_FILENO, c->wire->buf, c->wire->len);
	arena_reset(c->arena);
	return rc;
}

int
fcgi_is_cgi(const struct fcgi_opts *opts)
{
	/* FCGX_IsCGI() initialises the library itself. */
	return opts->socket == NULL && FCGX_IsCGI();
}

int
fcgi_serve(struct site *site, int (*dispatch)(struct req *, struct out *),
    const struct fcgi_opts *opts)
{
	struct fcgi_ctx	 c;
	int		 fd = 0, workers, rc = -1;

	memset(&c, 0, sizeof(c));
	c.site = site;
	c.opts = opts;
	c.dispatch = dispatch;
	c.arena = arena_new();
	c.body = out_new();
	c.wire = out_new();

	/* A client that hangs up must not kill the process. */
	signal(SIGPIPE, SIG_IGN);
	if (FCGX_Init() != 0) {
		log_warnx("FCGX_Init failed");
		goto out;
	}
	if (fcgi_is_cgi(opts)) {
		rc = fcgi_cgi(&c);
		goto out;
	}

	workers = opts->workers;
	if (workers < 0)
		workers = opts->socket != NULL ? 2 : 0;
	if (workers > FCGI_WORKERS_MAX) {
		log_warnx("at most %d workers", FCGI_WORKERS_MAX);
		goto out;
	}
	if (opts->socket != NULL && (fd = fcgi_listen(opts->socket)) == -1)
		goto out;
	if (opts->pidfile != NULL && fcgi_pidfile(opts->pidfile) != 0)
		goto unbind;

	if (workers == 0) {
		/* No workers to restart here. */
		fcgi_signal(SIGHUP, SIG_IGN);
		if (site->db == NULL && opts->connect != NULL) {
			const char	*why = NULL;

			db_last_try = time(NULL);
			if (opts->connect(site, &why) != 0)
				fcgi_db_lost(why);
		}
		rc = fcgi_loop(&c, fd);
	} else {
		/* Workers connect for themselves; see the file comment. */
		if (opts->disconnect != NULL)
			opts->disconnect(site);
		rc = fcgi_supervise(&c, fd, workers);
	}

	if (opts->pidfile != NULL)
		unlink(opts->pidfile);
unbind:
	if (opts->socket != NULL) {
		close(fd);
		if (strchr(opts->socket, '/') != NULL ||
		    strchr(opts->socket, ':') == NULL)
			unlink(opts->socket);
	}
out:
	out_free(c.body);
	out_free(c.wire);
	arena_free(c.arena);
	return rc;
}
