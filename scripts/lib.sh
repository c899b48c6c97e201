# shellcheck shell=bash disable=SC2034
# Shell functions shared by scripts/demo, scripts/check, scripts/bench and
# the HTTP tests (tests/http/stack.py calls them through bash).
#
# A "state directory" holds everything one running stack owns:
#
#   STATE/mysql/            MariaDB data directory
#   STATE/mysqld.sock .pid  MariaDB socket and PID file; mariadb.log
#   STATE/broadside.ini     the configuration every program reads
#   STATE/secrets           the two database passwords (kept across runs)
#   STATE/media/ static/    media (written by import) and a copy of static/
#   STATE/public.sock .pid  broadside.fcgi; public.log
#   STATE/admin.sock .pid   broadside-admin.fcgi; admin.log
#   STATE/nginx/            nginx prefix: nginx.conf, broadside.conf, logs
#   STATE/apache/           Apache ServerRoot: httpd.conf, broadside.conf, logs
#
# Every process is started in the background with its output in a log file
# and stopped by the PID recorded in STATE, never by name.
#
# Sourced, not executed; needs bash.  Functions return non-zero on failure
# after printing one line saying why.

BS_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BS_DB_NAME=${BS_DB_NAME:-broadside}

# Build and run-time packages; each script installs the lists it needs.
BS_PKGS_BUILD="autoconf automake make gcc pkgconf libfcgi-dev libfcgi-bin
libmariadb-dev libxml2-dev libxml2-utils libxslt1-dev libcmark-gfm-dev
libcmark-gfm-extensions-dev libsodium-dev libmagic-dev libinih-dev
libjansson-dev libvips-dev libical-dev tzdata"
BS_PKGS_DB="mariadb-server mariadb-client"
BS_PKGS_NGINX="nginx"
BS_PKGS_APACHE="apache2"
BS_PKGS_PYTEST="python3 python3-pytest python3-requests python3-lxml
python3-feedparser python3-icalendar"
BS_PKGS_CHECK="clang libclang-rt-14-dev default-jre-headless valgrind
chromium fonts-dejavu-core"
BS_PKGS_BENCH="wrk python3"

bs_log() {
	printf '%s: %s\n' "${BS_PROG:-broadside}" "$*" >&2
}

bs_die() {
	bs_log "$*"
	exit 1
}

# bs_install_deps PKG...: installs, with apt-get, those of the Debian
# packages named that are not installed yet.  nodejs and npm are skipped
# when a node / npm command already exists (e.g. from another source).
bs_install_deps() {
	local p missing=

	for p in "$@"; do
		case $p in
		nodejs)	command -v node >/dev/null 2>&1 && continue ;;
		npm)	command -v npm >/dev/null 2>&1 && continue ;;
		esac
		if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != \
		    "install ok installed" ]; then
			missing="$missing $p"
		fi
	done
	[ -z "$missing" ] && return 0
	bs_log "installing:$missing"
	if [ "$(id -u)" -ne 0 ]; then
		bs_log "not root: run  apt-get install$missing  first"
		return 1
	fi
	if [ -z "${BS_APT_UPDATED:-}" ]; then
		DEBIAN_FRONTEND=noninteractive apt-get update -q ||
		    { bs_log "apt-get update failed"; return 1; }
		BS_APT_UPDATED=1
	fi
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
	    --no-install-recommends $missing ||
	    { bs_log "apt-get install failed"; return 1; }
}

# bs_npm_deps: installs package.json's devDependencies (the Nu Html Checker,
# playwright-core for the browser tests) into node_modules/ if missing.
# Install scripts are not run: vnu-jar's would download a Java runtime and
# playwright's a browser; we use Debian's Java and chromium.
bs_npm_deps() {
	if [ -f "$BS_TOP/node_modules/vnu-jar/build/dist/vnu.jar" ] &&
	    [ -f "$BS_TOP/node_modules/playwright-core/package.json" ]; then
		return 0
	fi
	bs_log "npm: installing the Nu Html Checker and playwright-core"
	(cd "$BS_TOP" && npm ci --ignore-scripts --no-audit --no-fund) ||
	    { bs_log "npm ci failed"; return 1; }
}

# bs_build DIR [CONFIGURE-FLAGS...]: builds out of tree in DIR (relative to
# the top of the tree unless absolute): autogen.sh if configure is missing,
# configure if DIR has no Makefile or was configured with other flags, then
# make -j2.
bs_build() {
	local dir=$1 flags
	shift
	case $dir in
	/*)	;;
	*)	dir=$BS_TOP/$dir ;;
	esac
	if [ ! -x "$BS_TOP/configure" ] || [ ! -f "$BS_TOP/Makefile.in" ]; then
		bs_log "autogen.sh"
		(cd "$BS_TOP" && ./autogen.sh) ||
		    { bs_log "autogen.sh failed"; return 1; }
	fi
	mkdir -p "$dir" || return 1
	flags="$*"
	if [ ! -f "$dir/Makefile" ] ||
	    [ "$(cat "$dir/.bs-flags" 2>/dev/null)" != "$flags" ]; then
		bs_log "configure $flags (in ${dir#"$BS_TOP"/})"
		(cd "$dir" && "$BS_TOP/configure" "$@" >configure.out 2>&1) || {
			tail -n 20 "$dir/configure.out" >&2
			bs_log "configure failed: see $dir/config.log"
			return 1
		}
		printf '%s\n' "$flags" >"$dir/.bs-flags"
	fi
	bs_log "make (in ${dir#"$BS_TOP"/})"
	make -C "$dir" -j2 >/dev/null || { bs_log "make failed"; return 1; }
}

# bs_pid_alive PID: true if PID is a running process (not a zombie).
bs_pid_alive() {
	local st

	[ -n "$1" ] && [ -r "/proc/$1/stat" ] || return 1
	st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)
	[ -n "$st" ] && [ "$st" != Z ]
}

# bs_pid_ours PID DIR: true if PID is a running process whose command line
# names DIR (every process of a stack has its state directory in its
# arguments), so that a stale PID file never gets another process killed.
bs_pid_ours() {
	bs_pid_alive "$1" &&
	    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# bs_running STATE NAME: true if the process of STATE/NAME.pid runs.
bs_running() {
	bs_pid_ours "$( (tr -dc 0-9 <"$1/$2.pid") 2>/dev/null)" "$1"
}

# bs_stop_pidfile FILE [SECONDS]: sends SIGTERM to the process whose PID
# FILE holds (if it is one of the stack in FILE's directory), waits up to
# SECONDS (default 20) for it to go, then SIGKILL.  Removes FILE.
# Succeeds if there was nothing to stop.
bs_stop_pidfile() {
	local file=$1 secs=${2:-20} pid i

	[ -f "$file" ] || return 0
	pid=$(tr -dc 0-9 <"$file")
	if [ -n "$pid" ] && bs_pid_ours "$pid" "$(dirname "$file")"; then
		kill -TERM "$pid" 2>/dev/null
		i=0
		while bs_pid_alive "$pid" && [ "$i" -lt $((secs * 10)) ]; do
			sleep 0.1
			i=$((i + 1))
		done
		if bs_pid_alive "$pid"; then
			bs_log "PID $pid ($file) ignored SIGTERM: killing it"
			kill -KILL "$pid" 2>/dev/null
			sleep 0.2
		fi
		# Reap it if it was our child.
		wait "$pid" 2>/dev/null
	fi
	rm -f "$file"
	return 0
}

# bs_wait_for TEST SECONDS PID: waits until the shell command TEST succeeds;
# fails early if PID (when given) dies.
bs_wait_for() {
	local test=$1 secs=$2 pid=${3:-} i=0

	while ! eval "$test" >/dev/null 2>&1; do
		if [ -n "$pid" ] && ! bs_pid_alive "$pid"; then
			return 1
		fi
		if [ "$i" -ge $((secs * 10)) ]; then
			return 1
		fi
		sleep 0.1
		i=$((i + 1))
	done
}

# bs_port_busy PORT: true if something listens on 127.0.0.1:PORT or the
# port cannot be bound.
bs_port_busy() {
	/usr/bin/python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(0)
sys.exit(1)
EOF
}

# bs_free_port: prints a TCP port free on 127.0.0.1.
bs_free_port() {
	/usr/bin/python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# bs_port_open PORT: true if a connection to 127.0.0.1:PORT succeeds.
bs_port_open() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# bs_state_init STATE: creates the state directory, readable by the web
# server's user (which must reach the sockets and static files).
bs_state_init() {
	local state=$1

	mkdir -p "$state" "$state/media" || return 1
	chmod 0755 "$state" "$state/media" || return 1
	if [ ${#state} -gt 80 ]; then
		bs_log "state directory path too long for UNIX sockets: $state"
		return 1
	fi
	if [ "$(id -u)" -eq 0 ] && id www-data >/dev/null 2>&1 &&
	    ! runuser -u www-data -- test -x "$state" 2>/dev/null; then
		bs_log "the web server's user (www-data) cannot reach $state:" \
		    "make its parent directories world-searchable (chmod o+x)"
		return 1
	fi
}

# bs_sql STATE [ARGS...]: the mariadb client as the database superuser,
# over the private server's socket.
bs_sql() {
	local state=$1
	shift
	mariadb --no-defaults --socket="$state/mysqld.sock" -uroot "$@"
}

# bs_mariadb_start STATE: starts a private MariaDB server with its data in
# STATE/mysql (created on first use), listening on STATE/mysqld.sock only.
# Waits until it answers.
bs_mariadb_start() {
	local state=$1 data=$1/mysql pid userarg=

	[ "$(id -u)" -eq 0 ] && userarg=--user=root
	if bs_running "$state" mysqld; then
		bs_log "MariaDB already running (PID $(cat "$state/mysqld.pid"))"
		return 0
	fi
	if [ ! -d "$data/mysql" ]; then
		mkdir -p "$data" || return 1
		mariadb-install-db --no-defaults --datadir="$data" $userarg \
		    --skip-test-db --auth-root-authentication-method=socket \
		    --innodb-log-file-size=16M \
		    >"$state/mariadb-install.log" 2>&1 || {
			tail -n 20 "$state/mariadb-install.log" >&2
			bs_log "mariadb-install-db failed"
			return 1
		}
	fi
	rm -f "$state/mysqld.sock"
	# shellcheck disable=SC2086
	setsid mariadbd --no-defaults --datadir="$data" \
	    --socket="$state/mysqld.sock" --skip-networking \
	    --pid-file="$state/mysqld.pid" --log-error="$state/mariadb.log" \
	    --character-set-server=utf8mb4 \
	    --collation-server=utf8mb4_unicode_ci \
	    --innodb-flush-log-at-trx-commit=2 --innodb-buffer-pool-size=128M \
	    --innodb-log-file-size=16M \
	    $userarg </dev/null >>"$state/mariadb.log" 2>&1 &
	pid=$!
	echo "$pid" >"$state/mysqld.pid"
	if ! bs_wait_for "mariadb-admin --no-defaults \
	    --socket='$state/mysqld.sock' -uroot ping" 60 "$pid"; then
		tail -n 20 "$state/mariadb.log" >&2
		bs_log "MariaDB did not start: see $state/mariadb.log"
		return 1
	fi
	# mariadbd rewrote the PID file with its own PID, the same as ours.
	echo "$pid" >"$state/mysqld.pid"
}

# bs_mariadb_stop STATE
bs_mariadb_stop() {
	bs_stop_pidfile "$1/mysqld.pid" 60
}

# bs_secret: prints a random password.
bs_secret() {
	head -c 18 /dev/urandom | base64 | tr -d '/+='
}

# bs_write_config STATE BASE_URL: writes STATE/broadside.ini for a stack
# whose programs come from the source tree (templates, static files).  The
# database passwords are made once and kept in STATE/secrets.
bs_write_config() {
	local state=$1 base=$2 pub adm

	if [ ! -f "$state/secrets" ]; then
		printf 'BS_PW_PUBLIC=%s\nBS_PW_ADMIN=%s\n' \
		    "$(bs_secret)" "$(bs_secret)" >"$state/secrets"
		chmod 0600 "$state/secrets"
	fi
	# shellcheck disable=SC1091
	pub=$(. "$state/secrets" && echo "$BS_PW_PUBLIC")
	# shellcheck disable=SC1091
	adm=$(. "$state/secrets" && echo "$BS_PW_ADMIN")
	rm -rf "$state/static"
	cp -R "$BS_TOP/static" "$state/static" &&
	    chmod -R u+w,go+rX "$state/static" || return 1
	cat >"$state/broadside.ini" <<EOF
; Written by scripts/lib.sh for the stack in this directory.
[site]
name = Harm Reduction Voices
tagline = News, statements and events from a network of people who use drugs
base_url = $base
languages = en fr es ru
default_language = en
extra_zones = America/New_York Africa/Nairobi Asia/Bangkok
page_size = 10
cache_seconds = 60

[paths]
templates = $BS_TOP/templates
static_url = /static
media = $state/media
media_url = /media

[database.public]
socket = $state/mysqld.sock
user = broadside_public
password = $pub
database = $BS_DB_NAME

[database.admin]
socket = $state/mysqld.sock
user = broadside_admin
password = $adm
database = $BS_DB_NAME
EOF
	chmod 0600 "$state/broadside.ini"
}

# bs_run LOG COMMAND...: runs COMMAND with its output in LOG; on failure
# shows the end of LOG and how the command ended (exit status or signal).
bs_run() {
	local log=$1 rc
	shift
	"$@" >"$log" 2>&1
	rc=$?
	[ "$rc" -eq 0 ] && return 0
	tail -n 20 "$log" >&2
	if [ "$rc" -gt 128 ]; then
		bs_log "$*: killed by signal $((rc - 128)) (a crash?):" \
		    "see $log"
	else
		bs_log "$*: exit status $rc: see $log"
	fi
	return "$rc"
}

# bs_db_setup STATE BUILD [SAMPLE-DIR]: creates the database and the two
# accounts (broadside grants --accounts, as the superuser), applies the
# migrations over the admin account, grants the public account its SELECTs
# on the tables that now exist, and, if the database has no items yet,
# imports the sample content (default: the source tree's sample/).  Every
# step is safe to repeat, so a restarted demo keeps its data.
bs_db_setup() {
	local state=$1 build=$2 sample=${3:-$BS_TOP/sample}
	local cfg=$1/broadside.ini bin=$2/broadside n

	"$bin" -c "$cfg" grants --accounts >"$state/grants-accounts.sql" ||
	    { bs_log "broadside grants --accounts failed"; return 1; }
	bs_sql "$state" <"$state/grants-accounts.sql" ||
	    { bs_log "creating the database and its accounts failed"; return 1; }
	bs_run "$state/migrate.log" "$bin" -c "$cfg" migrate \
	    --dir "$BS_TOP/sql/migrations" || return 1
	"$bin" -c "$cfg" grants >"$state/grants.sql" ||
	    { bs_log "broadside grants failed"; return 1; }
	bs_sql "$state" <"$state/grants.sql" ||
	    { bs_log "applying the grants failed"; return 1; }
	n=$(bs_sql "$state" -N -e "SELECT COUNT(*) FROM \`$BS_DB_NAME\`.items") ||
	    return 1
	if [ "$n" = 0 ]; then
		bs_log "importing the content of $sample"
		bs_run "$state/import.log" "$bin" -c "$cfg" import sample \
		    "$sample" || return 1
	fi
}

# bs_worker_start STATE PROGRAM NAME WORKERS: starts PROGRAM (a path) on
# STATE/NAME.sock with WORKERS processes; PID in STATE/NAME.pid, output in
# STATE/NAME.log.  Waits for the socket.
bs_worker_start() {
	local state=$1 prog=$2 name=$3 n=$4 pid

	if bs_running "$state" "$name"; then
		bs_log "$name workers already running"
		return 0
	fi
	rm -f "$state/$name.sock"
	setsid "$prog" -c "$state/broadside.ini" -s "$state/$name.sock" \
	    -n "$n" -p "$state/$name.pid" </dev/null >>"$state/$name.log" 2>&1 &
	pid=$!
	echo "$pid" >"$state/$name.pid"
	if ! bs_wait_for "test -S '$state/$name.sock'" 20 "$pid"; then
		tail -n 20 "$state/$name.log" >&2
		bs_log "$(basename "$prog") did not start: see $state/$name.log"
		return 1
	fi
	echo "$pid" >"$state/$name.pid"
}

# bs_workers_start STATE BUILD [WORKERS]: both programs' workers.
bs_workers_start() {
	local state=$1 build=$2 n=${3:-2}

	bs_worker_start "$state" "$build/broadside.fcgi" public "$n" &&
	    bs_worker_start "$state" "$build/broadside-admin.fcgi" admin 1
}

# bs_workers_stop STATE
bs_workers_stop() {
	bs_stop_pidfile "$1/public.pid"
	bs_stop_pidfile "$1/admin.pid"
	rm -f "$1/public.sock" "$1/admin.sock"
}

# bs_fill_conf TEMPLATE OUT STATE LISTEN: fills the placeholders of
# nginx/broadside.conf or apache/broadside.conf for the stack in STATE.
bs_fill_conf() {
	sed -e "s|@LISTEN@|$4|g" \
	    -e "s|@SERVER_NAME@|127.0.0.1|g" \
	    -e "s|@STATIC_DIR@|$3/static|g" \
	    -e "s|@MEDIA_DIR@|$3/media|g" \
	    -e "s|@PUBLIC_SOCKET@|$3/public.sock|g" \
	    -e "s|@ADMIN_SOCKET@|$3/admin.sock|g" \
	    "$1" >"$2"
	if grep -n '@[A-Z_]*@' "$2" >&2; then
		bs_log "$1 has placeholders lib.sh does not know"
		return 1
	fi
}

# bs_nginx_start STATE PORT [STATIC-ROOT]: nginx on 127.0.0.1:PORT with
# nginx/broadside.conf, prefix STATE/nginx.  With STATIC-ROOT, a second
# server on PORT+1 serves that directory as plain files (scripts/bench).
bs_nginx_start() {
	local state=$1 port=$2 extra=${3:-} dir=$1/nginx pid user=''

	if bs_running "$state" nginx; then
		bs_log "nginx already running"
		return 0
	fi
	mkdir -p "$dir/logs" "$dir/tmp" || return 1
	# Relative includes are looked up beside nginx.conf.
	cp /etc/nginx/fastcgi_params "$dir/fastcgi_params" || return 1
	bs_fill_conf "$BS_TOP/nginx/broadside.conf" "$dir/broadside.conf" \
	    "$state" "127.0.0.1:$port" || return 1
	[ "$(id -u)" -eq 0 ] && user="user www-data;"
	{
		cat <<EOF
# Written by scripts/lib.sh: the top level around nginx/broadside.conf.
$user
worker_processes 2;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	sendfile on;
	tcp_nopush on;
	keepalive_requests 100000;
	server_tokens off;
	access_log ${BS_NGINX_ACCESS_LOG:-$dir/logs/access.log};
	client_body_temp_path $dir/tmp/body;
	fastcgi_temp_path $dir/tmp/fastcgi;
	proxy_temp_path $dir/tmp/proxy;
	scgi_temp_path $dir/tmp/scgi;
	uwsgi_temp_path $dir/tmp/uwsgi;
	include $dir/broadside.conf;
EOF
		if [ -n "$extra" ]; then
			cat <<EOF
	server {
		listen 127.0.0.1:$((port + 1));
		root $extra;
		default_type text/html;
	}
EOF
		fi
		echo "}"
	} >"$dir/nginx.conf"
	nginx -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" ||
	    { bs_log "nginx -t failed for $dir/nginx.conf"; return 1; }
	setsid nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/error.log" \
	    -g 'daemon off;' </dev/null >>"$dir/logs/stderr.log" 2>&1 &
	pid=$!
	echo "$pid" >"$state/nginx.pid"
	if ! bs_wait_for "bs_port_open $port" 20 "$pid"; then
		tail -n 20 "$dir/logs/error.log" >&2
		bs_log "nginx did not start: see $dir/logs/error.log"
		return 1
	fi
}

# bs_nginx_stop STATE
bs_nginx_stop() {
	bs_stop_pidfile "$1/nginx.pid"
}

# bs_apache_start STATE PORT: Apache (mpm_event) on 127.0.0.1:PORT with
# apache/broadside.conf; ServerRoot STATE/apache.
bs_apache_start() {
	local state=$1 port=$2 dir=$1/apache pid m user='' mods

	if bs_running "$state" apache; then
		bs_log "Apache already running"
		return 0
	fi
	mkdir -p "$dir/logs" "$dir/run" || return 1
	bs_fill_conf "$BS_TOP/apache/broadside.conf" "$dir/broadside.conf" \
	    "$state" "127.0.0.1:$port" || return 1
	[ "$(id -u)" -eq 0 ] && user="User www-data
Group www-data"
	mods="mpm_event authz_core authz_host mime dir alias headers proxy
	    proxy_fcgi rewrite filter deflate setenvif env"
	{
		cat <<EOF
# Written by scripts/lib.sh: the top level around apache/broadside.conf.
ServerRoot "$dir"
Listen 127.0.0.1:$port
PidFile "$dir/run/httpd.pid"
DefaultRuntimeDir "$dir/run"
Mutex file:$dir/run default
ErrorLog "$dir/logs/error.log"
LogLevel warn
ServerName 127.0.0.1
ServerTokens Prod
$user
EOF
		for m in $mods; do
			echo "LoadModule ${m}_module /usr/lib/apache2/modules/mod_$m.so"
		done
		cat <<EOF
TypesConfig /etc/mime.types
LogFormat "%h %l %u %t \"%r\" %>s %b %D" timed
CustomLog "$dir/logs/access.log" timed
StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
<Directory />
	Options None
	AllowOverride None
	Require all denied
</Directory>
Include "$dir/broadside.conf"
EOF
	} >"$dir/httpd.conf"
	apache2 -t -f "$dir/httpd.conf" >"$dir/logs/configtest.log" 2>&1 || {
		cat "$dir/logs/configtest.log" >&2
		bs_log "apache2 -t failed for $dir/httpd.conf"
		return 1
	}
	setsid apache2 -f "$dir/httpd.conf" -DFOREGROUND \
	    </dev/null >>"$dir/logs/stderr.log" 2>&1 &
	pid=$!
	echo "$pid" >"$state/apache.pid"
	if ! bs_wait_for "bs_port_open $port" 20 "$pid"; then
		tail -n 20 "$dir/logs/error.log" "$dir/logs/stderr.log" >&2
		bs_log "Apache did not start: see $dir/logs/error.log"
		return 1
	fi
}

# bs_apache_stop STATE
bs_apache_stop() {
	bs_stop_pidfile "$1/apache.pid"
}

# bs_stop_all STATE: stops whatever of the stack in STATE is running.
bs_stop_all() {
	bs_apache_stop "$1"
	bs_nginx_stop "$1"
	bs_workers_stop "$1"
	bs_mariadb_stop "$1"
}

# bs_make_check DIR [TARGET]: runs "make TARGET" (default check) in the build
# directory DIR, its output shown and kept in DIR/make-TARGET.out; then sets
# BS_PASSED, BS_FAILED and BS_SKIPPED from automake's per-test lines, with
# the HTTP suite (tests/http.sh) counted as the pytest tests it ran.
# Returns make's status.
bs_make_check() {
	local dir=$1 target=${2:-check} out rc http line p f s results

	out=$dir/make-$target.out
	http=$(mktemp "${TMPDIR:-/tmp}/broadside-results.XXXXXX") || return 1
	BS_HTTP_RESULTS=$http make -C "$dir" -j2 "$target" 2>&1 | tee "$out"
	rc=${PIPESTATUS[0]}
	BS_PASSED=0 BS_FAILED=0 BS_SKIPPED=0
	results=$(sed 's/\x1b\[[0-9;]*m//g' "$out" |
	    grep -E '^(PASS|FAIL|XFAIL|XPASS|ERROR|SKIP): ')
	while read -r line; do
		case $line in
		*" tests/http.sh")
			# Counted as its pytest tests below, if it ran them.
			[ -s "$http" ] && continue ;;
		esac
		case $line in
		PASS:*|XFAIL:*)		BS_PASSED=$((BS_PASSED + 1)) ;;
		SKIP:*)			BS_SKIPPED=$((BS_SKIPPED + 1)) ;;
		FAIL:*|XPASS:*|ERROR:*)	BS_FAILED=$((BS_FAILED + 1)) ;;
		esac
	done <<EOF
$results
EOF
	if [ -s "$http" ]; then
		while read -r line; do
			p=$(echo "$line" | sed -n 's/.*passed=\([0-9]*\).*/\1/p')
			f=$(echo "$line" | sed -n 's/.*failed=\([0-9]*\).*/\1/p')
			s=$(echo "$line" | sed -n 's/.*skipped=\([0-9]*\).*/\1/p')
			BS_PASSED=$((BS_PASSED + ${p:-0}))
			BS_FAILED=$((BS_FAILED + ${f:-1}))
			BS_SKIPPED=$((BS_SKIPPED + ${s:-0}))
		done <"$http"
		# The wrapper failing while no pytest test failed (a broken
		# harness) is still a failure.
		if echo "$results" | grep -Eq '^(FAIL|ERROR): tests/http.sh' &&
		    ! grep -Eq 'failed=[1-9]' "$http"; then
			BS_FAILED=$((BS_FAILED + 1))
		fi
	fi
	rm -f "$http"
	# make failing before or around the tests counts as one failure.
	if [ "$rc" -ne 0 ] && [ "$BS_FAILED" -eq 0 ]; then
		BS_FAILED=1
	fi
	return "$rc"
}

# bs_summary PASSED FAILED [SKIPPED]: prints the closing line of a run.
bs_summary() {
	if [ "${3:-0}" -gt 0 ]; then
		echo "$1 passed, $2 failed, $3 skipped"
	else
		echo "$1 passed, $2 failed"
	fi
}
