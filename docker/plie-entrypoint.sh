#!/bin/bash
# Entrypoint of the PLIE image: serves the database $PLIE_DATABASE (default
# plie) and, when that database is new, installs the PLIE addons
# ($PLIE_ADDONS) with French first, then hands over to the odoo image's own
# /entrypoint.sh. Demo data only when PLIE_DEMO is 1 or true.
# The PostgreSQL server is the one of the standard PG* variables (PGHOST,
# PGPORT, PGUSER, PGPASSWORD), which the image's entrypoint passes on to Odoo.
#
# Any other command (bash, `odoo shell`...) runs as given.
set -euo pipefail

# Runs one query on `database` and prints its rows; :'name' in the query is
# the third argument, quoted by psql.
query() {
    psql --dbname="$1" --no-psqlrc --tuples-only --no-align \
        --set=ON_ERROR_STOP=1 --set=name="${3:-}" <<<"$2"
}

# Prints "new" when the database needs the addons installed: it does not
# exist, or plie_base is not installed in it (an empty database, or a first
# install that did not finish); else "installed". Fails when PostgreSQL does
# not answer, rather than guess.
plie_database_state() {
    local database="$1" found
    found=$(query postgres "SELECT 1 FROM pg_database WHERE datname = :'name'" \
        "$database") || return
    if [[ -n "$found" ]]; then
        found=$(query "$database" \
            "SELECT 1 WHERE to_regclass('ir_module_module') IS NOT NULL") || return
    fi
    if [[ -n "$found" ]]; then
        found=$(query "$database" "SELECT 1 FROM ir_module_module
            WHERE name = 'plie_base' AND state = 'installed'") || return
    fi
    if [[ -n "$found" ]]; then echo installed; else echo new; fi
}

# The PostgreSQL server may still be starting (the image's entrypoint waits
# too, but only once this script has asked its question).
wait_for_postgres() {
    local tries=30
    until pg_isready --quiet --dbname=postgres; do
        ((--tries)) || { echo "PostgreSQL does not answer" >&2; return 1; }
        sleep 1
    done
}

# The server starts: `odoo` alone or followed by options, or options alone.
is_server_start() {
    [[ "${1:-}" == -* ]] || [[ "${1:-}" == odoo && ("${2:-}" == "" || "${2:-}" == -*) ]]
}

# Prints, one a line, the options added to the server's: the database, and
# the addons to install if its state is "new" (with demo data if asked).
plie_server_options() {
    local database="$1" state="$2"
    printf '%s\n' --database="$database" --db-filter="^${database}\$"
    if [[ "$state" == new ]]; then
        printf '%s\n' --init="${PLIE_ADDONS// /,}" --load-language=fr_FR
        case "${PLIE_DEMO:-0}" in
            1 | true) ;;
            *) echo --without-demo=all ;;
        esac
    fi
}

main() {
    if ! is_server_start "$@"; then
        exec /entrypoint.sh "$@"
    fi
    local database="${PLIE_DATABASE:-plie}" state options
    wait_for_postgres
    state=$(plie_database_state "$database")
    if [[ "$state" == new ]]; then
        echo "New database $database: installing $PLIE_ADDONS" >&2
    fi
    mapfile -t options < <(plie_server_options "$database" "$state")
    if [[ "$1" == odoo ]]; then shift; fi
    exec /entrypoint.sh odoo "$@" "${options[@]}"
}

# Sourced (by the tests), it only defines the functions.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    main "$@"
fi
